import Foundation

/// One replication of one topology: the clock, the event list, calls and answers, timeouts,
/// network delays and random streams, advanced event by event.
///
/// This is the engine: it knows no component kind. The components of the topology are held in a
/// ``ComponentTable`` (built from the kinds' declarations in `Components/`), and every event that
/// belongs to a component reaches it through that table's single dispatch (``AnyComponent``),
/// with static calls and no existential per event.
///
/// A `Simulation` is built, run once, and read. It is confined to the task that created it (its
/// GSL generators are not thread-safe); replications run in parallel as separate instances.
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
    /// The region of each zone, when the topology spans regions (empty otherwise: no hop is
    /// then drawn from the cross-region distribution, and checking costs nothing).
    var zoneRegion: Slab<Int8> = []

    // MARK: calls, requests, timeouts
    var calls: Slab<Call> = []
    var freeCall: Slab<Int32> = []
    var requests: Slab<Request> = []
    var freeRequest: Slab<Int32> = []
    var users: Slab<UserState> = []
    var timeouts: Slab<TimeoutList> = []
    var clientTimeoutList: Int32 = -1
    var inFlightRequests: Int = 0
    var retryTokens: Int = 0
    /// The end users' retry budget (`workload.retry.budget`), nil without one.
    var clientBudget: RetryBudgetWindow? = nil
    /// The end users' circuit breaker (`workload.circuit_breaker`), nil without one.
    var clientBreaker: CircuitBreaker? = nil
    /// A traffic mix (`entry: { a: 0.8, b: 0.2 }`): each entry's component and the cumulative
    /// share up to it, and the stream that picks one per logical request (empty: one entry).
    var entryMix: [(component: Int32, upTo: Double)] = []
    var entryStream: RandomGenerator? = nil

    // MARK: components (index = component index in the topology)
    /// The models of the topology's components, their dispatch and their shared services.
    var components: ComponentTable
    /// Partitions in force: `partitioned[(a + 1) * n + b]` > 0 cuts calls from a to b (a = -1:
    /// the clients, whose row is the first).
    var partitioned: [Int32] = []

    // MARK: randomness
    let client: ClientStreams
    var componentStreams: [ComponentStreams] = []
    /// Owns every generator; the stream bundles hold unowned references so that reading one
    /// costs no reference counting on the hot path.
    var ownedStreams: [RandomStream] = []
    /// Network delays drawn ahead (``DrawBuffer``), by sender: index 0 is the client, index
    /// c + 1 component c. Within a zone from the sender's `network` stream, across zones from
    /// its `network.cross` stream. Empty when the network has no such distribution.
    var intraDraws: Slab<DrawBuffer> = []
    var crossDraws: Slab<DrawBuffer> = []
    var regionDraws: Slab<DrawBuffer> = []
    /// Inter-arrival gaps drawn ahead (one buffer, for an open workload without a rate profile).
    var arrivalDraws: Slab<DrawBuffer> = []

    // MARK: usage (the bill)
    /// Calls and answers that crossed a zone or a region, by sender (index 0: the clients).
    var transfer: Slab<TransferCount> = []
    /// Whether each component pays for data across zones (``ComponentSpec/billsZonalTransfer``).
    var billsZonalTransfer: Slab<Bool> = []
    /// The region of each zone, when the topology spans regions (empty otherwise).
    var transferRegion: Slab<Int8> = []

    // MARK: observation
    var metrics: ReplicationMetrics
    /// Where a run's progress line reads how far this replication is (nil: nobody asks).
    var monitor: (RunMonitor, Int)?
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
        clientBudget = scenario.workload.retry.budget.map(RetryBudgetWindow.init)
        clientBreaker = scenario.workload.circuitBreaker.map { CircuitBreaker(spec: $0) }
        intraZone = scenario.network.intraZone
        crossZone = scenario.network.crossZone
        var owned: [RandomStream] = []
        client = ClientStreams(seed: scenario.seed, replication: replication, owner: &owned)
        ownedStreams = owned
        if !topology.entryShares.isEmpty {
            var total = 0.0
            entryMix = topology.entryShares.map { e in
                total += e.share
                return (Int32(e.component), total)
            }
            let s = RandomStream(seed: scenario.seed, replication: replication, name: "workload.entry")
            ownedStreams.append(s)
            entryStream = s.generator
        }
        metrics = ReplicationMetrics(
            windowWidth: scenario.window, measureFrom: scenario.warmup, measureTo: scenario.duration,
            slo: scenario.slo)
        faults = FaultBook()
        components = ComponentTable()
        for comp in topology.components {
            componentStreams.append(
                ComponentStreams(seed: scenario.seed, replication: replication, component: comp.name, owner: &ownedStreams))
        }
        components.services = ComponentServices(self, components: topology.components.count)
        ComponentTable.build(self)
        setUpDrawBuffers()
        setUpUsage()
    }

    deinit {
        components.deallocate()
        events.deallocate()
        calls.deallocate()
        freeCall.deallocate()
        freeRequest.deallocate()
        requests.deallocate()
        users.deallocate()
        timeouts.deallocate()
        metrics.deallocate()
        zoneRegion.deallocate()
        transfer.deallocate()
        billsZonalTransfer.deallocate()
        transferRegion.deallocate()
        for buffers in [intraDraws, crossDraws, regionDraws, arrivalDraws] {
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

    // MARK: scheduling

    @inline(__always)
    func schedule(after delay: SimTime, _ kind: EventKind, target: Int32 = -1, slot: Int32 = -1, gen: UInt32 = 0) {
        events.schedule(at: now &+ delay, kind, target: target, slot: slot, gen: gen)
    }

    @inline(__always)
    func schedule(at time: SimTime, _ kind: EventKind, target: Int32 = -1, slot: Int32 = -1, gen: UInt32 = 0) {
        events.schedule(at: time, kind, target: target, slot: slot, gen: gen)
    }

    /// Schedules a component's own event `delay` from now: it comes back to the component's
    /// ``ComponentModel/timer(_:slot:gen:)`` with the same code, slot and generation.
    @inline(__always)
    func scheduleTimer(after delay: SimTime, for component: Int32, code: UInt8, slot: Int32 = -1, gen: UInt32 = 0) {
        events.schedule(at: now &+ delay, .component, code: code, target: component, slot: slot, gen: gen)
    }

    @inline(__always)
    func scheduleTimer(at time: SimTime, for component: Int32, code: UInt8, slot: Int32 = -1, gen: UInt32 = 0) {
        events.schedule(at: time, .component, code: code, target: component, slot: slot, gen: gen)
    }

    // MARK: running

    /// Runs the replication to its end and returns what was observed.
    ///
    /// The models hold the simulation strongly (a borrowed `self` on every call they make, with
    /// no reference counting on the hot path); the simulation refers to them through its
    /// component table. When the run is over that cycle is ended (``tearDown()``), so the models
    /// can no longer be read: tests that inspect them after a run use ``runKeepingModels()``.
    public func run() -> ReplicationOutcome {
        defer { tearDown() }
        return runKeepingModels()
    }

    /// Runs the replication and keeps the models for inspection (the simulation and its models
    /// then live until ``tearDown()``).
    func runKeepingModels() -> ReplicationOutcome {
        start()
        runEvents()
        return finish()
    }

    /// Releases the models and the shared services, ending their references to the simulation.
    func tearDown() {
        components.tearDown()
    }

    /// Fires events in order until the list is empty, the hard stop, or the end of the drain.
    func runEvents() {
        while !events.isEmpty {
            let e = events.pop()
            if e.time > hardStop { break }
            now = e.time
            eventsProcessed &+= 1
            dispatch(e)
            #if TOPOBENCH_INVARIANTS
            _checkInvariants()
            #endif
            if now >= endOfArrivals && inFlightRequests == 0 && !components.hasBackgroundWork() { break }
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
        case .component: components.timer(e.target, code: e.code, slot: e.slot, gen: e.gen)
        case .timeouts: fireTimeouts(e.slot)
        case .faultStart: handleFaultStart(e.slot, instance: Int32(bitPattern: e.gen))
        case .faultEnd: handleFaultEnd(e.slot, instance: Int32(bitPattern: e.gen))
        case .windowTick: handleWindowTick()
        case .warmupEnd: metrics.beginMeasuring(at: now)
        }
    }

    func start() {
        if warmupEnd > 0 { schedule(at: warmupEnd, .warmupEnd) } else { metrics.beginMeasuring(at: 0) }
        schedule(at: min(warmupEnd + scenario.window, endOfArrivals), .windowTick)
        startClients()
        components.start()
        scheduleFaults()
    }

    func finish() -> ReplicationOutcome {
        metrics.closeWindow(at: min(now, endOfArrivals), sample: sampleState())
        metrics.unfinished = countUnfinished()
        components.finish()
        metrics.flushHistograms()
        let bill = makeBill()
        metrics.costUSD = bill.total
        return ReplicationOutcome(
            scenario: scenario.name, topology: topology.name, replication: replication,
            metrics: metrics.summary(faultStarts: faults.measuredStarts(from: warmupEnd, to: endOfArrivals)),
            windows: metrics.windows, latencyLadder: metrics.latencyLadder(),
            faults: faults.records, events: eventsProcessed, cost: bill.lines)
    }

    func countUnfinished() -> Int {
        var n = 0
        for r in requests where r.active && r.counted { n += 1 }
        return n
    }

    func handleWindowTick() {
        metrics.closeWindow(at: now, sample: sampleState())
        if let (m, worker) = monitor { m.report(worker: worker, fraction: Double(now) / Double(endOfArrivals), events: eventsProcessed) }
        let next = now + scenario.window
        if next < endOfArrivals {
            schedule(at: next, .windowTick)
        } else if now < endOfArrivals {
            schedule(at: endOfArrivals, .windowTick)
        }
    }

    func sampleState() -> StateSample {
        var sample = StateSample(queueDepth: 0, healthy: 0, oldestAge: 0)
        components.observe(&sample)
        return sample
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
        calls[i].attempts = 0
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
    /// that passes through a component that handles calls as they are sent): it arrives `carry` +
    /// this hop's delay from now.
    ///
    /// A component that adds no processing time of its own (an ALB,
    /// ``ComponentModel/handlesCallsAsSent``) is not an event: it handles the call when it is
    /// sent, and the call travels on in one step whose delay is the sum of the two hops' draws.
    @inline(__always)
    func send(_ slot: Int32, fromZone: Int8, toZone: Int8, sender: Int32, after carry: SimTime = 0) {
        let i = Int(slot)
        calls[i].callerZone = fromZone
        calls[i].calleeZone = toZone
        let callee = calls[i].callee
        if isPartitioned(sender, callee) {
            dropCall(slot)
            return
        }
        if fromZone != toZone { countTransfer(from: fromZone, to: toZone, sender: sender, receiver: callee, answer: false) }
        let delay = carry &+ hopDelay(fromZone, toZone, sender: sender)
        if delay == 0 && networkFree {
            deliver(slot)
        } else if components.handlesCallsAsSent[Int(callee)] {
            components.receive(callee, call: slot, after: delay)
        } else {
            schedule(after: delay, .deliver, slot: slot, gen: calls[i].gen)
        }
    }

    /// Sends a call on to another callee, in the same step (a DNS name resolved by its client,
    /// which then connects to the address itself: the call never passes through the name).
    /// `carry` is the hop's delay already drawn; no further hop is drawn.
    @inline(__always)
    func retarget(_ slot: Int32, to callee: Int32, toZone: Int8, after carry: SimTime) {
        let i = Int(slot)
        calls[i].callee = callee
        calls[i].calleeZone = toZone
        if calls[i].callerZone != toZone {
            countTransfer(from: calls[i].callerZone, to: toZone, sender: calls[i].caller, receiver: callee, answer: false)
        }
        if isPartitioned(calls[i].caller, callee) {
            dropCall(slot)
            return
        }
        if components.handlesCallsAsSent[Int(callee)] {
            components.receive(callee, call: slot, after: carry)
        } else if carry == 0 && networkFree {
            deliver(slot)
        } else {
            schedule(after: carry, .deliver, slot: slot, gen: calls[i].gen)
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
        components.receive(calls[Int(slot)].callee, call: slot, after: 0)
    }

    /// The callee answers: the status travels back over the network.
    ///
    /// An answer to a component that handles calls as they are sent is not an event either: it
    /// handles the answer as it is sent and its own answer reaches the caller after both hops
    /// (`carry` is the time already spent).
    @inline(__always)
    func reply(_ slot: Int32, _ status: CallStatus, after carry: SimTime = 0) {
        let i = Int(slot)
        calls[i].status = status
        calls[i].phase = .replied
        if calls[i].calleeZone != calls[i].callerZone {
            countTransfer(from: calls[i].calleeZone, to: calls[i].callerZone, sender: calls[i].callee, receiver: calls[i].caller, answer: true)
        }
        let delay = carry &+ hopDelay(calls[i].calleeZone, calls[i].callerZone, sender: calls[i].callee)
        if delay == 0 && networkFree {
            respond(slot)
        } else if calls[i].parent >= 0 && components.handlesCallsAsSent[Int(calls[i].caller)] {
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

    /// The answer reaches the caller (`carry`: see ``reply(_:_:after:)``): the client, the
    /// component that made the call on its own (`parent` -1), or the call it serves.
    @inline(__always)
    func respond(_ slot: Int32, after carry: SimTime = 0) {
        let i = Int(slot)
        let c = calls[i]
        if c.timeoutList >= 0 { timeoutRemove(call: slot) }
        if !c.abandoned {
            if c.caller < 0 {
                clientAttemptAnswered(request: c.request, call: slot, status: c.status)
            } else if c.parent < 0 {
                components.ownCallAnswered(c.caller, call: slot, status: c.status)
            } else {
                let p = Int(c.parent)
                if calls[p].gen == c.parentGen && calls[p].child == slot {
                    calls[p].child = -1
                    components.childAnswered(calls[p].callee, call: c.parent, child: slot, status: c.status, after: carry)
                }
            }
        }
        freeCallSlot(slot)
    }

    // MARK: network

    /// One network hop's delay: the cross-zone distribution between two different zones (when
    /// the scenario has one), otherwise the intra-zone one.
    @inline(__always)
    func hopDelay(_ a: Int8, _ b: Int8, sender: Int32) -> SimTime {
        if networkFree { return 0 }
        let k = Int(sender) &+ 1
        if a >= 0 && b >= 0 && a != b {
            if !zoneRegion.isEmpty && zoneRegion[Int(a)] != zoneRegion[Int(b)] { return regionDraws[k].draw() }
            if !crossDraws.isEmpty { return crossDraws[k].draw() }
        }
        if !intraDraws.isEmpty { return intraDraws[k].draw() }
        return 0
    }

    /// Sets up the buffered draws: the network's, per sender, and the arrival gaps'. (Service
    /// buffers are made by the components that serve.)
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
            if topology.spansRegions {
                // A zero distribution when the network has none: the hop is then free.
                let d = try! scenario.network.crossRegion ?? Distribution.constant(0)
                for (name, _) in senders {
                    let stream = RandomStream(seed: scenario.seed, replication: replication, name: name + ".network.region")
                    ownedStreams.append(stream)
                    regionDraws.append(DrawBuffer(d, stream.generator))
                }
                zoneRegion = Slab(topology.zoneRegions.map { Int8(clamping: $0) })
            }
        }
        if let a = openArrivals, a.profile == nil {
            arrivalDraws.append(DrawBuffer(a.interArrival, client.arrival))
        }
    }

    /// A random stream of the simulation's own, named `component.purpose`, owned for the
    /// simulation's lifetime (a component asks for the streams it needs when it is built).
    func stream(_ name: String) -> RandomGenerator {
        let s = RandomStream(seed: scenario.seed, replication: replication, name: name)
        ownedStreams.append(s)
        return s.generator
    }

    @inline(__always)
    func isPartitioned(_ a: Int32, _ b: Int32) -> Bool {
        partitioned.isEmpty ? false : partitioned[(Int(a) + 1) * topology.components.count + Int(b)] > 0
    }
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
