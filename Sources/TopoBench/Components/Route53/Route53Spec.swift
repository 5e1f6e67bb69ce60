// The `route53` kind as the loader reads it (keys: `Route53Declaration.swift`).

/// A Route 53 health check of one record's target.
public struct Route53HealthCheckSpec: Sendable {
    public var interval: SimTime
    public var failureThreshold: Int
    public var checkers: Int
    public var evaluateTargetHealth: Bool

    /// The thresholds as the shared ``TargetHealth`` counts them: Route 53 uses the same number
    /// of checks in a row to fail a target and to bring it back ("FailureThreshold").
    var thresholds: HealthCheckSpec {
        HealthCheckSpec(interval: interval, timeout: AwsDefaults.route53CheckTimeout,
                        healthyThreshold: failureThreshold, unhealthyThreshold: failureThreshold)
    }
}

/// One record of a Route 53 name.
public struct Route53RecordSpec: Sendable {
    public enum Role: String, Sendable { case primary, secondary }
    public var target: Int
    public var role: Role?
    public var weight: Int
    /// The region of the record (latency routing): written, or the target's.
    public var region: Int?
    public var healthCheck: Route53HealthCheckSpec?
}

public struct Route53Spec: Sendable {
    public enum Routing: String, Sendable, CaseIterable { case simple, failover, weighted, latency, multivalue }
    public var routing: Routing
    public var ttl: SimTime
    public var records: [Route53RecordSpec]
    /// Every record is an alias to an AWS resource (an ALB or an API Gateway): queries are free.
    public var aliasOnly = false
}

extension Route53Spec {
    /// Reads a `route53` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let routing = Routing(rawValue: try cm.choice("routing", default: "simple") ?? "simple") ?? .simple
        let ttl = try cm.duration("ttl", default: AwsDefaults.route53TTL) ?? AwsDefaults.route53TTL
        guard let items = try cm.list("records"), !items.isEmpty else {
            throw cm.reader.error(expected: "'records': at least one record, each with a target", suggestion: "records")
        }
        var records: [Route53RecordSpec] = []
        for item in items {
            let m = try item.map()
            guard let target = try t.ref(m, "target") else {
                throw m.reader.error(expected: "'target': the alb, api_gateway or instances the record points to", suggestion: "target")
            }
            let role = try m.choice("role").flatMap(Route53RecordSpec.Role.init(rawValue:))
            let weight = try m.int("weight", default: 1) ?? 1
            let region = try t.region(m)
            var check: Route53HealthCheckSpec?
            if let h = try m.map("health_check") {
                let interval = (try h.choice("interval", default: "30s") ?? "30s") == "10s" ? 10 * Time.second : AwsDefaults.route53Interval
                check = Route53HealthCheckSpec(
                    interval: interval,
                    failureThreshold: try h.int("failure_threshold", default: AwsDefaults.route53FailureThreshold) ?? AwsDefaults.route53FailureThreshold,
                    checkers: try h.int("checkers", default: AwsDefaults.route53Checkers) ?? AwsDefaults.route53Checkers,
                    evaluateTargetHealth: try h.bool("evaluate_target_health", default: false) ?? false)
                try h.finish()
            }
            if routing == .simple, check != nil, let h = m.optional("health_check") {
                throw h.error(expected: "no health_check: a simple record cannot have one (Route 53 checks the health of failover, weighted, latency and multivalue records)")
            }
            if let r = m.optional("role"), routing != .failover {
                throw r.error(expected: "no role: only failover routing has primary and secondary records", found: "role with routing \(routing.rawValue)")
            }
            if let w = m.optional("weight"), routing != .weighted {
                throw w.error(expected: "no weight: only weighted routing has weights", found: "weight with routing \(routing.rawValue)")
            }
            try m.finish()
            records.append(Route53RecordSpec(target: target, role: role, weight: weight, region: region, healthCheck: check))
        }
        // Each instance of an instances target is an address of its own (at most 16 in all).
        var addressCount = 0
        for r in records {
            let map = t.maps.first { $0.0 == t.names[r.target] }?.1
            let count = t.kinds[t.names[r.target]] == "instances" ? (map?.reader.node["count"]?.text).flatMap { Int($0) } ?? 1 : 1
            addressCount += count
        }
        if addressCount > Route53.maxAddresses {
            throw (cm.optional("records") ?? cm.reader).error(
                expected: "at most \(Route53.maxAddresses) addresses in a name (each instance of an instances target is one)", found: "\(addressCount)")
        }
        if routing == .failover {
            let roles = records.map(\.role)
            if records.count != 2 || !roles.contains(.primary) || !roles.contains(.secondary) {
                throw (cm.optional("records") ?? cm.reader).error(
                    expected: "failover routing with two records, one role: primary and one role: secondary",
                    found: "\(records.count) record(s), roles \(roles.map { $0?.rawValue ?? "none" }.joined(separator: ", "))")
            }
        }
        if routing == .weighted && records.allSatisfy({ $0.weight == 0 }) {
            throw (cm.optional("records") ?? cm.reader).error(expected: "weighted routing with at least one weight above 0")
        }
        // Records to an ALB or an API Gateway are alias records; those to instances are A records.
        let aliasOnly = records.allSatisfy { ["alb", "api_gateway"].contains(t.kinds[t.names[$0.target]] ?? "") }
        return Route53Spec(routing: routing, ttl: ttl, records: records, aliasOnly: aliasOnly)
    }
}

extension Route53Spec: ComponentSpec {
    static var declaration: MapDeclaration { .route53 }
    var edges: [Int] { records.map(\.target) }
    /// A DNS name acts on nothing by itself: its records' targets take the faults.
    static var faultKinds: Set<FaultSpec.Kind> { [] }
    /// Route 53 is a global service: no region outage takes it down (-1: in no region).
    func region(in topology: Topology) -> Int { -1 }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = Route53(sim, index: index, spec: self)
        owner.append(model)
        return .route53(.passUnretained(model))
    }
}
