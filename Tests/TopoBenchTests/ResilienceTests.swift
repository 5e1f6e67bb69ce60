import Foundation
import Testing

@testable import TopoBench

// Session stores, EC2 Auto Scaling, the SDK client (retries, quota, circuit breaker), every
// fault kind and its AWS FIS alias, and conservation over a mixed scenario
// (AWS_SEMANTICS.md §5, §6, §8, §10).

/// One web instance reading sessions from `cache`; 10 requests/s from 20 users.
private func storeScenario(store: String, faults: String, duration: String, users: Int = 20, webCount: Int = 1) -> String {
    """
    name: sessions
    duration: \(duration)
    replications: 1
    seed: 9
    network: none
    workload:
      arrival: { dist: constant, value: 100ms }
      users: \(users)
      retry: none
    faults: \(faults)
    topologies:
      store:
        entry: web
        components:
          web: { kind: instances, count: \(webCount), zones: [a], workers: 10, service: 10ms, sessions: cache }
          cache: \(store)
    """
}

@Suite("Session stores")
struct SessionStoreTests {
    /// Redis with a replica: each primary failure is a failover of about 30 s during which
    /// session reads fail (5xx); the replica has the data, so no session is lost. Two failures
    /// at 100 s and 500 s: 2 × 30 s × 10/s errors.
    @Test func redisReplicaFailsOverInThirtySeconds() throws {
        let sim = try ComponentBench.simulate(storeScenario(
            store: "{ kind: session_store, engine: redis, replicas: 1, zones: [a, b] }",
            faults: "[{ kind: crash, target: cache, at: 100s, recover_after: 300s }, { kind: crash, target: cache, at: 500s, recover_after: 60s }]",
            duration: "700s"))
        #expect(sim.stores[0].failovers == 2)
        #expect(sim.metrics.serverErrors == 600, "\(sim.metrics.serverErrors)")
        #expect(sim.metrics.sessionsLost == 0)
    }

    /// Redis without a replica is down until the node is back, empty: every user's session is
    /// lost. Back when the fault ends, or when ElastiCache has replaced the node (`replace`,
    /// 10 minutes by default) if that comes first.
    @Test(arguments: [(", recover_after: 60s", "300s", 600), ("", "900s", 6000)])
    func redisWithoutReplicaLosesEverySession(_ recovery: String, _ duration: String, _ errors: Int) throws {
        let sim = try ComponentBench.simulate(storeScenario(
            store: "{ kind: session_store, engine: redis, replicas: 0 }",
            faults: "[{ kind: crash, target: cache, at: 100s\(recovery) }]", duration: duration))
        #expect(sim.stores[0].failovers == 0)
        #expect(sim.metrics.serverErrors == errors, "\(sim.metrics.serverErrors)")
        #expect(sim.metrics.sessionsLost == 20)
    }

    /// Memcached has no replication: the users whose sessions hashed to a dead node (user ≡ 0
    /// mod 3 of 30 users) lose them, and the client's hashing moves them to a live node without
    /// errors. When ElastiCache replaces the node (after 10 minutes) their keys hash back to
    /// the new, empty node: lost again.
    @Test(arguments: [("400s", 10), ("900s", 20)])
    func memcachedLosesTheSessionsOfADeadNode(_ duration: String, _ lost: Int) throws {
        let sim = try ComponentBench.simulate(storeScenario(
            store: "{ kind: session_store, engine: memcached, nodes: 3 }",
            faults: "[{ kind: crash, target: cache, instance: 0, at: 100s }]", duration: duration, users: 30))
        #expect(sim.metrics.sessionsLost == lost)
        #expect(sim.metrics.serverErrors == 0)
    }
}

/// Two web instances behind an ALB, managed by an Auto Scaling group; 10 requests/s.
private func scalingScenario(asg: String, faults: String, duration: String, count: Int = 2, service: String = "10ms",
                             workers: Int = 100, arrival: String = "{ dist: constant, value: 100ms }", lb: String = "") -> String {
    """
    name: asg
    duration: \(duration)
    replications: 1
    seed: 13
    network: none
    workload:
      arrival: \(arrival)
      retry: none
    faults: \(faults)
    topologies:
      asg:
        entry: lb
        components:
          lb: { kind: alb, targets: web\(lb) }
          web: { kind: instances, count: \(count), zones: [a, b], workers: \(workers), service: \(service) }
          asg: \(asg)
    """
}

@Suite("Auto Scaling")
struct AutoScalingTests {
    /// With ELB health checks, a crashed process is found unhealthy by the ALB (30–60 s) and
    /// replaced by a new instance that takes the launch time (120 s) and one passing ALB probe
    /// (≤ 30 s) to serve: back between 220 s and 310 s after a crash at 100 s.
    @Test(arguments: 1...4)
    func replacesAnUnhealthyInstanceAfterDetectionAndLaunch(_ replication: Int) throws {
        let sim = try ComponentBench.make(
            scalingScenario(asg: "{ kind: autoscaling, group: web, health_check_type: elb, grace: 300s, launch: 120s }",
                            faults: "[{ kind: crash, target: web, instance: 0, at: 100s }]", duration: "400s"),
            replication: replication)
        sim.testBegin()
        sim.testAdvance(to: .s(219.9))
        #expect(!sim.groups[0].instances[0].up)
        #expect(sim.balancers[0].targets[0].state != .healthy)
        sim.testAdvance(to: .s(310.1))
        #expect(sim.groups[0].instances[0].up)
        #expect(sim.balancers[0].targets[0].state == .healthy)
        #expect(sim.scalers[0].replacements == 1)
        sim.testComplete()
        // Only the dead instance's share of the detection window failed.
        #expect(sim.metrics.serverErrors > 0 && sim.metrics.serverErrors <= 301)
    }

    /// The health check grace period (ELB health checks): a new instance that fails within
    /// `grace` of its launch is not replaced until the grace period is over (then within a
    /// status-check minute).
    @Test(arguments: [("300s", 515.0, 1, 645.0, 2), ("0s", 461.0, 2, 645.0, 2)])
    func gracePeriodProtectsNewInstances(_ grace: String, _ t1: Double, _ n1: Int, _ t2: Double, _ n2: Int) throws {
        let sim = try ComponentBench.make(scalingScenario(
            asg: "{ kind: autoscaling, group: web, health_check_type: elb, grace: \(grace), launch: 120s }",
            faults: "[{ kind: crash, target: web, instance: 0, at: 100s }, { kind: crash, target: web, instance: 0, at: 400s }]",
            duration: "700s"))
        sim.testBegin()
        sim.testAdvance(to: .s(t1))
        #expect(sim.scalers[0].replacements == n1)
        sim.testAdvance(to: .s(t2))
        #expect(sim.scalers[0].replacements == n2)
        sim.testComplete()
    }

    /// Target tracking on CPU (busy workers) at 50 %: one instance at 80 % asks for
    /// ceil(1 × 80 / 50) = 2. Instances still warming up count toward capacity, so it does not
    /// launch a third while the second warms up. At 20 % it stays at one.
    @Test(arguments: [("125ms", 2), ("500ms", 1)])
    func targetTrackingScalesOutToTheTarget(_ gap: String, _ instances: Int) throws {
        let sim = try ComponentBench.simulate(scalingScenario(
            asg: "{ kind: autoscaling, group: web, max: 6, launch: 60s, target_tracking: { target: 50, warmup: 300s } }",
            faults: "[]", duration: "900s", count: 1, service: "1s", workers: 10, arrival: "{ dist: constant, value: \(gap) }"))
        let running = sim.groups[0].instances.filter { !$0.terminated }.count
        #expect(running == instances, "\(running) instances")
        // Never more: the group grows by appending instances, and none was scaled in.
        #expect(sim.groups[0].instances.count == instances)
        #expect(sim.metrics.serverErrors == 0)
    }

    /// Scale in deregisters the instance first: it gets no new request and finishes those it
    /// has during the deregistration delay (300 s by default), so scaling in fails no request.
    /// With no delay the requests it holds (about 5) fail.
    @Test(arguments: [("", true), (", deregistration_delay: 0s", false)])
    func scaleInDrainsInFlightRequests(_ lb: String, _ drains: Bool) throws {
        let sim = try ComponentBench.simulate(scalingScenario(
            asg: "{ kind: autoscaling, group: web, max: 4, launch: 60s, target_tracking: { target: 50, warmup: 120s } }",
            faults: "[]", duration: "1200s", count: 1, service: "10s",
            arrival: "{ dist: constant, value: 125ms, profile: { steps: [[0s, 1.0], [600s, 0.125]] } }", lb: lb))
        if !drains {
            #expect(sim.metrics.serverErrors > 0 && sim.metrics.serverErrors < 10, "\(sim.metrics.serverErrors)")
            return
        }
        // 8/s × 10 s = 80 busy workers of 100 → 2 instances; then 1/s → back to 1.
        #expect(sim.scalers[0].replacements == 0)
        #expect(sim.groups[0].instances.count == 2)
        #expect(sim.groups[0].instances.filter { !$0.terminated }.count == 1)
        #expect(sim.metrics.serverErrors == 0)
        #expect(sim.metrics.succeeded == sim.metrics.offered)
    }
}

/// A client calling `web` behind an ALB; `web` may call `backend`.
private func clientScenario(workload: String, faults: String, duration: String, web: String = "", backend: Bool = false) -> String {
    let backendComponents = backend
        ? "      blb: { kind: alb, targets: backend }\n      backend: { kind: instances, count: 1, zones: [a], workers: 100, service: 1ms }"
        : ""
    return """
        name: client
        duration: \(duration)
        replications: 1
        seed: 21
        network: none
        workload:
          arrival: { dist: constant, value: 100ms }
          \(workload)
        faults: \(faults)
        topologies:
          client:
            entry: lb
            components:
              lb: { kind: alb, targets: web }
              web: { kind: instances, count: 2, zones: [a, b], workers: 100, service: 1ms\(web) }
        \(backendComponents)
        """
}

@Suite("Client")
struct ClientTests {
    /// SDK standard mode, 3 attempts: with 30 % transient errors, 70 % succeed at once and
    /// 1 − 0.3³ = 97.3 % in the end (the retry quota is not exhausted: successes refund it).
    @Test func standardRetriesTurnTransientErrorsIntoSuccesses() throws {
        let rs = try ComponentBench.run(clientScenario(
            workload: "timeout: 5s\n  retry: sdk", faults: "[{ kind: errors, target: web, at: 0s, probability: 0.3 }]", duration: "1000s"))
        let first = try ComponentBench.column(rs, "first_try_availability")[0]
        let all = try ComponentBench.column(rs, "availability")[0]
        #expect(abs(first - 0.7) < 0.015, "first try \(first)")
        #expect(abs(all - 0.973) < 0.006, "availability \(all)")
        #expect(first < all)
    }

    /// The retry quota (500 tokens, 5 per retry, 10 per retry after a timeout) stops a retry
    /// storm: during an outage where every attempt fails and nothing refunds tokens, exactly
    /// 100 retries go out (50 when the attempts time out). Without the quota every request is
    /// tried 3 times.
    @Test(arguments: [
        ("retry: { max_attempts: 3 }", "errors", 100, 100),
        ("retry: { max_attempts: 3, quota: false }", "errors", 5990, 6000),
        ("timeout: 1s\n  retry: { max_attempts: 3 }", "latency", 50, 50),
    ])
    func retryQuotaStopsARetryStorm(_ workload: String, _ fault: String, _ low: Int, _ high: Int) throws {
        let faults = fault == "errors"
            ? "[{ kind: errors, target: web, at: 100s, duration: 300s, probability: 1 }]"
            : "[{ kind: latency, target: web, at: 100s, duration: 300s, multiplier: 5000 }]"
        let sim = try ComponentBench.simulate(clientScenario(workload: workload, faults: faults, duration: "400s"))
        let retries = sim.balancers[0].forwarded.reduce(0, +) - sim.metrics.offered
        #expect(retries >= low && retries <= high, "\(retries) retries")
        #expect(sim.metrics.serverErrors + sim.metrics.timeouts >= 2990)
    }

    /// A circuit breaker on the `calls:` edge opens when half the calls in its window fail and
    /// then fails fast (503) without calling the backend, letting one probe through every 30 s.
    /// It closes again once the backend is back.
    @Test(arguments: [true, false])
    func circuitBreakerShedsLoadFromAFailingBackend(_ breaker: Bool) throws {
        let cb = breaker
            ? ", circuit_breaker: { error_threshold: 0.5, minimum_calls: 10, window: 10s, open: 30s, half_open_probes: 1 }" : ""
        let sim = try ComponentBench.simulate(clientScenario(
            workload: "retry: none", faults: "[{ kind: errors, target: backend, at: 100s, duration: 300s, probability: 1 }]",
            duration: "600s", web: ", calls: blb, timeout: 5s" + cb, backend: true))
        let toBackend = sim.balancers[1].forwarded.reduce(0, +)
        if breaker {
            // 3,000 requests during the outage; only those before it opened and the probes pass.
            #expect(sim.metrics.offered - toBackend > 2800, "\(toBackend) calls reached the backend")
            let opens = sim.groups[0].breaker?.opens ?? 0
            #expect(opens >= 9 && opens <= 11, "\(opens) opens")
            #expect(sim.groups[0].breaker?.state == .closed)
            #expect(sim.metrics.serverErrors <= 3000 + 300)
        } else {
            #expect(toBackend == sim.metrics.offered)
            #expect(sim.metrics.serverErrors == 3000)
        }
    }
}

/// A web tier calling a backend directly (`timeout: 2s` on the edge).
private func faultScenario(faults: String, duration: String = "300s", topologies: String? = nil) -> String {
    let direct = """
          direct:
            entry: web
            components:
              web: { kind: instances, count: 1, zones: [a], workers: 100, service: 10ms, calls: backend, timeout: 2s }
              backend: { kind: instances, count: 1, zones: [b], workers: 100, service: 10ms }
        """
    return """
        name: faults
        duration: \(duration)
        replications: 1
        seed: 17
        network: none
        workload:
          arrival: { dist: constant, value: 100ms }
          retry: none
        faults: \(faults)
        topologies:
        \(topologies ?? direct)
        """
}

@Suite("Faults")
struct FaultTests {
    /// A latency fault multiplies the service time: 10 ms × 5 on the backend, for a third of the
    /// run, gives a mean latency of 10 + (1/3 × 50 + 2/3 × 10) ms.
    @Test func latencyMultipliesTheServiceTime() throws {
        let rs = try ComponentBench.run(faultScenario(
            faults: "[{ kind: latency, target: backend, at: 100s, duration: 100s, multiplier: 5 }]"))
        let mean = try ComponentBench.column(rs, "latency_mean_ms")[0]
        #expect(abs(mean - (10 + (50.0 + 2 * 10) / 3)) < 0.05, "\(mean) ms")
    }

    /// A partition between two components: calls from web to backend get no answer and end at
    /// the edge's 2 s timeout with a 504, for every request of the 100 s partition.
    @Test(arguments: ["partition", "aws:network:disrupt-connectivity"])
    func partitionCutsCallsBetweenTwoComponents(_ kind: String) throws {
        let sim = try ComponentBench.simulate(faultScenario(
            faults: "[{ kind: \(kind), target: web, peer: backend, at: 100s, duration: 100s }]"))
        #expect(sim.metrics.serverErrors == 1000)
        #expect(sim.metrics.succeeded == sim.metrics.offered - 1000)
    }

    struct Alias: CustomStringConvertible, Sendable {
        let native: String, fis: String, rest: String
        var description: String { fis }
    }

    /// AWS FIS action names are aliases of the fault kinds: the same fault under either name
    /// gives the same figures, and faults.csv shows the name the file used.
    @Test(arguments: [
        Alias(native: "terminate", fis: "aws:ec2:terminate-instances", rest: "target: backend, at: 100s"),
        Alias(native: "stop", fis: "aws:ec2:stop-instances", rest: "target: backend, at: 100s, duration: 50s"),
        Alias(native: "reboot", fis: "aws:ec2:reboot-instances", rest: "target: backend, at: 100s, reboot_time: 50s"),
        Alias(native: "crash", fis: "aws:ecs:stop-task", rest: "target: backend, at: 100s, duration: 50s"),
        Alias(native: "partition", fis: "aws:network:disrupt-connectivity", rest: "target: web, peer: backend, at: 100s, duration: 50s"),
    ])
    func fisActionNamesAreAliases(_ a: Alias) throws {
        func run(_ kind: String) throws -> ResultSet {
            try ComponentBench.run(faultScenario(faults: "[{ kind: \(kind), \(a.rest) }]"))
        }
        let native = try run(a.native), fis = try run(a.fis)
        for column in ["succeeded", "errors_5xx", "timeouts"] {
            #expect(try ComponentBench.column(native, column) == ComponentBench.column(fis, column), "\(column)")
        }
        #expect(try ComponentBench.column(fis, "succeeded")[0] < 2999)
        let kinds = fis.faults.rows.map { $0[fis.faults.columnIndex("kind")!] }
        #expect(kinds == [a.fis])
    }

    /// An errors fault with code 429 (a throttle) is counted as throttled, not as a 5xx.
    @Test(arguments: ["{ kind: api_gateway, target: fn }", "{ kind: sqs }"])
    func throttleErrorAnswers429(_ entry: String) throws {
        let yaml = faultScenario(
            faults: "[{ kind: errors, code: 429, target: front, at: 100s, duration: 100s }]",
            topologies: """
                  t:
                    entry: front
                    components:
                      front: \(entry)
                      fn: { kind: lambda, service: 10ms, concurrency: 100 }
                """)
        let sim = try ComponentBench.simulate(yaml)
        #expect(sim.metrics.throttled == 1000)
        #expect(sim.metrics.serverErrors == 0)
    }

    /// A fault naming a component a topology lacks is reported in faults.csv with a note, and
    /// that topology runs without it.
    @Test func faultOnAMissingComponentIsReported() throws {
        let rs = try ComponentBench.run(faultScenario(
            faults: "[{ kind: crash, target: backend, at: 100s, duration: 50s }]",
            topologies: """
                  full:
                    entry: web
                    components:
                      web: { kind: instances, count: 1, zones: [a], workers: 100, service: 10ms, calls: backend, timeout: 2s }
                      backend: { kind: instances, count: 1, zones: [b], workers: 100, service: 10ms }
                  lean:
                    entry: web
                    components:
                      web: { kind: instances, count: 1, zones: [a], workers: 100, service: 10ms }
                """))
        let f = rs.faults
        let topology = try f.requireColumn("topology"), note = try f.requireColumn("note"), start = try f.requireColumn("start_s")
        let lean = f.rows.filter { $0[topology] == "lean" }
        let full = f.rows.filter { $0[topology] == "full" }
        #expect(lean.count == 1 && full.count == 1)
        #expect(lean[0][note].contains("no component 'backend'"))
        #expect(lean[0][start].isEmpty)
        #expect(full[0][note].isEmpty && Double(full[0][start]) == 100)
        #expect(try ComponentBench.column(rs, "errors_5xx", topology: "lean") == [0])
        #expect(try ComponentBench.column(rs, "errors_5xx", topology: "full") == [500])
    }

    /// A stochastic fault without `instance` gives each instance its own failure process.
    @Test func stochasticCrashesAreIndependentPerInstance() throws {
        let rs = try ComponentBench.run(faultScenario(
            faults: "[{ kind: crash, target: web, mtbf: { dist: exponential, mean: 100s }, mttr: 10s }]", duration: "1000s",
            topologies: """
                  two:
                    entry: lb
                    components:
                      lb: { kind: alb, targets: web }
                      web: { kind: instances, count: 2, zones: [a, b], workers: 100, service: 10ms }
                """))
        let f = rs.faults
        let target = try f.requireColumn("target"), start = try f.requireColumn("start_s")
        let zero = f.rows.filter { $0[target] == "web[0]" }.map { $0[start] }
        let one = f.rows.filter { $0[target] == "web[1]" }.map { $0[start] }
        #expect(zero.count >= 4 && one.count >= 4, "\(zero.count) and \(one.count) crashes")
        #expect(Set(zero).isDisjoint(with: Set(one)))
    }
}

@Suite("Conservation")
struct ConservationTests {
    /// The four topologies of the SPEC (tight, alb with Redis, sqs, sns) plus API Gateway and
    /// Lambda, under crashes, a zone outage, latency, errors, a zombie and a partition, with
    /// client retries and timeouts: in every replication every request and every message is
    /// accounted for (checked by `ComponentBench.simulate`).
    @Test(arguments: ["tight", "alb", "sqs", "sns", "api"])
    func everyRequestAndMessageIsAccountedFor(_ topology: String) throws {
        let yaml = """
            name: mixed
            duration: 15m
            warmup: 1m
            replications: 3
            seed: 42
            workload:
              arrival: { dist: exponential, rate: 50/s }
              timeout: 3s
              users: 500
            faults:
              - { kind: crash, target: backend, instance: 0, at: 3m, recover_after: 2m }
              - { kind: zone_outage, zone: a, at: 6m, duration: 2m }
              - { kind: latency, target: backend, at: 9m, duration: 1m, multiplier: 50 }
              - { kind: errors, target: backend, at: 10m, duration: 1m, probability: 0.3 }
              - { kind: zombie, target: web, instance: 1, at: 11m, duration: 1m }
              - { kind: partition, target: web, peer: cache, at: 12m, duration: 30s }
              - { kind: crash, target: web, mtbf: { dist: exponential, mean: 10m }, mttr: 30s }
            topologies:
              tight:
                entry: web
                components:
                  web: { kind: instances, count: 1, zones: [a], workers: 8, queue: 100, service: 5ms, calls: backend, sessions: local }
                  backend: { kind: instances, count: 1, zones: [a], workers: 8, service: { dist: gamma, mean: 20ms, shape: 2 } }
              alb:
                entry: web_lb
                components:
                  web_lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 3, zones: [a, b, c], workers: 8, service: 5ms, calls: backend_lb, sessions: cache, timeout: 1s }
                  cache: { kind: session_store, engine: redis, replicas: 1 }
                  backend_lb: { kind: alb, targets: backend, algorithm: least_outstanding }
                  backend: { kind: instances, count: 3, zones: [a, b, c], workers: 8, service: { dist: gamma, mean: 20ms, shape: 2 } }
                  asg: { kind: autoscaling, group: backend, grace: 60s, launch: { dist: uniform, min: 60s, max: 120s } }
              sqs:
                entry: web_lb
                components:
                  web_lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 3, zones: [a, b, c], workers: 8, service: 5ms, calls: orders, sessions: cache }
                  cache: { kind: session_store, engine: memcached, nodes: 2 }
                  orders: { kind: sqs, visibility_timeout: 30s, max_receive_count: 3, consumers: backend, batch: 10, wait: 20s }
                  backend: { kind: instances, count: 3, zones: [a, b, c], workers: 4, service: { dist: gamma, mean: 20ms, shape: 2 } }
              sns:
                entry: web_lb
                components:
                  web_lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 3, zones: [a, b, c], workers: 8, service: 5ms, calls: events, sessions: cache }
                  cache: { kind: session_store, engine: redis }
                  events: { kind: sns, subscribers: [billing, shipping, partner] }
                  billing: { kind: sqs, consumers: backend, wait: 20s }
                  shipping: { kind: sqs, type: fifo, consumers: backend, wait: 20s }
                  partner: { kind: http_endpoint, target: backend_lb, retry_policy: aws_default }
                  backend_lb: { kind: alb, targets: backend }
                  backend: { kind: instances, count: 3, zones: [a, b, c], workers: 8, service: { dist: gamma, mean: 20ms, shape: 2 } }
              api:
                entry: gw
                components:
                  gw: { kind: api_gateway, target: web_lb, rate: 40/s, burst: 20 }
                  web_lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 2, zones: [a, b], workers: 8, service: 5ms, calls: backend, sessions: cache }
                  cache: { kind: session_store, engine: redis, replicas: 1 }
                  backend: { kind: lambda, service: { dist: lognormal, median: 20ms, sigma: 0.5 }, concurrency: 5 }
            """
        let sims = try ComponentBench.replications(yaml, 3, topology: topology)
        for sim in sims {
            #expect(sim.metrics.offered > 30_000)
            #expect(sim.metrics.unfinished == 0)
        }
    }
}
