import Benchmark
import TopoBench

// The hold model (Jones, "An empirical comparison of priority-queue and event-set
// implementations", CACM 29(4), 1986): the event list holds N pending events; each operation
// pops the earliest and schedules one at its time plus an exponential increment. Reported as
// events per second of wall time (one hold = one event processed), at N = 10³ and 10⁵.
//
// Two variants: "hold" draws each increment from a GSL stream through `Distribution`, as the
// simulator does; "hold, queue only" cycles through 4096 increments drawn beforehand, so that
// the figure is the event list's alone.

/// Holds per benchmark iteration.
let holds = 2_000_000
let eventsPerSecond = BenchmarkMetric.custom("events/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [eventsPerSecond, .wallClock, .mallocCountTotal],
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )
    let increment: Distribution
    do {
        increment = try .exponential(mean: 1)  // seconds: 10⁵ pending events are ~10 µs apart
    } catch {
        fatalError("\(error)")  // a constant parameter, not user input
    }

    for pending in [1_000, 100_000] {
        Benchmark("hold, \(pending) pending", configuration: configuration) { benchmark in
            let stream = RandomStream(seed: 2026, replication: 1, name: "hold")
            var queue = EventQueue(capacity: pending)
            defer { queue.deallocate() }
            for _ in 0..<pending { queue.schedule(at: increment.sampleNanoseconds(stream), .arrival) }

            benchmark.startMeasurement()
            let start = ContinuousClock.now
            for _ in 0..<holds {
                let e = queue.pop()
                queue.schedule(at: e.time &+ increment.sampleNanoseconds(stream), e.kind, target: e.target, slot: e.slot, gen: e.gen)
            }
            let elapsed = ContinuousClock.now - start
            benchmark.stopMeasurement()

            blackHole(queue.nextTime)
            benchmark.measurement(eventsPerSecond, Int(Double(holds) / seconds(elapsed)))
        }

        Benchmark("hold, queue only, \(pending) pending", configuration: configuration) { benchmark in
            let stream = RandomStream(seed: 2026, replication: 1, name: "hold")
            let table = (0..<4096).map { _ in increment.sampleNanoseconds(stream) }
            var queue = EventQueue(capacity: pending)
            defer { queue.deallocate() }
            for i in 0..<pending { queue.schedule(at: table[i & 4095] &* 7 &+ SimTime(i), .arrival) }

            benchmark.startMeasurement()
            let start = ContinuousClock.now
            table.withUnsafeBufferPointer { increments in
                for i in 0..<holds {
                    let e = queue.pop()
                    queue.schedule(at: e.time &+ increments[i & 4095], e.kind, target: e.target, slot: e.slot, gen: e.gen)
                }
            }
            let elapsed = ContinuousClock.now - start
            benchmark.stopMeasurement()

            blackHole(queue.nextTime)
            benchmark.measurement(eventsPerSecond, Int(Double(holds) / seconds(elapsed)))
        }
    }
}

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}
