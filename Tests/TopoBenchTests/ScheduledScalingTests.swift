import Foundation
import Testing

@testable import TopoBench

/// Issue 14, point 4: a backend that does not run all day. Auto Scaling's scheduled actions and
/// target tracking on the SQS backlog per instance, down to zero and back.
@Suite("Scheduled scaling and scaling on the SQS backlog")
struct ScheduledScalingTests {
    static func scenario(_ asg: String, duration: String = "6h", arrival: String = "{ dist: constant, value: 10s }") -> String {
        """
        name: asg
        duration: \(duration)
        window: 1m
        replications: 1
        network: none
        workload: { arrival: \(arrival) }
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 1, zones: [a], workers: 8, service: 1ms, calls: q }
              q: { kind: sqs, consumers: backend, wait: 20s, batch: 10, retention: 4d }
              backend: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 50ms }
              asg: \(asg)
        """
    }

    /// No backend at first, three from 2h to 4h, none after: 3 × 2 = 6 instance-hours (a launch
    /// is billed from its start); the messages of the hours without a backend wait in the queue
    /// and none is lost.
    @Test func scheduledActionsSetTheCapacity() throws {
        let yaml = Self.scenario("""
            { kind: autoscaling, group: backend, min: 0, max: 3, launch: 60s, scheduled: [{ at: 0h, desired: 0 }, { at: 2h, desired: 3 }, { at: 4h, desired: 0 }] }
            """)
        let sim = try ComponentBench.make(yaml)
        let outcome = sim.runKeepingModels()
        let backend = try #require(outcome.cost.first { $0.component == "backend" })
        #expect(abs(backend.quantity - 6) < 1e-9, "\(backend.quantity) instance-hours")
        let scaler = try #require(sim.components.models(of: AutoScaler.self).first)
        #expect(scaler.capacityLog.map(\.capacity) == [0, 3, 0], "\(scaler.capacityLog)")
        let q = sim.queues[0]
        // Messages sent before 2h were processed after 2h + the launch; those after 4h wait.
        #expect(q.deleted > 0 && q.deleted < q.sent && sim.metrics.messagesLost == 0)
        #expect(Double(sim.metrics.e2e.histogram.max) / 1e6 > 2 * 3600 - 60)
    }

    /// A daily action runs every day: desired 1 at 1h of each 4h period, 0 at 3h: 2 hours of one
    /// instance in each of the three periods of 12 hours.
    @Test func aRecurringActionRunsEveryPeriod() throws {
        let yaml = Self.scenario("""
            { kind: autoscaling, group: backend, min: 0, max: 2, launch: 60s, scheduled: [{ at: 0h, desired: 0 }, { at: 1h, every: 4h, desired: 1 }, { at: 3h, every: 4h, desired: 0 }] }
            """, duration: "12h")
        let sim = try ComponentBench.make(yaml)
        let outcome = sim.runKeepingModels()
        let backend = try #require(outcome.cost.first { $0.component == "backend" })
        #expect(abs(backend.quantity - 6) < 1e-9, "\(backend.quantity) instance-hours")
        // Each day's launch reuses a slot of an instance terminated for good: the fleet does not grow.
        #expect(try #require(sim.components.fleet(2)).count == 2)
    }

    /// Target tracking on the backlog per instance, from zero: messages arrive only from 40m to
    /// 50m. The group scales in to none while the queue is empty (15 one-minute points below
    /// 90 % of the target, one instance a minute), then out again once the backlog has been
    /// above the target for three minutes; every message is processed.
    @Test func theBacklogScalesTheGroupFromZeroAndBack() throws {
        let yaml = Self.scenario("""
            { kind: autoscaling, group: backend, min: 0, max: 2, launch: 60s, target_tracking: { metric: sqs_backlog_per_instance, queue: q, target: 100, warmup: 60s } }
            """, duration: "90m", arrival: "{ dist: exponential, rate: 20/s, profile: { steps: [[0s, 0], [40m, 1], [50m, 0]] } }")
        let sim = try ComponentBench.make(yaml)
        _ = sim.runKeepingModels()
        let scaler = try #require(sim.components.models(of: AutoScaler.self).first)
        let log = scaler.capacityLog
        let zeroAt = try #require(log.first { $0.capacity == 0 }?.at)
        #expect(zeroAt < 40 * Time.minute && zeroAt > 15 * Time.minute, "\(log)")
        let backAt = try #require(log.first { $0.at > zeroAt && $0.capacity > 0 }?.at)
        // Three data points above the target (one a minute) after the backlog passes 100.
        #expect(backAt >= 40 * Time.minute + 3 * Time.minute && backAt < 40 * Time.minute + 6 * Time.minute, "\(log)")
        let q = sim.queues[0]
        #expect(q.sent > 10_000 && q.deleted == q.sent && sim.metrics.messagesLost == 0)
    }

    @Test(arguments: [
        ("{ kind: autoscaling, group: backend, scheduled: [{ at: 1h }] }", "topologies.t.components.asg.scheduled[0]", "at least one of min, max and desired"),
        ("{ kind: autoscaling, group: backend, scheduled: [{ at: 1h, min: 3, max: 2 }] }", "topologies.t.components.asg.scheduled[0].max", "max ≥ min"),
        ("{ kind: autoscaling, group: backend, scheduled: [{ at: 1h, desired: 9 }] }", "topologies.t.components.asg.scheduled[0].desired", "desired ≤ the group's max"),
        ("{ kind: autoscaling, group: backend, scheduled: [{ at: 1h, every: 10s, desired: 1 }] }", "topologies.t.components.asg.scheduled[0].every", "at least 1m"),
        ("{ kind: autoscaling, group: backend, target_tracking: { metric: sqs_backlog_per_instance } }", "topologies.t.components.asg.target_tracking.metric", "a queue"),
        ("{ kind: autoscaling, group: backend, target_tracking: { metric: cpu, target: 150 } }", "topologies.t.components.asg.target_tracking.target", "from 1 to 100"),
        ("{ kind: autoscaling, group: backend, target_tracking: { metric: sqs_backlog_per_instance, queue: web } }", "topologies.t.components.asg.target_tracking.queue", "sqs"),
    ])
    func badScalingIsRefused(asg: String, keyPath: String, expected: String) throws {
        let error = try #require(throws: ScenarioError.self) { try ComponentBench.scenarios(Self.scenario(asg)) }
        #expect(error.keyPath == keyPath && error.message.contains(expected), "\(error)")
    }
}
