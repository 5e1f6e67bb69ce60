/// Codes of a topic's own events.
enum TopicTimer: UInt8 {
    /// The wait before the next delivery attempt to an SQS subscriber is over (`slot` = message).
    case retry
}

/// An Amazon SNS topic: a Publish is acknowledged once stored, then fanned out to every
/// subscription (SQS queues, Lambda functions, HTTP/S endpoints).
///
/// Amazon SNS Developer Guide, "Amazon SNS message delivery retries" and "Amazon SNS
/// dead-letter queues":
/// - Deliveries to an SQS queue follow the AWS-managed policy: 3 immediate retries, 2 one
///   second apart, 10 with exponential backoff from 1 to 20 s, then 100,000 twenty seconds
///   apart (100,015 attempts over 23 days). The topic makes them itself, and each meets the
///   queue's faults: an `errors` fault answers a share of them, a partition between topic and
///   queue makes them fail (after SNS's 15 s request timeout).
/// - Only retryable failures are retried: "all 5XX errors and 429 ... All other errors are
///   considered as permanent failures" (a 4xx client error is given up at once).
/// - "Amazon SNS applies jittering to delivery retries": the backoff phase's delays are drawn
///   with equal jitter (``DeliveryPolicy/delay(beforeRetry:jitter:)``).
/// - A delivery that gives up goes to its subscription's dead-letter queue, if it has one
///   ("attached to an Amazon SNS subscription (rather than a topic)"), and is discarded
///   otherwise; either way it is counted lost.
/// HTTP/S endpoints and Lambda functions make their own deliveries (``HTTPEndpoint``, Lambda's
/// asynchronous invocation).
final class Topic: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: TopicSpec
    let streams: ComponentStreams
    let book: MessageBook
    /// Each subscription's delivery policy as a ``MessageBook`` entry (-1: the endpoint's own).
    var policyEntries: [Int32] = []
    var published = 0
    /// Copies for SQS subscribers: stored in their queue, given up, or waiting for a retry.
    var queueDelivered = 0, queueGivenUp = 0, queuePending = 0, queueRetries = 0
    /// Billed while the run measured: publishes (64 KB chunks), delivery attempts to SQS
    /// queues (retries included) and deliveries to Lambda functions.
    var billedPublishes = 0, billedQueueDeliveries = 0, billedLambdaDeliveries = 0

    init(_ sim: Simulation, index: Int32, spec: TopicSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        book = sim.components.messages
        policyEntries = spec.subscriptions.map { s in s.policy.map { book.register(policy: $0) } ?? -1 }
    }

    var hasBackgroundWork: Bool { queuePending > 0 }

    /// A Publish: acknowledged, then one copy of the message per subscription.
    func receive(call: Int32, after carry: SimTime) {
        let origin = sim.calls[Int(call)].origin
        let counted = origin >= sim.warmupEnd
        published += 1
        if sim.metrics.measuring { billedPublishes &+= publishRequests }
        sim.reply(call, .ok)
        let publish = book.newPublish(origin: origin, counted: counted, copies: spec.subscriptions.count)
        for (k, s) in spec.subscriptions.enumerated() {
            let m = book.newMessage(origin: origin, counted: counted)
            book.messages[Int(m)].publish = publish
            book.messages[Int(m)].deadLetterQueue = Int32(s.deadLetter ?? -1)
            book.messages[Int(m)].policy = policyEntries[k]
            if s.targetIsQueue {
                book.messages[Int(m)].deliverTo = Int32(s.target)
                queuePending += 1
                deliver(message: m)
            } else {
                if s.targetIsLambda && sim.metrics.measuring { billedLambdaDeliveries &+= 1 }
                _ = sim.components.accept(s.target, message: m, from: index)
            }
        }
    }

    /// One delivery attempt to an SQS subscriber, under the AWS-managed policy.
    func deliver(message m: Int32) {
        let i = Int(m)
        let queue = Int(book.messages[i].deliverTo)
        book.messages[i].receiveCount += 1
        if sim.metrics.measuring { billedQueueDeliveries &+= 1 }
        let attempts = Int(book.messages[i].receiveCount)
        let status = sim.components.accept(queue, message: m, from: index)
        if status == .ok {
            queuePending -= 1
            queueDelivered += 1
            return
        }
        let policy = AwsDefaults.snsManagedPolicy
        guard status.isRetryable, attempts < policy.totalAttempts else {
            queuePending -= 1
            queueGivenUp += 1
            book.deliveryGivenUp(m)
            return
        }
        queueRetries += 1
        var delay = policy.delay(beforeRetry: attempts, jitter: streams.misc)
        // No answer (the queue cannot be reached): the attempt fails at SNS's request timeout,
        // and the next one comes the policy's delay after that.
        if status == .noResponse { delay += AwsDefaults.snsHTTPTimeout }
        sim.scheduleTimer(after: delay, for: index, code: TopicTimer.retry.rawValue, slot: m, gen: book.messages[i].gen)
    }

    func timer(_ code: UInt8, slot m: Int32, gen: UInt32) {
        guard book.messages[Int(m)].gen == gen, book.messages[Int(m)].inUse else { return }
        deliver(message: m)
    }
}

extension TopicSpec: ComponentSpec {
    static var declaration: MapDeclaration { .sns }
    /// The subscribers, and the dead-letter queues the topic moves messages to.
    var edges: [Int] { subscribers + subscriptions.compactMap(\.deadLetter).filter { !subscribers.contains($0) } }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = Topic(sim, index: index, spec: self)
        owner.append(model)
        return .sns(.passUnretained(model))
    }
}
