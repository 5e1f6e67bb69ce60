import Foundation
import Testing

@testable import TopoBench

/// Issue 12, points 1, 2 and 5: what Auto Scaling's health checks see (EC2 status checks by
/// default, the ALB's with `health_check_type: elb`), the instance-level faults (`stop`,
/// `terminate`, `reboot`) apart from a process `crash`, launches into a healthy zone and the
/// rebalancing after, and FIS action names as AWS has them.
@Suite("Auto Scaling health checks, instance faults and FIS names")
struct HealthCheckTypeTests {
    /// web ALB → backend (2 instances, zones a and b) with an Auto Scaling group: grace 60 s,
    /// a launch of exactly 90 s; ALB probes every 10 s, 2 failures to mark a target unhealthy.
    static func scenario(fault: String, healthCheck: String? = nil, duration: String = "30m") -> String {
        """
        name: hc
        duration: \(duration)
        replications: 1
        seed: 7
        workload:
          arrival: { dist: exponential, rate: 20/s }
          timeout: 2s
          retry: { max_attempts: 1 }
        faults:
          - \(fault)
        topologies:
          t:
            entry: lb
            components:
              lb:      { kind: alb, targets: backend, health_check: { interval: 10s, timeout: 2s, healthy: 2, unhealthy: 2 } }
              backend: { kind: instances, count: 2, zones: [a, b], workers: 8, service: 5ms }
              asg:     { kind: autoscaling, group: backend, grace: 60s, launch: { dist: constant, value: 90s }\(healthCheck.map { ", health_check_type: \($0)" } ?? "") }
        """
    }

    static func scaler(_ sim: Simulation) throws -> AutoScaler { try #require(sim.scalers.first) }
    static func backend(_ sim: Simulation) throws -> InstanceGroup { try #require(sim.groups.first) }

    // MARK: 1. health-check type

    /// EC2 status checks do not see an application crash ("Auto Scaling won't replace it
    /// automatically"); ELB health checks do, and the replacement serves after its launch.
    @Test func aCrashedProcessIsReplacedOnlyWithELBHealthChecks() throws {
        let crash = "{ kind: crash, target: backend, instance: 0, at: 100s }"
        let ec2 = try ComponentBench.simulate(Self.scenario(fault: crash))
        #expect(try Self.scaler(ec2).spec.healthCheckType == .ec2, "ec2 is the default")
        #expect(try Self.scaler(ec2).replacements == 0)
        #expect(try Self.backend(ec2).instances[0].up == false, "the process stays down for the rest of the run")

        let elb = try ComponentBench.simulate(Self.scenario(fault: crash, healthCheck: "elb"))
        let s = try Self.scaler(elb)
        #expect(s.replacements == 1)
        #expect(try Self.backend(elb).instances[0].up)
        // Two failed probes 10 s apart after the crash (10–20 s), then the 90 s launch.
        let back = s.launchedAt[0]
        #expect(back >= .s(100 + 10 + 90) && back <= .s(100 + 20 + 90), "launched at \(Time.seconds(back)) s")
    }

    /// An instance that leaves `running` is replaced at the next status check (every minute),
    /// with either type, and during the grace period too.
    @Test(arguments: ["ec2", "elb"])
    func aStoppedInstanceIsReplacedAtTheNextStatusCheck(type: String) throws {
        let sim = try ComponentBench.simulate(Self.scenario(fault: "{ kind: stop, target: backend, instance: 1, at: 100s, duration: 20m }", healthCheck: type))
        let s = try Self.scaler(sim)
        #expect(s.replacements == 1)
        let back = s.launchedAt[1]
        #expect(back > .s(100 + 90) && back <= .s(100 + 60 + 90), "launched at \(Time.seconds(back)) s")
        #expect(try Self.backend(sim).instances[1].isServing)
    }

    /// A `terminate` never comes back by itself; with no Auto Scaling group it stays gone.
    @Test func aTerminatedInstanceNeverComesBackWithoutAGroup() throws {
        let text = Self.scenario(fault: "{ kind: aws:ec2:terminate-instances, target: backend, instance: 0, at: 100s }")
            .replacingOccurrences(of: "      asg:", with: "      # asg:")
        let sim = try ComponentBench.simulate(text)
        #expect(try Self.backend(sim).instances[0].up == false)
        #expect(try Self.backend(sim).instances[0].ec2Running == false)
        #expect(sim.scenario.faults[0].kind == .terminate && sim.scenario.faults[0].length == nil)
        // Nor can it be given a length.
        #expect(throws: ScenarioError.self) {
            try ComponentBench.scenarios(Self.scenario(fault: "{ kind: terminate, target: backend, at: 100s, duration: 1m }"))
        }
    }

    /// A reboot keeps the instance `running`: Auto Scaling waits a few minutes (3) before it
    /// replaces an impaired instance, so a 1-minute reboot is ridden out and a 10-minute one is not.
    @Test func aRebootIsReplacedOnlyWhenItOutlastsTheImpairedWait() throws {
        let short = try ComponentBench.simulate(Self.scenario(fault: "{ kind: aws:ec2:reboot-instances, target: backend, instance: 0, at: 100s }"))
        #expect(short.scenario.faults[0].kind == .reboot)
        #expect(short.scenario.faults[0].length == 60 * Time.second, "reboot_time defaults to 60 s")
        #expect(try Self.scaler(short).replacements == 0)
        #expect(try Self.backend(short).instances[0].isServing)
        #expect(try Self.backend(short).instances[0].incarnation > 0, "its memory (local sessions) is gone")

        let long = try ComponentBench.simulate(Self.scenario(fault: "{ kind: reboot, target: backend, instance: 0, at: 100s, reboot_time: 10m }"))
        let s = try Self.scaler(long)
        #expect(s.replacements == 1)
        // Seen impaired at the first status check after 100 s, replaced 3 minutes later (at a
        // check), then launched in 90 s: between 100 + 180 + 90 and 100 + 60 + 180 + 90.
        #expect(s.launchedAt[0] >= .s(370) && s.launchedAt[0] <= .s(430), "launched at \(Time.seconds(s.launchedAt[0])) s")
    }

    // MARK: 2. a lost zone

    /// balanced-best-effort: the replacement of an instance in a zone without power is launched
    /// in the healthy zone; when the zone is back, a new instance is launched there first and
    /// the displaced one is drained and terminated.
    @Test func launchesGoToAHealthyZoneAndRebalanceAfter() throws {
        let sim = try ComponentBench.make(Self.scenario(fault: "{ kind: zone_outage, zone: a, at: 100s, duration: 10m }", healthCheck: "elb"))
        sim.testBegin()
        let group = try Self.backend(sim), s = try Self.scaler(sim)
        let a: Int8 = 0, b: Int8 = 1
        #expect(group.instances[0].zone == a)
        sim.testAdvance(to: .s(400))
        // Replaced after two failed probes, launched in zone b, in service by 100 + 20 + 90 s.
        #expect(s.replacements == 1)
        #expect(group.instances[0].zone == b && group.instances[0].isServing)
        #expect(s.health[0].displacedFrom == a)
        // The zone is back at 700 s: a new instance in zone a, launched in 90 s; then the
        // displaced one leaves after its 300 s deregistration delay.
        sim.testAdvance(to: .s(700 + 91))
        #expect(group.instances.count == 3)
        #expect(group.instances[2].zone == a && group.instances[2].isServing)
        #expect(group.instances[0].terminated)
        sim.testAdvance(to: .s(700 + 91 + 301))
        #expect(!group.instances[0].isRunning)
        let serving = (0..<group.instances.count).filter { group.instances[$0].isServing }
        #expect(serving.map { group.instances[$0].zone } == [b, a], "one instance in each zone again")
        sim.testComplete()
    }

    /// Without a healthy zone left, a launch stays where it is and waits for power.
    @Test func withEveryZoneDownTheLaunchWaits() throws {
        let text = Self.scenario(fault: "{ kind: zone_outage, zone: a, at: 100s, duration: 10m }", healthCheck: "elb")
            .replacingOccurrences(of: "zones: [a, b]", with: "zones: [a]")
        let sim = try ComponentBench.simulate(text)
        let group = try Self.backend(sim)
        for k in 0..<group.instances.count { #expect(group.instances[k].zone == 0) }
        #expect(group.instances[0].isServing)
    }

    // MARK: 5. FIS names

    @Test func fisActionsMapToTheirRealEffects() throws {
        let cases: [(String, FaultSpec.Kind)] = [
            ("aws:ec2:stop-instances", .stop), ("aws:ec2:terminate-instances", .terminate), ("aws:ec2:reboot-instances", .reboot),
            ("aws:ec2:send-spot-instance-interruptions", .terminate), ("aws:ecs:stop-task", .crash),
        ]
        for (name, kind) in cases {
            let s = try ComponentBench.scenarios(Self.scenario(fault: "{ kind: \(name), target: backend, instance: 0, at: 100s }"))[0]
            #expect(s.faults[0].kind == kind, "\(name)")
        }
        // A Spot interruption terminates when the two-minute notice runs out.
        let spot = try ComponentBench.scenarios(Self.scenario(fault: "{ kind: aws:ec2:send-spot-instance-interruptions, target: backend, at: 100s }"))[0]
        #expect(spot.faults[0].at == 220 * Time.second)
    }

    @Test func namesThatAreNoFISActionOrActOnNothingHereAreRefused() throws {
        func refusal(_ fault: String) throws -> ScenarioError {
            do {
                _ = try ComponentBench.scenarios(Self.scenario(fault: fault))
            } catch let e as ScenarioError {
                return e
            }
            Issue.record("\(fault) was accepted")
            throw CancellationError()
        }
        let latency = try refusal("{ kind: aws:ec2:inject-latency, target: backend, at: 100s, duration: 1m }")
        #expect(latency.keyPath == "faults[0].kind")
        #expect(latency.description.contains("is not an AWS FIS action"))
        for real in ["aws:ssm:send-command", "aws:lambda:invocation-add-delay", "aws:ecs:task-network-latency", "kind: latency"] {
            #expect(latency.description.contains(real), "\(real) missing from \(latency)")
        }
        let api = try refusal("{ kind: aws:fis:inject-api-throttle-error, target: backend, at: 100s, duration: 1m }")
        #expect(api.description.contains("EC2 or Kinesis API calls made by an IAM role"), "\(api)")
        #expect(api.description.contains("use kind: errors"), "\(api)")
        let disrupt = try refusal("{ kind: aws:network:disrupt-connectivity, zone: a, at: 100s, duration: 1m }")
        #expect(disrupt.keyPath == "faults[0].zone")
        #expect(disrupt.description.contains("a partition, not a zone power loss"), "\(disrupt)")
        let store = try refusal("{ kind: aws:elasticache:replicationgroup-interrupt-az-power, target: backend, zone: a, at: 100s, duration: 1m }")
        #expect(store.description.contains("a component of kind session_store"), "\(store)")
    }

    /// FIS's ElastiCache zone power interruption fails the nodes whose primary is in the zone,
    /// and only those (the older action name does the same).
    @Test(arguments: ScenarioLoader.elastiCacheZonePowerActions)
    func theElastiCacheZoneActionFailsTheNodesInItsZone(name: String) throws {
        let text = """
            name: cache
            duration: 5m
            replications: 1
            workload:
              arrival: { dist: exponential, rate: 20/s }
              session: { requests: 5 }
            faults:
              - { kind: \(name), target: cache, zone: a, at: 60s, duration: 2m }
            topologies:
              t:
                entry: web
                components:
                  web:   { kind: instances, count: 2, zones: [a, b], workers: 8, service: 5ms, sessions: cache }
                  cache: { kind: session_store, engine: memcached, nodes: 2, zones: [a, b] }
            """
        let sim = try ComponentBench.make(text)
        sim.testBegin()
        sim.testAdvance(to: .s(61))
        let store = try #require(sim.stores.first)
        #expect(store.nodes[0].state == .down, "node 0's primary is in zone a")
        #expect(store.nodes[1].state == .up, "node 1 is in zone b")
        sim.testComplete()
    }
}
