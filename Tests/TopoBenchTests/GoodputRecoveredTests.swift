import Foundation
import Testing

@testable import TopoBench

/// Issue 15, point 3 (in part): `goodput_per_s`, `recovered` and `wasted_work`.
@Suite("Goodput and recovery after the last fault")
struct GoodputRecoveredTests {
    /// One instance, one worker, 9 ms of service at 100 requests/s (ρ 0.9), clients that wait
    /// 1 s. A 60 s slowdown (3×) piles up a backlog of about 100 × 60 × (1 − 1/2.7) ≈ 3,800
    /// requests, which then drains at only 1/9 ms − 100/s ≈ 11/s: for about six minutes every
    /// request waits behind it and times out, although the trigger is gone.
    static func scenario(duration: String) -> String {
        """
        name: meta
        duration: \(duration)
        window: 10s
        replications: 2
        network: none
        workload: { arrival: { dist: exponential, rate: 100/s }, timeout: 1s }
        faults:
          - { kind: latency, target: web, multiplier: 3, at: 1m, duration: 1m }
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 1, workers: 1, queue: 100000, service: { dist: exponential, mean: 9ms } }
        """
    }

    @Test func aBacklogThatOutlivesItsTriggerIsNotRecoveredUntilItDrains() throws {
        let short = try ComponentBench.run(Self.scenario(duration: "4m"))
        #expect(try ComponentBench.column(short, "recovered") == [0, 0])
        // From the slowdown on, the worker serves requests whose clients gave up after 1 s:
        // most of its time in the run is wasted.
        for w in try ComponentBench.column(short, "wasted_work") { #expect(w > 0.5, "wasted \(w)") }
        let long = try ComponentBench.run(Self.scenario(duration: "20m"))
        #expect(try ComponentBench.column(long, "recovered") == [1, 1])
    }

    /// Goodput is the successes per second of the measured time: with nothing failing, the
    /// arrival rate (100/s over 20 minutes: ± 3 %); a fault that lasts until the end leaves
    /// `recovered` empty.
    @Test func goodputIsSuccessesPerSecondAndAFaultToTheEndLeavesRecoveredEmpty() throws {
        let yaml = Self.scenario(duration: "20m").replacingOccurrences(of: "multiplier: 3, at: 1m, duration: 1m", with: "multiplier: 1, at: 1m")
        let rs = try ComponentBench.run(yaml)
        let goodput = try ComponentBench.column(rs, "goodput_per_s")
        let succeeded = try ComponentBench.column(rs, "succeeded")
        for (g, s) in zip(goodput, succeeded) {
            #expect(abs(g - s / 1200) < 1e-6)
            #expect(abs(g - 100) < 3, "goodput \(g)/s")
        }
        #expect(try ComponentBench.column(rs, "recovered").allSatisfy(\.isNaN))
        // At ρ 0.9 a few requests wait longer than 1 s (P(W > 1 s) = 0.9 e^(−1 s × 11/s) ≈ 1.5e-5).
        for w in try ComponentBench.column(rs, "wasted_work") { #expect(w < 0.001, "wasted \(w)") }
    }
}
