/// Codes of an ALB's own events.
enum ALBTimer: UInt8 {
    /// A health-check probe of one target (`slot` = target, `gen` = its probe loop).
    case probe
    /// A probe got no answer within the health check's timeout: it fails.
    case probeTimedOut
    /// A client's connect to a node without power timed out (`slot` = the call, `gen` = its
    /// generation): it tries the next address of its cached answer.
    case clientConnect
}

/// An Application Load Balancer in front of one target group (an `instances` component).
///
/// Routing: round robin (the default) or least outstanding requests, over healthy targets; when
/// every registered target is unhealthy the ALB *fails open* and routes to all of them; with no
/// registered target it answers 503. It does not retry: a target that resets the connection
/// (a crashed process) gives the client a 502; a target that does not answer within the idle
/// timeout (60 s) a 504, as does one it cannot connect to within 10 s (an unreachable zone).
/// Cross-zone load balancing is always on: one ALB node per zone of its targets.
///
/// Clients reach a node through DNS (``ClientDNSCache``): each client (an end user, or an
/// instance that calls the ALB) caches the answer for `dns_ttl` (60 s, the fixed TTL of an ELB
/// name) and connects to its first address. DNS stops returning a node the moment its zone loses
/// power (the shortest withdrawal: AWS documents no figure), but a client that still holds the
/// node's address pays a connect timeout (`workload.connect_timeout`) before it tries the next
/// address of its answer, and fails when none is left. With `dns_ttl: 0s` every call resolves
/// afresh and only reaches nodes with power.
///
/// An ALB adds no processing time of its own. A request is therefore routed when it is sent and
/// travels client → node → target in one step, whose delay is the sum of the two hops' draws; an
/// answer likewise goes target → node → caller in one step, the ALB handling it (outstanding
/// counts, 502s) when the target sends it. The decision is one network hop (a few hundred
/// microseconds) ahead of the request's arrival at the node, which saves two events per pass.
///
/// It hears about its targets through their group's ``Lifecycle`` notifications: a launched
/// instance is registered, a draining one deregistered after the deregistration delay, a
/// terminated one removed; and it tells the group's Auto Scaling when a target turns unhealthy.
final class LoadBalancer: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: LoadBalancerSpec
    let streams: ComponentStreams
    /// The target group's component and its instances (resolved when linked).
    let targetComponent: Int32
    let group: Fleet
    /// Slabs rather than arrays: read and written on every request, with no copy-on-write
    /// check; freed with the model.
    var targets: Slab<TargetHealth> = []
    /// The round robin's position: the last target chosen.
    var lastChosen: Int = 0
    /// Targets registered (healthy, initial or unhealthy) and healthy: kept by
    /// ``recountTargets()`` whenever a target's state changes, so that routing a request does
    /// not scan them.
    var registered = 0
    var healthy = 0
    var idleList: Int32 = -1
    var connectList: Int32 = -1
    /// Zones its nodes are in (the zones of its targets).
    var nodeZones: Slab<Int8> = []
    /// The clients' cached answers for the ALB's name (empty with `dns_ttl: 0s`).
    var dns: ClientDNSCache
    /// How long a client keeps an answer (read while `dns` is being updated, so kept apart).
    let answerTTL: SimTime
    /// Forwarded requests per target: how an ALB spreads load (kept for tests and plots).
    var forwarded: Slab<Int> = []
    /// Answers the ALB generated itself, by code.
    var generated502 = 0, generated503 = 0, generated504 = 0
    /// Requests a node took while the run measured (each a new connection: the LCUs).
    var billedRequests = 0

    static var handlesCallsAsSent: Bool { true }

    init(_ sim: Simulation, index: Int32, spec: LoadBalancerSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        targetComponent = Int32(spec.targets)
        group = sim.components.fleet(spec.targets)!
        // Resolvers that keep answers longer (`workload.dns_cache.min`) stretch the TTL.
        let ttl = spec.dnsTTL > 0 ? max(spec.dnsTTL, sim.scenario.workload.dnsCacheMin) : sim.scenario.workload.dnsCacheMin
        answerTTL = ttl
        dns = ClientDNSCache(ttl: ttl, users: max(1, sim.scenario.workload.users))
    }

    deinit {
        dns.deallocate()
        targets.deallocate()
        nodeZones.deallocate()
        forwarded.deallocate()
    }

    func link() {
        var zones: [Int8] = []
        for k in 0..<group.count where !zones.contains(group.members[k].zone) { zones.append(group.members[k].zone) }
        nodeZones = Slab(zones)
        targets = Slab(repeating: TargetHealth(), count: group.count)
        forwarded = Slab(repeating: 0, count: group.count)
        recountTargets()
        sim.components.subscribe(index, to: targetComponent)
    }

    func start() {
        idleList = sim.makeTimeoutList(.calls(component: index), delay: spec.idleTimeout)
        connectList = sim.makeTimeoutList(.connect(component: index), delay: spec.connectTimeout)
        let interval = spec.healthCheck.interval
        for t in 0..<targets.count {
            // Each target's probes start at a seeded phase so targets are not probed in lock step.
            let phase = SimTime(streams.misc.uniform() * Double(interval))
            sim.scheduleTimer(at: phase, for: index, code: ALBTimer.probe.rawValue, slot: Int32(t), gen: targets[t].probeGen)
        }
    }

    // MARK: routing

    /// A request reaches the ALB `carry` from now: the ALB routes it now (it adds no processing
    /// time), and the request goes on to the target, arriving after both hops.
    func receive(call: Int32, after carry: SimTime) {
        if dns.ttl == 0 {
            forward(call, nodeZone: nil, after: carry)
        } else {
            tryAddress(call, position: 0, after: carry)
        }
    }

    /// The call's client connects to the address at `position` of its cached answer (resolving
    /// the name first when the answer has expired): a node with power takes the call, one
    /// without keeps the client waiting for its connect timeout.
    func tryAddress(_ call: Int32, position: Int, after carry: SimTime) {
        let i = Int(call)
        let zone = dns.withAnswer(for: call, in: sim) { a -> Int8 in
            if position == 0 && a.expires <= sim.now { resolve(&a) }
            return position < Int(a.count) ? nodeZones[a.address(position)] : -1
        }
        if zone < 0 {
            // Every address of the answer failed: the client gives up on this call.
            sim.calls[i].instance = -1
            sim.reply(call, .noResponse, after: carry)
            return
        }
        if !sim.zoneDown(zone) {
            forward(call, nodeZone: zone, after: carry)
            return
        }
        sim.awaitConnectTimeout(call, marker: Int32(position), after: carry, component: index, code: ALBTimer.clientConnect.rawValue)
    }

    /// A client's connect timed out: unless its caller has given up, it tries the next address.
    func clientConnectTimedOut(_ call: Int32, gen: UInt32) {
        guard let (position, carry) = sim.resumeAfterConnectTimeout(call, gen: gen) else { return }
        tryAddress(call, position: Int(position) + 1, after: carry)
    }

    /// DNS's answer for the ALB's name now: its nodes in zones with power (all of them when no
    /// zone has), at most eight, in a seeded rotation; valid for the TTL.
    func resolve(_ a: inout DNSAnswer) {
        let n = min(nodeZones.count, DNSAnswer.maxAddresses)
        var list: UInt32 = 0
        var m = 0
        for k in 0..<n where !sim.zoneDown(nodeZones[k]) {
            list |= UInt32(k) << (4 * UInt32(m))
            m += 1
        }
        if m == 0 {
            for k in 0..<n { list |= UInt32(k) << (4 * UInt32(k)) }
            m = n
        }
        let start = m > 1 ? streams.route.uniformInt(m) : 0
        var order: UInt32 = 0
        for p in 0..<m {
            let from = (start + p) % m
            order |= ((list >> (4 * UInt32(from))) & 0xF) << (4 * UInt32(p))
        }
        a.order = order
        a.count = UInt8(m)
        a.expires = sim.now + answerTTL
    }

    /// Routes a call that reached the node in `nodeZone` (nil: any node with power, drawn once a
    /// target is found) to a target.
    func forward(_ call: Int32, nodeZone node: Int8?, after carry: SimTime) {
        if sim.metrics.measuring { billedRequests &+= 1 }
        guard let t = chooseTarget(user: sim.calls[Int(call)].user) else {
            generated503 += 1
            sim.reply(call, .unavailable, after: carry)
            return
        }
        let nodeZone = node ?? chooseNodeZone()
        sim.calls[Int(call)].phase = .forwarded
        sim.calls[Int(call)].instance = Int32(t)
        targets[t].outstanding += 1
        forwarded[t] += 1
        let child = sim.newCall(
            callee: targetComponent, caller: index, parent: call,
            request: sim.calls[Int(call)].request, user: sim.calls[Int(call)].user, origin: sim.calls[Int(call)].origin)
        sim.calls[Int(child)].instance = Int32(t)
        sim.calls[Int(call)].child = child
        let target = group.members[t]
        if !target.reachable || sim.isPartitioned(index, targetComponent) {
            // The connection cannot be established: 504 after the connect timeout.
            sim.calls[Int(child)].phase = .dropped
            sim.calls[Int(child)].status = .noResponse
            sim.timeoutAppend(call: child, list: connectList)
            return
        }
        sim.timeoutAppend(call: child, list: idleList)
        sim.send(child, fromZone: nodeZone, toZone: target.zone, sender: index, after: carry)
    }

    /// The zone of the ALB node a request reaches when every call resolves afresh
    /// (`dns_ttl: 0s`): any zone of the ALB's that has power.
    func chooseNodeZone() -> Int8 {
        let n = nodeZones.count
        if n == 0 { return -1 }
        if n == 1 { return nodeZones[0] }
        if sim.faults.zonesDown == 0 {
            // Every node has power (the same draw as below with live = n).
            return nodeZones[streams.route.uniformInt(n)]
        }
        var live = 0
        for i in 0..<n where !sim.zoneDown(nodeZones[i]) { live += 1 }
        if live == 0 { return nodeZones[0] }
        var pick = streams.route.uniformInt(live)
        for i in 0..<n where !sim.zoneDown(nodeZones[i]) {
            if pick == 0 { return nodeZones[i] }
            pick -= 1
        }
        return nodeZones[0]
    }

    /// Picks a target: sticky user first, then the algorithm over healthy (or, failing open, all
    /// registered) targets. `nil` when no target is registered.
    func chooseTarget(user: Int32) -> Int? {
        let n = targets.count
        if registered == 0 { return nil }
        let failOpen = healthy == 0
        @inline(__always) func eligible(_ s: TargetHealth.State) -> Bool {
            failOpen ? (s == .healthy || s == .initial || s == .unhealthy) : s == .healthy
        }
        if spec.sticky && user >= 0 {
            let u = sim.users[Int(user)]
            if u.hasSession && u.sessionGroup == targetComponent {
                let k = Int(u.sessionInstance)
                if k < n && eligible(targets[k].state) { return k }
            }
        }
        switch spec.algorithm {
        case .roundRobin:
            var c = lastChosen
            for _ in 0..<n {
                c = c + 1 == n ? 0 : c + 1  // (c + 1) % n without a division
                if eligible(targets[c].state) {
                    lastChosen = c
                    return c
                }
            }
            return nil
        case .leastOutstanding:
            // Fewest in-flight requests; ties broken by a rotating start so no target is favoured.
            var best = -1
            var bestLoad = Int32.max
            // Visit start, start + 1, … modulo n, counting instead of dividing.
            var c = lastChosen + 1 >= n ? 0 : lastChosen + 1
            for _ in 0..<n {
                if eligible(targets[c].state) && targets[c].outstanding < bestLoad {
                    best = c
                    bestLoad = targets[c].outstanding
                }
                c = c + 1 == n ? 0 : c + 1
            }
            if best >= 0 { lastChosen = best }
            return best >= 0 ? best : nil
        }
    }

    /// Recounts the registered and healthy targets after a change of state.
    func recountTargets() {
        var r = 0, h = 0
        for t in targets {
            switch t.state {
            case .healthy: r += 1; h += 1
            case .initial, .unhealthy: r += 1
            case .draining, .unused: break
            }
        }
        registered = r
        healthy = h
    }

    /// The target's answer reaches the ALB `carry` from now (the ALB handles it as it is sent)
    /// and goes on to the caller.
    func childAnswered(call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        let t = Int(sim.calls[Int(call)].instance)
        targets[t].outstanding -= 1
        let answer: CallStatus
        switch status {
        case .refused:
            generated502 += 1
            answer = .badGateway
        default:
            answer = status
        }
        sim.reply(call, answer, after: carry)
    }

    func childTimedOut(call: Int32, child: Int32, connect: Bool) {
        let t = Int(sim.calls[Int(call)].instance)
        targets[t].outstanding -= 1
        generated504 += 1
        sim.reply(call, .gatewayTimeout)
    }

    // MARK: health checks

    func timer(_ code: UInt8, slot t: Int32, gen: UInt32) {
        switch ALBTimer(rawValue: code) {
        case .probe: probe(t, gen: gen)
        case .probeTimedOut:
            guard targets[Int(t)].probeGen == gen else { return }
            applyHealthResult(Int(t), ok: false)
        case .clientConnect: clientConnectTimedOut(t, gen: gen)
        case nil: break
        }
    }

    func probe(_ t: Int32, gen: UInt32) {
        let ti = Int(t)
        guard targets[ti].probeGen == gen else { return }
        if targets[ti].state == .unused { return }
        let hc = spec.healthCheck
        sim.scheduleTimer(after: hc.interval, for: index, code: ALBTimer.probe.rawValue, slot: t, gen: gen)
        let target = group.members[ti]
        if !target.reachable || sim.isPartitioned(index, targetComponent) {
            // No answer: the probe fails when its timeout expires.
            sim.scheduleTimer(after: hc.timeout, for: index, code: ALBTimer.probeTimedOut.rawValue, slot: t, gen: gen)
        } else if !target.isRunning {
            // Connection refused: the probe fails at once.
            applyHealthResult(ti, ok: false)
        } else {
            // A running process answers the health-check path (a zombie too: that is what makes it one).
            applyHealthResult(ti, ok: true)
        }
    }

    func applyHealthResult(_ t: Int, ok: Bool) {
        let before = targets[t].state
        guard targets[t].record(ok: ok, spec.healthCheck) else { return }
        recountTargets()
        if before != .unhealthy && targets[t].state == .unhealthy {
            sim.components.notify(.failedHealthCheck, group: targetComponent, instance: t)
        }
    }

    // MARK: as the target of a Route 53 record

    /// A Route 53 checker's probe passes when a node has power and a registered target runs and
    /// can be reached (the probe goes through to a target, failing open or not); an alias record
    /// that evaluates target health is healthy while the ALB's own health checks find a healthy
    /// target (Route 53 guide, "Evaluate target health": an ALB with no healthy target is
    /// unhealthy).
    func dnsHealth(instance: Int, evaluatingTarget: Bool) -> Bool {
        // The ALB's own view, from its own health checks (which lag by interval × threshold).
        if evaluatingTarget { return healthy > 0 }
        if sim.regionDown(Int(index)) { return false }
        var powered = false
        for k in 0..<nodeZones.count where !sim.zoneDown(nodeZones[k]) { powered = true }
        guard powered else { return false }
        for t in 0..<targets.count where targets[t].state != .unused && targets[t].state != .draining {
            if t < group.count && group.members[t].reachable && group.members[t].isRunning && !sim.isPartitioned(index, targetComponent) { return true }
        }
        return false
    }

    // MARK: life cycle of the targets

    func lifecycle(_ event: Lifecycle, group g: Int32, instance k: Int, answer: inout LifecycleAnswer) {
        guard g == targetComponent else { return }
        switch event {
        case .launched: registerTarget(k)
        case .draining:
            if let d = drainTarget(k) { answer.drainFor = max(answer.drainFor ?? 0, d) }
        case .terminated: deregisterTarget(k)
        case .down, .up, .launching, .failedHealthCheck: break
        }
    }

    /// Registers a (replacement) target: it needs one passing probe to be healthy.
    func registerTarget(_ k: Int) {
        while targets.count <= k {
            targets.append(TargetHealth(state: .unused))
            forwarded.append(0)
        }
        targets[k].register()
        recountTargets()
        let phase = SimTime(streams.misc.uniform() * Double(spec.healthCheck.interval))
        sim.scheduleTimer(after: phase, for: index, code: ALBTimer.probe.rawValue, slot: Int32(k), gen: targets[k].probeGen)
        let zone = group.members[k].zone
        if !nodeZones.contains(zone) { nodeZones.append(zone) }
    }

    /// Starts deregistering a target: it is `draining`, gets no new requests, and those in
    /// flight may finish. Returns the deregistration delay, or nil if it was not registered.
    func drainTarget(_ k: Int) -> SimTime? {
        guard k < targets.count else { return nil }
        let state = targets[k].state
        guard state != .unused && state != .draining else { return nil }
        targets[k].state = .draining
        targets[k].drainingSince = sim.now
        recountTargets()
        return spec.deregistrationDelay
    }

    /// Deregisters a target: no new requests, no more probes.
    func deregisterTarget(_ k: Int) {
        guard k < targets.count else { return }
        targets[k].state = .unused
        targets[k].probeGen &+= 1
        recountTargets()
    }

}

extension LoadBalancerSpec: ComponentSpec {
    static var declaration: MapDeclaration { .alb }
    var edges: [Int] { [targets] }
    /// An ALB's nodes are in its targets' zones, so in their region.
    func region(in topology: Topology) -> Int { topology.region(of: targets) }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = LoadBalancer(sim, index: index, spec: self)
        owner.append(model)
        return .alb(.passUnretained(model))
    }
}
