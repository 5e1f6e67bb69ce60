/// Codes of a database's own events.
enum DatabaseTimer: UInt8 {
    /// A query's service time is over (`slot` = call, `gen` = the call's generation).
    case queryDone
    /// A standby has become the primary (`gen` = the database's state generation).
    case failoverDone
    /// An instance without a standby answers again: its zone has power back and it has
    /// recovered, or its reboot is over (`gen` = the state generation).
    case recovered
}

/// An Amazon RDS DB instance or cluster, or an Aurora cluster, behind its writer endpoint.
///
/// Queries come from the `calls:` of instance groups. Each one holds one of `max_connections`
/// connections for its service time: an M/G/c/c loss system, in which a query that finds every
/// connection taken is refused at once ("Too many connections", answered `rejected`).
///
/// When the primary fails (its zone loses power, a `failover` fault, a reboot with
/// `force_failover`), an engine with a standby fails over: "Amazon RDS automatically switches to
/// a standby replica in another Availability Zone" in typically 60–120 s for a Multi-AZ DB
/// instance, under 35 s for a Multi-AZ DB cluster, within 30 s for Aurora (the `failover`
/// distribution). The queries in flight lose their connection (`refused`, as a dead process's
/// reset reads everywhere in the model) and new ones are refused until the standby, in another
/// zone, is the primary; the old primary's zone is then the standby's, so another outage of that
/// zone does nothing. A reboot without a failover restarts the primary in place: down for its
/// `reboot_time`, queries refused.
///
/// `rds_single_az` has no standby: when its zone loses power it answers nothing (the callers'
/// timeouts decide) until power is back and the instance has recovered (`recovery`, an
/// assumption). An engine with a standby whose every standby zone is also without power does
/// the same.
final class Database: ComponentModel {
    enum State: UInt8 {
        case up
        /// A standby is taking over (`target`); queries are refused.
        case failingOver
        /// Rebooting in place; queries are refused.
        case rebooting
        /// No zone of the database has power (or it has power again and the instance is
        /// recovering): queries get no answer.
        case powerless
    }

    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: DatabaseSpec
    let streams: ComponentStreams
    /// Failover and recovery times are drawn from a stream of their own (`<name>.failover`).
    let failoverStream: RandomGenerator
    var state = State.up
    /// The primary's position in `spec.zones`, and the standby's that is taking over.
    var primary = 0
    var target = 0
    /// Changes with every change of state: a failover or recovery timer of an older state is stale.
    var stateGen: UInt32 = 0
    /// Reboots in force (a second one does not extend the first).
    var reboots = 0
    /// Recovery is under way (powerless, and the zone `recoveringZone` has power again).
    var recoveringZone = -1
    /// The queries holding a connection (``CalleeLinks`` over the call slab).
    var inFlight = ListHead()
    var latencyMultiplier: Double = 1
    var errorProbability: Double = 0

    // MARK: figures (every query received ends in exactly one of them, or is in flight)
    var queries = 0
    /// Queries received while the run measured (Aurora's I/O requests).
    var billedQueries = 0
    /// Answered after their service time (`served` includes those an `errors` fault failed).
    var served = 0
    var servedWithError = 0
    /// Refused because every connection was taken.
    var refusedFull = 0
    /// Refused during a failover or a reboot.
    var refusedDown = 0
    /// Lost their connection at a failover or a reboot.
    var failedInFlight = 0
    /// Got no answer: the database had no power.
    var unanswered = 0
    /// Failovers completed, and the times the database stopped and started answering
    /// (`outages`: start, end; an open one has end -1).
    var failovers = 0
    var outages: [(start: SimTime, end: SimTime)] = []
    /// The most queries in flight at once.
    var peakConnections = 0

    init(_ sim: Simulation, index: Int32, spec: DatabaseSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        failoverStream = sim.stream(sim.topology.components[Int(index)].name + ".failover")
    }

    var primaryZone: Int8 { Int8(spec.zones[primary]) }

    func zone(forCall call: Int32) -> Int8 { primaryZone }

    // MARK: queries

    func receive(call: Int32, after carry: SimTime) {
        queries += 1
        if sim.metrics.measuring { billedQueries &+= 1 }
        switch state {
        case .up: break
        case .failingOver, .rebooting:
            refusedDown += 1
            sim.reply(call, .refused)
            return
        case .powerless:
            unanswered += 1
            sim.dropCall(call)
            return
        }
        if inFlight.count >= spec.maxConnections {
            refusedFull += 1
            sim.reply(call, .rejected)
            return
        }
        sim.calls[Int(call)].phase = .inService
        inFlight.append(call, in: sim.calls, CalleeLinks.self)
        peakConnections = max(peakConnections, inFlight.count)
        var d = spec.service.sampleNanoseconds(streams.service)
        if latencyMultiplier != 1 { d = Time.fromSeconds(Double(d) / 1e9 * latencyMultiplier) }
        sim.scheduleTimer(after: d, for: index, code: DatabaseTimer.queryDone.rawValue, slot: call, gen: sim.calls[Int(call)].gen)
    }

    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        switch DatabaseTimer(rawValue: code) {
        case .queryDone: queryDone(call: slot, gen: gen)
        case .failoverDone: if gen == stateGen { failoverDone() }
        case .recovered: if gen == stateGen { recovered() }
        case nil: break
        }
    }

    /// A query's service time is over: it gives its connection back and is answered.
    func queryDone(call: Int32, gen: UInt32) {
        let c = Int(call)
        // A query that lost its connection at a failover was answered then (its slot may hold
        // another call since).
        guard sim.calls[c].gen == gen, sim.calls[c].phase == .inService, sim.calls[c].callee == index else { return }
        inFlight.remove(call, in: sim.calls, CalleeLinks.self)
        served += 1
        let failed = errorProbability > 0 && streams.misc.uniform() < errorProbability
        if failed { servedWithError += 1 }
        sim.reply(call, failed ? .serverError : .ok)
    }

    /// Every query in flight ends: its connection is reset (`answer`), or never answered.
    func endQueriesInFlight(answer: Bool) {
        while !inFlight.isEmpty {
            let call = inFlight.popFirst(in: sim.calls, CalleeLinks.self)
            if answer {
                failedInFlight += 1
                sim.reply(call, .refused)
            } else {
                unanswered += 1
                sim.dropCall(call)
            }
        }
    }

    // MARK: failures

    /// The standby (position in `spec.zones`) that can take over: the first, after the primary,
    /// whose zone has power (nil: none, or no standby at all).
    func standbyWithPower() -> Int? {
        guard spec.engine.hasStandby else { return nil }
        let n = spec.zones.count
        for step in 1..<max(1, n) {
            let k = (primary + step) % n
            if spec.zones[k] != spec.zones[primary] && !sim.zoneDown(Int8(spec.zones[k])) { return k }
        }
        return nil
    }

    /// The database stops answering (an outage begins, unless one is already open).
    func outageBegins() {
        if outages.last.map({ $0.end >= 0 }) ?? true { outages.append((sim.now, -1)) }
    }

    func outageEnds() {
        if let last = outages.indices.last, outages[last].end < 0 { outages[last].end = sim.now }
    }

    func enter(_ s: State) {
        state = s
        stateGen &+= 1
        recoveringZone = -1
    }

    /// The primary fails: a standby with power takes over, or the database goes without power.
    func primaryFails() {
        if let k = standbyWithPower() {
            startFailover(to: k)
        } else {
            losePower()
        }
    }

    /// A standby starts taking over: in-flight queries lose their connection.
    func startFailover(to k: Int) {
        outageBegins()
        endQueriesInFlight(answer: true)
        enter(.failingOver)
        target = k
        sim.scheduleTimer(
            after: spec.failover.sampleNanoseconds(failoverStream), for: index, code: DatabaseTimer.failoverDone.rawValue,
            gen: stateGen)
    }

    func failoverDone() {
        failovers += 1
        primary = target
        enter(.up)
        outageEnds()
    }

    /// No instance of the database has power: nothing answers until one has it back.
    func losePower() {
        outageBegins()
        endQueriesInFlight(answer: false)
        enter(.powerless)
        // A zone of the database that still has power (a standby engine whose primary's zone
        // came back meanwhile) starts the recovery at once.
        if let z = spec.zones.firstIndex(where: { !sim.zoneDown(Int8($0)) }) { startRecovery(at: z) }
    }

    /// The instance at `spec.zones[k]` has power again and recovers before it answers.
    func startRecovery(at k: Int) {
        stateGen &+= 1
        recoveringZone = k
        sim.scheduleTimer(
            after: spec.recovery.sampleNanoseconds(failoverStream), for: index, code: DatabaseTimer.recovered.rawValue,
            gen: stateGen)
    }

    func recovered() {
        if state == .powerless {
            guard recoveringZone >= 0 else { return }
            primary = recoveringZone
        }
        enter(.up)
        outageEnds()
    }

    func zonePower(_ z: Int, on: Bool) {
        guard spec.zones.contains(z) else { return }
        if !on {
            switch state {
            case .up, .rebooting:
                if spec.zones[primary] == z {
                    reboots = 0
                    primaryFails()
                }
            case .failingOver:
                // The standby taking over loses power too: another one, or none.
                if spec.zones[target] == z {
                    if let k = standbyWithPower() { startFailover(to: k) } else { losePower() }
                }
            case .powerless:
                // The instance that was recovering loses power again: another zone's, or none.
                if recoveringZone >= 0 && spec.zones[recoveringZone] == z {
                    enter(.powerless)
                    if let k = spec.zones.firstIndex(where: { !sim.zoneDown(Int8($0)) }) { startRecovery(at: k) }
                }
            }
        } else if state == .powerless && recoveringZone < 0 && !sim.zoneDown(Int8(z)), let k = spec.zones.firstIndex(of: z) {
            startRecovery(at: k)
        }
    }

    // MARK: faults

    func apply(_ f: FaultSpec, instance: Int, starting: Bool) {
        switch f.kind {
        case .failover:
            if starting && state == .up, let k = standbyWithPower() { startFailover(to: k) }
        case .reboot:
            if starting {
                if f.forceFailover && spec.engine.hasStandby {
                    if state == .up, let k = standbyWithPower() { startFailover(to: k) }
                } else if state == .up || state == .rebooting {
                    reboots += 1
                    if state == .up {
                        outageBegins()
                        endQueriesInFlight(answer: true)
                        enter(.rebooting)
                    }
                }
            } else if !f.forceFailover && reboots > 0 {
                reboots -= 1
                if reboots == 0 && state == .rebooting { recovered() }
            }
        case .latency:
            latencyMultiplier = starting ? f.multiplier : 1
        case .errors:
            errorProbability = starting ? f.probability : 0
        default:
            break
        }
    }
}

extension DatabaseSpec: ComponentSpec {
    static var declaration: MapDeclaration { .database }
    static var faultKinds: Set<FaultSpec.Kind> { [.failover, .reboot, .latency, .errors, .partition, .zoneOutage] }

    /// A failover (or a reboot through one) needs a standby; FailoverDBCluster acts on clusters.
    func refusal(of f: FaultSpec) -> (expected: String, found: String)? {
        let failsOver = f.kind == .failover || (f.kind == .reboot && f.forceFailover)
        if failsOver && !engine.hasStandby {
            return ("a database with a standby to fail over to (rds_multi_az, rds_multi_az_cluster or aurora) for \(f.writtenKind)", engine.rawValue)
        }
        if f.writtenKind == "aws:rds:failover-db-cluster" && engine == .rdsMultiAZ {
            return ("a DB cluster (aurora or rds_multi_az_cluster) for aws:rds:failover-db-cluster; a Multi-AZ DB instance fails over with aws:rds:reboot-db-instances and force_failover: true, or kind: failover",
                    engine.rawValue)
        }
        return nil
    }

    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = Database(sim, index: index, spec: self)
        owner.append(model)
        return .database(.passUnretained(model))
    }
}
