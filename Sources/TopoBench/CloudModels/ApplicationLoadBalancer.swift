/// Health of one registered target, as an ALB target group tracks it.
///
/// Elastic Load Balancing User Guide for ALBs, "Health checks for your target groups": a target
/// is probed every `interval`; a probe that gets no answer within `timeout` fails; after
/// `unhealthy` consecutive failures (default 2) the target is unhealthy and gets no new requests;
/// after `healthy` consecutive successes (default 5) it is healthy again; a newly registered
/// target needs one success. "Each health check request is independent and the result lasts for
/// the entire interval."
struct TargetHealth {
    enum State: UInt8 { case initial, healthy, unhealthy, draining, unused }
    var state: State = .healthy
    var consecutiveSuccesses: Int32 = 0
    var consecutiveFailures: Int32 = 0
    /// Requests forwarded and not yet answered (for least outstanding requests).
    var outstanding: Int32 = 0
    /// Generation of the probe loop (a re-registered target starts a new loop).
    var probeGen: UInt32 = 0
    var drainingSince: SimTime = -1
}

/// An Application Load Balancer in front of one target group (an `instances` component).
///
/// Routing: round robin (the default) or least outstanding requests, over healthy targets; when
/// every registered target is unhealthy the ALB *fails open* and routes to all of them; with no
/// registered target it answers 503. It does not retry: a target that resets the connection
/// (a crashed process) gives the client a 502; a target that does not answer within the idle
/// timeout (60 s) a 504, as does one it cannot connect to within 10 s (an unreachable zone).
/// Cross-zone load balancing is always on: one ALB node per zone of its targets, and each
/// request reaches a node of a zone that has power (DNS drops the others).
///
/// An ALB adds no processing time of its own. A request is therefore routed when it is sent and
/// travels client → node → target in one step, whose delay is the sum of the two hops' draws; an
/// answer likewise goes target → node → caller in one step, the ALB handling it (outstanding
/// counts, 502s) when the target sends it. The decision is one network hop (a few hundred
/// microseconds) ahead of the request's arrival at the node, which saves two events per pass.
struct LoadBalancer {
    let component: Int32
    let spec: LoadBalancerSpec
    /// The target group's component and its state index.
    let targetComponent: Int32
    let group: Int32
    /// Slabs rather than arrays: read and written on every request, with no copy-on-write
    /// check; freed by the simulation.
    var targets: Slab<TargetHealth>
    var cursor: Int = 0
    /// Targets registered (healthy, initial or unhealthy) and healthy: kept by
    /// ``Simulation/recountTargets(_:)`` whenever a target's state changes, so that routing a
    /// request does not scan them.
    var registered = 0
    var healthy = 0
    var idleList: Int32 = -1
    var connectList: Int32 = -1
    /// Zones its nodes are in (the zones of its targets).
    var nodeZones: Slab<Int8>
    /// Forwarded requests per target: how an ALB spreads load (kept for tests and plots).
    var forwarded: Slab<Int>

    /// Frees the slabs (the owning simulation calls this once).
    mutating func deallocate() {
        targets.deallocate()
        nodeZones.deallocate()
        forwarded.deallocate()
    }
    /// Answers the ALB generated itself, by code.
    var generated502 = 0, generated503 = 0, generated504 = 0
}

extension Simulation {
    /// A request reaches the ALB `carry` from now: the ALB routes it now (it adds no processing
    /// time), and the request goes on to the target, arriving after both hops.
    func albReceive(balancer b: Int32, call: Int32, after carry: SimTime) {
        let bi = Int(b)
        guard let t = chooseTarget(bi, user: calls[Int(call)].user) else {
            balancers[bi].generated503 += 1
            reply(call, .unavailable, after: carry)
            return
        }
        let gi = Int(balancers[bi].group)
        let nodeZone = albNodeZone(bi)
        calls[Int(call)].phase = .forwarded
        calls[Int(call)].instance = Int32(t)
        balancers[bi].targets[t].outstanding += 1
        balancers[bi].forwarded[t] += 1
        let child = newCall(
            callee: balancers[bi].targetComponent, caller: balancers[bi].component, parent: call,
            request: calls[Int(call)].request, user: calls[Int(call)].user, origin: calls[Int(call)].origin)
        calls[Int(child)].instance = Int32(t)
        calls[Int(call)].child = child
        let inst = groups[gi].instances[t]
        if !inst.reachable || isPartitioned(balancers[bi].component, balancers[bi].targetComponent) {
            // The connection cannot be established: 504 after the connect timeout.
            calls[Int(child)].phase = .dropped
            calls[Int(child)].status = .noResponse
            timeoutAppend(call: child, list: balancers[bi].connectList)
            return
        }
        timeoutAppend(call: child, list: balancers[bi].idleList)
        send(child, fromZone: nodeZone, toZone: inst.zone, sender: balancers[bi].component, after: carry)
    }

    /// The zone of the ALB node a request reaches: any zone of the ALB's that has power.
    func albNodeZone(_ bi: Int) -> Int8 {
        // Read in place (no copy of the zone list per request).
        let n = balancers[bi].nodeZones.count
        if n == 0 { return -1 }
        if n == 1 { return balancers[bi].nodeZones[0] }
        if faults.zonesDown == 0 {
            // Every node has power (the same draw as below with live = n).
            return balancers[bi].nodeZones[componentStreams[Int(balancers[bi].component)].route.uniformInt(n)]
        }
        var live = 0
        for i in 0..<n where !zoneDown(balancers[bi].nodeZones[i]) { live += 1 }
        if live == 0 { return balancers[bi].nodeZones[0] }
        var pick = componentStreams[Int(balancers[bi].component)].route.uniformInt(live)
        for i in 0..<n where !zoneDown(balancers[bi].nodeZones[i]) {
            if pick == 0 { return balancers[bi].nodeZones[i] }
            pick -= 1
        }
        return balancers[bi].nodeZones[0]
    }

    /// Picks a target: sticky user first, then the algorithm over healthy (or, failing open, all
    /// registered) targets. `nil` when no target is registered.
    func chooseTarget(_ bi: Int, user: Int32) -> Int? {
        let n = balancers[bi].targets.count
        if balancers[bi].registered == 0 { return nil }
        let failOpen = balancers[bi].healthy == 0
        @inline(__always) func eligible(_ s: TargetHealth.State) -> Bool {
            failOpen ? (s == .healthy || s == .initial || s == .unhealthy) : s == .healthy
        }
        if balancers[bi].spec.sticky && user >= 0 {
            let u = users[Int(user)]
            if u.hasSession && u.sessionGroup == balancers[bi].targetComponent {
                let k = Int(u.sessionInstance)
                if k < n && eligible(balancers[bi].targets[k].state) { return k }
            }
        }
        switch balancers[bi].spec.algorithm {
        case .roundRobin:
            var c = balancers[bi].cursor
            for _ in 0..<n {
                c = c + 1 == n ? 0 : c + 1  // (c + 1) % n without a division
                if eligible(balancers[bi].targets[c].state) {
                    balancers[bi].cursor = c
                    return c
                }
            }
            return nil
        case .leastOutstanding:
            // Fewest in-flight requests; ties broken by a rotating start so no target is favoured.
            var best = -1
            var bestLoad = Int32.max
            // Visit start, start + 1, … modulo n, counting instead of dividing.
            var c = balancers[bi].cursor + 1 >= n ? 0 : balancers[bi].cursor + 1
            for _ in 0..<n {
                if eligible(balancers[bi].targets[c].state) && balancers[bi].targets[c].outstanding < bestLoad {
                    best = c
                    bestLoad = balancers[bi].targets[c].outstanding
                }
                c = c + 1 == n ? 0 : c + 1
            }
            if best >= 0 { balancers[bi].cursor = best }
            return best >= 0 ? best : nil
        }
    }

    /// The target's answer reaches the ALB `carry` from now (the ALB handles it as it is sent)
    /// and goes on to the caller.
    /// Recounts the registered and healthy targets after a change of state.
    func recountTargets(_ bi: Int) {
        var registered = 0, healthy = 0
        for t in balancers[bi].targets {
            switch t.state {
            case .healthy: registered += 1; healthy += 1
            case .initial, .unhealthy: registered += 1
            case .draining, .unused: break
            }
        }
        balancers[bi].registered = registered
        balancers[bi].healthy = healthy
    }

    func albChildAnswered(balancer b: Int32, call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        let bi = Int(b)
        let t = Int(calls[Int(call)].instance)
        balancers[bi].targets[t].outstanding -= 1
        let answer: CallStatus
        switch status {
        case .refused:
            balancers[bi].generated502 += 1
            answer = .badGateway
        default:
            answer = status
        }
        reply(call, answer, after: carry)
    }

    func albChildTimedOut(balancer b: Int32, call: Int32, child: Int32, connect: Bool) {
        let bi = Int(b)
        let t = Int(calls[Int(call)].instance)
        balancers[bi].targets[t].outstanding -= 1
        balancers[bi].generated504 += 1
        reply(call, .gatewayTimeout)
    }

    // MARK: health checks

    func startHealthChecks(_ bi: Int) {
        let comp = balancers[bi].component
        let stream = componentStreams[Int(comp)].misc
        let interval = balancers[bi].spec.healthCheck.interval
        for t in 0..<balancers[bi].targets.count {
            // Each target's probes start at a seeded phase so targets are not probed in lock step.
            let phase = SimTime(stream.uniform() * Double(interval))
            schedule(at: phase, .healthProbe, target: comp, slot: Int32(t), gen: balancers[bi].targets[t].probeGen)
        }
    }

    func handleHealthProbe(balancer comp: Int32, target t: Int32, gen: UInt32) {
        let bi = Int(slotOf[Int(comp)])
        let ti = Int(t)
        guard balancers[bi].targets[ti].probeGen == gen else { return }
        let state = balancers[bi].targets[ti].state
        if state == .unused { return }
        let hc = balancers[bi].spec.healthCheck
        schedule(after: hc.interval, .healthProbe, target: comp, slot: t, gen: gen)
        let inst = groups[Int(balancers[bi].group)].instances[ti]
        if !inst.reachable || isPartitioned(comp, balancers[bi].targetComponent) {
            // No answer: the probe fails when its timeout expires.
            schedule(after: hc.timeout, .healthResult, target: comp, slot: t, gen: gen << 1)
        } else if !inst.up || inst.terminated || inst.launching {
            // Connection refused: the probe fails at once.
            applyHealthResult(bi, ti, ok: false)
        } else {
            // A running process answers the health-check path (a zombie too: that is what makes it one).
            applyHealthResult(bi, ti, ok: true)
        }
    }

    func handleHealthResult(balancer comp: Int32, target t: Int32, gen: UInt32) {
        let bi = Int(slotOf[Int(comp)])
        guard balancers[bi].targets[Int(t)].probeGen == gen >> 1 else { return }
        applyHealthResult(bi, Int(t), ok: gen & 1 == 1)
    }

    func applyHealthResult(_ bi: Int, _ t: Int, ok: Bool) {
        let hc = balancers[bi].spec.healthCheck
        var h = balancers[bi].targets[t]
        if ok {
            h.consecutiveFailures = 0
            h.consecutiveSuccesses += 1
            switch h.state {
            case .initial: h.state = .healthy
            case .unhealthy: if h.consecutiveSuccesses >= Int32(hc.healthyThreshold) { h.state = .healthy }
            default: break
            }
        } else {
            h.consecutiveSuccesses = 0
            h.consecutiveFailures += 1
            switch h.state {
            case .healthy, .initial:
                if h.consecutiveFailures >= Int32(hc.unhealthyThreshold) { h.state = .unhealthy }
            default: break
            }
        }
        let becameUnhealthy = balancers[bi].targets[t].state != .unhealthy && h.state == .unhealthy
        let changed = balancers[bi].targets[t].state != h.state
        balancers[bi].targets[t] = h
        if changed { recountTargets(bi) }
        if becameUnhealthy {
            healthCheckFailed(group: Int(balancers[bi].group), instance: t)
        }
    }

    /// Registers a (replacement) target: it needs one passing probe to be healthy.
    func registerTarget(group gi: Int, instance k: Int) {
        for bi in 0..<balancers.count where Int(balancers[bi].group) == gi {
            while balancers[bi].targets.count <= k {
                balancers[bi].targets.append(TargetHealth(state: .unused))
                balancers[bi].forwarded.append(0)
            }
            balancers[bi].targets[k].probeGen &+= 1
            balancers[bi].targets[k].state = .initial
            balancers[bi].targets[k].consecutiveFailures = 0
            balancers[bi].targets[k].consecutiveSuccesses = 0
            balancers[bi].targets[k].outstanding = 0
            recountTargets(bi)
            let comp = balancers[bi].component
            let interval = balancers[bi].spec.healthCheck.interval
            let phase = SimTime(componentStreams[Int(comp)].misc.uniform() * Double(interval))
            schedule(after: phase, .healthProbe, target: comp, slot: Int32(k), gen: balancers[bi].targets[k].probeGen)
            if !nodeZonesContain(bi, groups[gi].instances[k].zone) {
                balancers[bi].nodeZones.append(groups[gi].instances[k].zone)
            }
        }
    }

    func nodeZonesContain(_ bi: Int, _ z: Int8) -> Bool { balancers[bi].nodeZones.contains(z) }

    /// Starts deregistering a target: it is `draining`, gets no new requests, and those in
    /// flight may finish. Returns the longest deregistration delay of the target groups it was
    /// in, or nil if no load balancer routes to it.
    func drainTarget(group gi: Int, instance k: Int) -> SimTime? {
        var delay: SimTime? = nil
        for bi in 0..<balancers.count where Int(balancers[bi].group) == gi && k < balancers[bi].targets.count {
            let state = balancers[bi].targets[k].state
            guard state != .unused && state != .draining else { continue }
            balancers[bi].targets[k].state = .draining
            balancers[bi].targets[k].drainingSince = now
            recountTargets(bi)
            delay = max(delay ?? 0, balancers[bi].spec.deregistrationDelay)
        }
        return delay
    }

    /// Deregisters a target: no new requests; after the deregistration delay it is unused.
    func deregisterTarget(group gi: Int, instance k: Int) {
        for bi in 0..<balancers.count where Int(balancers[bi].group) == gi && k < balancers[bi].targets.count {
            balancers[bi].targets[k].state = .unused
            balancers[bi].targets[k].probeGen &+= 1
            recountTargets(bi)
        }
    }

    /// Whether the ELB health check considers the instance unhealthy (for auto scaling).
    func elbSaysUnhealthy(group gi: Int, instance k: Int) -> Bool {
        for b in balancers where Int(b.group) == gi && k < b.targets.count {
            if b.targets[k].state == .unhealthy { return true }
        }
        return false
    }

    func healthyTargetCount() -> Int {
        var n = 0
        for b in balancers { for t in b.targets where t.state == .healthy { n += 1 } }
        return n
    }
}
