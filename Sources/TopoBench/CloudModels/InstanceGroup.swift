/// One EC2 instance of a group.
struct Instance {
    var zone: Int8
    /// The process is running (not crashed, not stopped, not yet launched).
    var up: Bool = true
    /// Reachable on the network (its zone has power and connectivity).
    var reachable: Bool = true
    /// Counts restarts and replacements: a session bound to an older incarnation is gone.
    var incarnation: UInt32 = 0
    /// Nested fault counts: a fault that ends restores only its own effect.
    var crashes: Int32 = 0
    var outages: Int32 = 0
    var zombies: Int32 = 0
    var latencyMultiplier: Double = 1
    var errorProbability: Double = 0
    var busy: Int32 = 0
    var queueHead: Int32 = -1
    var queueTail: Int32 = -1
    var queueLength: Int32 = 0
    /// Calls being served (doubly linked through the call slab), to fail them if it crashes.
    var serviceHead: Int32 = -1
    /// In service by a launching replacement: not part of the group yet.
    var launching: Bool = false
    /// Terminated by auto scaling (its slot may be reused by a replacement).
    var terminated: Bool = false
    /// When the instance last became unhealthy in the eyes of auto scaling (-1: healthy).
    var unhealthySince: SimTime = -1
}

/// An `instances` component: a group of identical EC2 instances, each with `workers` concurrent
/// workers and a bounded FIFO waiting room, a service-time distribution and an optional
/// synchronous downstream call (the worker is held while it waits, as a thread-per-request web
/// server does).
struct InstanceGroup {
    let component: Int32
    let spec: InstancesSpec
    var instances: Slab<Instance>
    /// The `calls:` edge's timeout list (-1 none) and circuit breaker.
    var callTimeouts: Int32 = -1
    var breaker: CircuitBreaker?
    /// Round-robin cursor for direct calls from a caller without a load balancer.
    var cursor: Int = 0
}

extension Simulation {
    func instancesReceive(group g: Int32, call: Int32) {
        let gi = Int(g)
        var k = Int(calls[Int(call)].instance)
        if k < 0 {
            // Called directly (no load balancer): the caller picks an instance at random.
            let n = groups[gi].instances.count
            k = n == 1 ? 0 : componentStreams[Int(groups[gi].component)].route.uniformInt(n)
            calls[Int(call)].instance = Int32(k)
        }
        let inst = groups[gi].instances[k]
        if !inst.reachable {
            dropCall(call)
            return
        }
        if !inst.up || inst.terminated || inst.launching {
            reply(call, .refused)
            return
        }
        if inst.busy < Int32(groups[gi].spec.workers) {
            startService(group: gi, instance: k, call: call)
        } else if let bound = groups[gi].spec.queue, inst.queueLength >= Int32(bound) {
            reply(call, .rejected)
        } else {
            enqueue(group: gi, instance: k, call: call)
        }
    }

    @inline(__always)
    func enqueue(group gi: Int, instance k: Int, call: Int32) {
        calls[Int(call)].phase = .queued
        calls[Int(call)].next = -1
        let tail = groups[gi].instances[k].queueTail
        calls[Int(call)].prev = tail
        if tail >= 0 { calls[Int(tail)].next = call } else { groups[gi].instances[k].queueHead = call }
        groups[gi].instances[k].queueTail = call
        groups[gi].instances[k].queueLength += 1
    }

    @inline(__always)
    func linkInService(group gi: Int, instance k: Int, call: Int32) {
        let head = groups[gi].instances[k].serviceHead
        calls[Int(call)].prev = -1
        calls[Int(call)].next = head
        if head >= 0 { calls[Int(head)].prev = call }
        groups[gi].instances[k].serviceHead = call
    }

    @inline(__always)
    func unlinkInService(group gi: Int, instance k: Int, call: Int32) {
        let p = calls[Int(call)].prev, n = calls[Int(call)].next
        if p >= 0 { calls[Int(p)].next = n } else { groups[gi].instances[k].serviceHead = n }
        if n >= 0 { calls[Int(n)].prev = p }
        calls[Int(call)].prev = -1
        calls[Int(call)].next = -1
    }

    /// A worker takes the call: session check, then the service time.
    func startService(group gi: Int, instance k: Int, call: Int32) {
        groups[gi].instances[k].busy += 1
        calls[Int(call)].phase = .inService
        linkInService(group: gi, instance: k, call: call)
        let inst = groups[gi].instances[k]
        let comp = Int(groups[gi].component)
        let streams = componentStreams[comp]
        if inst.zombies > 0 {
            // A zombie answers health checks but fails every request at once.
            finishService(group: gi, instance: k, call: call, status: .serverError)
            return
        }
        if inst.errorProbability > 0 && streams.misc.uniform() < inst.errorProbability {
            finishService(group: gi, instance: k, call: call, status: .serverError)
            return
        }
        var extra: SimTime = 0
        switch groups[gi].spec.sessions {
        case .none: break
        case .local:
            checkLocalSession(group: gi, instance: k, user: calls[Int(call)].user)
        case .store(let s):
            switch sessionRead(store: slotOf[s], user: calls[Int(call)].user, fromZone: inst.zone, sender: Int32(comp)) {
            case .unavailable:
                finishService(group: gi, instance: k, call: call, status: .serverError)
                return
            case .ok(let rtt):
                extra = rtt
            }
        }
        var service = serviceDraws[gi].draw()
        if inst.latencyMultiplier != 1 {
            service = Time.fromSeconds(Double(service) / 1e9 * inst.latencyMultiplier)
        }
        schedule(after: service + extra, .serviceDone, slot: call, gen: calls[Int(call)].gen)
    }

    func handleServiceDone(_ call: Int32, gen: UInt32) {
        let c = Int(call)
        guard calls[c].gen == gen, calls[c].phase == .inService else { return }
        let owner = Int(calls[c].callee)
        let gi = Int(slotOf[owner])
        let k = Int(calls[c].instance)
        guard let downstream = groups[gi].spec.calls else {
            finishService(group: gi, instance: k, call: call, status: .ok)
            return
        }
        // The worker now calls its downstream and waits for the answer.
        if var breaker = groups[gi].breaker {
            let allowed = breaker.allow(now: now)
            groups[gi].breaker = breaker
            if !allowed {
                finishService(group: gi, instance: k, call: call, status: .unavailable)
                return
            }
        }
        calls[c].phase = .waitingChild
        let child = newCall(
            callee: Int32(downstream), caller: Int32(owner), parent: call, request: calls[c].request,
            user: calls[c].user, origin: calls[c].origin)
        calls[c].child = child
        if groups[gi].callTimeouts >= 0 { timeoutAppend(call: child, list: groups[gi].callTimeouts) }
        let zone = groups[gi].instances[k].zone
        send(child, fromZone: zone, toZone: zoneOfCallee(downstream, child: child), sender: Int32(owner))
    }

    /// The zone a call to `component` lands in, when it is fixed by the callee (a single instance);
    /// -1 for regional services (load balancers, queues), whose nodes are in every zone.
    func zoneOfCallee(_ component: Int, child: Int32) -> Int8 {
        if case .instances = kindOf[component] {
            let g = Int(slotOf[component])
            let n = groups[g].instances.count
            let k = n == 1 ? 0 : componentStreams[component].route.uniformInt(n)
            calls[Int(child)].instance = Int32(k)
            return groups[g].instances[k].zone
        }
        return -1
    }

    func instancesChildAnswered(group g: Int32, call: Int32, child: Int32, status: CallStatus) {
        let gi = Int(g)
        guard calls[Int(call)].phase == .waitingChild else { return }
        recordBreaker(group: gi, success: status == .ok)
        let k = Int(calls[Int(call)].instance)
        let upstream: CallStatus
        switch status {
        case .ok: upstream = .ok
        case .throttled, .rejected: upstream = status
        default: upstream = .badGateway
        }
        finishService(group: gi, instance: k, call: call, status: upstream)
    }

    func instancesChildTimedOut(group g: Int32, call: Int32) {
        let gi = Int(g)
        guard calls[Int(call)].phase == .waitingChild else { return }
        recordBreaker(group: gi, success: false)
        finishService(group: gi, instance: Int(calls[Int(call)].instance), call: call, status: .gatewayTimeout)
    }

    func recordBreaker(group gi: Int, success: Bool) {
        if var b = groups[gi].breaker {
            b.record(success: success, now: now)
            groups[gi].breaker = b
        }
    }

    /// The worker is done with a call: answer it and take the next one from the queue.
    func finishService(group gi: Int, instance k: Int, call: Int32, status: CallStatus) {
        unlinkInService(group: gi, instance: k, call: call)
        groups[gi].instances[k].busy -= 1
        reply(call, status)
        startNextQueued(group: gi, instance: k)
    }

    @inline(__always)
    func startNextQueued(group gi: Int, instance k: Int) {
        while groups[gi].instances[k].queueHead >= 0
            && groups[gi].instances[k].busy < Int32(groups[gi].spec.workers)
            && groups[gi].instances[k].up
        {
            let next = groups[gi].instances[k].queueHead
            let after = calls[Int(next)].next
            groups[gi].instances[k].queueHead = after
            if after >= 0 { calls[Int(after)].prev = -1 } else { groups[gi].instances[k].queueTail = -1 }
            groups[gi].instances[k].queueLength -= 1
            startService(group: gi, instance: k, call: next)
        }
    }

    /// The instance's process dies (or its zone loses power): every call it holds fails.
    ///
    /// A crashed process resets its connections, so callers see an error at once (an ALB turns
    /// it into a 502); a powered-off zone answers nothing, so callers wait for their timeouts.
    func failInstanceWork(group gi: Int, instance k: Int, silently: Bool) {
        var c = groups[gi].instances[k].serviceHead
        while c >= 0 {
            let next = calls[Int(c)].next
            calls[Int(c)].prev = -1
            calls[Int(c)].next = -1
            if calls[Int(c)].child >= 0 {
                let child = calls[Int(c)].child
                calls[Int(child)].abandoned = true
                calls[Int(c)].child = -1
            }
            if silently { dropCall(c) } else { reply(c, .refused) }
            c = next
        }
        groups[gi].instances[k].serviceHead = -1
        groups[gi].instances[k].busy = 0
        c = groups[gi].instances[k].queueHead
        while c >= 0 {
            let next = calls[Int(c)].next
            calls[Int(c)].prev = -1
            calls[Int(c)].next = -1
            if silently { dropCall(c) } else { reply(c, .refused) }
            c = next
        }
        groups[gi].instances[k].queueHead = -1
        groups[gi].instances[k].queueTail = -1
        groups[gi].instances[k].queueLength = 0
    }

    /// A new incarnation: its local sessions are gone.
    func restartInstance(group gi: Int, instance k: Int) {
        groups[gi].instances[k].incarnation &+= 1
        groups[gi].instances[k].busy = 0
    }

    /// Sessions kept on the instance: a user whose session is on another incarnation lost it.
    func checkLocalSession(group gi: Int, instance k: Int, user: Int32) {
        guard user >= 0 else { return }
        let u = Int(user)
        let comp = groups[gi].component
        let inc = groups[gi].instances[k].incarnation
        if users[u].hasSession {
            let same = users[u].sessionGroup == comp && users[u].sessionInstance == Int32(k)
                && users[u].sessionIncarnation == inc
            if !same {
                // The session was on an instance that died, was replaced, or is not this one.
                if metrics.measuring { metrics.sessionsLost += 1 }
                users[u].hasSession = false
            }
        }
        if !users[u].hasSession {
            users[u].hasSession = true
            users[u].sessionGroup = comp
            users[u].sessionInstance = Int32(k)
            users[u].sessionIncarnation = inc
            users[u].requestsLeft = Int32(scenario.workload.sessionRequests ?? Int(Int32.max))
        }
        consumeSessionRequest(u)
    }

    /// Counts a request against the user's session; after `session.requests` it logs out.
    @inline(__always)
    func consumeSessionRequest(_ u: Int) {
        users[u].requestsLeft -= 1
        if users[u].requestsLeft <= 0 { users[u].hasSession = false }
    }

    /// Up, reachable instances in all groups (the time series' `healthy_instances`).
    func healthyInstanceCount() -> Int {
        var n = 0
        for g in groups {
            for i in g.instances where i.up && i.reachable && !i.terminated && !i.launching { n += 1 }
        }
        return n
    }

    func queuedCallCount() -> Int {
        var n = 0
        for g in groups { for i in g.instances { n += Int(i.queueLength) } }
        return n
    }
}
