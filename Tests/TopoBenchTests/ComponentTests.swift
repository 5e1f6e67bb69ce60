import Foundation
import Testing

@testable import TopoBench

// The AWS building blocks against the behaviours AWS documents (shared/reference/AWS_SEMANTICS.md):
// Application Load Balancer and API Gateway. Each test asserts a figure that changes if the
// behaviour breaks. `network: none` and constant service times make most figures exact.

/// Four targets in four zones behind an ALB with the default health check; 10 requests/s, one
/// every 100 ms, no client retries: one request in four goes to target 0.
private func albScenario(
    faults: String, duration: String = "300s", replications: Int = 1, timeout: String = "none",
    algorithm: String = "round_robin", count: Int = 4, zones: String = "[a, b, c, d]", workers: Int = 100,
    service: String = "10ms", arrival: String = "{ dist: constant, value: 100ms }", extra: String = "",
    albExtra: String = "", retry: String = "none", users: Int = 10_000, sessions: String = "none"
) -> String {
    """
    name: alb
    duration: \(duration)
    replications: \(replications)
    seed: 11
    network: none
    workload:
      arrival: \(arrival)
      users: \(users)
      timeout: \(timeout)
      retry: \(retry)
    faults: \(faults)
    topologies:
      alb:
        entry: lb
        components:
          lb: { kind: alb, targets: web, algorithm: \(algorithm)\(albExtra) }
          web: { kind: instances, count: \(count), zones: \(zones), workers: \(workers), service: \(service), sessions: \(sessions) }
    \(extra)
    """
}

@Suite("ALB")
struct LoadBalancerTests {
    struct Detection: CustomStringConvertible, Sendable {
        let fault: String
        /// Bounds of the detection window: the next probe (0–30 s away), one more interval, and
        /// the probe timeout (5 s) when the target does not answer at all.
        let low: Double, high: Double
        var description: String { fault }
    }

    /// ELB guide, "Health checks for your target groups": a target is unhealthy after 2
    /// consecutive failed probes, 30 s apart. Until then it keeps its share of the traffic and
    /// every request sent to it fails: errors ÷ (its share of the rate) is the detection window.
    @Test(arguments: [
        Detection(fault: "[{ kind: crash, target: web, instance: 0, at: 100s }]", low: 30, high: 60),
        Detection(fault: "[{ kind: zone_outage, zone: a, at: 100s }]", low: 35, high: 65),
    ])
    func crashedTargetKeepsTrafficUntilTwoFailedProbes(_ c: Detection) throws {
        var windows: [Double] = []
        for sim in try ComponentBench.replications(albScenario(faults: c.fault), 24) {
            let lb = sim.balancers[0]
            let errors = Double(lb.generated502 + lb.generated504)
            #expect(Double(sim.metrics.serverErrors) == errors)
            let window = errors / 2.5  // 10 requests/s, a quarter of them to target 0
            #expect(window >= c.low - 0.5 && window <= c.high + 0.5, "detection window \(window) s")
            #expect(lb.targets[0].state == .unhealthy)
            #expect(lb.targets[1...].allSatisfy { $0.state == .healthy })
            windows.append(window)
        }
        // The probe phase is uniform over the interval: the mean is the middle of the window.
        let mean = ComponentBench.mean(windows)
        #expect(abs(mean - (c.low + c.high) / 2) < 5, "mean detection window \(mean) s")
        // A crash refuses connections (502); an unreachable target times out (504).
        #expect(windows.count == 24)
    }

    /// DNS drops the ALB nodes of a zone without power: during an outage of zone a, requests
    /// reach the nodes of b, c and d only, each about as often; before and after it, all four.
    @Test("requests reach ALB nodes in zones with power only")
    func nodesOfADownZoneGetNoRequests() throws {
        let sim = try ComponentBench.make(
            albScenario(faults: "[{ kind: zone_outage, zone: a, at: 100s, duration: 50s }]"))
        let zoneA = try #require(sim.topology.zoneNames.firstIndex(of: "a"))
        func nodeCounts() -> [Int8: Int] {
            var counts: [Int8: Int] = [:]
            for _ in 0..<4_000 { counts[sim.balancers[0].chooseNodeZone(), default: 0] += 1 }
            return counts
        }
        sim.testBegin()
        sim.testAdvance(to: 50 * Time.second)
        #expect(sim.faults.zonesDown == 0)
        #expect(nodeCounts().count == 4)
        sim.testAdvance(to: 120 * Time.second)
        #expect(sim.faults.zonesDown == 1)
        let during = nodeCounts()
        #expect(during[Int8(zoneA)] == nil)
        #expect(during.count == 3)
        #expect(during.values.allSatisfy { abs($0 - 1_333) < 150 }, "\(during)")
        sim.testAdvance(to: 200 * Time.second)
        #expect(sim.faults.zonesDown == 0)
        #expect(nodeCounts().count == 4)
        sim.testComplete()
    }

    /// A recovered target gets traffic again only after 5 consecutive passing probes: 120–150 s
    /// after it is back (the first probe 0–30 s later, then 4 more intervals).
    @Test func recoveredTargetReturnsAfterFivePassingProbes() throws {
        let yaml = albScenario(faults: "[{ kind: crash, target: web, instance: 0, at: 100s, recover_after: 100s }]", duration: "600s")
        var returns: [Double] = []
        for sim in try ComponentBench.replications(yaml, 16) {
            let lb = sim.balancers[0]
            let detection = Double(lb.generated502) / 2.5
            // Target 0 is in the rotation (a quarter of 10/s) for [0, 100 + detection) and from
            // 200 + H to 600; `H` is the time it took to return.
            let inRotation = Double(lb.forwarded[0]) / 2.5
            let h = 600 - 200 + 100 + detection - inRotation
            #expect(h >= 119 && h <= 151, "returned \(h) s after recovery")
            #expect(lb.targets[0].state == .healthy)
            returns.append(h)
        }
        #expect(abs(ComponentBench.mean(returns) - 135) < 6, "mean return time \(ComponentBench.mean(returns))")
    }

    /// "If a target group contains only unhealthy registered targets, the load balancer routes
    /// requests to all those targets": fail open, so the client gets the targets' 502s, not 503s.
    @Test func failsOpenWhenEveryTargetIsUnhealthy() throws {
        let yaml = albScenario(faults: "[{ kind: crash, target: web, at: 100s }]", duration: "400s", count: 3, zones: "[a, b, c]")
        let sim = try ComponentBench.make(yaml)
        sim.testBegin()
        // Every target is marked unhealthy within 60 s of the crash.
        sim.testAdvance(to: .s(170))
        #expect(sim.balancers[0].targets.allSatisfy { $0.state == .unhealthy })
        let before = Array(sim.balancers[0].forwarded)
        sim.testComplete()
        let lb = sim.balancers[0]
        #expect(lb.targets.allSatisfy { $0.state == .unhealthy })
        #expect(lb.generated503 == 0)
        // Every request from 100 s on (3,000 of them) still reaches a target and gets a 502 ...
        #expect(lb.generated502 == 3000)
        #expect(sim.metrics.serverErrors == 3000)
        #expect(lb.forwarded.reduce(0, +) == sim.metrics.offered)
        // ... spread by round robin over all three registered (unhealthy) targets: 2,299
        // requests after 170 s.
        let after = zip(lb.forwarded, before).map { $0 - $1 }
        #expect(after.allSatisfy { abs($0 - 766) <= 1 }, "\(after)")
    }

    /// With no registered target the ALB answers 503. Auto Scaling (ELB health checks)
    /// deregisters the dead instance and its replacement takes the launch time (100 s) to
    /// register: 100 s × 10/s.
    @Test func noRegisteredTargetAnswers503() throws {
        let yaml = albScenario(
            faults: "[{ kind: crash, target: web, instance: 0, at: 100s }]", duration: "400s", count: 1, zones: "[a]",
            extra: "      asg: { kind: autoscaling, group: web, health_check_type: elb, grace: 0s, launch: 100s }")
        for sim in try ComponentBench.replications(yaml, 4) {
            let lb = sim.balancers[0]
            #expect(abs(lb.generated503 - 1000) <= 1, "503s: \(lb.generated503)")
            #expect(sim.scalers[0].replacements == 1)
            // Before the replacement, the dead target's 502s: at most 60 s of traffic.
            #expect(lb.generated502 > 0 && lb.generated502 <= 601)
            #expect(sim.metrics.serverErrors == lb.generated502 + lb.generated503)
            // The replacement serves again: everything after it succeeds.
            #expect(sim.metrics.succeeded == sim.metrics.offered - sim.metrics.serverErrors)
            #expect(sim.groups[0].instances[0].up && sim.groups[0].instances[0].incarnation >= 1)
        }
    }

    struct GatewayError: CustomStringConvertible, Sendable {
        let name: String
        let fault: String
        let clientTimeout: String
        let expect502: Bool, expect504: Bool, expectTimeouts: Bool
        var description: String { "\(name), client timeout \(clientTimeout)" }
    }

    /// 502 when the target resets the connection (a crashed process), 504 when the ALB cannot
    /// connect within 10 s (an unreachable target) or the target does not answer within the
    /// idle timeout (60 s, a hung target). A client timeout just below or above each bound
    /// tells which one the ALB applies.
    @Test(arguments: [
        GatewayError(name: "crash", fault: "{ kind: crash, target: web, instance: 0, at: 100s, recover_after: 50s }", clientTimeout: "9500ms", expect502: true, expect504: false, expectTimeouts: false),
        GatewayError(name: "unreachable", fault: "{ kind: zone_outage, zone: a, at: 100s, duration: 50s }", clientTimeout: "9500ms", expect502: false, expect504: false, expectTimeouts: true),
        GatewayError(name: "unreachable", fault: "{ kind: zone_outage, zone: a, at: 100s, duration: 50s }", clientTimeout: "10500ms", expect502: false, expect504: true, expectTimeouts: false),
        GatewayError(name: "hung", fault: "{ kind: latency, target: web, instance: 0, at: 100s, duration: 50s, multiplier: 10000 }", clientTimeout: "59s", expect502: false, expect504: false, expectTimeouts: true),
        GatewayError(name: "hung", fault: "{ kind: latency, target: web, instance: 0, at: 100s, duration: 50s, multiplier: 10000 }", clientTimeout: "61s", expect502: false, expect504: true, expectTimeouts: false),
    ])
    func badGatewayVersusGatewayTimeout(_ c: GatewayError) throws {
        // Every call resolves the ALB's name afresh (dns_ttl: 0s), so no client holds the address
        // of zone a's node: what is left is the ALB's own connect timeout to its target.
        let yaml = albScenario(faults: "[\(c.fault)]", duration: "200s", timeout: c.clientTimeout, count: 2, zones: "[a, b]", workers: 100_000,
                               albExtra: ", dns_ttl: 0s")
        let sim = try ComponentBench.simulate(yaml)
        let lb = sim.balancers[0]
        #expect((lb.generated502 > 0) == c.expect502)
        #expect((sim.metrics.timeouts > 0) == c.expectTimeouts)
        #expect((sim.metrics.serverErrors > 0) == (c.expect502 || c.expect504))
        if c.expect504 { #expect(sim.metrics.serverErrors <= lb.generated504 && lb.generated504 > 0) }
        if c.expect502 { #expect(lb.generated504 == 0 && sim.metrics.serverErrors == lb.generated502) }
    }

    /// Round robin gives each healthy target the same number of requests, to one request.
    @Test func roundRobinSpreadsEvenly() throws {
        let sim = try ComponentBench.simulate(albScenario(faults: "[]", duration: "100s"))
        let f = sim.balancers[0].forwarded
        #expect(f.reduce(0, +) == 999)
        #expect(f.max()! - f.min()! <= 1, "\(f)")
    }

    /// Least outstanding requests sends most requests to the fast target when the other is ten
    /// times slower; round robin splits them evenly whatever the speed, and is slower for it.
    @Test func leastOutstandingFavoursTheFastTarget() throws {
        func run(_ algorithm: String) throws -> (share: Double, mean: Double) {
            let yaml = albScenario(
                faults: "[{ kind: latency, target: web, instance: 1, at: 0s, multiplier: 10 }]", duration: "300s",
                algorithm: algorithm, count: 2, zones: "[a, b]", service: "100ms", arrival: "{ dist: exponential, rate: 20/s }")
            let sim = try ComponentBench.simulate(yaml)
            let f = sim.balancers[0].forwarded
            return (Double(f[0]) / Double(f[0] + f[1]), sim.metrics.latencySum / Double(sim.metrics.succeeded) / 1e6)
        }
        let rr = try run("round_robin"), lor = try run("least_outstanding")
        #expect(abs(rr.share - 0.5) < 0.001)
        #expect(lor.share > 0.8, "fast target's share \(lor.share)")
        #expect(lor.mean < rr.mean * 0.5, "mean latency \(lor.mean) ms vs \(rr.mean) ms")
    }

    /// `sessions: local` makes the ALB sticky (duration-based cookie): no session is lost while
    /// nothing fails, however requests are spread. When the instance dies, exactly the users
    /// whose session lived on it log in again.
    @Test func stickySessionsAndLocalSessionsLostWithTheInstance() throws {
        let faults = "[{ kind: crash, target: web, instance: 0, at: 100s, recover_after: 100s }]"
        let yaml = albScenario(faults: faults, duration: "400s", count: 3, zones: "[a, b, c]", users: 30, sessions: "local")
        let sim = try ComponentBench.make(yaml)
        #expect(sim.balancers[0].spec.sticky)
        sim.testBegin()
        sim.testAdvance(to: .s(99.99))
        #expect(sim.metrics.sessionsLost == 0)
        let onZero = sim.users.filter { $0.hasSession && $0.sessionInstance == 0 }.count
        #expect(onZero > 3 && onZero < 20, "\(onZero) users on instance 0")
        sim.testComplete()
        #expect(sim.metrics.sessionsLost == onZero)

        // Without stickiness the same requests would hop between instances and lose sessions.
        let loose = try ComponentBench.simulate(
            albScenario(faults: "[]", duration: "100s", count: 3, zones: "[a, b, c]", albExtra: ", sticky: false", users: 30, sessions: "local"))
        #expect(loose.metrics.sessionsLost > 500)
        let sticky = try ComponentBench.simulate(
            albScenario(faults: "[]", duration: "100s", count: 3, zones: "[a, b, c]", users: 30, sessions: "local"))
        #expect(sticky.metrics.sessionsLost == 0)
    }

    /// A zombie passes the health checks and fails every request: the ALB never takes it out,
    /// so it keeps its full share of errors for the whole fault (a crash would be out in ≤ 60 s).
    @Test func zombieKeepsReceivingTraffic() throws {
        let zombie = try ComponentBench.simulate(albScenario(
            faults: "[{ kind: zombie, target: web, instance: 0, at: 100s, duration: 300s }]", duration: "500s", count: 2, zones: "[a, b]"))
        #expect(zombie.balancers[0].targets[0].state == .healthy)
        #expect(abs(zombie.metrics.serverErrors - 1500) <= 1, "\(zombie.metrics.serverErrors)")
        let crash = try ComponentBench.simulate(albScenario(
            faults: "[{ kind: crash, target: web, instance: 0, at: 100s, recover_after: 300s }]", duration: "500s", count: 2, zones: "[a, b]"))
        #expect(crash.metrics.serverErrors <= 301)
    }
}

/// API Gateway in front of an integration; 1 request/s unless said otherwise.
private func apiScenario(rate: String, burst: Int, arrival: String, target: String, timeout: String = "", duration: String = "100s") -> String {
    """
    name: api
    duration: \(duration)
    replications: 1
    seed: 5
    network: none
    workload:
      arrival: \(arrival)
      retry: none
    topologies:
      api:
        entry: api
        components:
          api: { kind: api_gateway, target: backend, rate: \(rate), burst: \(burst)\(timeout) }
          backend: \(target)
    """
}

@Suite("API Gateway")
struct APIGatewayTests {
    /// Token bucket (rate, burst), excess answered 429 at once: offered at k × the rate, the
    /// throttled share is 1 − 1/k (Poisson arrivals; the burst of 100 is small beside 20,000).
    @Test(arguments: [(0.5, 0.0), (2.0, 0.5), (4.0, 0.75)])
    func throttledShareFollowsTheTokenBucket(_ factor: Double, _ share: Double) throws {
        let yaml = apiScenario(
            rate: "100/s", burst: 100, arrival: "{ dist: exponential, rate: \(Int(100 * factor))/s }",
            target: "{ kind: lambda, service: 10ms, concurrency: 100000 }")
        let sim = try ComponentBench.simulate(yaml)
        let measured = Double(sim.metrics.throttled) / Double(sim.metrics.offered)
        #expect(abs(measured - share) < 0.012, "429 share \(measured)")
        #expect(sim.gateways[0].throttledCount == sim.metrics.throttled)
        #expect(sim.metrics.succeeded + sim.metrics.throttled == sim.metrics.offered)
    }

    /// Constant arrivals at twice the rate: after the burst, exactly every other request passes.
    @Test func throttlingIsExactWithRegularArrivals() throws {
        let yaml = apiScenario(
            rate: "100/s", burst: 50, arrival: "{ dist: constant, rate: 200/s }",
            target: "{ kind: lambda, service: 10ms, concurrency: 100000 }", duration: "10s")
        let sim = try ComponentBench.simulate(yaml)
        // 1,999 requests; the bucket gives 50 + 100/s × 10 s.
        #expect(sim.metrics.offered == 1999)
        #expect(abs(sim.metrics.succeeded - 1050) <= 1, "\(sim.metrics.succeeded)")
    }

    /// A synchronous Lambda invocation beyond the function's concurrency is throttled (429): at
    /// 10 requests/s of 1 s each, a concurrency of 5 serves exactly half.
    @Test func lambdaThrottlesBeyondItsConcurrency() throws {
        let sim = try ComponentBench.simulate(apiScenario(
            rate: "100/s", burst: 100, arrival: "{ dist: constant, value: 100ms }",
            target: "{ kind: lambda, service: 1s, concurrency: 5 }"))
        #expect(sim.metrics.offered == 999)
        #expect(abs(sim.metrics.throttled - 495) <= 5, "\(sim.metrics.throttled)")
        #expect(sim.gateways[0].throttledCount == 0)
    }

    /// The integration timeout is 29 s by default, answered 504; a `timeout` key overrides it.
    @Test(arguments: [("28s", "", true), ("30s", "", false), ("4s", ", timeout: 5s", true), ("6s", ", timeout: 5s", false)])
    func integrationTimeoutAnswers504(_ service: String, _ timeout: String, _ succeeds: Bool) throws {
        let yaml = apiScenario(
            rate: "100/s", burst: 100, arrival: "{ dist: constant, value: 1s }",
            target: "{ kind: instances, count: 1, workers: 1000, service: \(service) }", timeout: timeout)
        let sim = try ComponentBench.simulate(yaml)
        #expect(sim.metrics.offered == 99)
        #expect(sim.metrics.succeeded == (succeeds ? 99 : 0))
        #expect(sim.metrics.serverErrors == (succeeds ? 0 : 99))
        #expect(sim.metrics.timeouts == 0)
    }
}
