import Foundation
import Testing

@testable import TopoBench

/// Issue 12, point 6 (in part): the `sdk` and `sdk_2026` presets of `workload.retry`, a
/// throttling error's own backoff base and quota cost, and `attempts_per_request`.
@Suite("Retry presets and attempts per request")
struct RetryPresetTests {
    /// Every SendMessage to the queue `front` fails (an errors fault for the whole run) with `code`.
    static func scenario(retry: String, code: Int = 500, rate: String = "10/s") -> String {
        """
        name: retries
        duration: 100s
        replications: 1
        workload:
          arrival: { dist: constant, value: \(rate == "10/s" ? "100ms" : rate) }
          timeout: 5s
          retry: \(retry)
        network: none
        faults:
          - { kind: errors, target: front, code: \(code), at: 0s }
        topologies:
          t:
            entry: front
            components:
              front: { kind: sqs }
        """
    }

    static func metrics(_ yaml: String) throws -> FigureValues {
        let s = try ComponentBench.scenarios(yaml)[0]
        return Simulation(scenario: s, topology: s.topologies[0], replication: 1).run().metrics
    }

    @Test func thePresetsAreTheSDKsDefaults() throws {
        func policy(_ r: String) throws -> RetryPolicy {
            try ComponentBench.scenarios(Self.scenario(retry: r))[0].workload.retry
        }
        let sdk = try policy("sdk")
        #expect(sdk.maxAttempts == 3 && sdk.base == 100 * Time.millisecond && sdk.cap == 20 * Time.second && sdk.throttleBase == nil)
        #expect(sdk.quota?.retryCost == 5 && sdk.quota?.timeoutRetryCost == 10 && sdk.quota?.throttleCost == nil)
        let new = try policy("sdk_2026")
        #expect(new.maxAttempts == 3 && new.base == 50 * Time.millisecond && new.throttleBase == Time.second && new.cap == 20 * Time.second)
        #expect(new.quota?.capacity == 500 && new.quota?.retryCost == 14 && new.quota?.timeoutRetryCost == 14 && new.quota?.throttleCost == 5)
        #expect(try policy("none").maxAttempts == 1)
        #expect(throws: ScenarioError.self) { try policy("sdk_2025") }
    }

    /// With no jitter, a retry after a 500 waits `base` (50 ms), after a 429 `throttle_base`
    /// (1 s): the client learns of the final failure that much later.
    @Test(arguments: [(500, 50.0), (429, 1000.0)])
    func aThrottleBacksOffFromItsOwnBase(code: Int, latency: Double) throws {
        let m = try Self.metrics(Self.scenario(
            retry: "{ max_attempts: 2, base: 50ms, throttle_base: 1s, jitter: none, quota: false }", code: code))
        #expect(m[.succeeded] == 0)
        #expect(m[.attemptsPerRequest] == 2, "every request tried twice: \(m[.attemptsPerRequest])")
        // Two immediate answers (no network) and the backoff between them (HdrHistogram keeps
        // three significant digits).
        #expect(abs(m[.latencyAllP50] - latency) <= latency * 1e-3, "\(m[.latencyAllP50]) ms")
    }

    /// The quota: 50 tokens, 14 per retry after a 500 (3 retries) and 5 after a 429 (10
    /// retries); no success refills it, so the other requests get one attempt.
    @Test(arguments: [(500, 3.0), (429, 10.0)])
    func aThrottledRetryCostsLess(code: Int, retries: Double) throws {
        let m = try Self.metrics(Self.scenario(
            retry: "{ max_attempts: 2, base: 1ms, jitter: none, quota: { capacity: 50, retry_cost: 14, timeout_cost: 14, throttle_cost: 5 } }", code: code))
        let ended = m[.offered] - m[.unfinished]
        #expect(abs(m[.attemptsPerRequest] * ended - ended - retries) < 1e-6, "\(m[.attemptsPerRequest]) × \(ended)")
    }

    @Test func withoutFailuresEveryRequestTakesOneAttempt() throws {
        let text = Self.scenario(retry: "sdk_2026").replacingOccurrences(of: "at: 0s }", with: "at: 0s, probability: 0 }")
        let m = try Self.metrics(text)
        #expect(m[.attemptsPerRequest] == 1)
        #expect(Figure.attemptsPerRequest.direction == .lowerIsBetter)
    }
}
