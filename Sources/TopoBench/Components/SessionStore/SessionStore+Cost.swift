// What an ElastiCache cluster costs: its node-hours.

extension SessionStore {
    /// Node-hours of every node, primaries and replicas alike ("Amazon ElastiCache pricing":
    /// "you pay for each node"), for the whole measured window: a failed node is replaced, not
    /// unbilled. Redis OSS prices (Valkey is 20 % cheaper; Memcached costs as Redis OSS).
    func bill(_ bill: inout Bill) {
        let nodes = spec.nodes * (1 + spec.replicas)
        bill.charge("elasticache." + spec.nodeType, Double(nodes) * bill.hours)
    }
}

extension SessionStoreSpec {
    /// ElastiCache pays regional data transfer with EC2 instances in other zones.
    static var billsZonalTransfer: Bool { true }
    func priceKeys(in topology: Topology) -> [String] { ["elasticache." + nodeType] }
}
