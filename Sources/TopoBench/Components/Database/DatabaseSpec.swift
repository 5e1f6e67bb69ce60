// The `database` kind as the loader reads it (keys: `DatabaseDeclaration.swift`).

/// How the database is deployed, which decides what a failure of its primary does.
public enum DatabaseEngine: String, Sendable, CaseIterable {
    /// One DB instance: no standby; down until the instance is back.
    case rdsSingleAZ = "rds_single_az"
    /// A Multi-AZ DB instance: a synchronous standby in another zone takes over in 60–120 s.
    case rdsMultiAZ = "rds_multi_az"
    /// A Multi-AZ DB cluster: a writer and two readable standbys; failover typically under 35 s.
    case rdsMultiAZCluster = "rds_multi_az_cluster"
    /// Aurora with a replica in another zone: failover typically within 30 s.
    case aurora

    /// Whether a standby (or replica) can take over from the primary.
    public var hasStandby: Bool { self != .rdsSingleAZ }
}

/// A DB instance class and its memory (the `DBInstanceClassMemory` of AWS's parameter formulas,
/// taken as the class's nominal memory).
public struct DatabaseInstanceClass: Sendable {
    public let name: String
    public let memoryGiB: Double

    /// The classes `instance_type` takes (memory from the RDS User Guide's DB instance class tables).
    public static let all: [DatabaseInstanceClass] = [
        .init(name: "db.t3.micro", memoryGiB: 1), .init(name: "db.t3.small", memoryGiB: 2), .init(name: "db.t3.medium", memoryGiB: 4),
        .init(name: "db.t3.large", memoryGiB: 8), .init(name: "db.t4g.micro", memoryGiB: 1), .init(name: "db.t4g.small", memoryGiB: 2),
        .init(name: "db.t4g.medium", memoryGiB: 4), .init(name: "db.t4g.large", memoryGiB: 8),
        .init(name: "db.m5.large", memoryGiB: 8), .init(name: "db.m5.xlarge", memoryGiB: 16), .init(name: "db.m5.2xlarge", memoryGiB: 32),
        .init(name: "db.m6g.large", memoryGiB: 8), .init(name: "db.m6g.xlarge", memoryGiB: 16), .init(name: "db.m6g.2xlarge", memoryGiB: 32),
        .init(name: "db.r5.large", memoryGiB: 16), .init(name: "db.r5.xlarge", memoryGiB: 32), .init(name: "db.r5.2xlarge", memoryGiB: 64),
        .init(name: "db.r6g.large", memoryGiB: 16), .init(name: "db.r6g.xlarge", memoryGiB: 32), .init(name: "db.r6g.2xlarge", memoryGiB: 64),
        .init(name: "db.r6g.4xlarge", memoryGiB: 128),
    ]

    public static func named(_ name: String) -> DatabaseInstanceClass? { all.first { $0.name == name } }

    /// MySQL's default `max_connections`, `{DBInstanceClassMemory/12582880}` (RDS User Guide,
    /// "Maximum number of database connections").
    public var defaultMaxConnections: Int {
        max(1, Int(memoryGiB * 1_073_741_824 / AwsDefaults.rdsMySQLBytesPerConnection))
    }
}

public struct DatabaseSpec: Sendable {
    public var engine: DatabaseEngine
    /// The primary's zone first, then the standbys' (zone ids).
    public var zones: [Int]
    /// Time a query holds its connection.
    public var service: Distribution
    public var maxConnections: Int
    /// Time a standby takes to become the primary (unused without a standby).
    public var failover: Distribution
    /// Time an instance without a standby takes to answer once its zone has power again.
    public var recovery: Distribution
    public var instanceType: String
}

extension DatabaseSpec {
    /// Reads a `database` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let written = try cm.choice("engine", default: DatabaseEngine.rdsMultiAZ.rawValue) ?? DatabaseEngine.rdsMultiAZ.rawValue
        let engine = DatabaseEngine(rawValue: written) ?? .rdsMultiAZ
        let zones = try t.zones(cm, default: engine.hasStandby && t.zoneNames.count > 1 ? [0, 1] : [0])
        if engine.hasStandby && Set(zones).count < 2 {
            throw (cm.optional("zones") ?? cm.optional("engine") ?? cm.reader).error(
                expected: "at least two different zones for \(engine.rawValue) (the primary's, then the standby's), or engine: rds_single_az",
                found: zones.map { t.zoneNames[$0] }.joined(separator: ", "))
        }
        if !engine.hasStandby, zones.count > 1, let z = cm.optional("zones") {
            throw z.error(expected: "one zone for rds_single_az (it has no standby)", found: "\(zones.count) zones")
        }
        let type = try cm.choice("instance_type", default: "db.r6g.large") ?? "db.r6g.large"
        let instanceClass = DatabaseInstanceClass.named(type) ?? DatabaseInstanceClass(name: "db.r6g.large", memoryGiB: 16)
        if engine == .aurora, PriceList.usEast1.prices["aurora.mysql.\(type)"] == nil {
            let offered = DatabaseInstanceClass.all.map(\.name).filter { PriceList.usEast1.prices["aurora.mysql.\($0)"] != nil }
            throw (cm.optional("instance_type") ?? cm.optional("engine") ?? cm.reader).error(
                expected: "a DB instance class Aurora MySQL offers (\(offered.joined(separator: ", ")))", found: type)
        }
        let service = try ScenarioLoader.parseDistribution(try cm.required("service")).0
        let maxConnections = try cm.int("max_connections") ?? instanceClass.defaultMaxConnections
        if let f = cm.optional("failover"), !engine.hasStandby {
            throw f.error(expected: "no failover for rds_single_az: it has no standby to fail over to (its downtime is recovery)")
        }
        let failover = try cm.optional("failover").map { try ScenarioLoader.parseDistribution($0).0 } ?? AwsDefaults.databaseFailover(engine)
        let recovery = try cm.optional("recovery").map { try ScenarioLoader.parseDistribution($0).0 } ?? AwsDefaults.databaseRecovery
        return DatabaseSpec(
            engine: engine, zones: zones, service: service, maxConnections: maxConnections, failover: failover,
            recovery: recovery, instanceType: type)
    }
}
