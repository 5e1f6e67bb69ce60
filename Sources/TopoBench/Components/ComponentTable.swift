/// What the kinds share and no kind owns: who listens to which group's ``Lifecycle``
/// notifications, and the messages in flight.
final class ComponentServices {
    /// For each component, the components subscribed to its lifecycle notifications, in the
    /// order they subscribed.
    var subscribers: [[Int32]]
    let messages: MessageBook
    /// The fleet of each component that runs EC2 instances (nil for the others).
    var fleets: [Fleet?] = []
    /// Owns the models (``AnyComponent`` refers to them unmanaged).
    var owned: [AnyObject] = []
    /// API Gateway's account-level throttle in the Region, shared by every gateway of the
    /// topology ("API Gateway examines the rate and a burst of request submissions against all
    /// APIs in your account, per Region").
    var apiGatewayAccount = TokenBucket(rate: AwsDefaults.apiAccountRate, capacity: Double(AwsDefaults.apiAccountBurst))

    init(_ sim: Simulation, components: Int) {
        subscribers = Array(repeating: [], count: components)
        messages = MessageBook(sim)
    }

    func subscribe(_ subscriber: Int32, to group: Int32) {
        if !subscribers[Int(group)].contains(subscriber) { subscribers[Int(group)].append(subscriber) }
    }
}

/// The models of one topology's components, by component index, and the engine's way to them.
///
/// Every forwarding method below is one visitor passed through ``AnyComponent/accept(_:)``.
/// It also holds what several kinds share and no kind owns: the messages in flight
/// (``MessageBook``) and who listens to which group's ``Lifecycle`` notifications.
struct ComponentTable {
    /// Slabs, not arrays: read on every event with no copy-on-write check.
    var models: Slab<AnyComponent> = []
    /// ``ComponentModel/handlesCallsAsSent`` of each component, read by every `send`.
    var handlesCallsAsSent: Slab<Bool> = []
    /// Who listens to whom, and the messages in flight: a reference, so that models may
    /// subscribe while the table is being read (an access to the table is never held across
    /// a mutation of it).
    /// (Set once, right after the simulation's own initialisation: it refers to the simulation.)
    var services: ComponentServices! = nil

    /// Messages (SQS, SNS, Lambda's asynchronous queue) and SNS publishes in flight.
    var messages: MessageBook { services.messages }

    /// Builds every model (first pass), then links them (second pass), in component order.
    /// A static function over the simulation, so that no access to `sim.components` is open
    /// while a model's initialiser or `link()` reads it.
    static func build(_ sim: Simulation) {
        sim.components.services.fleets = sim.topology.components.enumerated().map { c, comp in
            comp.kind.spec.makeFleet(index: Int32(c))
        }
        for (c, comp) in sim.topology.components.enumerated() {
            let model = comp.kind.spec.makeModel(in: sim, index: Int32(c), owner: &sim.components.services.owned)
            let inline = model.accept(HandlesCallsAsSent())
            sim.components.models.append(model)
            sim.components.handlesCallsAsSent.append(inline)
        }
        for c in 0..<sim.components.models.count {
            let model = sim.components.models[c]
            model.accept(Link())
        }
    }

    mutating func deallocate() {
        tearDown()
        models.deallocate()
        handlesCallsAsSent.deallocate()
    }

    /// Forgets every model and the shared services (the models and the message book hold the
    /// simulation strongly; this ends those references). The table is empty afterwards.
    mutating func tearDown() {
        guard let s = services else { return }
        services = nil
        while models.popLast() != nil {}
        s.messages.deallocate()
        s.owned.removeAll()
    }

    /// `subscriber` hears about the instances of `group` from now on.
    func subscribe(_ subscriber: Int32, to group: Int32) {
        services.subscribe(subscriber, to: group)
    }

    /// Tells the group itself, then its subscribers in the order they subscribed, what happened
    /// to one of its instances. Returns what they answered (a deregistration delay to wait for).
    @discardableResult
    func notify(_ event: Lifecycle, group: Int32, instance: Int) -> LifecycleAnswer {
        var visit = Notify(event: event, group: group, instance: instance)
        visit.answer = models[Int(group)].accept(visit)
        for s in services.subscribers[Int(group)] where s != group {
            visit.answer = models[Int(s)].accept(visit)
        }
        return visit.answer
    }

    // MARK: forwarding

    @inline(__always) func receive(_ c: Int32, call: Int32, after carry: SimTime) {
        models[Int(c)].accept(Receive(call: call, carry: carry))
    }
    @inline(__always) func childAnswered(_ c: Int32, call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        models[Int(c)].accept(ChildAnswered(call: call, child: child, status: status, carry: carry))
    }
    func childTimedOut(_ c: Int32, call: Int32, child: Int32, connect: Bool) {
        models[Int(c)].accept(ChildTimedOut(call: call, child: child, connect: connect))
    }
    func ownCallAnswered(_ c: Int32, call: Int32, status: CallStatus) {
        models[Int(c)].accept(OwnCallAnswered(call: call, status: status))
    }
    func ownCallTimedOut(_ c: Int32, call: Int32) { models[Int(c)].accept(OwnCallTimedOut(call: call)) }
    @inline(__always) func timer(_ c: Int32, code: UInt8, slot: Int32, gen: UInt32) {
        models[Int(c)].accept(Timer(code: code, slot: slot, gen: gen))
    }
    func zone(ofCallTo c: Int, call: Int32) -> Int8 { models[c].accept(ZoneForCall(call: call)) }
    func entryZone(_ c: Int) -> Int8 { models[c].accept(EntryZone()) }
    func consumerCall(_ c: Int) -> (callee: Int32, timeout: SimTime)? { models[c].accept(ConsumerCall()) }
    func dnsHealth(_ c: Int, instance: Int, evaluatingTarget: Bool) -> Bool {
        models[c].accept(DNSHealth(instance: instance, evaluatingTarget: evaluatingTarget))
    }
    func faultTargets(_ c: Int) -> Int { models[c].accept(FaultTargets()) }
    func apply(_ c: Int, _ fault: FaultSpec, instance: Int, starting: Bool) {
        models[c].accept(Apply(fault: fault, instance: instance, starting: starting))
    }
    func zonePower(_ zone: Int, on: Bool) {
        for c in 0..<models.count { models[c].accept(ZonePower(zone: zone, on: on)) }
    }
    func start() { for c in 0..<models.count { models[c].accept(Start()) } }
    func finish() { for c in 0..<models.count { models[c].accept(Finish()) } }

    /// Adds every component's bill lines, each under its name.
    func bill(_ bill: inout Bill, names: [String]) {
        let box = BillBox(bill)
        for c in 0..<models.count {
            box.bill.component = names[c]
            models[c].accept(AddBill(box: box))
        }
        bill = box.bill
    }
    func hasBackgroundWork() -> Bool {
        for c in 0..<models.count where models[c].accept(HasBackgroundWork()) { return true }
        return false
    }
    func observe(_ sample: inout StateSample) {
        var visit = Observe(sample: sample)
        for c in 0..<models.count { visit.sample = models[c].accept(visit) }
        sample = visit.sample
    }
    func checkInvariants() {
        for c in 0..<models.count { models[c].accept(CheckInvariants()) }
        messages.checkInvariants()
    }
    /// The fleet of component `c` (an `instances` group), made before the models.
    func fleet(_ c: Int) -> Fleet? { services.fleets[c] }

    // MARK: services between kinds
    @inline(__always) func readSession(_ c: Int, user: Int32, fromZone zone: Int8, sender: Int32) -> SessionReadResult {
        models[c].accept(ReadSession(user: user, zone: zone, sender: sender))
    }
    func accept(_ c: Int, message m: Int32, from sender: Int32) -> CallStatus {
        models[c].accept(AcceptMessage(message: m, sender: sender))
    }
    func store(_ c: Int, deadLetter m: Int32) { models[c].accept(StoreDeadLetter(message: m)) }
    func consumerInstances(_ c: Int) -> Int { models[c].accept(ConsumerInstances()) }
    func consumerPolling(_ c: Int, queueSetting pollers: Int?) -> ConsumerPolling {
        models[c].accept(GetConsumerPolling(pollers: pollers))
    }
    @inline(__always) func consumerUp(_ c: Int, _ k: Int32) -> Bool { models[c].accept(ConsumerUp(k: k)) }
    /// The visible messages of queue `c` (``ComponentModel/backlog``).
    func queueBacklog(_ c: Int) -> Int { models[c].accept(Backlog()) }
    @inline(__always) func consumerZone(_ c: Int, _ k: Int32) -> Int8 { models[c].accept(ConsumerZone(k: k)) }
    @inline(__always) func processingTime(_ c: Int, _ k: Int32) -> SimTime { models[c].accept(ProcessingTime(k: k)) }
    func batchStarts(_ c: Int, _ k: Int32) -> SimTime { models[c].accept(BatchStarts(k: k)) }
    func batchEnds(_ c: Int, _ k: Int32) { models[c].accept(BatchEnds(k: k)) }
    @inline(__always) func processingFails(_ c: Int, _ k: Int32, stream: RandomGenerator) -> Bool {
        models[c].accept(ProcessingFails(k: k, stream: stream))
    }
}

// MARK: the visitors (one per forwarded requirement)

private struct HandlesCallsAsSent: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> Bool { M.handlesCallsAsSent }
}
private struct Link: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) { m.link() }
}
private struct Start: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) { m.start() }
}
/// The bill being written (a reference, so that a visitor can add to it).
final class BillBox {
    var bill: Bill
    init(_ bill: Bill) { self.bill = bill }
}

private struct AddBill: ComponentVisitor {
    let box: BillBox
    func visit<M: ComponentModel>(_ m: M) { m.bill(&box.bill) }
}

private struct Finish: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) { m.finish() }
}
private struct Receive: ComponentVisitor {
    let call: Int32, carry: SimTime
    @inline(__always) func visit<M: ComponentModel>(_ m: M) { m.receive(call: call, after: carry) }
}
private struct ChildAnswered: ComponentVisitor {
    let call: Int32, child: Int32, status: CallStatus, carry: SimTime
    @inline(__always) func visit<M: ComponentModel>(_ m: M) {
        m.childAnswered(call: call, child: child, status: status, after: carry)
    }
}
private struct ChildTimedOut: ComponentVisitor {
    let call: Int32, child: Int32, connect: Bool
    func visit<M: ComponentModel>(_ m: M) { m.childTimedOut(call: call, child: child, connect: connect) }
}
private struct OwnCallAnswered: ComponentVisitor {
    let call: Int32, status: CallStatus
    func visit<M: ComponentModel>(_ m: M) { m.ownCallAnswered(call: call, status: status) }
}
private struct OwnCallTimedOut: ComponentVisitor {
    let call: Int32
    func visit<M: ComponentModel>(_ m: M) { m.ownCallTimedOut(call: call) }
}
private struct Timer: ComponentVisitor {
    let code: UInt8, slot: Int32, gen: UInt32
    @inline(__always) func visit<M: ComponentModel>(_ m: M) { m.timer(code, slot: slot, gen: gen) }
}
private struct ZoneForCall: ComponentVisitor {
    let call: Int32
    func visit<M: ComponentModel>(_ m: M) -> Int8 { m.zone(forCall: call) }
}
private struct EntryZone: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> Int8 { m.entryZone }
}
private struct ConsumerCall: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> (callee: Int32, timeout: SimTime)? { m.consumerCall }
}
private struct DNSHealth: ComponentVisitor {
    let instance: Int, evaluatingTarget: Bool
    func visit<M: ComponentModel>(_ m: M) -> Bool { m.dnsHealth(instance: instance, evaluatingTarget: evaluatingTarget) }
}
private struct FaultTargets: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> Int { m.faultTargets }
}
private struct Apply: ComponentVisitor {
    let fault: FaultSpec, instance: Int, starting: Bool
    func visit<M: ComponentModel>(_ m: M) { m.apply(fault, instance: instance, starting: starting) }
}
private struct ZonePower: ComponentVisitor {
    let zone: Int, on: Bool
    func visit<M: ComponentModel>(_ m: M) { m.zonePower(zone, on: on) }
}
private struct Notify: ComponentVisitor {
    let event: Lifecycle, group: Int32, instance: Int
    var answer = LifecycleAnswer()
    func visit<M: ComponentModel>(_ m: M) -> LifecycleAnswer {
        var a = answer
        m.lifecycle(event, group: group, instance: instance, answer: &a)
        return a
    }
}
private struct CheckInvariants: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) { m.checkInvariants() }
}
private struct HasBackgroundWork: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> Bool { m.hasBackgroundWork }
}
private struct Observe: ComponentVisitor {
    var sample: StateSample
    func visit<M: ComponentModel>(_ m: M) -> StateSample {
        var s = sample
        m.observe(&s)
        return s
    }
}
private struct ReadSession: ComponentVisitor {
    let user: Int32, zone: Int8, sender: Int32
    @inline(__always) func visit<M: ComponentModel>(_ m: M) -> SessionReadResult {
        m.readSession(user: user, fromZone: zone, sender: sender)
    }
}
private struct AcceptMessage: ComponentVisitor {
    let message: Int32, sender: Int32
    func visit<M: ComponentModel>(_ m: M) -> CallStatus { m.accept(message: message, from: sender) }
}
private struct StoreDeadLetter: ComponentVisitor {
    let message: Int32
    func visit<M: ComponentModel>(_ m: M) { m.storeDeadLetter(message) }
}
private struct ConsumerInstances: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> Int { m.consumerInstances }
}
private struct GetConsumerPolling: ComponentVisitor {
    let pollers: Int?
    func visit<M: ComponentModel>(_ m: M) -> ConsumerPolling { m.consumerPolling(queueSetting: pollers) }
}
private struct Backlog: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> Int { m.backlog }
}
private struct ConsumerUp: ComponentVisitor {
    let k: Int32
    @inline(__always) func visit<M: ComponentModel>(_ m: M) -> Bool { m.consumerUp(k) }
}
private struct ConsumerZone: ComponentVisitor {
    let k: Int32
    @inline(__always) func visit<M: ComponentModel>(_ m: M) -> Int8 { m.consumerZone(k) }
}
private struct ProcessingTime: ComponentVisitor {
    let k: Int32
    @inline(__always) func visit<M: ComponentModel>(_ m: M) -> SimTime { m.processingTime(k) }
}
private struct BatchStarts: ComponentVisitor {
    let k: Int32
    func visit<M: ComponentModel>(_ m: M) -> SimTime { m.batchStarts(k) }
}
private struct BatchEnds: ComponentVisitor {
    let k: Int32
    func visit<M: ComponentModel>(_ m: M) { m.batchEnds(k) }
}
private struct ProcessingFails: ComponentVisitor {
    let k: Int32, stream: RandomGenerator
    @inline(__always) func visit<M: ComponentModel>(_ m: M) -> Bool { m.processingFails(k, stream: stream) }
}

extension ComponentTable {
    /// The models of one kind, in component order (for tests and tools that inspect a run).
    func models<M: ComponentModel>(of type: M.Type) -> [M] {
        (0..<models.count).compactMap { models[$0].accept(CastTo<M>()) }
    }
}

private struct CastTo<T>: ComponentVisitor {
    func visit<M: ComponentModel>(_ m: M) -> T? { m as? T }
}
