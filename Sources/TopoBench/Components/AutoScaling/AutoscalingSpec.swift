// The `autoscaling` kind as the loader reads it (keys: `AutoscalingDeclaration.swift`).

public struct AutoscalingSpec: Sendable {
    /// What the group's health checks see (`health_check_type`).
    public enum HealthCheckType: String, Sendable, CaseIterable {
        /// EC2 status checks only (the default on AWS): the instance, not its application.
        case ec2
        /// EC2 status checks and the load balancer's health checks.
        case elb
    }

    public var group: Int
    public var min: Int
    public var max: Int
    public var healthCheckType: HealthCheckType
    public var grace: SimTime
    public var launch: Distribution
    public var targetTracking: TargetTrackingSpec?
    public var scheduled: [ScheduledActionSpec] = []
}

public struct TargetTrackingSpec: Sendable {
    public enum Metric: String, Sendable, CaseIterable {
        /// Busy workers over workers, in percent.
        case cpu
        /// A queue's visible messages over the instances in service.
        case sqsBacklogPerInstance = "sqs_backlog_per_instance"
    }
    public var metric: Metric
    public var target: Double
    public var warmup: SimTime
    /// The queue of `sqs_backlog_per_instance` (a component index).
    public var queue: Int? = nil
}

/// A scheduled action: at `at` (and every `every` after), the group's limits and desired
/// capacity change (nil: unchanged).
public struct ScheduledActionSpec: Sendable {
    public var at: SimTime
    public var every: SimTime?
    public var min: Int?
    public var max: Int?
    public var desired: Int?
}


extension AutoscalingSpec {
    /// Reads an `autoscaling` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        guard let group = try t.ref(cm, "group") else {
            throw cm.reader.error(expected: "'group': the instances group it manages", suggestion: "group")
        }
        var count = 1
        if let gm = t.maps.first(where: { $0.0 == t.names[group] })?.1,
            let n = try? gm.int("count", default: 1)
        {
            count = n
        }
        let lo = try cm.int("min", default: count) ?? count
        let hi = try cm.int("max", default: Swift.max(count, lo)) ?? count
        if hi < lo { throw (cm.optional("max") ?? cm.reader).error(expected: "max ≥ min (\(lo))", found: "\(hi)") }
        var tt: TargetTrackingSpec? = nil
        if let tm = try cm.map("target_tracking") {
            let metric = TargetTrackingSpec.Metric(rawValue: try tm.choice("metric", default: "cpu") ?? "cpu") ?? .cpu
            let target = try tm.double("target", default: 50) ?? 50
            if metric == .cpu && !(1...100).contains(target) {
                throw (tm.optional("target") ?? tm.reader).error(expected: "a percentage from 1 to 100 for metric cpu", found: NodeReader.formatNumber(target))
            }
            let queue = try t.ref(tm, "queue")
            if metric == .sqsBacklogPerInstance && queue == nil {
                throw (tm.optional("metric") ?? tm.reader).error(expected: "a queue (queue: NAME, an sqs component) for sqs_backlog_per_instance", suggestion: "queue")
            }
            if metric == .cpu, let q = tm.optional("queue") { throw q.error(expected: "no queue for metric cpu (it is the backlog's)") }
            tt = TargetTrackingSpec(
                metric: metric, target: target,
                warmup: try tm.duration("warmup", default: 300 * Time.second) ?? 300 * Time.second, queue: queue)
            try tm.finish()
        }
        var scheduled: [ScheduledActionSpec] = []
        for item in try cm.list("scheduled") ?? [] {
            let m = try item.map()
            let a = ScheduledActionSpec(
                at: try m.duration("at") ?? 0, every: try m.duration("every"), min: try m.int("min"), max: try m.int("max"),
                desired: try m.int("desired"))
            try m.finish()
            if let mn = a.min, let mx = a.max, mn > mx { throw (m.optional("max") ?? m.reader).error(expected: "max ≥ min (\(mn))", found: "\(mx)") }
            if a.min == nil && a.max == nil && a.desired == nil { throw m.reader.error(expected: "at least one of min, max and desired", suggestion: "desired") }
            if let d = a.desired, let mx = a.max, d > mx { throw (m.optional("desired") ?? m.reader).error(expected: "desired ≤ max (\(mx))", found: "\(d)") }
            if let d = a.desired, let mn = a.min, d < mn { throw (m.optional("desired") ?? m.reader).error(expected: "desired ≥ min (\(mn))", found: "\(d)") }
            if let d = a.desired, d > hi, a.max == nil { throw (m.optional("desired") ?? m.reader).error(expected: "desired ≤ the group's max (\(hi)), or a new max", found: "\(d)") }
            scheduled.append(a)
        }
        let launch = try cm.optional("launch").map { try ScenarioLoader.parseDistribution($0).0 }
            ?? (try Distribution.uniform(min: 60, max: 180))
        let healthCheck = try cm.choice("health_check_type", default: AwsDefaults.asgHealthCheckType.rawValue)
            .flatMap(HealthCheckType.init(rawValue:)) ?? AwsDefaults.asgHealthCheckType
        return AutoscalingSpec(
            group: group, min: lo, max: hi, healthCheckType: healthCheck,
            grace: try cm.duration("grace", default: AwsDefaults.asgGrace) ?? AwsDefaults.asgGrace,
            launch: launch, targetTracking: tt, scheduled: scheduled)
    }
}
