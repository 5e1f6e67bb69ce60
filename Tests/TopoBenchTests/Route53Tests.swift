import Foundation
import Testing

@testable import TopoBench

/// Issue 13, points 1 and 2: Route 53 in front, with health checks, and regions.
@Suite("Route 53: routing policies, health checks, failover between regions")
struct Route53Tests {
    /// An ALB stack in each of two regions, Route 53 failover between them (a health check on
    /// the primary), and the primary region lost at 5 minutes for 10 minutes. 1,000 users at
    /// 100 requests/s: each user asks every 10 s, so nearly every one holds a valid answer.
    static func failover(interval: String = "30s", threshold: Int = 3, ttl: String = "60s", seed: Int = 5) -> String {
        """
        name: r53
        duration: 20m
        window: 1s
        replications: 1
        seed: \(seed)
        network: none
        workload:
          arrival: { dist: exponential, rate: 100/s }
          users: 1000
          timeout: 1s
        faults:
          - { kind: region_outage, region: us-east-1, at: 5m, duration: 10m }
        topologies:
          t:
            entry: dns
            components:
              dns:
                kind: route53
                routing: failover
                ttl: \(ttl)
                records:
                  - { target: east_lb, role: primary, health_check: { interval: \(interval), failure_threshold: \(threshold) } }
                  - { target: west_lb, role: secondary }
              east_lb: { kind: alb, targets: east }
              east: { kind: instances, count: 3, zones: [a, b, c], workers: 16, service: 5ms }
              west_lb: { kind: alb, targets: west }
              west: { kind: instances, count: 3, zones: [us-west-2/a, us-west-2/b, us-west-2/c], workers: 16, service: 5ms }
        """
    }

    static func route53(_ sim: Simulation) throws -> Route53 {
        for c in 0..<sim.components.models.count {
            if case .route53(let m) = sim.components.models[c] { return m.takeUnretainedValue() }
        }
        throw CancellationError()
    }

    /// "The expected time to shift is about interval × threshold + TTL": each checker needs
    /// three failed probes, the first within an interval of the loss, so the checkers' verdict
    /// falls between 2 and 3 intervals after it (60–90 s), and the last client that cached the
    /// primary's answer just before then moves within the TTL after it. Every request fails
    /// until the verdict (every answer names the primary), none after the shift.
    @Test(arguments: [(interval: "30s", seconds: 30.0), (interval: "10s", seconds: 10.0)])
    func failoverCompletesWithinIntervalTimesThresholdPlusTheTTL(interval: String, seconds: Double) throws {
        for r in 1...4 {
            let sim = try ComponentBench.simulate(Self.failover(interval: interval), replication: r)
            let dns = try Self.route53(sim)
            let down = try #require(dns.statusLog.first)
            let verdict = Time.seconds(down.at - 5 * Time.minute)
            #expect(!down.healthy && verdict > 2 * seconds && verdict <= 3 * seconds, "verdict \(verdict) s after the loss")
            let windows = sim.metrics.windows
            // A request is counted when it ends: a failure 1 s (the timeout) after it started.
            let failing = windows.filter { $0.start >= 5 * Time.minute && $0.start < 15 * Time.minute && $0.succeeded < $0.offered }
            let last = try #require(failing.last)
            let shift = Time.seconds(last.start) + 1 - 1 - 300
            #expect(shift >= 3 * seconds && shift <= 3 * seconds + 60 + 1, "shift completed \(shift) s after the loss (interval \(interval))")
            // Before the verdict nothing succeeds (one second of slack for the window and the timeout).
            let before = windows.filter { $0.start >= 5 * Time.minute + 2 * Time.second && Time.seconds($0.start) < 300 + verdict - 1 }
            #expect(before.allSatisfy { $0.succeeded == 0 }, "a success before the verdict")
            #expect(sim.metrics.succeeded > 0)
        }
    }

    /// Route 53 uses the same threshold to bring an endpoint back: the primary is healthy again
    /// once more than 18 % of the checkers (two of eight) have seen three passing probes, 2–3
    /// intervals after the region returns; no request fails at the fail-back.
    @Test func failsBackAfterTheThresholdOfPassingChecks() throws {
        for r in 1...4 {
            let sim = try ComponentBench.simulate(Self.failover(), replication: r)
            let log = try Self.route53(sim).statusLog
            #expect(log.count == 2, "\(log)")
            let back = try #require(log.last)
            let after = Time.seconds(back.at - 15 * Time.minute)
            #expect(back.healthy && after > 60 && after <= 90, "healthy again \(after) s after the region returned")
            let late = sim.metrics.windows.filter { $0.start >= 15 * Time.minute + 2 * Time.second }
            #expect(late.allSatisfy { $0.succeeded == $0.offered })
        }
    }

    /// Three instances in three zones behind a multivalue record. Without health checks, DNS
    /// keeps answering the address of an instance whose zone lost power, and a client that gets
    /// it first waits for its connect timeout (2 s here) before it tries the next: nothing fails,
    /// a third of the users pay 2 s. With a health check, the address is withdrawn after the
    /// checkers' verdict.
    static func multivalue(healthCheck: Bool) -> String {
        """
        name: mv
        duration: 10m
        window: 1s
        replications: 1
        network: none
        workload:
          arrival: { dist: exponential, rate: 100/s }
          users: 1000
          timeout: none
          connect_timeout: 2s
        faults:
          - { kind: zone_outage, zone: a, at: 2m, duration: 5m }
        topologies:
          t:
            entry: dns
            components:
              dns: { kind: route53, routing: multivalue, ttl: 0s, records: [{ target: web\(healthCheck ? ", health_check: { interval: 10s }" : "") }] }
              web: { kind: instances, count: 3, zones: [a, b, c], workers: 16, service: 5ms }
        """
    }

    @Test func aMultivalueAnswerWithoutHealthChecksKeepsTheLostAddress() throws {
        let plain = try ComponentBench.simulate(Self.multivalue(healthCheck: false))
        let m = plain.metrics
        #expect(m.timeouts + m.serverErrors == 0)
        #expect(Time.seconds(m.latencyMax) >= 2 && Time.seconds(m.latencyMax) < 2.1)
        // With ttl 0 every request resolves: a third of those in the 5 minutes get zone a first.
        let slow = plain.metrics.windows.filter { $0.start >= 2 * Time.minute + 3 * Time.second && $0.start < 7 * Time.minute }
        #expect(slow.allSatisfy { $0.p99ms >= 2000 })
        let checked = try ComponentBench.simulate(Self.multivalue(healthCheck: true))
        let late = checked.metrics.windows.filter { $0.start >= 2 * Time.minute + 35 * Time.second && $0.start < 7 * Time.minute }
        #expect(late.allSatisfy { $0.p99ms < 100 }, "the lost address is still answered after the verdict")
        let down = try #require(try Self.route53(checked).statusLog.first)
        #expect(down.address == 0 && !down.healthy)
    }

    /// Weighted routing sends each record its weight's share of the resolutions.
    @Test func weightedRoutingSplitsByWeight() throws {
        let yaml = """
            name: w
            duration: 10m
            replications: 1
            network: none
            workload: { arrival: { dist: exponential, rate: 200/s }, users: 100000, timeout: 1s }
            topologies:
              t:
                entry: dns
                components:
                  dns: { kind: route53, routing: weighted, ttl: 0s, records: [{ target: a, weight: 3 }, { target: b, weight: 1 }] }
                  a: { kind: instances, count: 1, workers: 64, service: 1ms }
                  b: { kind: instances, count: 1, workers: 64, service: 1ms }
            """
        let sim = try ComponentBench.simulate(yaml)
        let answers = try Self.route53(sim).answers
        let share = Double(answers[0]) / Double(answers[0] + answers[1])
        #expect(abs(share - 0.75) < 0.01, "record a got \(share)")
    }

    /// Latency routing answers the record in the clients' region while it is healthy.
    @Test func latencyRoutingPrefersTheClientsRegion() throws {
        let yaml = Self.failover()
            .replacingOccurrences(of: "routing: failover", with: "routing: latency")
            .replacingOccurrences(of: "role: primary, ", with: "")
            .replacingOccurrences(of: "{ target: west_lb, role: secondary }", with: "{ target: west_lb, region: us-west-2 }")
            .replacingOccurrences(of: "region: us-east-1, at: 5m", with: "region: us-west-2, at: 5m")
        let sim = try ComponentBench.simulate(yaml)
        let answers = try Self.route53(sim).answers
        #expect(answers[0] > 0 && answers[1] == 0, "\(answers)")
        #expect(sim.metrics.succeeded == sim.metrics.offered)
    }

    /// A region outage cuts off a regional service of the region (an API in us-west-2): its
    /// calls get no answer; a fault on a region nothing is in is ignored, and said so.
    @Test func aRegionOutageCutsOffTheRegionsServices() throws {
        let yaml = """
            name: reg
            duration: 10m
            window: 10s
            replications: 1
            network: none
            workload: { arrival: { dist: exponential, rate: 50/s }, timeout: 1s }
            faults:
              - { kind: region_outage, region: us-west-2, at: 2m, duration: 3m }
            topologies:
              t:
                entry: api
                components:
                  api: { kind: api_gateway, target: fn, region: us-west-2 }
                  fn: { kind: lambda, service: 5ms, region: us-west-2 }
              home:
                entry: fn
                components:
                  fn: { kind: lambda, service: 5ms }
            """
        let sim = try ComponentBench.simulate(yaml)
        let m = sim.metrics
        let lost = Double(m.timeouts) / Double(m.offered)
        #expect(abs(lost - 0.3) < 0.02, "lost \(lost) of the requests, expected 3 minutes of 10")
        let home = try ComponentBench.simulate(yaml, topology: "home")
        #expect(home.metrics.timeouts == 0)
        #expect(home.metrics.faultsIgnored == 1)
    }

    /// Cross-region hops are drawn from network.cross_region: an instance in us-east-1 calling
    /// one in us-west-2 pays two of them per call.
    @Test func aCrossRegionCallPaysTheRegionsDelay() throws {
        let yaml = """
            name: x
            duration: 2m
            replications: 1
            network: { intra_zone: 0s, cross_zone: 0s, cross_region: 30ms }
            workload: { arrival: { dist: exponential, rate: 20/s }, timeout: 5s }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 1, zones: [a], workers: 8, service: 1ms, calls: db }
                  db: { kind: instances, count: 1, zones: [us-west-2/a], workers: 8, service: 1ms }
            """
        let sim = try ComponentBench.simulate(yaml)
        let p50 = Double(sim.metrics.latency.histogram.valueAtPercentile(50)) / 1000
        #expect(p50 > 61.5 && p50 < 62.5, "p50 \(p50) ms: two 30 ms hops and 2 ms of service")
    }

    @Test(arguments: [
        ("routing: failover\n        records: [{ target: a, role: primary }]", "failover routing with two records"),
        ("routing: simple\n        records: [{ target: a, health_check: { interval: 30s } }]", "a simple record cannot have one"),
        ("routing: failover\n        records: [{ target: a, role: primary, weight: 2 }, { target: a, role: secondary }]", "only weighted routing has weights"),
        ("routing: multivalue\n        records: [{ target: a, health_check: { interval: 20s } }]", "30s, 10s"),
        ("routing: multivalue\n        records: [{ target: a, region: us-east }]", "an AWS region name"),
    ])
    func badRecordsAreRefused(records: String, message: String) throws {
        let yaml = """
            name: bad
            workload: { arrival: { dist: exponential, rate: 1/s } }
            topologies:
              t:
                entry: dns
                components:
                  dns:
                    kind: route53
                    \(records)
                  a: { kind: instances, count: 1 }
            """
        #expect {
            _ = try ComponentBench.scenarios(yaml)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func aRegionOutageNamesARegionTheTopologiesUse() throws {
        let yaml = Self.failover().replacingOccurrences(of: "region: us-east-1, at: 5m", with: "region: eu-west-1, at: 5m")
        #expect {
            _ = try ComponentBench.scenarios(yaml)
        } throws: { error in
            "\(error)".contains("a region the topologies use (us-east-1, us-west-2)") && "\(error)".contains("faults[0].region")
        }
    }
}
