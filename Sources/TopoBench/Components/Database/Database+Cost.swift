// What a database costs: its instance-hours (and Aurora's I/O).

extension Database {
    /// Instance-hours as AWS bills each engine ("Amazon RDS for MySQL pricing", "Amazon Aurora
    /// pricing"), for the whole measured window (a failover or a reboot does not stop the bill):
    /// - a Single-AZ DB instance: one instance;
    /// - a Multi-AZ DB instance: the Multi-AZ rate, which pays for the primary and its standby;
    /// - a Multi-AZ DB cluster: its three instances (a writer and two readable standbys). AWS
    ///   offers clusters on classes with local storage (m5d, r6gd, …), whose rates the built-in
    ///   list lacks: the class's Single-AZ rate stands in for each instance, which understates
    ///   the bill by those classes' premium;
    /// - Aurora: each instance (the writer, and a replica in each other zone), and, for Aurora
    ///   Standard, $0.20 per million I/O requests, taken as one I/O per query (an assumption:
    ///   a query that reads from the buffer pool costs none, one that misses costs more).
    /// Storage and backups are left out: the same in every design.
    func bill(_ bill: inout Bill) {
        let type = spec.instanceType
        switch spec.engine {
        case .rdsSingleAZ: bill.charge("rds.mysql.\(type).single_az", bill.hours)
        case .rdsMultiAZ: bill.charge("rds.mysql.\(type).multi_az", bill.hours)
        case .rdsMultiAZCluster: bill.charge("rds.mysql.\(type).single_az", 3 * bill.hours)
        case .aurora:
            bill.charge("aurora.mysql.\(type)", Double(spec.zones.count) * bill.hours)
            bill.charge("aurora.io", Double(billedQueries))
        }
    }
}

extension DatabaseSpec {
    /// RDS pays regional data transfer with EC2 instances in other zones (replication between
    /// a primary and its standby is free).
    static var billsZonalTransfer: Bool { true }
    func priceKeys(in topology: Topology) -> [String] {
        switch engine {
        case .rdsSingleAZ, .rdsMultiAZCluster: return ["rds.mysql.\(instanceType).single_az"]
        case .rdsMultiAZ: return ["rds.mysql.\(instanceType).multi_az"]
        case .aurora: return ["aurora.mysql.\(instanceType)", "aurora.io"]
        }
    }
}
