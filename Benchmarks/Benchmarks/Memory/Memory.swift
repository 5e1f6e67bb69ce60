import Benchmark
import ReferenceScenarios
import TopoBench

// Peak resident memory of one replication of the two-tier ALB scenario (reference/alb.yaml) at a
// simulated duration D and at 10·D. Nothing should be stored per request, so the peak should
// hardly grow (target: less than 1.3×). Each benchmark runs in its own process (the benchmark
// tool spawns one per benchmark), so the two peaks do not mix. `peakMemoryResident` is the
// process's resident set sampled during the run (harness included); `peakMemoryResidentDelta`
// subtracts what was resident before the measured run.

let requests = BenchmarkMetric.custom("client requests", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.peakMemoryResident, .peakMemoryResidentDelta, .wallClock, .mallocCountTotal, requests],
        // Kilobytes rather than the automatic (rounded) megabytes, so that the ratio can be read.
        units: [.peakMemoryResident: .kilo, .peakMemoryResidentDelta: .kilo],
        warmupIterations: 0,
        maxDuration: .seconds(120),
        maxIterations: 1
    )
    let d = 6 * Time.minute
    for (label, duration) in [("D = 6 min", d), ("10·D = 60 min", 10 * d)] {
        Benchmark("ALB memory, \(label)", configuration: configuration) { benchmark in
            let scenario = ReferenceScenarios.load("alb", duration: duration)
            benchmark.startMeasurement()
            let timed = ReferenceScenarios.run(scenario)
            benchmark.stopMeasurement()
            benchmark.measurement(requests, Int(timed.metric(.offered)))
        }
    }
}
