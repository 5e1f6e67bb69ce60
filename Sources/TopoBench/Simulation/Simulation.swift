import Foundation

/// One replication of one topology: the clock, the event list, the random streams and every
/// component's state, advanced event by event.
///
/// A `Simulation` is built, run once, and read. It is confined to the task that created it (its
/// GSL generators are not thread-safe); replications run in parallel as separate instances.
/// Component state lives in typed arrays of small structs and behaviour in extensions
/// (`Simulation+Client.swift`, `InstanceGroup.swift`, `ApplicationLoadBalancer.swift`, …), so the
/// event loop dispatches with one `switch` and allocates nothing per event.
public final class Simulation {
    public let scenario: Scenario
    public let topology: Topology
    public let replication: Int

    // MARK: clock and events
    public internal(set) var now: SimTime = 0
    var events = EventQueue(capacity: 4096)
    public internal(set) var eventsProcessed: UInt64 = 0
    /// No new work is started at or after this time (the end of `duration`).
    let endOfArrivals: SimTime
    /// Hard stop: in-flight requests get until here to finish.
    let hardStop: SimTime
    let warmupEnd: SimTime
    /// Hot configuration, read on every request: copies of the scenario's values.
    let networkFree: Bool
    let openArrivals: OpenArrivals?
    let maxAttempts: Int32
    let retryQuota: RetryQuota?
    let intraZone: Distribution?
    let crossZone: Distribution?

    // MARK: entities
    var calls: Slab<Call> = []
    var freeCall: Slab<Int32> = []
    var requests: Slab<Request> = []
    var freeRequest: Slab<Int32> = []
    var users: Slab<UserState> = []
    var timeouts: Slab<TimeoutList> = []
    var clientTimeoutList: Int32 = -1
    var inFlightRequests: Int = 0
    var retryTokens: Int = 0
    var messages: Slab<Message> = []
    var freeMessages: Slab<Int32> = []
    var publishes: Slab<Publish> = []
    var freePublish: Slab<Int32> = []

    // MARK: components (index = component index in the topology)
    /// For each component, the index of its state in the array of its kind.
    var slotOf: [Int32] = []
    var groups: Slab<InstanceGroup> = []
    var balancers: Slab<LoadBalancer> = []
    var stores: Slab<SessionStore> = []
    var gateways: Slab<APIGateway> = []
    var queues: Slab<MessageQueue> = []
    var topics: Slab<Topic> = []
    var endpoints: Slab<HTTPEndpoint> = []
    var lambdas: Slab<LambdaFunction> = []
    var scalers: Slab<AutoScaler> = []
    /// The `calls:` of each component resolved to what it is (instances, alb, sqs, …).
    var kindOf: [ComponentTag] = []
    /// Partitions in force: `partitioned[a * n + b]` > 0 cuts calls from a to b.
    var partitioned: [Int32] = []

    // MARK: randomness
    let client: ClientStreams
    var componentStreams: [ComponentStreams] = []
    /// Owns every generator; the stream bundles hold unowned references so that reading one
    /// costs no reference counting on the hot path.
    var ownedStreams: [RandomStream] = []
    var faultStreams: [RandomStream] = []
    /// Network delays drawn ahead (``DrawBuffer``), by sender: index 0 is the client, index
    /// c + 1 component c. Within a zone from the sender's `network` stream, across zones from
    /// its `network.cross` stream. Empty when the network has no such distribution.
    var intraDraws: Slab<DrawBuffer> = []
    var crossDraws: Slab<DrawBuffer> = []
    /// Service times drawn ahead, by instance group (state index).
    var serviceDraws: Slab<DrawBuffer> = []
    /// Inter-arrival gaps drawn ahead (one buffer, for an open workload without a rate profile).
    var arrivalDraws: Slab<DrawBuffer> = []

    // MARK: observation
    var metrics: ReplicationMetrics
    var faults: FaultBook

    /// Builds the model of one topology for one replication. The scenario has been validated.
    public init(scenario: Scenario, topology: Topology, replication: Int) {
        self.scenario = scenario
        self.topology = topology
        self.replication = replication
        warmupEnd = scenario.warmup
        endOfArrivals = scenario.duration
        hardStop = scenario.duration + Simulation.drainAllowance(scenario.workload)
        networkFree = scenario.network.isFree
        if case .open(let a) = scenario.workload.mode { openArrivals = a } else { openArrivals = nil }
        maxAttempts = Int32(scenario.workload.retry.maxAttempts)
        retryQuota = scenario.workload.retry.quota
        intraZone = scenario.network.intraZone
        crossZone = scenario.network.crossZone
        var owned: [RandomStream] = []
        client = ClientStreams(seed: scenario.seed, replication: replication, owner: &owned)
        ownedStreams = owned
        metrics = ReplicationMetrics(
            windowWidth: scenario.window, measureFrom: scenario.warmup, measureTo: scenario.duration,
            slo: scenario.slo)
        faults = FaultBook()
        build()
        setUpDrawBuffers()
    }

    deinit {
        events.deallocate()
        calls.deallocate()
        freeCall.deallocate()
        freeRequest.deallocate()
        freeMessages.deallocate()
        publishes.deallocate()
        freePublish.deallocate()
        requests.deallocate()
        users.deallocate()
        timeouts.deallocate()
        messages.deallocate()
        for g in groups { var i = g.instances; i.deallocate() }
        groups.deallocate()
        for b in balancers { var b = b; b.deallocate() }
        balancers.deallocate()
        stores.deallocate()
        gateways.deallocate()
        for q in queues { var q = q; q.deallocate() }
        queues.deallocate()
        topics.deallocate()
        endpoints.deallocate()
        lambdas.deallocate()
        scalers.deallocate()
        metrics.deallocate()
        for buffers in [intraDraws, crossDraws, serviceDraws, arrivalDraws] {
            for var b in buffers { b.deallocate() }
            var slab = buffers
            slab.deallocate()
        }
    }

    /// How long requests still in flight at the end of `duration` may take to finish: every
    /// attempt's timeout plus the longest back-off between them, or an hour without a timeout.
    static func drainAllowance(_ w: Workload) -> SimTime {
        guard let t = w.timeout else { return Time.hour }
        let attempts = SimTime(max(1, w.retry.maxAttempts))
        return attempts * (t + w.retry.cap) + Time.second
    }

    // MARK: scheduling helpers

    @inline(__always)
    func schedule(after delay: SimTime, _ kind: EventKind, target: Int32 = -1, slot: Int32 = -1, gen: UInt32 = 0) {
        events.schedule(at: now &+ delay, kind, target: target, slot: slot, gen: gen)
    }

    @inline(__always)
    func schedule(at time: SimTime, _ kind: EventKind, target: Int32 = -1, slot: Int32 = -1, gen: UInt32 = 0) {
        events.schedule(at: time, kind, target: target, slot: slot, gen: gen)
    }

    // MARK: running

    /// Runs the replication to its end and returns what was observed.
    public func run() -> ReplicationOutcome {
        start()
        runEvents()
        return finish()
    }

    /// Fires events in order until the list is empty, the hard stop, or the end of the drain.
    func runEvents() {
        while !events.isEmpty {
            let e = events.pop()
            if e.time > hardStop { break }
            now = e.time
            eventsProcessed &+= 1
            dispatch(e)
            if now >= endOfArrivals && inFlightRequests == 0 && backgroundWorkDone() { break }
        }
    }

    @inline(__always)
    func dispatch(_ e: Event) {
        switch e.kind {
        case .arrival: handleArrival()
        case .userWake: handleUserWake(e.slot)
        case .retry: handleRetry(e.slot, gen: e.gen)
        case .deliver: handleDeliver(e.slot, gen: e.gen)
        case .respond: handleRespond(e.slot, gen: e.gen)
        case .serviceDone: handleServiceDone(e.slot, gen: e.gen)
        case .healthProbe: handleHealthProbe(balancer: e.target, target: e.slot, gen: e.gen)
        case .healthResult: handleHealthResult(balancer: e.target, target: e.slot, gen: e.gen)
        case .faultStart: handleFaultStart(e.slot, instance: Int32(bitPattern: e.gen))
        case .faultEnd: handleFaultEnd(e.slot, instance: Int32(bitPattern: e.gen))
        case .windowTick: handleWindowTick()
        case .warmupEnd: metrics.beginMeasuring(at: now)
        case .componentTimer: handleTimer(e.target, slot: e.slot, gen: e.gen)
        case .queueEvent: handleQueueEvent(e.target, slot: e.slot, gen: e.gen)
        }
    }

    /// Whether asynchronous work (queued messages, deliveries) that the drain should wait for is done.
    func backgroundWorkDone() -> Bool {
        for q in queues where q.visible > 0 || q.inflight > 0 { return false }
        for e in endpoints where e.pending > 0 { return false }
        for l in lambdas where l.pending > 0 { return false }
        return true
    }

    func start() {
        if warmupEnd > 0 { schedule(at: warmupEnd, .warmupEnd) } else { metrics.beginMeasuring(at: 0) }
        schedule(at: min(warmupEnd + scenario.window, endOfArrivals), .windowTick)
        startClients()
        startComponents()
        scheduleFaults()
    }

    func finish() -> ReplicationOutcome {
        metrics.closeWindow(at: min(now, endOfArrivals), sample: sampleState())
        metrics.unfinished = countUnfinished()
        expireMessagesAtEnd()
        metrics.flushHistograms()
        return ReplicationOutcome(
            scenario: scenario.name, topology: topology.name, replication: replication,
            metrics: metrics.summary(faultStarts: faults.measuredStarts(from: warmupEnd, to: endOfArrivals)),
            windows: metrics.windows, latencyLadder: metrics.latencyLadder(),
            faults: faults.records, events: eventsProcessed)
    }

    func countUnfinished() -> Int {
        var n = 0
        for r in requests where r.active && r.counted { n += 1 }
        return n
    }

    // MARK: calls

    /// Takes a free call slot and fills it for a new call.
    @inline(__always)
    func newCall(callee: Int32, caller: Int32, parent: Int32, request: Int32, user: Int32, origin: SimTime) -> Int32 {
        let slot = calls.acquire(from: &freeCall, blank: Call())
        let parentGen = parent >= 0 ? calls[Int(parent)].gen : 0
        let i = Int(slot)
        calls[i].phase = .sent
        calls[i].status = .pending
        calls[i].abandoned = false
        calls[i].callee = callee
        calls[i].caller = caller
        calls[i].instance = -1
        calls[i].parent = parent
        calls[i].parentGen = parentGen
        calls[i].request = request
        calls[i].user = user
        calls[i].child = -1
        calls[i].origin = origin
        calls[i].prev = -1
        calls[i].next = -1
        calls[i].tprev = -1
        calls[i].tnext = -1
        calls[i].timeoutList = -1
        calls[i].callerZone = -1
        calls[i].calleeZone = -1
        return slot
    }

    @inline(__always)
    func freeCallSlot(_ slot: Int32) {
        let i = Int(slot)
        // A call may still be guarded by its caller's timeout (an abandoned child that its
        // callee then dropped): unlink it, or the list would point at a recycled slot.
        if calls[i].timeoutList >= 0 { timeoutRemove(call: slot) }
        calls[i].gen &+= 1
        calls[i].phase = .free
        freeCall.append(slot)
    }

    /// Sends a call across the network to its callee; the delay depends on the two zones.
    ///
    /// `carry` is network time the call has already spent on its way (the first hop of a request
    /// that passes through a load balancer): it arrives `carry` + this hop's delay from now.
    ///
    /// A load balancer adds no processing time of its own, so a call to an ALB is not an event:
    /// the ALB routes it when it is sent and it travels on to the chosen target in one step, whose
    /// delay is the sum of the two hops' draws (see ``albReceive(balancer:call:after:)``).
    @inline(__always)
    func send(_ slot: Int32, fromZone: Int8, toZone: Int8, sender: Int32, after carry: SimTime = 0) {
        let i = Int(slot)
        calls[i].callerZone = fromZone
        calls[i].calleeZone = toZone
        let callee = calls[i].callee
        if sender >= 0 && isPartitioned(sender, callee) {
            dropCall(slot)
            return
        }
        let delay = carry &+ hopDelay(fromZone, toZone, sender: sender)
        if delay == 0 && networkFree {
            deliver(slot)
        } else if kindOf[Int(callee)] == .alb {
            albReceive(balancer: slotOf[Int(callee)], call: slot, after: delay)
        } else {
            schedule(after: delay, .deliver, slot: slot, gen: calls[i].gen)
        }
    }

    @inline(__always)
    func handleDeliver(_ slot: Int32, gen: UInt32) {
        let i = Int(slot)
        guard calls[i].gen == gen, calls[i].phase == .sent else { return }
        deliver(slot)
    }

    /// The call reaches its callee: hand it to the component's model.
    @inline(__always)
    func deliver(_ slot: Int32) {
        let callee = Int(calls[Int(slot)].callee)
        switch kindOf[callee] {
        case .instances: instancesReceive(group: slotOf[callee], call: slot)
        case .alb: albReceive(balancer: slotOf[callee], call: slot, after: 0)
        case .apiGateway: gatewayReceive(gateway: slotOf[callee], call: slot)
        case .sqs: queueReceive(queue: slotOf[callee], call: slot)
        case .sns: topicReceive(topic: slotOf[callee], call: slot)
        case .lambda: lambdaReceive(function: slotOf[callee], call: slot)
        case .httpEndpoint, .sessionStore, .autoscaling:
            reply(slot, .serverError)
        }
    }

    /// The callee answers: the status travels back over the network.
    ///
    /// An answer to a load balancer is not an event either: the ALB handles it as it is sent and
    /// its own answer reaches the caller after both hops (`carry` is the time already spent).
    @inline(__always)
    func reply(_ slot: Int32, _ status: CallStatus, after carry: SimTime = 0) {
        let i = Int(slot)
        calls[i].status = status
        calls[i].phase = .replied
        let delay = carry &+ hopDelay(calls[i].calleeZone, calls[i].callerZone, sender: calls[i].callee)
        if delay == 0 && networkFree {
            respond(slot)
        } else if calls[i].parent >= 0 && kindOf[Int(calls[i].caller)] == .alb {
            respond(slot, after: delay)
        } else {
            schedule(after: delay, .respond, slot: slot, gen: calls[i].gen)
        }
    }

    /// The callee will never answer; the caller's timeout (if any) ends the wait.
    func dropCall(_ slot: Int32) {
        let i = Int(slot)
        calls[i].phase = .dropped
        calls[i].status = .noResponse
        if calls[i].abandoned {
            freeCallSlot(slot)
        }
    }

    @inline(__always)
    func handleRespond(_ slot: Int32, gen: UInt32) {
        let i = Int(slot)
        guard calls[i].gen == gen, calls[i].phase == .replied else { return }
        respond(slot)
    }

    /// The answer reaches the caller (`carry`: see ``reply(_:_:after:)``).
    @inline(__always)
    func respond(_ slot: Int32, after carry: SimTime = 0) {
        let i = Int(slot)
        let c = calls[i]
        if c.timeoutList >= 0 { timeoutRemove(call: slot) }
        if !c.abandoned {
            if c.caller < 0 {
                clientAttemptAnswered(request: c.request, call: slot, status: c.status)
            } else if c.parent < 0 {
                asyncCallAnswered(owner: c.caller, call: slot, status: c.status)
            } else {
                let p = Int(c.parent)
                if calls[p].gen == c.parentGen && calls[p].child == slot {
                    calls[p].child = -1
                    childAnswered(parent: c.parent, child: slot, status: c.status, after: carry)
                }
            }
        }
        freeCallSlot(slot)
    }

    /// A caller gets its child's answer: route to the caller's model.
    @inline(__always)
    func childAnswered(parent: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        let owner = Int(calls[Int(parent)].callee)
        switch kindOf[owner] {
        case .instances: instancesChildAnswered(group: slotOf[owner], call: parent, child: child, status: status)
        case .alb: albChildAnswered(balancer: slotOf[owner], call: parent, child: child, status: status, after: carry)
        case .apiGateway: gatewayChildAnswered(gateway: slotOf[owner], call: parent, child: child, status: status)
        case .lambda: lambdaChildAnswered(function: slotOf[owner], call: parent, child: child, status: status)
        default: break
        }
    }

    /// A caller's wait for its child ended without an answer (its timeout).
    func childTimedOut(parent: Int32, child: Int32, connect: Bool) {
        let owner = Int(calls[Int(parent)].callee)
        calls[Int(parent)].child = -1
        switch kindOf[owner] {
        case .instances: instancesChildTimedOut(group: slotOf[owner], call: parent)
        case .alb: albChildTimedOut(balancer: slotOf[owner], call: parent, child: child, connect: connect)
        case .apiGateway: gatewayChildTimedOut(gateway: slotOf[owner], call: parent)
        case .lambda: lambdaChildTimedOut(function: slotOf[owner], call: parent)
        default: break
        }
    }

    // MARK: network

    /// One network hop's delay: the cross-zone distribution between two different zones (when
    /// the scenario has one), otherwise the intra-zone one.
    @inline(__always)
    func hopDelay(_ a: Int8, _ b: Int8, sender: Int32) -> SimTime {
        if networkFree { return 0 }
        let k = Int(sender) &+ 1
        if a >= 0 && b >= 0 && a != b && !crossDraws.isEmpty { return crossDraws[k].draw() }
        if !intraDraws.isEmpty { return intraDraws[k].draw() }
        return 0
    }

    /// Sets up the buffered draws: the network's, per sender, and the arrival gaps'. (Service
    /// buffers are made with their groups.)
    func setUpDrawBuffers() {
        if !networkFree {
            let senders = [("workload", client.network)] + topology.components.enumerated().map {
                ($0.element.name, componentStreams[$0.offset].network)
            }
            if let d = intraZone {
                for (_, stream) in senders { intraDraws.append(DrawBuffer(d, stream)) }
            }
            if let d = crossZone {
                for (name, _) in senders {
                    let stream = RandomStream(seed: scenario.seed, replication: replication, name: name + ".network.cross")
                    ownedStreams.append(stream)
                    crossDraws.append(DrawBuffer(d, stream.generator))
                }
            }
        }
        if let a = openArrivals, a.profile == nil {
            arrivalDraws.append(DrawBuffer(a.interArrival, client.arrival))
        }
    }

    @inline(__always)
    func isPartitioned(_ a: Int32, _ b: Int32) -> Bool {
        partitioned.isEmpty ? false : partitioned[Int(a) * topology.components.count + Int(b)] > 0
    }
}

/// What each component index is, for dispatch.
enum ComponentTag: UInt8 {
    case instances, alb, sessionStore, apiGateway, sqs, sns, httpEndpoint, lambda, autoscaling
}

/// The client's random streams: the same in every topology of a replication (common random numbers).
///
/// Plain generator views, no references: copying the bundle costs no reference counting. The
/// owning ``RandomStream``s go to `owner` (the simulation keeps them for its lifetime).
struct ClientStreams {
    let arrival: RandomGenerator
    let users: RandomGenerator
    let think: RandomGenerator
    let retry: RandomGenerator
    let network: RandomGenerator
    init(seed: UInt64, replication: Int, owner: inout [RandomStream]) {
        let names = ["workload.arrival", "workload.users", "workload.think", "workload.retry", "workload.network"]
        let all = names.map { RandomStream(seed: seed, replication: replication, name: $0) }
        owner.append(contentsOf: all)
        arrival = all[0].generator
        users = all[1].generator
        think = all[2].generator
        retry = all[3].generator
        network = all[4].generator
    }
}

/// A component's random streams, named after the component so that adding another component
/// never changes its draws. Plain generator views, as in ``ClientStreams``.
struct ComponentStreams {
    let service: RandomGenerator
    let route: RandomGenerator
    let network: RandomGenerator
    let misc: RandomGenerator
    init(seed: UInt64, replication: Int, component: String, owner: inout [RandomStream]) {
        let all = ["service", "route", "network", "misc"].map {
            RandomStream(seed: seed, replication: replication, name: component + "." + $0)
        }
        owner.append(contentsOf: all)
        service = all[0].generator
        route = all[1].generator
        network = all[2].generator
        misc = all[3].generator
    }
}
