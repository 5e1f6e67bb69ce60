// The `session_store` kind as the loader reads it (keys: `SessionStoreDeclaration.swift`).

public enum SessionEngine: String, Sendable, CaseIterable { case redis, memcached }

public struct SessionStoreSpec: Sendable {
    public var engine: SessionEngine
    public var nodes: Int
    public var replicas: Int
    public var failover: SimTime
    public var zones: [Int]
    /// Time to bring a failed node back (replacement) when no replica can take over.
    public var replace: SimTime
}


extension SessionStoreSpec {
    /// Reads a `session_store` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let engine = try cm.choice("engine", default: "redis") ?? "redis"
        let e = SessionEngine(rawValue: engine) ?? .redis
        let replicas = try cm.int("replicas", default: e == .redis ? AwsDefaults.redisReplicas : 0) ?? 0
        if e == .memcached && replicas > 0 {
            throw (cm.optional("replicas") ?? cm.reader).error(expected: "0 replicas for memcached (it has no replication)")
        }
        return SessionStoreSpec(
            engine: e, nodes: try cm.int("nodes", default: 1) ?? 1, replicas: replicas,
            failover: try cm.duration("failover", default: AwsDefaults.redisFailover) ?? AwsDefaults.redisFailover,
            zones: try t.zones(cm, default: t.zoneNames.count > 1 ? [0, 1] : [0]),
            replace: try cm.duration("replace", default: AwsDefaults.storeReplace) ?? AwsDefaults.storeReplace)
    }
}
