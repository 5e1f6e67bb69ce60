import Foundation
import Testing

@testable import TopoBench

/// Issue 15, point 3: `retry.budget`, a share of the caller's recent requests (Finagle's
/// RetryBudget, the SRE book's per-client budget).
@Suite("Retry budgets")
struct RetryBudgetTests {
    /// Within one window, retries stop at ratio × requests + min per second × window.
    @Test func theBudgetIsAShareOfRecentRequests() {
        var w = RetryBudgetWindow(RetryBudget(ratio: 0.1, window: 10 * Time.second, minPerSecond: 0))
        for _ in 0..<200 { w.noteRequest(at: Time.second) }
        var allowed = 0
        for _ in 0..<100 where w.takeRetry(at: 2 * Time.second) { allowed += 1 }
        #expect(allowed == 20)
        // Ten seconds later the requests have left the window: no retry until new requests come.
        let late = w.takeRetry(at: 12 * Time.second)
        #expect(!late)
        for _ in 0..<10 { w.noteRequest(at: 12 * Time.second) }
        let first = w.takeRetry(at: 12 * Time.second), second = w.takeRetry(at: 12 * Time.second)
        #expect(first && !second)
        var floor = RetryBudgetWindow(RetryBudget(ratio: 0, window: 10 * Time.second, minPerSecond: 2))
        var n = 0
        for _ in 0..<100 where floor.takeRetry(at: 0) { n += 1 }
        #expect(n == 20)
    }

    static func scenario(_ retry: String) -> String {
        """
        name: budget
        duration: 200s
        window: 10s
        replications: 1
        network: none
        workload:
          arrival: { dist: exponential, rate: 500/s }
          retry: \(retry)
        faults:
          - { kind: errors, target: server, at: 0s, probability: 1 }
        topologies:
          t:
            entry: server
            components:
              server: { kind: instances, count: 1, workers: 64, service: 1ms }
        """
    }

    /// Every attempt fails: naive retries triple the load (3 attempts a request); a budget of
    /// 10 % (and no minimum) keeps it at 1.1.
    @Test func aBudgetCapsTheAmplification() throws {
        let naive = try ComponentBench.simulate(Self.scenario("{ max_attempts: 3, base: 0s, cap: 0s, jitter: none, quota: false }"))
        let budgeted = try ComponentBench.simulate(Self.scenario("{ max_attempts: 3, base: 0s, cap: 0s, jitter: none, quota: false, budget: { ratio: 10%, min_per_second: 0 } }"))
        func amplification(_ s: Simulation) -> Double { Double(s.metrics.attempts) / Double(s.metrics.offered) }
        #expect(abs(amplification(naive) - 3) < 0.01)
        #expect(abs(amplification(budgeted) - 1.1) < 0.01, "\(amplification(budgeted))")
    }

    /// The same budget on an instance group's call.
    @Test func aBudgetOnACallEdge() throws {
        let yaml = """
            name: edge
            duration: 200s
            window: 10s
            replications: 1
            network: none
            workload: { arrival: { dist: exponential, rate: 500/s } }
            faults:
              - { kind: errors, target: backend, at: 0s, probability: 1 }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 2, workers: 64, service: 1ms, calls: backend, retry: { max_attempts: 3, base: 0s, cap: 0s, jitter: none, quota: false, budget: { ratio: 20%, min_per_second: 0 } } }
                  backend: { kind: instances, count: 1, workers: 64, service: 1ms }
            """
        let sim = try ComponentBench.simulate(yaml)
        let web = try #require(sim.components.models(of: InstanceGroup.self).first)
        let perRequest = Double(web.downstreamAttempts) / Double(sim.metrics.offered)
        #expect(abs(perRequest - 1.2) < 0.01, "\(perRequest)")
    }

    /// A circuit breaker in the clients: while the server fails every call (for 2 of the 5
    /// minutes), the breaker opens once failures are half of its window's calls and fails
    /// requests at once (503) instead of sending them; every 30 s it lets 5 probes through; when
    /// the server is back the probes succeed and it closes. Without it, every request of those
    /// 2 minutes reaches the server.
    @Test func aCircuitBreakerInTheClients() throws {
        let yaml = """
            name: breaker
            duration: 5m
            window: 10s
            replications: 1
            network: none
            workload:
              arrival: { dist: exponential, rate: 100/s }
              circuit_breaker: { error_threshold: 0.5, minimum_calls: 20, window: 10s, open: 30s, half_open_probes: 5 }
            faults:
              - { kind: errors, target: server, at: 1m, duration: 2m, probability: 1 }
            topologies:
              t:
                entry: server
                components:
                  server: { kind: instances, count: 1, workers: 16, service: 1ms }
            """
        let with = try ComponentBench.simulate(yaml).metrics
        let without = try ComponentBench.simulate(yaml.replacingOccurrences(of: "  circuit_breaker: { error_threshold: 0.5, minimum_calls: 20, window: 10s, open: 30s, half_open_probes: 5 }\n", with: "")).metrics
        // About 12,000 requests in the 2 minutes: all reach the failing server without a breaker.
        #expect(without.serverErrors > 11_000 && without.rejected == 0)
        // With it: the failures until they are half of the 10 s window's calls (about 5 s of
        // them, the window holding 1,000 successes), then 5 probes every 30 s, reach the server.
        #expect(with.serverErrors > 300 && with.serverErrors < 700 && with.rejected > 11_000, "\(with.serverErrors) 5xx, \(with.rejected) refused by the breaker")
        // It closes at the first probes after the server is back (at most 30 s later).
        #expect(with.succeeded > without.succeeded - 3_100 && Double(with.succeeded) / Double(with.offered) > 0.55)
    }
}
