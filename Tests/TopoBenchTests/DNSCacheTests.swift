import Foundation
import Testing

@testable import TopoBench

/// Issue 12, point 3: a lost zone seen through DNS. Clients cache the answer for an ALB's name
/// for `dns_ttl`; a client that still holds the address of a node without power pays a connect
/// timeout before it tries the next address.
@Suite("A lost zone seen through the clients' DNS caches")
struct DNSCacheTests {
    /// 1,000 users at 100 requests/s (one request each every 10 s) behind an ALB with a node and
    /// a target in each of three zones; zone a loses power at 5 minutes for 10 minutes. Fast
    /// health checks (5 s, 2 failures) keep the ALB's own detection window short.
    static func scenario(ttl: String, timeout: String = "5s", connect: String? = nil) -> String {
        """
        name: dns
        duration: 20m
        warmup: 0s
        replications: 1
        seed: 11
        network: none
        workload:
          arrival: { dist: exponential, rate: 100/s }
          users: 1000
          timeout: \(timeout)
          retry: none\(connect.map { "\n  connect_timeout: \($0)" } ?? "")
        faults:
          - { kind: zone_outage, zone: a, at: 5m, duration: 10m }
        topologies:
          t:
            entry: lb
            components:
              lb:  { kind: alb, targets: web, dns_ttl: \(ttl), health_check: { interval: 5s, timeout: 2s, healthy: 2, unhealthy: 2 } }
              web: { kind: instances, count: 3, zones: [a, b, c], workers: 16, service: 5ms }
        """
    }

    /// The requests a zone's loss costs through DNS: at the outage, a user holds a valid answer
    /// with probability TTL / (TTL + 1/r) (r = 0.1/s, its request rate), whose first address is
    /// zone a's node with probability 1/3, and for a remaining validity uniform on [0, TTL]; each of
    /// its requests until then times out. 1,000 × (60/70) × (1/3) × 0.1/s × 30 s ≈ 857.
    @Test func aCachedAddressOfALostNodeCostsRequestsUntilTheTTLExpires() throws {
        let runs = 8
        var extra = 0.0
        for r in 1...runs {
            let cached = try ComponentBench.simulate(Self.scenario(ttl: "60s"), replication: r).metrics
            let fresh = try ComponentBench.simulate(Self.scenario(ttl: "0s"), replication: r).metrics
            // With every call resolving afresh, only the ALB's detection window is lost: zone a's
            // target gets a third of the requests for at most 5 + 5 + 2 s.
            #expect(fresh.timeouts + fresh.serverErrors <= 100 / 3 * 12 + 100, "ttl 0: \(fresh.timeouts) timeouts")
            extra += Double(cached.timeouts - fresh.timeouts)
        }
        extra /= Double(runs)
        #expect(extra > 857 * 0.9 && extra < 857 * 1.1, "DNS costs \(extra) requests, expected about 857")
    }

    /// A client with no timeout of its own waits for its connect timeout on the lost node, then
    /// reaches the next address: nothing fails, and the slowest success is the connect timeout
    /// plus the service.
    @Test func aClientTriesTheNextAddressAfterItsConnectTimeout() throws {
        let sim = try ComponentBench.simulate(Self.scenario(ttl: "60s", timeout: "none", connect: "2s"))
        let m = sim.metrics
        #expect(m.timeouts == 0)
        let slowest = Time.seconds(m.latencyMax) * 1000
        #expect(slowest >= 2000 && slowest < 2100, "slowest success \(slowest) ms")
    }
}
