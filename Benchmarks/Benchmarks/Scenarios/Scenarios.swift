import Benchmark
import ReferenceScenarios
import TopoBench

// Whole replications through the public scenario path: `ScenarioLoader.parse(text:file:)` once
// (not timed), then `Simulation(scenario:topology:replication:).run()` per iteration, timed from
// the construction of the simulation to its outcome. The scenario files are in
// `Benchmarks/reference/`; durations here are shorter than the files' so that each benchmark
// runs several iterations (the rate per second does not depend on the duration).

let customersPerSecond = BenchmarkMetric.custom("customers/s", polarity: .prefersLarger, useScalingFactor: false)
let requestsPerSecond = BenchmarkMetric.custom("client requests/s", polarity: .prefersLarger, useScalingFactor: false)
let messagesPerSecond = BenchmarkMetric.custom("messages/s", polarity: .prefersLarger, useScalingFactor: false)
let eventsPerSecond = BenchmarkMetric.custom("events/s", polarity: .prefersLarger, useScalingFactor: false)
let events = BenchmarkMetric.custom("events", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 5
    )

    /// One benchmark per reference scenario: `rate` names the figure of merit and `count` reads
    /// it from the replication's metrics.
    func scenarioBenchmark(
        _ name: String, file: String, duration: SimTime, rate: BenchmarkMetric, count: @escaping @Sendable (ReferenceScenarios.Timed) -> Double
    ) {
        var c = configuration
        c.metrics = [rate, eventsPerSecond, events] + configuration.metrics
        Benchmark(name, configuration: c) { benchmark in
            let scenario = ReferenceScenarios.load(file, duration: duration)
            benchmark.startMeasurement()
            let timed = ReferenceScenarios.run(scenario)
            benchmark.stopMeasurement()
            benchmark.measurement(rate, timed.perSecond(count(timed)))
            benchmark.measurement(eventsPerSecond, timed.perSecond(Double(timed.outcome.events)))
            benchmark.measurement(events, Int(timed.outcome.events))
        }
    }

    // M/M/4, ρ = 0.8: 1.6 million customers. customers = requests offered (warm-up 0).
    scenarioBenchmark("M/M/4 rho=0.8 (reference/mm4.yaml, 500 s)", file: "mm4", duration: 500 * Time.second,
                      rate: customersPerSecond) { $0.metric(.offered) }
    // Two-tier ALB, Redis sessions, health checks, a backend crash: 1.08 million requests.
    scenarioBenchmark("two-tier ALB (reference/alb.yaml, 30 min)", file: "alb", duration: 30 * Time.minute,
                      rate: requestsPerSecond) { $0.metric(.offered) }
    // web → SQS → consumers: 1.08 million messages processed by the consumers.
    scenarioBenchmark("SQS (reference/sqs.yaml, 30 min)", file: "sqs", duration: 30 * Time.minute,
                      rate: messagesPerSecond) { $0.metric(.messagesProcessed) }
}
