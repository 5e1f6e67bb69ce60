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
}

public struct TargetTrackingSpec: Sendable {
    /// `cpu` (busy workers / workers) or `requests` (per target per minute).
    public var metric: String
    public var target: Double
    public var warmup: SimTime
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
            tt = TargetTrackingSpec(
                metric: try tm.choice("metric", default: "cpu") ?? "cpu",
                target: try tm.double("target", default: 50) ?? 50,
                warmup: try tm.duration("warmup", default: 300 * Time.second) ?? 300 * Time.second)
            try tm.finish()
        }
        let launch = try cm.optional("launch").map { try ScenarioLoader.parseDistribution($0).0 }
            ?? (try Distribution.uniform(min: 60, max: 180))
        let healthCheck = try cm.choice("health_check_type", default: AwsDefaults.asgHealthCheckType.rawValue)
            .flatMap(HealthCheckType.init(rawValue:)) ?? AwsDefaults.asgHealthCheckType
        return AutoscalingSpec(
            group: group, min: lo, max: hi, healthCheckType: healthCheck,
            grace: try cm.duration("grace", default: AwsDefaults.asgGrace) ?? AwsDefaults.asgGrace,
            launch: launch, targetTracking: tt)
    }
}
