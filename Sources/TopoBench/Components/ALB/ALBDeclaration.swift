extension MapDeclaration {
    /// `kind: alb`: an Application Load Balancer.
    public static let alb = MapDeclaration.component(
        "alb",
        "An Application Load Balancer: round robin or least outstanding requests over the healthy targets, health checks, fail-open, 502 for a dead target, 504 on a hung one.",
        keys: [
            KeyDeclaration("targets", .reference(["instances"]), required: true, "The instances group behind the load balancer (its target group)."),
            KeyDeclaration("algorithm", .choice(BalancingAlgorithm.allCases.map(\.rawValue)), default: "round_robin", source: .aws("alb.algorithm"), "How a target is chosen."),
            KeyDeclaration("health_check", .map(.albHealthCheck), default: .described("interval 30s, timeout 5s, healthy 5, unhealthy 2"), nullable: true,
                           "The target group's health checks."),
            KeyDeclaration("idle_timeout", .duration(Time.second...4000 * Time.second), default: "60s", source: .aws("alb.idle_timeout"),
                           "How long the ALB waits for a target's answer before it answers 504."),
            KeyDeclaration("connect_timeout", .duration(Time.millisecond...ScenarioLoader.Limits.maxDelay), default: "10s", source: .aws("alb.connect_timeout"),
                           "How long the ALB tries to connect to a target that does not answer."),
            KeyDeclaration("deregistration_delay", .duration(0...3600 * Time.second), default: "300s", source: .aws("alb.deregistration_delay"),
                           "How long a deregistered target keeps its in-flight requests."),
            KeyDeclaration("dns_ttl", .duration(0...Time.day), default: "60s", source: .aws("alb.dns_ttl"),
                           "How long clients cache the answer for the ALB's name; a client holding the address of a node without power pays a connect timeout before it tries the next address. 0s resolves at every call."),
            KeyDeclaration("sticky", .flag, default: .described("true when the targets keep sessions local"), source: .assumption("an ALB's duration-based cookie in front of local sessions"),
                           "Sticky sessions: a user's requests go to the same target while it is healthy."),
        ])

    /// `health_check` of an `alb`.
    public static let albHealthCheck = MapDeclaration(
        "alb.health_check", "The target group's health checks (HealthCheckIntervalSeconds, HealthCheckTimeoutSeconds, thresholds).",
        keys: [
            KeyDeclaration("interval", .duration(5 * Time.second...300 * Time.second), default: "30s", source: .aws("alb.health_check.interval"), "Time between two checks of a target."),
            KeyDeclaration("timeout", .duration(2 * Time.second...120 * Time.second), default: "5s", source: .aws("alb.health_check.timeout"),
                           "How long a check waits for an answer; shorter than the interval."),
            KeyDeclaration("healthy", .integer(2...10), default: "5", source: .aws("alb.health_check.healthy"), "Successive successes that make a target healthy."),
            KeyDeclaration("unhealthy", .integer(2...10), default: "2", source: .aws("alb.health_check.unhealthy"), "Successive failures that make a target unhealthy."),
        ])
}
