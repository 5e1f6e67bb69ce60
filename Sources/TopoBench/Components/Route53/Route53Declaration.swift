extension MapDeclaration {
    /// The kinds a Route 53 record may point to (an alias to an ALB or an API, or the addresses
    /// of EC2 instances).
    static let route53TargetKinds = ["alb", "instances", "api_gateway"]

    /// `kind: route53`: a DNS name in a Route 53 hosted zone, with its records.
    public static let route53 = MapDeclaration.component(
        "route53",
        "A DNS name in Route 53: records picked by a routing policy and health checks; clients cache the answer for the TTL and connect to its first address.",
        keys: [
            KeyDeclaration("routing", .choice(Route53Spec.Routing.allCases.map(\.rawValue)), default: "simple", source: .assumption("Route 53's simplest policy"),
                           "simple (every record, no health checks), failover (primary while healthy, else secondary), weighted, latency (the record nearest the clients' region) or multivalue (up to eight healthy addresses)."),
            KeyDeclaration("ttl", .duration(0...(2_147_483_647 * Time.second)), default: "60s", source: .aws("route53.ttl"),
                           "How long a client caches an answer (an alias to an ALB always has the ALB's 60 s)."),
            KeyDeclaration("records", .list(.map(.route53Record), minItems: 1), required: true,
                           "The records of the name, each pointing to a target."),
        ])

    /// One record of a `route53` name.
    public static let route53Record = MapDeclaration(
        "route53.records", "A record: the target it points to, its role or weight, its region and its health check.",
        keys: [
            KeyDeclaration("target", .reference(route53TargetKinds), required: true,
                           "The alb or api_gateway the record is an alias to, or the instances whose addresses it holds (one address per instance)."),
            KeyDeclaration("role", .choice(["primary", "secondary"]), default: .described("none; failover routing needs one primary and one secondary"),
                           "Failover routing: the primary is answered while healthy, the secondary otherwise."),
            KeyDeclaration("weight", .integer(0...255), default: "1", source: .assumption("equal weights"),
                           "Weighted routing: the record's share is its weight over the sum of the healthy records' weights (0: only when no other is healthy)."),
            KeyDeclaration("region", .text, default: .described("the target's region"),
                           "Latency routing: the region of the record's target."),
            KeyDeclaration("health_check", .map(.route53HealthCheck), default: .described("none: the record is always healthy"), nullable: true,
                           "A Route 53 health check of the target (and, with evaluate_target_health, the target's own health)."),
        ])

    /// `health_check` of a Route 53 record.
    public static let route53HealthCheck = MapDeclaration(
        "route53.records.health_check",
        "Route 53 health checkers in several locations probe the target every interval; each changes its view after failure_threshold checks in a row; the record is healthy while more than 18 % of them say so.",
        keys: [
            KeyDeclaration("interval", .choice(["30s", "10s"]), default: "30s", source: .aws("route53.health_check.interval"), "The request interval: 30s (standard) or 10s (fast)."),
            KeyDeclaration("failure_threshold", .integer(1...10), default: "3", source: .aws("route53.health_check.failure_threshold"),
                           "Checks in a row a checker needs to change its view, failing or passing."),
            KeyDeclaration("checkers", .integer(3...8), default: "8", source: .aws("route53.health_check.checkers"), "Checker regions (at least 3, 8 by default)."),
            KeyDeclaration("evaluate_target_health", .flag, default: "false", source: .assumption("the health checkers alone decide, as the documented failover time (interval × threshold) assumes"),
                           "An alias record is also unhealthy while its target says it is: an ALB whose own health checks find no healthy target."),
        ])
}
