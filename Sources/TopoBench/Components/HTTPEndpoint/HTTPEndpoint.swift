
/// Codes of an HTTP/S endpoint's own events.
enum HTTPEndpointTimer: UInt8 {
    /// The wait before the next delivery attempt is over (`slot` = message).
    case retry
}

/// An HTTP/S subscription of a topic, delivering to a component (an ALB or instances).
///
/// Each delivery is an HTTP POST to the target; a delivery that fails or times out is retried
/// as the subscription's delivery policy says (immediate, pre-backoff, backoff, post-backoff
/// phases; Amazon SNS Developer Guide, "Amazon SNS message delivery retries").
final class HTTPEndpoint: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: HTTPEndpointSpec
    let book: MessageBook
    let streams: ComponentStreams
    var timeoutList: Int32 = -1
    /// Messages being delivered or waiting to be retried.
    var pending = 0
    var delivered = 0, retried = 0, failed = 0
    /// Delivery attempts made while the run measured, retries included (SNS bills each).
    var billedDeliveries = 0
    /// Given up, and kept in the subscription's dead-letter queue (a part of `failed`).
    var deadLettered = 0

    init(_ sim: Simulation, index: Int32, spec: HTTPEndpointSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        book = sim.components.messages
    }

    var hasBackgroundWork: Bool { pending > 0 }

    func start() {
        timeoutList = sim.makeTimeoutList(.calls(component: index), delay: spec.timeout)
    }

    /// One delivery attempt: an HTTP POST to the endpoint's target.
    func attempt(message m: Int32) {
        let target = spec.target
        book.messages[Int(m)].receiveCount += 1
        if sim.metrics.measuring { billedDeliveries &+= 1 }
        let c = sim.newCall(callee: Int32(target), caller: index, parent: -1, request: m, user: -1, origin: book.messages[Int(m)].origin)
        sim.calls[Int(c)].parentGen = book.messages[Int(m)].gen
        sim.timeoutAppend(call: c, list: timeoutList)
        sim.send(c, fromZone: -1, toZone: sim.components.zone(ofCallTo: target, call: c), sender: index)
    }

    /// The answer to a delivery (the call's `request` is the message, `parentGen` its generation).
    func ownCallAnswered(call: Int32, status: CallStatus) {
        let m = sim.calls[Int(call)].request
        guard book.messages[Int(m)].gen == sim.calls[Int(call)].parentGen else { return }
        if status == .ok {
            pending -= 1
            delivered += 1
            book.processed(m)
        } else if !status.isRetryable {
            // A client error (4xx other than 429) is a permanent failure: no retry.
            giveUp(message: m)
        } else {
            retry(message: m)
        }
    }

    func ownCallTimedOut(call: Int32) {
        let m = sim.calls[Int(call)].request
        guard book.messages[Int(m)].gen == sim.calls[Int(call)].parentGen else { return }
        retry(message: m)
    }

    /// The subscription's delivery policy: its own, or the endpoint's `retry_policy`.
    func policy(of m: Int32) -> DeliveryPolicy {
        let p = book.messages[Int(m)].policy
        return p >= 0 ? book.policies[Int(p)] : spec.policy
    }

    /// Schedules the next attempt per the delivery policy, or gives the message up.
    func retry(message m: Int32) {
        let policy = policy(of: m)
        let attempts = Int(book.messages[Int(m)].receiveCount)  // attempts made so far
        guard attempts < policy.totalAttempts else {
            giveUp(message: m)
            return
        }
        retried += 1
        let delay = policy.delay(beforeRetry: attempts, jitter: streams.misc)
        sim.scheduleTimer(after: delay, for: index, code: HTTPEndpointTimer.retry.rawValue, slot: m, gen: book.messages[Int(m)].gen)
    }

    /// The delivery gives up: to the subscription's dead-letter queue, or discarded.
    func giveUp(message m: Int32) {
        pending -= 1
        failed += 1
        if book.messages[Int(m)].deadLetterQueue >= 0 { deadLettered += 1 }
        book.deliveryGivenUp(m)
    }

    func timer(_ code: UInt8, slot m: Int32, gen: UInt32) {
        guard book.messages[Int(m)].gen == gen, book.messages[Int(m)].inUse else { return }
        attempt(message: m)
    }
}

/// An SNS subscription: the topic's copy is delivered at once.
extension HTTPEndpoint {
    func accept(message m: Int32, from sender: Int32) -> CallStatus {
        pending += 1
        attempt(message: m)
        return .ok
    }
}

extension HTTPEndpointSpec: ComponentSpec {
    static var declaration: MapDeclaration { .httpEndpoint }
    var edges: [Int] { [target] }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = HTTPEndpoint(sim, index: index, spec: self)
        owner.append(model)
        return .httpEndpoint(.passUnretained(model))
    }
}
