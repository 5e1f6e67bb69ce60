import Foundation
import Testing

@testable import TopoBench

/// Issue 15, point 2: `concurrency_limit`, adaptive admission as Netflix's concurrency-limits.
@Suite("Adaptive concurrency limits")
struct ConcurrencyLimitTests {
    static func spec(_ a: ConcurrencyLimitSpec.Algorithm, initial: Int = 20, min: Int = 4, max: Int = 200) -> ConcurrencyLimitSpec {
        ConcurrencyLimitSpec(algorithm: a, initial: initial, min: min, max: max, backoff: 0.9, timeout: Time.second, tolerance: 1.5, smoothing: 0.2, queueSize: 4)
    }

    /// AIMDLimit: + 1 after a success with at least half the limit in use, nothing when less is
    /// in use, ⌊× 0.9⌋ after a drop or a sample slower than the timeout, within [min, max].
    @Test func aimdAddsOneAndBacksOff() {
        var l = AdaptiveLimit(Self.spec(.aimd))
        l.sample(rtt: Time.millisecond, inflight: 10, dropped: false)
        #expect(l.current == 21)
        l.sample(rtt: Time.millisecond, inflight: 5, dropped: false)
        #expect(l.current == 21)
        l.sample(rtt: Time.millisecond, inflight: 10, dropped: true)
        #expect(l.current == 18)
        l.sample(rtt: 2 * Time.second, inflight: 10, dropped: false)
        #expect(l.current == 16)
        for _ in 0..<100 { l.sample(rtt: Time.millisecond, inflight: 1, dropped: true) }
        #expect(l.current == 4)
        for _ in 0..<1000 { l.sample(rtt: Time.millisecond, inflight: 1000, dropped: false) }
        #expect(l.current == 200)
    }

    /// Gradient2Limit: steady latency lets the limit grow by queue_size × smoothing a sample (the
    /// gradient is 1); latency twice the long-term one (past the 1.5 tolerance) shrinks it.
    @Test func gradientFollowsTheLatency() {
        var l = AdaptiveLimit(Self.spec(.gradient))
        for _ in 0..<10 { l.sample(rtt: 10 * Time.millisecond, inflight: 50, dropped: false) }
        // limit × 0.8 + (limit × 1 + 4) × 0.2 = limit + 0.8 per sample.
        #expect(abs(l.limit - 28) < 1e-9, "\(l.limit)")
        let before = l.limit
        l.sample(rtt: 40 * Time.millisecond, inflight: 50, dropped: false)
        // long ≈ 10.5 ms (one slow sample in the average); gradient = max(0.5, 1.5 × 10.5 / 40).
        #expect(l.limit < before)
    }

    static func scenario(_ limit: String) -> String {
        """
        name: limit
        duration: 120s
        warmup: 20s
        window: 10s
        replications: 1
        network: none
        workload: { arrival: { dist: exponential, rate: 800/s }, timeout: 200ms }
        topologies:
          t:
            entry: server
            components:
              server: { kind: instances, count: 1, workers: 8, service: { dist: exponential, mean: 20ms }\(limit) }
        """
    }

    /// Twice the capacity (400/s): without a limit the queue grows and every request waits past
    /// its 200 ms timeout, so nearly nothing succeeds. With a limit the waiting room stays short
    /// enough to be served in time, below (88 − 8 workers) / 400/s = 200 ms: the gradient keeps
    /// goodput within 15 % of capacity; AIMD, which adds one per success and takes 10 % per
    /// drop, saws between the two and keeps more than half of it.
    @Test(arguments: [("aimd", 0.5), ("gradient", 0.85)])
    func aLimitKeepsGoodputUnderOverload(algorithm: String, share: Double) throws {
        let without = try ComponentBench.simulate(Self.scenario(""))
        let with = try ComponentBench.simulate(Self.scenario(", concurrency_limit: { algorithm: \(algorithm), min: 8 }"))
        let seconds = 100.0
        #expect(Double(without.metrics.succeeded) / seconds < 40)
        let goodput = Double(with.metrics.succeeded) / seconds
        #expect(goodput > share * 400, "\(algorithm): goodput \(goodput)/s")
        let server = try #require(with.components.models(of: InstanceGroup.self).first)
        #expect(server.limited > 10_000 && server.limiters[0].current >= 8 && server.limiters[0].current < 88, "limit \(server.limiters[0].current)")
    }

    @Test func badLimitsAreRefused() throws {
        for (limit, path) in [
            (", concurrency_limit: { algorithm: aimd, smoothing: 0.5 }", "topologies.t.components.server.concurrency_limit.smoothing"),
            (", concurrency_limit: { algorithm: gradient, min: 50, max: 10 }", "topologies.t.components.server.concurrency_limit.max"),
            (", concurrency_limit: { min: 5 }", "topologies.t.components.server.concurrency_limit"),
        ] {
            let error = try #require(throws: ScenarioError.self) { try ComponentBench.scenarios(Self.scenario(limit)) }
            #expect(error.keyPath == path, "\(error)")
        }
    }
}
