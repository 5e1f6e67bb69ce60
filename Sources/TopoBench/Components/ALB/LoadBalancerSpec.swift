// The `alb` kind as the loader reads it (keys: `ALBDeclaration.swift`).

public enum BalancingAlgorithm: String, Sendable, CaseIterable {
    case roundRobin = "round_robin"
    case leastOutstanding = "least_outstanding"
}

public struct LoadBalancerSpec: Sendable {
    /// The target group: an `instances` component.
    public var targets: Int
    public var algorithm: BalancingAlgorithm
    public var healthCheck: HealthCheckSpec
    public var idleTimeout: SimTime
    public var connectTimeout: SimTime
    public var deregistrationDelay: SimTime
    /// Sticky sessions (duration-based cookie): on when the targets keep sessions locally.
    public var sticky: Bool
    /// How long a client keeps the answer for the ALB's name; 0 resolves at every call.
    public var dnsTTL: SimTime = AwsDefaults.albDNSTTL
}


extension LoadBalancerSpec {
    /// Reads an `alb` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        guard let targets = try t.ref(cm, "targets") else {
            throw cm.reader.error(expected: "'targets': the instances group behind the load balancer", suggestion: "targets")
        }
        let alg = try cm.choice("algorithm", default: "round_robin") ?? "round_robin"
        var hc = HealthCheckSpec(
            interval: AwsDefaults.albHealthInterval, timeout: AwsDefaults.albHealthTimeout,
            healthyThreshold: AwsDefaults.albHealthyThreshold, unhealthyThreshold: AwsDefaults.albUnhealthyThreshold)
        if let h = try cm.map("health_check") {
            hc.interval = try h.duration("interval", default: hc.interval) ?? hc.interval
            hc.timeout = try h.duration("timeout", default: hc.timeout) ?? hc.timeout
            hc.healthyThreshold = try h.int("healthy", default: hc.healthyThreshold) ?? hc.healthyThreshold
            hc.unhealthyThreshold = try h.int("unhealthy", default: hc.unhealthyThreshold) ?? hc.unhealthyThreshold
            if hc.timeout >= hc.interval {
                throw (h.optional("timeout") ?? h.reader).error(expected: "a timeout shorter than the interval (AWS requires it)")
            }
            try h.finish()
        }
        let targetName = t.names[targets]
        return LoadBalancerSpec(
            targets: targets, algorithm: BalancingAlgorithm(rawValue: alg) ?? .roundRobin, healthCheck: hc,
            idleTimeout: try cm.duration("idle_timeout", default: AwsDefaults.albIdleTimeout) ?? AwsDefaults.albIdleTimeout,
            connectTimeout: try cm.duration("connect_timeout", default: AwsDefaults.albConnectTimeout) ?? AwsDefaults.albConnectTimeout,
            deregistrationDelay: try cm.duration("deregistration_delay", default: AwsDefaults.albDeregistrationDelay) ?? AwsDefaults.albDeregistrationDelay,
            sticky: try cm.bool("sticky", default: t.localSessions.contains(targetName)) ?? false,
            dnsTTL: try cm.duration("dns_ttl", default: AwsDefaults.albDNSTTL) ?? AwsDefaults.albDNSTTL)
    }
}
