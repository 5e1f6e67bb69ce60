import Foundation
import Testing

@testable import TopoBench

/// Issue 12, point 6: retries belong to whoever makes the call. The end user makes one attempt by
/// default; a web instance's SendMessage to SQS is an SDK call, retried in the SDK's standard
/// mode with one retry quota per instance.
@Suite("Who retries: the end user once, an SDK call in standard mode")
struct EdgeRetryTests {
    /// Two web instances, each request one SendMessage to `orders`, which fails a share of them.
    static func scenario(probability: Double, retry: String? = nil) -> String {
        """
        name: edge
        duration: 30m
        warmup: 0s
        replications: 1
        seed: 5
        workload:
          arrival: { dist: exponential, rate: 20/s }
          timeout: 10s
        faults:
          - { kind: errors, target: orders, at: 0s, duration: 30m, probability: \(probability) }
        topologies:
          t:
            entry: web
            components:
              web:     { kind: instances, count: 2, zones: [a, b], workers: 8, service: 5ms, calls: orders\(retry.map { ", retry: \($0)" } ?? "") }
              orders:  { kind: sqs, consumers: backend, wait: 20s }
              backend: { kind: instances, count: 1, workers: 4, service: 5ms }
        """
    }

    static func web(_ sim: Simulation) throws -> InstanceGroup { try #require(sim.groups.first) }

    @Test func theDefaultsAreOneAttemptForTheUserAndTheSDKForAnAWSAPI() throws {
        let s = try ComponentBench.scenarios(Self.scenario(probability: 0.1))[0]
        #expect(s.workload.retry.maxAttempts == 1, "workload.retry defaults to none")
        let web = try #require(s.topologies[0].components.first { $0.name == "web" })
        let spec = try #require(web.kind.spec as? InstancesSpec)
        #expect(spec.callRetry.maxAttempts == 3 && spec.callRetry.quota?.capacity == 500, "an edge to sqs defaults to sdk")
        // An edge to another group is a plain HTTP call: no retry unless the application has one.
        let plain = try ComponentBench.scenarios(Self.scenario(probability: 0.1).replacingOccurrences(of: "calls: orders", with: "calls: backend"))[0]
        let pweb = try #require(plain.topologies[0].components.first { $0.name == "web" })
        #expect(try #require(pweb.kind.spec as? InstancesSpec).callRetry.maxAttempts == 1)
        // A retry on a group without calls is refused.
        #expect(throws: ScenarioError.self) {
            _ = try ComponentBench.scenarios(Self.scenario(probability: 0.1).replacingOccurrences(of: "workers: 4, service: 5ms }", with: "workers: 4, service: 5ms, retry: sdk }"))
        }
    }

    /// A SendMessage failing 1 time in 5: three attempts leave 0.2³ = 0.8 % of the requests
    /// failed (the quota never runs dry: a request costs 5 × 0.24 tokens and gives 1.76 back);
    /// with `retry: none` on the edge 20 % fail.
    @Test func threeSDKAttemptsLeaveTheCubeOfTheFailureShare() throws {
        let sdk = try ComponentBench.simulate(Self.scenario(probability: 0.2)).metrics
        let failed = Double(sdk.offered - sdk.succeeded) / Double(sdk.offered)
        #expect(abs(failed - 0.008) < 0.0025, "failed share \(failed) with sdk retries, expected 0.008")
        #expect(sdk.succeeded > 0)
        let none = try ComponentBench.simulate(Self.scenario(probability: 0.2, retry: "none")).metrics
        let failedNone = Double(none.offered - none.succeeded) / Double(none.offered)
        #expect(abs(failedNone - 0.2) < 0.01, "failed share \(failedNone) without retries, expected 0.2")
    }

    /// When every SendMessage fails, each instance's quota (500 tokens, 5 per retry) pays for
    /// exactly 100 retries; then its calls get one attempt each. Two instances: offered + 200.
    @Test func eachInstanceHoldsItsOwnRetryQuota() throws {
        let sim = try ComponentBench.simulate(Self.scenario(probability: 1))
        let web = try Self.web(sim)
        #expect(sim.metrics.succeeded == 0)
        #expect(web.downstreamAttempts == sim.metrics.offered + 200, "\(web.downstreamAttempts) attempts for \(sim.metrics.offered) requests")
        #expect(web.work[0].retryTokens == 0 && web.work[1].retryTokens == 0)
        // Without a quota every call makes its three attempts.
        let naive = try ComponentBench.simulate(Self.scenario(probability: 1, retry: "{ quota: false }"))
        #expect(try Self.web(naive).downstreamAttempts == 3 * naive.metrics.offered)
    }
}

/// Issue 13, point 4: `pairing: same_index` wires web instance i to backend instance i.
@Suite("Pairing of a direct call")
struct PairingTests {
    /// Two web instances in front (the entry picks one per request), three backend instances;
    /// with `same_index` web 0 calls backend 0 and web 1 backend 1, and backend 2 is never called.
    static func scenario(pairing: String, crashed: Int) -> String {
        """
        name: pairs
        duration: 600s
        warmup: 0s
        replications: 1
        seed: 3
        network: none
        workload:
          arrival: { dist: exponential, rate: 50/s }
          timeout: 5s
        faults:
          - { kind: crash, target: backend, instance: \(crashed), at: 100s, recover_after: 300s }
        topologies:
          t:
            entry: web
            components:
              web:     { kind: instances, count: 2, zones: [a, b], workers: 16, service: 1ms, calls: backend, pairing: \(pairing) }
              backend: { kind: instances, count: 3, zones: [a, b, c], workers: 16, service: 1ms }
        """
    }

    /// A crashed backend fails exactly its partner's requests during the crash: half of the 300 s
    /// × 50/s (web 1 gets one request in two); the unpaired backend 2 fails nothing, while with
    /// random pairing it fails a third.
    @Test func aCrashedBackendFailsOnlyItsPartnersRequests() throws {
        let partner = try ComponentBench.simulate(Self.scenario(pairing: "same_index", crashed: 1)).metrics
        let failed = Double(partner.offered - partner.succeeded)
        #expect(abs(failed - 7_500) < 4 * 61, "failed \(failed), expected 15,000 / 2")
        let unpaired = try ComponentBench.simulate(Self.scenario(pairing: "same_index", crashed: 2)).metrics
        #expect(unpaired.succeeded == unpaired.offered, "backend 2 has no partner")
        let random = try ComponentBench.simulate(Self.scenario(pairing: "random", crashed: 2)).metrics
        #expect(abs(Double(random.offered - random.succeeded) - 5_000) < 4 * 58, "random pairing fails a third of the window")
        #expect(throws: ScenarioError.self) {
            _ = try ComponentBench.scenarios(Self.scenario(pairing: "same_index", crashed: 0).replacingOccurrences(of: "calls: backend, ", with: ""))
        }
    }
}
