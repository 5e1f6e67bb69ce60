extension MapDeclaration {
    /// `kind: session_store`: an ElastiCache cluster holding login sessions.
    public static let sessionStore = MapDeclaration.component(
        "session_store", "An ElastiCache cluster holding the login sessions: Redis (replicas, failover) or Memcached (a dead node loses its sessions).",
        keys: [
            KeyDeclaration("engine", .choice(SessionEngine.allCases.map(\.rawValue)), default: "redis", source: .assumption("Redis, the usual session store"), "Redis or Memcached."),
            KeyDeclaration("nodes", .integer(1...500), default: "1", source: .assumption("one shard or node"), "Nodes (shards) the sessions are spread over."),
            KeyDeclaration("replicas", .integer(0...5), default: .described("1 for redis, 0 for memcached"), source: .aws("session_store.replicas"), "Replicas per node (Redis only)."),
            KeyDeclaration("failover", .duration(0...ScenarioLoader.Limits.maxDelay), default: "30s", source: .aws("session_store.failover"), "Time for a replica to take over a failed primary."),
            KeyDeclaration("zones", .list(.zone, minItems: 1), default: .described("the scenario's first two zones (its only one if it has one)"), source: .assumption("Multi-AZ over two zones"),
                           "Zones the nodes and replicas are placed in."),
            KeyDeclaration("remap", .choice(MemcachedRemap.allCases.map(\.rawValue)), default: "next_node", source: .aws("session_store.remap"),
                           "Memcached: where the client sends a dead node's keys. next_node: the next live node (consistent hashing, failed nodes ejected), where those users log in again; none: nowhere, their requests fail until the node is back (empty). An assumption: a client-library choice."),
            KeyDeclaration("node_type", .choice(PriceList.cacheNodeTypes), default: "cache.m6g.large",
                           source: .assumption("a general-purpose Graviton node; it sets the price only"),
                           "The ElastiCache node type: what a node-hour costs (every primary and replica is a node)."),
            KeyDeclaration("replace", .duration(0...ScenarioLoader.Limits.maxDelay), default: "10m", source: .aws("session_store.replace"), "Time to replace a failed node that has no replica (empty)."),
        ])
}
