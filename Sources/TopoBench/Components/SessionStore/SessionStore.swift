/// One node (shard) of a session store.
struct StoreNode {
    enum State: UInt8 { case up, failingOver, down }
    var state: State = .up
    var primaryZone: Int8
    var replicaZone: Int8
    /// A new incarnation has none of the old sessions (Memcached restart, Redis without replica).
    var incarnation: UInt32 = 0
    var faults: Int32 = 0
    var failoverGen: UInt32 = 0
}

/// Codes of a session store's own events.
enum SessionStoreTimer: UInt8 {
    /// A replica's promotion completes, or ElastiCache's replacement node is up (`slot` = node).
    case failoverDone
}

/// An ElastiCache session store: Redis (OSS/Valkey) or Memcached.
///
/// Redis with a replica (Multi-AZ): when the primary's node or zone fails, a replica is promoted
/// and the primary endpoint follows it; "this process should usually take about 30 seconds"
/// (AWS Database Blog, "Testing automatic failover to a read replica on Amazon ElastiCache for
/// Redis"). During the failover reads and writes fail; no session is lost. Redis without a
/// replica is down until the node comes back, empty: when the fault ends, or when ElastiCache
/// has replaced the failed node (`replace`), whichever is first. Memcached has no replication:
/// a dead node loses its sessions and the client's consistent hashing sends its keys to the
/// other nodes until the node is back, empty, and its keys hash to it again.
final class SessionStore: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: SessionStoreSpec
    var nodes: [StoreNode]
    var failovers = 0

    init(_ sim: Simulation, index: Int32, spec: SessionStoreSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        let zones = spec.zones.isEmpty ? [0] : spec.zones
        nodes = (0..<spec.nodes).map { k in
            StoreNode(primaryZone: Int8(zones[k % zones.count]), replicaZone: Int8(zones[(k + 1) % zones.count]))
        }
    }

    /// Reads (and refreshes) a user's session from the store on behalf of an instance in `zone`.
    func readSession(user: Int32, fromZone zone: Int8, sender: Int32) -> SessionReadResult {
        let n = nodes.count
        guard user >= 0, n > 0 else { return .ok(0) }
        var node = n == 1 ? 0 : Int(user) % n
        if spec.engine == .memcached && spec.remap == .nextNode {
            // Consistent hashing with failed nodes ejected: a dead node's keys go to the next
            // live node (`remap: none`: they stay on the dead node, and fail).
            var tries = 0
            while nodes[node].state != .up && tries < n {
                node = (node + 1) % n
                tries += 1
            }
        }
        let state = nodes[node]
        guard state.state == .up else { return .unavailable }
        if sender >= 0 && sim.isPartitioned(sender, index) { return .unavailable }
        let u = Int(user)
        let inc = state.incarnation
        if sim.users[u].hasSession && (sim.users[u].storeNode != Int32(node) || sim.users[u].storeIncarnation != inc) {
            if sim.metrics.measuring { sim.metrics.sessionsLost += 1 }
            sim.users[u].hasSession = false
        }
        if !sim.users[u].hasSession {
            sim.users[u].hasSession = true
            sim.users[u].storeNode = Int32(node)
            sim.users[u].storeIncarnation = inc
            sim.users[u].requestsLeft = Int32(sim.scenario.workload.sessionRequests ?? Int(Int32.max))
        }
        sim.consumeSessionRequest(u)
        let rtt = sim.hopDelay(zone, state.primaryZone, sender: index) + sim.hopDelay(state.primaryZone, zone, sender: index)
        return .ok(rtt)
    }

    /// A store node's primary fails (crash or its zone's outage).
    func nodeFails(_ k: Int) {
        nodes[k].faults += 1
        guard nodes[k].faults == 1 else { return }
        if spec.engine == .redis && spec.replicas > 0 && !sim.zoneDown(nodes[k].replicaZone) {
            nodes[k].state = .failingOver
            nodes[k].failoverGen &+= 1
            failovers += 1
            sim.scheduleTimer(
                after: spec.failover, for: index, code: SessionStoreTimer.failoverDone.rawValue, slot: Int32(k),
                gen: nodes[k].failoverGen)
        } else {
            nodes[k].state = .down
            nodes[k].incarnation &+= 1
            // ElastiCache detects the failed node and replaces it (empty) after `replace`,
            // unless the fault is over first.
            nodes[k].failoverGen &+= 1
            sim.scheduleTimer(
                after: spec.replace, for: index, code: SessionStoreTimer.failoverDone.rawValue, slot: Int32(k),
                gen: nodes[k].failoverGen)
        }
    }

    /// The failed node's fault ends: a node that was down comes back empty.
    func nodeRecovers(_ k: Int) {
        // A node that failed over or was replaced meanwhile no longer carries the fault.
        guard nodes[k].faults > 0 else { return }
        nodes[k].faults -= 1
        guard nodes[k].faults == 0 else { return }
        if nodes[k].state == .down {
            nodes[k].state = .up
        }
    }

    /// The promotion of a replica completes: the endpoint answers again, from the replica's zone.
    /// Or, for a node that had no replica to take over, ElastiCache's replacement node is up:
    /// it answers again, empty (not while its zone is still without power).
    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        let k = Int(slot)
        guard nodes[k].failoverGen == gen else { return }
        if nodes[k].state == .down && !sim.zoneDown(nodes[k].primaryZone) {
            nodes[k].state = .up
            nodes[k].faults = 0
            return
        }
        guard nodes[k].state == .failingOver else { return }
        nodes[k].state = .up
        let old = nodes[k].primaryZone
        nodes[k].primaryZone = nodes[k].replicaZone
        nodes[k].replicaZone = old
        // The new primary is no longer subject to the fault that hit the old one.
        nodes[k].faults = 0
    }

    // MARK: faults

    var faultTargets: Int { nodes.count }

    /// A crash of node `instance` (-1: every node); with a `zone` (FIS's ElastiCache zone power
    /// interruption), the nodes whose primary is in that zone.
    func apply(_ f: FaultSpec, instance: Int, starting: Bool) {
        var targets = instance >= 0 ? [instance] : Array(0..<nodes.count)
        if let z = f.zone { targets = targets.filter { Int(nodes[$0].primaryZone) == z } }
        for k in targets { if starting { nodeFails(k) } else { nodeRecovers(k) } }
    }

    func zonePower(_ z: Int, on: Bool) {
        for k in 0..<nodes.count where Int(nodes[k].primaryZone) == z {
            if !on { nodeFails(k) } else if nodes[k].faults > 0 { nodeRecovers(k) }
        }
    }
}

extension SessionStoreSpec: ComponentSpec {
    static var declaration: MapDeclaration { .sessionStore }
    var faultTargetCount: Int { nodes }
    static var faultKinds: Set<FaultSpec.Kind> { [.crash, .partition, .zoneOutage] }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = SessionStore(sim, index: index, spec: self)
        owner.append(model)
        return .sessionStore(.passUnretained(model))
    }
}
