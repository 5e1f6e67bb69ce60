/// The work state of one EC2 instance of a group: its waiting room, the calls it serves, and the
/// faults in force on it. (Where it is and whether it runs is its ``FleetMember``.)
struct InstanceWork {
    /// The waiting room, in arrival order (linked through the calls, ``CalleeLinks``).
    var queue = ListHead()
    /// Calls being served, newest first, to fail them if it crashes.
    var service = ListHead()
    /// Nested fault counts: a fault that ends restores only its own effect.
    var crashes: Int32 = 0
    var outages: Int32 = 0
    /// `stop` and `terminate` faults in force (the EC2 instance is not running), and whether one
    /// was a `terminate` (it never runs again; Auto Scaling replaces it, if there is a group).
    var stops: Int32 = 0
    var terminatedByFault = false
    /// `reboot` faults in force (running, but the OS is restarting).
    var reboots: Int32 = 0
    var zombies: Int32 = 0
    /// The retry quota of the instance's SDK client (its `calls:` edge's `retry`).
    var retryTokens: Int32 = 0
    var latencyMultiplier: Double = 1
    var errorProbability: Double = 0
}

/// Codes of an instance group's own events.
enum InstancesTimer: UInt8 {
    /// A worker finishes the service of a call (`slot` = call).
    case serviceDone
    /// The back-off before a retry of the downstream call is over (`slot` = the served call).
    case retryCall
}

/// An `instances` component: a group of identical EC2 instances, each with `workers` concurrent
/// workers and a bounded FIFO waiting room, a service-time distribution and an optional
/// synchronous downstream call (the worker is held while it waits, as a thread-per-request web
/// server does).
final class InstanceGroup: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: InstancesSpec
    let fleet_: Fleet
    var work: Slab<InstanceWork>
    /// Service times drawn ahead from the group's `service` stream.
    var serviceDraws: DrawBuffer
    let streams: ComponentStreams
    /// The `calls:` edge's timeout list (-1 none) and circuit breaker.
    var callTimeouts: Int32 = -1
    var breaker: CircuitBreaker?
    /// Whether the `calls:` edge retries at all (`retry` other than none).
    let retries: Bool
    /// Each instance's retry budget (`retry.budget` of its call; empty without one).
    var budgets: [RetryBudgetWindow] = []
    /// Each instance's adaptive concurrency limit (`concurrency_limit`; empty without one), when
    /// each admitted call arrived (by call slot), and the calls refused by the limit.
    var limiters: [AdaptiveLimit] = []
    var admittedAt: [SimTime] = []
    var admittedInflight: [Int32] = []
    var limited = 0
    /// Attempts made on the `calls:` edge, retries included.
    var downstreamAttempts = 0
    /// When each queued call (by slot) entered the waiting room: kept with `queue_timeout` only.
    var queuedAt: Slab<SimTime> = []
    /// When each call in service got its worker (by call slot), for `wasted_work`.
    var servedFrom: Slab<SimTime> = []
    /// Requests dropped by `queue_timeout` before their service.
    var shed = 0

    init(_ sim: Simulation, index: Int32, spec: InstancesSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        fleet_ = sim.components.fleet(Int(index))!
        work = Slab(repeating: InstanceWork(), count: spec.count)
        streams = sim.componentStreams[Int(index)]
        serviceDraws = DrawBuffer(spec.service, streams.service)
        if let b = spec.circuitBreaker { breaker = CircuitBreaker(spec: b) }
        retries = spec.callRetry.maxAttempts > 1
        let tokens = Int32(spec.callRetry.quota?.capacity ?? 0)
        for k in 0..<work.count { work[k].retryTokens = tokens }
        if let b = spec.callRetry.budget { budgets = Array(repeating: RetryBudgetWindow(b), count: spec.count) }
    }

    deinit {
        work.deallocate()
        queuedAt.deallocate()
        servedFrom.deallocate()
        serviceDraws.deallocate()
    }

    func start() {
        if let t = spec.callTimeout { callTimeouts = sim.makeTimeoutList(.calls(component: index), delay: t) }
        fleet_.rebill(at: sim.now, window: sim.measuredWindow)
    }

    // MARK: serving calls

    func receive(call: Int32, after carry: SimTime) {
        var k = Int(sim.calls[Int(call)].instance)
        if k < 0 {
            // Called directly (no load balancer): the caller picks an instance at random.
            let n = fleet_.count
            k = n == 1 ? 0 : streams.route.uniformInt(n)
            sim.calls[Int(call)].instance = Int32(k)
        }
        let inst = fleet_.members[k]
        if !inst.reachable {
            sim.dropCall(call)
            return
        }
        if !inst.isRunning {
            sim.reply(call, .refused)
            return
        }
        if let l = spec.concurrencyLimit {
            while limiters.count <= k { limiters.append(AdaptiveLimit(l)) }
            if Int(inst.busy) + work[k].queue.count >= limiters[k].current {
                limited += 1
                sim.reply(call, .rejected)
                return
            }
            let c = Int(call)
            while admittedAt.count <= c { admittedAt.append(0); admittedInflight.append(0) }
            admittedAt[c] = sim.now
            admittedInflight[c] = Int32(Int(inst.busy) + work[k].queue.count + 1)
        }
        if inst.busy < Int32(spec.workers) {
            startService(instance: k, call: call)
        } else if let bound = spec.queue, work[k].queue.count >= bound {
            sim.reply(call, .rejected)
        } else {
            enqueue(instance: k, call: call)
        }
    }

    @inline(__always)
    func enqueue(instance k: Int, call: Int32) {
        sim.calls[Int(call)].phase = .queued
        if spec.queueTimeout != nil {
            let c = Int(call)
            while queuedAt.count <= c { queuedAt.append(0) }
            queuedAt[c] = sim.now
        }
        // The waiting room is served from its head: LIFO puts the newest there.
        if spec.queueDiscipline == .lifo {
            work[k].queue.prepend(call, in: sim.calls, CalleeLinks.self)
        } else {
            work[k].queue.append(call, in: sim.calls, CalleeLinks.self)
        }
    }

    @inline(__always)
    func linkInService(instance k: Int, call: Int32) {
        work[k].service.prepend(call, in: sim.calls, CalleeLinks.self)
    }

    @inline(__always)
    func unlinkInService(instance k: Int, call: Int32) {
        work[k].service.remove(call, in: sim.calls, CalleeLinks.self)
    }

    /// A worker takes the call: session check, then the service time.
    func startService(instance k: Int, call: Int32) {
        fleet_.members[k].busy += 1
        let slot = Int(call)
        while servedFrom.count <= slot { servedFrom.append(0) }
        servedFrom[slot] = sim.now
        sim.calls[Int(call)].phase = .inService
        linkInService(instance: k, call: call)
        let w = work[k]
        if w.zombies > 0 {
            // A zombie answers health checks but fails every request at once.
            finishService(instance: k, call: call, status: .serverError)
            return
        }
        if w.errorProbability > 0 && streams.misc.uniform() < w.errorProbability {
            finishService(instance: k, call: call, status: .serverError)
            return
        }
        var extra: SimTime = 0
        switch spec.sessions {
        case .none: break
        case .local:
            checkLocalSession(instance: k, user: sim.calls[Int(call)].user)
        case .store(let store):
            switch sim.components.readSession(store, user: sim.calls[Int(call)].user, fromZone: fleet_.members[k].zone, sender: index) {
            case .unavailable:
                finishService(instance: k, call: call, status: .serverError)
                return
            case .ok(let rtt):
                extra = rtt
            }
        }
        var service = serviceDraws.draw()
        if w.latencyMultiplier != 1 {
            service = Time.fromSeconds(Double(service) / 1e9 * w.latencyMultiplier)
        }
        if let perBusy = spec.slowdownPerBusy {
            // Contention: longer with every other request in service on the instance.
            let others = Double(fleet_.members[k].busy - 1)
            service = SimTime((Double(service) * (1 + perBusy * others)).rounded())
        }
        sim.scheduleTimer(
            after: service + extra, for: index, code: InstancesTimer.serviceDone.rawValue, slot: call,
            gen: sim.calls[Int(call)].gen)
    }

    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        if code == InstancesTimer.serviceDone.rawValue {
            serviceDone(slot, gen: gen)
        } else {
            let c = Int(slot)
            guard sim.calls[c].gen == gen, sim.calls[c].phase == .waitingChild else { return }
            callDownstream(slot, instance: Int(sim.calls[c].instance))
        }
    }

    func serviceDone(_ call: Int32, gen: UInt32) {
        let c = Int(call)
        guard sim.calls[c].gen == gen, sim.calls[c].phase == .inService else { return }
        let k = Int(sim.calls[c].instance)
        guard spec.calls != nil else {
            finishService(instance: k, call: call, status: .ok)
            return
        }
        callDownstream(call, instance: k)
    }

    /// The worker calls its downstream (again, after a back-off) and waits for the answer.
    func callDownstream(_ call: Int32, instance k: Int) {
        let c = Int(call)
        let downstream = spec.calls!
        if var b = breaker {
            let allowed = b.allow(now: sim.now)
            breaker = b
            if !allowed {
                finishService(instance: k, call: call, status: .unavailable)
                return
            }
        }
        sim.calls[c].phase = .waitingChild
        sim.calls[c].attempts &+= 1
        downstreamAttempts += 1
        if !budgets.isEmpty && sim.calls[c].attempts == 1 { noteBudgetRequest(instance: k) }
        let child = sim.newCall(
            callee: Int32(downstream), caller: index, parent: call, request: sim.calls[c].request,
            user: sim.calls[c].user, origin: sim.calls[c].origin)
        sim.calls[c].child = child
        if spec.pairing == .sameIndex { sim.calls[Int(child)].instance = Int32(k) }
        if callTimeouts >= 0 { sim.timeoutAppend(call: child, list: callTimeouts) }
        let zone = fleet_.members[k].zone
        sim.send(child, fromZone: zone, toZone: sim.components.zone(ofCallTo: downstream, call: child), sender: index)
    }

    /// A direct call (no load balancer) lands on an instance the caller picks at random, or on
    /// the one it names (`pairing: same_index`: its own index, modulo the group's size).
    func zone(forCall call: Int32) -> Int8 {
        let n = fleet_.count
        let named = Int(sim.calls[Int(call)].instance)
        let k = named >= 0 ? named % n : n == 1 ? 0 : streams.route.uniformInt(n)
        sim.calls[Int(call)].instance = Int32(k)
        return fleet_.members[k].zone
    }

    var entryZone: Int8 { fleet_.count == 0 ? -1 : fleet_.members[0].zone }

    /// A Route 53 record's address: instance `k` answers an HTTP probe while its process runs
    /// and the network reaches it (a zombie passes: that is what makes it one); -1: any instance.
    func dnsHealth(instance k: Int, evaluatingTarget: Bool) -> Bool {
        if k >= 0 { return k < fleet_.count && fleet_.members[k].reachable && fleet_.members[k].isRunning }
        for j in 0..<fleet_.count where fleet_.members[j].reachable && fleet_.members[j].isRunning { return true }
        return false
    }

    func childAnswered(call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        guard sim.calls[Int(call)].phase == .waitingChild else { return }
        recordBreaker(success: status == .ok)
        let k = Int(sim.calls[Int(call)].instance)
        if retries {
            if status == .ok {
                refundRetryQuota(call, instance: k)
            } else if status.isRetryable && retryDownstream(call, instance: k, timeout: false, throttled: status == .throttled) {
                return
            }
        }
        let upstream: CallStatus
        switch status {
        case .ok: upstream = .ok
        case .throttled, .rejected: upstream = status
        default: upstream = .badGateway
        }
        finishService(instance: k, call: call, status: upstream)
    }

    func childTimedOut(call: Int32, child: Int32, connect: Bool) {
        guard sim.calls[Int(call)].phase == .waitingChild else { return }
        recordBreaker(success: false)
        if retries && retryDownstream(call, instance: Int(sim.calls[Int(call)].instance), timeout: true, throttled: false) { return }
        finishService(instance: Int(sim.calls[Int(call)].instance), call: call, status: .gatewayTimeout)
    }

    /// A failed downstream attempt is retried as the SDK does (5xx, 429, timeouts and connection
    /// failures; a 4xx other than 429 is not retried): while attempts are left and the
    /// instance's retry quota has the tokens, after an exponential back-off with jitter, the
    /// worker held meanwhile. False when the failure stands.
    func retryDownstream(_ call: Int32, instance k: Int, timeout: Bool, throttled: Bool) -> Bool {
        let c = Int(call)
        let p = spec.callRetry
        guard Int(sim.calls[c].attempts) < p.maxAttempts, sim.now < sim.hardStop else { return false }
        var cost = 0
        if let q = p.quota {
            cost = q.cost(timeout: timeout, throttled: throttled)
            guard work[k].retryTokens >= Int32(cost) else { return false }
        }
        if !budgets.isEmpty {
            noteBudgetRequest(instance: k, count: false)
            if !budgets[k].takeRetry(at: sim.now) { return false }
        }
        work[k].retryTokens -= Int32(cost)
        sim.calls[c].retryCost = UInt8(min(cost, 255))
        // Decorrelated jitter needs the previous back-off, which an edge does not keep: it starts
        // from the base at each retry.
        let delay = p.backoff(attempt: Int(sim.calls[c].attempts), previous: 0, throttled: throttled, draw: streams.misc.uniform())
        sim.scheduleTimer(after: delay, for: index, code: InstancesTimer.retryCall.rawValue, slot: call, gen: sim.calls[c].gen)
        return true
    }

    /// A first attempt of instance `k`'s call counts in its retry budget (`count` false: only
    /// makes sure the instance has one; a group grown by Auto Scaling adds them).
    func noteBudgetRequest(instance k: Int, count: Bool = true) {
        while budgets.count <= k, let b = spec.callRetry.budget { budgets.append(RetryBudgetWindow(b)) }
        if count { budgets[k].noteRequest(at: sim.now) }
    }

    /// A success gives the instance's quota a token back, or the retry's cost after a retry.
    @inline(__always)
    func refundRetryQuota(_ call: Int32, instance k: Int) {
        guard let q = spec.callRetry.quota else { return }
        let c = Int(call)
        let back = sim.calls[c].attempts > 1 ? Int32(sim.calls[c].retryCost) : Int32(q.successIncrement)
        work[k].retryTokens = min(Int32(q.capacity), work[k].retryTokens + back)
    }

    func recordBreaker(success: Bool) {
        if var b = breaker {
            b.record(success: success, now: sim.now)
            breaker = b
        }
    }

    /// The worker is done with a call: answer it and take the next one from the queue.
    func finishService(instance k: Int, call: Int32, status: CallStatus) {
        if !limiters.isEmpty && k < limiters.count {
            limiters[k].sample(rtt: sim.now - admittedAt[Int(call)], inflight: Int(admittedInflight[Int(call)]), dropped: status != .ok || sim.calls[Int(call)].abandoned)
        }
        unlinkInService(instance: k, call: call)
        fleet_.members[k].busy -= 1
        if sim.metrics.measuring {
            // Worker time, and the part of it spent for a caller that had given up.
            let held = sim.now - servedFrom[Int(call)]
            sim.metrics.workerTime += held
            if sim.calls[Int(call)].abandoned { sim.metrics.wastedWorkerTime += held }
        }
        sim.reply(call, status)
        startNextQueued(instance: k)
    }

    @inline(__always)
    func startNextQueued(instance k: Int) {
        while !work[k].queue.isEmpty && fleet_.members[k].busy < Int32(spec.workers) && fleet_.members[k].up {
            let next = work[k].queue.popFirst(in: sim.calls, CalleeLinks.self)
            if let limit = spec.queueTimeout, sim.now - queuedAt[Int(next)] > limit {
                // Waited too long: shed before any work is spent on it (503).
                shed += 1
                if k < limiters.count {
                    limiters[k].sample(rtt: sim.now - admittedAt[Int(next)], inflight: Int(admittedInflight[Int(next)]), dropped: true)
                }
                sim.reply(next, .rejected)
                continue
            }
            startService(instance: k, call: next)
        }
    }

    /// The instance's process dies (or its zone loses power): every call it holds fails.
    ///
    /// A crashed process resets its connections, so callers see an error at once (an ALB turns
    /// it into a 502); a powered-off zone answers nothing, so callers wait for their timeouts.
    func failWork(instance k: Int, silently: Bool) {
        var c = work[k].service.head
        while c >= 0 {
            let next = sim.calls[Int(c)].next
            sim.calls[Int(c)].prev = -1
            sim.calls[Int(c)].next = -1
            if sim.calls[Int(c)].child >= 0 {
                let child = sim.calls[Int(c)].child
                sim.calls[Int(child)].abandoned = true
                sim.calls[Int(c)].child = -1
            }
            if silently { sim.dropCall(c) } else { sim.reply(c, .refused) }
            c = next
        }
        work[k].service.removeAll()
        fleet_.members[k].busy = 0
        c = work[k].queue.head
        while c >= 0 {
            let next = sim.calls[Int(c)].next
            sim.calls[Int(c)].prev = -1
            sim.calls[Int(c)].next = -1
            if silently { sim.dropCall(c) } else { sim.reply(c, .refused) }
            c = next
        }
        work[k].queue.removeAll()
    }

    // MARK: sessions

    /// Sessions kept on the instance: a user whose session is on another incarnation lost it.
    func checkLocalSession(instance k: Int, user: Int32) {
        guard user >= 0 else { return }
        let u = Int(user)
        let inc = fleet_.members[k].incarnation
        if sim.users[u].hasSession {
            let same = sim.users[u].sessionGroup == index && sim.users[u].sessionInstance == Int32(k)
                && sim.users[u].sessionIncarnation == inc
            if !same {
                // The session was on an instance that died, was replaced, or is not this one.
                if sim.metrics.measuring { sim.metrics.sessionsLost += 1 }
                sim.users[u].hasSession = false
            }
        }
        if !sim.users[u].hasSession {
            sim.users[u].hasSession = true
            sim.users[u].sessionGroup = index
            sim.users[u].sessionInstance = Int32(k)
            sim.users[u].sessionIncarnation = inc
            sim.users[u].requestsLeft = Int32(sim.scenario.workload.sessionRequests ?? Int(Int32.max))
        }
        sim.consumeSessionRequest(u)
    }

    // MARK: life cycle

    func lifecycle(_ event: Lifecycle, group: Int32, instance k: Int, answer: inout LifecycleAnswer) {
        guard group == index else { return }
        switch event {
        case .terminated:
            // Auto Scaling terminates it: what a running process holds fails (connections reset).
            if fleet_.members[k].up && fleet_.members[k].reachable { failWork(instance: k, silently: false) }
        case .launching:
            // A fresh instance in slot k: no queue, no faults in force.
            while work.count <= k { work.append(InstanceWork()) }
            work[k] = InstanceWork()
        case .down, .up, .launched, .draining, .failedHealthCheck:
            break
        }
    }

    /// A running process stops (a crash resets its connections; a zone without power answers
    /// nothing, `silently`): its work fails, its local state is gone.
    func takeDown(instance k: Int, silently: Bool) {
        guard fleet_.members[k].up else { return }
        fleet_.members[k].up = false
        failWork(instance: k, silently: silently)
        // A new incarnation: its local sessions are gone.
        fleet_.members[k].incarnation &+= 1
        fleet_.members[k].busy = 0
        sim.components.notify(.down, group: index, instance: k)
    }

    /// The process runs again once no crash, stop, reboot or outage holds it, no fault
    /// terminated the instance, and auto scaling has neither terminated it nor is still
    /// launching it.
    func bringUpIfNothingHolds(instance k: Int) {
        let m = fleet_.members[k]
        let w = work[k]
        guard w.crashes == 0 && w.outages == 0 && w.stops == 0 && w.reboots == 0 && !w.terminatedByFault
            && m.ec2Running && !m.terminated && !m.launching && !m.up else { return }
        fleet_.members[k].up = true
        sim.components.notify(.up, group: index, instance: k)
    }

    // MARK: faults

    var faultTargets: Int { fleet_.count }

    func apply(_ f: FaultSpec, instance: Int, starting: Bool) {
        let targets = instance >= 0 ? [instance] : Array(0..<fleet_.count)
        for k in targets {
            switch f.kind {
            case .crash:
                if starting {
                    work[k].crashes += 1
                    if work[k].crashes == 1 { takeDown(instance: k, silently: false) }
                } else if work[k].crashes > 0 {
                    work[k].crashes -= 1
                    bringUpIfNothingHolds(instance: k)
                }
            case .stop, .terminate:
                // The instance leaves `running`: its process and memory go with it.
                if starting {
                    work[k].stops += 1
                    if f.kind == .terminate { work[k].terminatedByFault = true }
                    fleet_.members[k].ec2Running = false
                    fleet_.rebill(at: sim.now, window: sim.measuredWindow)
                    takeDown(instance: k, silently: false)
                } else if work[k].stops > 0 {
                    work[k].stops -= 1
                    if work[k].stops == 0 && !work[k].terminatedByFault {
                        fleet_.members[k].ec2Running = true
                        fleet_.rebill(at: sim.now, window: sim.measuredWindow)
                    }
                    bringUpIfNothingHolds(instance: k)
                }
            case .reboot:
                // The instance stays `running` while its OS restarts; its memory is lost.
                if starting {
                    work[k].reboots += 1
                    fleet_.members[k].impaired = true
                    takeDown(instance: k, silently: false)
                } else if work[k].reboots > 0 {
                    work[k].reboots -= 1
                    if work[k].reboots == 0 { fleet_.members[k].impaired = work[k].outages > 0 }
                    bringUpIfNothingHolds(instance: k)
                }
            case .latency:
                work[k].latencyMultiplier = starting ? f.multiplier : 1
            case .errors:
                work[k].errorProbability = starting ? f.probability : 0
            case .zombie:
                work[k].zombies += starting ? 1 : -1
            case .zoneOutage, .regionOutage, .partition, .failover:
                break
            }
        }
    }

    /// A zone loses power: its instances stop answering and lose their state.
    func zonePower(_ z: Int, on: Bool) {
        for k in 0..<fleet_.count where Int(fleet_.members[k].zone) == z {
            if !on {
                work[k].outages += 1
                if work[k].outages == 1 {
                    fleet_.members[k].reachable = false
                    fleet_.members[k].impaired = true
                    takeDown(instance: k, silently: true)
                }
            } else if work[k].outages > 0 {
                work[k].outages -= 1
                if work[k].outages == 0 {
                    fleet_.members[k].reachable = true
                    fleet_.members[k].impaired = work[k].reboots > 0
                    bringUpIfNothingHolds(instance: k)
                }
            }
        }
    }

    // MARK: observation

    func observe(_ sample: inout StateSample) {
        for k in 0..<fleet_.count {
            sample.queueDepth += work[k].queue.count
            if fleet_.members[k].isServing { sample.healthy += 1 }
        }
    }
}

// MARK: as an SQS consumer

extension InstanceGroup {
    var consumerInstances: Int { fleet_.count }
    /// One poller per worker of each instance unless the queue's `pollers` says, all from the start.
    func consumerPolling(queueSetting pollers: Int?) -> ConsumerPolling { ConsumerPolling(pollers: pollers ?? spec.workers) }
    func consumerUp(_ k: Int32) -> Bool { fleet_.members[Int(k)].isServing }
    func consumerZone(_ k: Int32) -> Int8 { fleet_.members[Int(k)].zone }
    func processingTime(_ k: Int32) -> SimTime {
        let d = serviceDraws.draw()
        let m = work[Int(k)].latencyMultiplier
        return m == 1 ? d : Time.fromSeconds(Double(d) / 1e9 * m)
    }
    /// A consuming group with `calls:` makes that call for each message (a query to its database).
    var consumerCall: (callee: Int32, timeout: SimTime)? {
        spec.calls.map { (Int32($0), spec.callTimeout ?? AwsDefaults.callTimeout) }
    }
    func processingFails(_ k: Int32, stream: RandomGenerator) -> Bool {
        let w = work[Int(k)]
        return w.zombies > 0 || (w.errorProbability > 0 && stream.uniform() < w.errorProbability)
    }
}

extension InstancesSpec: ComponentSpec {
    static var declaration: MapDeclaration { .instances }
    var edges: [Int] { calls.map { [$0] } ?? [] }
    var faultTargetCount: Int { count }
    func instancesClaimed(index: Int) -> (group: Int, count: Int)? { (index, count) }
    /// A consuming group polls with one poller per worker of each instance unless `pollers` says.
    func consumerPollers(perInstance pollers: Int?) -> Int { count * (pollers ?? workers) }
    static var faultKinds: Set<FaultSpec.Kind> { Set(FaultSpec.Kind.allCases).subtracting([.failover]) }
    func makeFleet(index: Int32) -> Fleet? {
        Fleet(component: index, workers: workers, zones: zones, count: count)
    }

    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = InstanceGroup(sim, index: index, spec: self)
        owner.append(model)
        return .instances(.passUnretained(model))
    }
}
