/// The faults (`faults:` items), by `kind`: a fault kind or an AWS Fault Injection Service
/// action name that stands for one (``ScenarioLoader/fisActions``).
extension Variants {
    /// A fault, whose `kind` picks its keys.
    public static let fault: Variants = {
        var cases = FaultSpec.Kind.allCases.map { kind in
            Variant(names: MapDeclaration.faultNames(kind), declaration: MapDeclaration.fault(kind))
        }
        cases.append(Variant(names: [MapDeclaration.disruptConnectivityName], declaration: MapDeclaration.disruptConnectivity))
        cases.append(Variant(names: ScenarioLoader.elastiCacheZonePowerActions, declaration: MapDeclaration.elastiCacheZonePower))
        cases.append(Variant(names: [MapDeclaration.rdsRebootName], declaration: MapDeclaration.rdsReboot))
        return Variants(
            "fault", "A fault injected at a time (at) or at random (mtbf and mttr), by kind or AWS FIS action name.",
            discriminator: "kind", expectedPrefix: "a fault kind: ", cases: cases,
            names: FaultSpec.Kind.allCases.map(\.rawValue) + ScenarioLoader.fisActions.keys.sorted())
    }()
}

extension MapDeclaration {
    typealias FaultKind = FaultSpec.Kind

    /// FIS's network disruption, which is a partition or, with `zone`, a zone outage.
    static let disruptConnectivityName = "aws:network:disrupt-connectivity"
    /// FIS's RDS reboot, which has a declaration of its own (`force_failover`, a database target).
    static let rdsRebootName = "aws:rds:reboot-db-instances"

    /// The names that pick a fault of `kind`: the kind, then the FIS action names standing for it.
    static func faultNames(_ kind: FaultKind) -> [String] {
        [kind.rawValue] + ScenarioLoader.fisActions.filter {
            $0.value == kind && $0.key != disruptConnectivityName && $0.key != rdsRebootName
                && !ScenarioLoader.elastiCacheZonePowerActions.contains($0.key)
        }.keys.sorted()
    }

    /// The keys of a fault of `kind` (also when written as an FIS action name).
    static func fault(_ kind: FaultKind) -> MapDeclaration {
        let summaries: [FaultKind: String] = [
            .crash: "The application process dies; the instance keeps running. recover_after restarts it; without it the process stays down. EC2 status checks do not see it; an ALB's health checks do.",
            .stop: "The EC2 instance stops (memory lost); after duration it starts again. It leaves the running state, so Auto Scaling replaces it at its next status check.",
            .terminate: "The EC2 instance is terminated: it never comes back; Auto Scaling replaces it at its next status check. aws:ec2:send-spot-instance-interruptions terminates two minutes after at.",
            .reboot: "The instance reboots: down for reboot_time, memory (local sessions) lost. It stays in the running state; Auto Scaling replaces it only if its status checks stay impaired for a few minutes.",
            .zoneOutage: "Every zone-bound resource in the zone loses power.",
            .regionOutage: "Every zone of the region loses power, and the region's managed services (SQS, SNS, API Gateway, Lambda, and the ALB, ElastiCache and database nodes in its zones) stop answering: calls to them get no answer.",
            .latency: "Every answer of the target takes multiplier times as long.",
            .errors: "The target answers a share of requests with an error.",
            .zombie: "The target passes its health checks but fails every request.",
            .partition: "The network between target and peer is cut; processes and their state survive.",
            .failover: "A database's standby takes over from its primary (its failover time): the queries in flight fail, new ones are refused until it is over. Only on an engine with a standby.",
        ]
        var keys = [kindKey(faultNames(kind))]
        switch kind {
        case .zoneOutage: keys.append(zone)
        case .regionOutage: keys.append(region)
        case .failover: keys.append(databaseTarget)
        default: keys.append(target)
        }
        if kind == .partition { keys.append(peer) }
        var exclusive = timingExclusions
        var alternatives = timingAlternatives
        switch kind {
        case .failover:
            // A failover lasts the database's own failover time.
            keys += timing.filter { $0.name == "at" }
            alternatives = [["at"]]
            exclusive = []
        case .terminate:
            // A terminated instance never comes back: no length, no repair.
            keys += timing.filter { ["instance", "at"].contains($0.name) }
            alternatives = [["at"]]
            exclusive = []
        case .reboot:
            keys += timing
            keys.append(KeyDeclaration("reboot_time", .duration(1...Units.maxDuration), default: "60s", source: .aws("fault.reboot.reboot_time"),
                                       "How long the instance is down (also written duration)."))
            exclusive += [["reboot_time", "duration"], ["reboot_time", "recover_after"], ["reboot_time", "mtbf"]]
        default:
            keys += timing
        }
        if kind == .latency {
            keys.append(KeyDeclaration("multiplier", .number(1e-6...1e6), default: "10", source: .assumption("ten times slower"), "Factor applied to the target's service times."))
        }
        if kind == .errors {
            keys.append(KeyDeclaration("probability", .number(0...1), default: "1", source: .assumption("every request"), "Share of requests answered with an error."))
            keys.append(KeyDeclaration("code", .integer(400...599),
                                       default: "500",
                                       source: .assumption("the status each FIS action injects"), "HTTP status of the errors: 429, 500 or 503 (retryable), or 400, 403, 404 (client errors, never retried by SNS)."))
        }
        return MapDeclaration(
            "fault." + kind.rawValue, summaries[kind] ?? "", keys: keys,
            alternatives: [alternatives], exclusive: exclusive)
    }

    /// `kind: aws:elasticache:replicationgroup-interrupt-az-power` (or its older name): the nodes
    /// of a session store whose primary is in `zone` lose power; a replica elsewhere takes over.
    static let elastiCacheZonePower = MapDeclaration(
        "fault.elasticache_az_power", "AWS FIS's ElastiCache zone power interruption: the store's nodes whose primary is in zone fail; a Redis replica in another zone takes over.",
        keys: [
            kindKey(ScenarioLoader.elastiCacheZonePowerActions),
            KeyDeclaration("target", .reference(["session_store"]), required: true, "The session store (an ElastiCache replication group)."),
            KeyDeclaration("zone", .zone, required: true, "The zone whose nodes lose power."),
        ] + timing.filter { $0.name != "instance" },
        alternatives: [timingAlternatives], exclusive: timingExclusions)

    /// `kind: aws:rds:reboot-db-instances`: a database reboots (down for reboot_time), or, with
    /// `force_failover`, fails over to its standby (RebootDBInstance's ForceFailover).
    static let rdsReboot = MapDeclaration(
        "fault.rds_reboot", "AWS FIS's RDS reboot: the database is down for reboot_time, queries in flight fail; with force_failover (a Multi-AZ engine only) the reboot is conducted through a failover instead.",
        keys: [
            kindKey([rdsRebootName]), databaseTarget,
        ] + timing.filter { $0.name != "instance" } + [
            KeyDeclaration("reboot_time", .duration(1...Units.maxDuration), default: "60s", source: .aws("fault.reboot.reboot_time"),
                           "How long the database is down (also written duration)."),
            KeyDeclaration("force_failover", .flag, default: "false", source: .assumption("FIS's forceFailover parameter is optional; a reboot then restarts the primary in place"),
                           "Conduct the reboot through a failover to the standby (RebootDBInstance's ForceFailover; refused for rds_single_az)."),
        ],
        alternatives: [timingAlternatives],
        exclusive: timingExclusions + [["reboot_time", "duration"], ["reboot_time", "recover_after"], ["reboot_time", "mtbf"]])

    /// `kind: aws:network:disrupt-connectivity`: a partition between target and peer, or a zone cut off.
    static let disruptConnectivity = MapDeclaration(
        "fault.disrupt_connectivity", "AWS FIS's network disruption: a partition between target and peer, or, with zone, the zone cut off.",
        keys: [
            kindKey([disruptConnectivityName]),
            KeyDeclaration("target", .reference(ComponentKinds.names), "A partition: the component cut off from peer."),
            KeyDeclaration("peer", .reference(ComponentKinds.names), "A partition: the other side."),
            KeyDeclaration("zone", .zone, "Refused: FIS cuts the network of subnets, and the instances keep running and keep their memory, which is not a zone power loss (use kind: zone_outage)."),
        ] + timing,
        alternatives: [[["target", "peer"], ["zone"]], timingAlternatives],
        exclusive: timingExclusions + [["zone", "target"], ["zone", "peer"]])

    private static func kindKey(_ names: [String]) -> KeyDeclaration {
        KeyDeclaration("kind", .choice(names), required: true, "The fault kind, or an AWS FIS action name that stands for it.")
    }

    private static let target = KeyDeclaration("target", .reference(ComponentKinds.names), required: true, "The component hit, by its name in each topology (a topology without it ignores the fault).")
    private static let databaseTarget = KeyDeclaration("target", .reference(["database"]), required: true, "The database hit, by its name in each topology (a topology without it ignores the fault).")
    private static let peer = KeyDeclaration("peer", .reference(ComponentKinds.names), required: true, "The other side of the partition.")
    private static let zone = KeyDeclaration("zone", .zone, required: true, "The zone that loses power, one the topologies use.")
    private static let region = KeyDeclaration("region", .text, required: true, "The region lost, one the topologies use (such as us-east-1; a zone written us-west-2/a is in us-west-2).")
    private static let timing: [KeyDeclaration] = [
        KeyDeclaration("instance", .integer(0...ScenarioLoader.Limits.maxInstancesPerGroup), default: .described("every instance of the group"),
                       "The instance hit, counting from 0."),
        KeyDeclaration("at", .duration(0...Units.maxDuration), "When the fault starts (a scheduled fault)."),
        KeyDeclaration("duration", .duration(1...Units.maxDuration), default: .described("until the end of the run"), "How long the fault lasts."),
        KeyDeclaration("recover_after", .duration(1...Units.maxDuration), default: .described("until the end of the run"), "How long the fault lasts (said of a crash)."),
        KeyDeclaration("mtbf", .timeDistribution, "A stochastic fault: the time between failures, drawn per instance."),
        KeyDeclaration("mttr", .timeDistribution, "A stochastic fault: the time to repair."),
    ]
    private static let timingAlternatives: [[String]] = [["at"], ["mtbf", "mttr"]]
    private static let timingExclusions: [[String]] = [["duration", "recover_after"], ["at", "mtbf"], ["duration", "mtbf"], ["recover_after", "mtbf"]]
}
