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
struct SessionStore {
    let component: Int32
    let spec: SessionStoreSpec
    var nodes: [StoreNode]
    var failovers = 0
}

enum SessionReadResult {
    case ok(SimTime)
    case unavailable
}

extension Simulation {
    /// Reads (and refreshes) a user's session from the store on behalf of an instance in `zone`.
    func sessionRead(store s: Int32, user: Int32, fromZone zone: Int8, sender: Int32) -> SessionReadResult {
        let si = Int(s)
        let n = stores[si].nodes.count
        guard user >= 0, n > 0 else { return .ok(0) }
        var node = n == 1 ? 0 : Int(user) % n
        if stores[si].spec.engine == .memcached {
            // Consistent hashing: a dead node's keys go to the next live node.
            var tries = 0
            while stores[si].nodes[node].state != .up && tries < n {
                node = (node + 1) % n
                tries += 1
            }
        }
        let state = stores[si].nodes[node]
        guard state.state == .up else { return .unavailable }
        let comp = stores[si].component
        if sender >= 0 && isPartitioned(sender, comp) { return .unavailable }
        let u = Int(user)
        let inc = state.incarnation
        if users[u].hasSession && (users[u].storeNode != Int32(node) || users[u].storeIncarnation != inc) {
            if metrics.measuring { metrics.sessionsLost += 1 }
            users[u].hasSession = false
        }
        if !users[u].hasSession {
            users[u].hasSession = true
            users[u].storeNode = Int32(node)
            users[u].storeIncarnation = inc
            users[u].requestsLeft = Int32(scenario.workload.sessionRequests ?? Int(Int32.max))
        }
        consumeSessionRequest(u)
        let rtt = hopDelay(zone, state.primaryZone, sender: comp) + hopDelay(state.primaryZone, zone, sender: comp)
        return .ok(rtt)
    }

    /// A store node's primary fails (crash or its zone's outage).
    func storeNodeFails(_ si: Int, node k: Int) {
        stores[si].nodes[k].faults += 1
        guard stores[si].nodes[k].faults == 1 else { return }
        let spec = stores[si].spec
        if spec.engine == .redis && spec.replicas > 0 && !zoneDown(stores[si].nodes[k].replicaZone) {
            stores[si].nodes[k].state = .failingOver
            stores[si].nodes[k].failoverGen &+= 1
            stores[si].failovers += 1
            schedule(
                after: spec.failover, .componentTimer, target: stores[si].component, slot: Int32(k),
                gen: stores[si].nodes[k].failoverGen)
        } else {
            stores[si].nodes[k].state = .down
            stores[si].nodes[k].incarnation &+= 1
            // ElastiCache detects the failed node and replaces it (empty) after `replace`,
            // unless the fault is over first.
            stores[si].nodes[k].failoverGen &+= 1
            schedule(
                after: spec.replace, .componentTimer, target: stores[si].component, slot: Int32(k),
                gen: stores[si].nodes[k].failoverGen)
        }
    }

    /// The failed node's fault ends: a node that was down comes back empty.
    func storeNodeRecovers(_ si: Int, node k: Int) {
        // A node that failed over or was replaced meanwhile no longer carries the fault.
        guard stores[si].nodes[k].faults > 0 else { return }
        stores[si].nodes[k].faults -= 1
        guard stores[si].nodes[k].faults == 0 else { return }
        if stores[si].nodes[k].state == .down {
            stores[si].nodes[k].state = .up
        }
    }

    /// The promotion of a replica completes: the endpoint answers again, from the replica's zone.
    /// Or, for a node that had no replica to take over, ElastiCache's replacement node is up:
    /// it answers again, empty (not while its zone is still without power).
    func storeFailoverDone(_ si: Int, node k: Int, gen: UInt32) {
        guard stores[si].nodes[k].failoverGen == gen else { return }
        if stores[si].nodes[k].state == .down && !zoneDown(stores[si].nodes[k].primaryZone) {
            stores[si].nodes[k].state = .up
            stores[si].nodes[k].faults = 0
            return
        }
        guard stores[si].nodes[k].state == .failingOver else { return }
        stores[si].nodes[k].state = .up
        let old = stores[si].nodes[k].primaryZone
        stores[si].nodes[k].primaryZone = stores[si].nodes[k].replicaZone
        stores[si].nodes[k].replicaZone = old
        // The new primary is no longer subject to the fault that hit the old one.
        stores[si].nodes[k].faults = 0
    }
}
