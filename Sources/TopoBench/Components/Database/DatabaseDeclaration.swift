extension MapDeclaration {
    /// `kind: database`: an Amazon RDS or Aurora database, reached by a group's `calls:`.
    public static let database = MapDeclaration.component(
        "database",
        "An Amazon RDS or Aurora database: a query holds one of max_connections connections for its service time (refused past it); a failover or an outage fails the queries in flight and refuses new ones until it ends.",
        keys: [
            KeyDeclaration("engine", .choice(DatabaseEngine.allCases.map(\.rawValue)), default: "rds_multi_az",
                           source: .assumption("a Multi-AZ DB instance, the deployment AWS recommends for production"),
                           "rds_single_az (no standby: down until the instance is back), rds_multi_az (a standby in another zone), rds_multi_az_cluster (two readable standbys), aurora (an Aurora replica in another zone)."),
            KeyDeclaration("zones", .list(.zone, minItems: 1), default: .described("the scenario's first two zones (the first only for rds_single_az)"),
                           source: .assumption("a primary and one standby"),
                           "Zones of the primary (first) and of its standbys; every engine but rds_single_az needs at least two."),
            KeyDeclaration("service", .timeDistribution, required: true, "Time one query holds its connection."),
            KeyDeclaration("max_connections", .integer(1...ScenarioLoader.Limits.maxWorkers),
                           default: .described("MySQL's {DBInstanceClassMemory/12582880} for instance_type: 1365 for db.r6g.large"),
                           source: .aws("database.max_connections"),
                           "Queries in flight at once; one more is refused at once (Too many connections)."),
            KeyDeclaration("failover", .timeDistribution,
                           default: .described("uniform 60s..120s (rds_multi_az), uniform 20s..35s (rds_multi_az_cluster), uniform 20s..30s (aurora)"),
                           source: .aws("database.failover"),
                           "Time for a standby to take over a failed primary, drawn per failover; not for rds_single_az, which has no standby."),
            KeyDeclaration("recovery", .timeDistribution, default: .described("uniform 1m..5m"), source: .aws("database.recovery"),
                           "Time an instance without a standby takes, once its zone has power again, before it answers (boot and crash recovery)."),
            KeyDeclaration("instance_type", .choice(DatabaseInstanceClass.all.map(\.name)), default: "db.r6g.large",
                           source: .assumption("a memory-optimised Graviton class, a common production choice"),
                           "The DB instance class; its memory sets the default max_connections (its price comes with the cost model)."),
        ])
}
