// The `session_store` kind as the loader reads it (keys: `SessionStoreDeclaration.swift`).

public enum SessionEngine: String, Sendable, CaseIterable { case redis, memcached }

/// What a Memcached client does with the keys of a node that died (a client-library choice).
public enum MemcachedRemap: String, Sendable, CaseIterable {
    /// Consistent hashing with failed nodes ejected: the keys go to the next live node.
    case nextNode = "next_node"
    /// The client keeps the node in its ring: its keys fail until it is back.
    case none
}

public struct SessionStoreSpec: Sendable {
    public var engine: SessionEngine
    public var nodes: Int
    public var replicas: Int
    public var failover: SimTime
    public var zones: [Int]
    /// Time to bring a failed node back (replacement) when no replica can take over.
    public var replace: SimTime
    /// Memcached: where a dead node's keys go.
    public var remap: MemcachedRemap
    /// The node type, which sets the price of a node-hour.
    public var nodeType = "cache.m6g.large"
}


extension SessionStoreSpec {
    /// `remap`, Memcached only.
    static func readRemap(_ cm: MapReader, engine: SessionEngine) throws -> MemcachedRemap {
        let written = try cm.choice("remap", default: MemcachedRemap.nextNode.rawValue) ?? MemcachedRemap.nextNode.rawValue
        if engine != .memcached, let r = cm.optional("remap") {
            throw r.error(expected: "no remap for redis (a Redis replica takes over; remap is what a Memcached client does)", found: r.foundDescription)
        }
        return MemcachedRemap(rawValue: written) ?? .nextNode
    }

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
            replace: try cm.duration("replace", default: AwsDefaults.storeReplace) ?? AwsDefaults.storeReplace,
            remap: try readRemap(cm, engine: e),
            nodeType: try cm.choice("node_type", default: "cache.m6g.large") ?? "cache.m6g.large")
    }
}
