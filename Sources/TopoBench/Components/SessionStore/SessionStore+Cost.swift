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
    /// A session read is a few hundred bytes, not a request's payload: the model does not bill
    /// it across zones (ElastiCache would, at $0.01 a GB each way: cents a month at these rates).
    func priceKeys(in topology: Topology) -> [String] { ["elasticache." + nodeType] }
}
