/// The messages in flight in a replication, and the SNS publishes they are copies of.
///
/// Shared by the kinds that pass messages (SQS, SNS, Lambda's asynchronous queue, SNS's HTTP/S
/// deliveries); a slab recycled through a free list, like calls, so memory follows the backlog,
/// not the simulated duration. The end of a message's life (processed, or lost) is counted and
/// its end-to-end latency recorded here.
final class MessageBook {
    unowned(unsafe) let sim: Simulation
    var messages: Slab<Message> = []
    var freeMessages: Slab<Int32> = []
    var publishes: Slab<Publish> = []
    var freePublish: Slab<Int32> = []

    init(_ sim: Simulation) { self.sim = sim }

    /// Frees the slabs (the component table calls this once).
    func deallocate() {
        messages.deallocate()
        freeMessages.deallocate()
        publishes.deallocate()
        freePublish.deallocate()
    }

    func newMessage(origin: SimTime, counted: Bool) -> Int32 {
        let m = messages.acquire(from: &freeMessages, blank: Message())
        let i = Int(m)
        messages[i].inUse = true
        messages[i].counted = counted
        messages[i].processed = false
        messages[i].inflight = false
        messages[i].origin = origin
        messages[i].enqueuedAt = sim.now
        messages[i].receiveCount = 0
        messages[i].next = -1
        messages[i].prev = -1
        messages[i].tnext = -1
        messages[i].tprev = -1
        messages[i].queue = -1
        messages[i].publish = -1
        messages[i].deadLetter = false
        return m
    }

    func freeMessage(_ m: Int32) {
        messages[Int(m)].gen &+= 1
        messages[Int(m)].inUse = false
        freeMessages.append(m)
    }

    /// The work behind a message is done: end-to-end latency is measured here.
    func processed(_ m: Int32) {
        workDone(m)
        freeMessage(m)
    }

    /// The first completion of a message's work: counted, and its end-to-end latency recorded —
    /// for a copy of an SNS publish, once every copy is resolved, as the latest completion
    /// (SPEC: `e2e_p99_ms` is the maximum over the SNS subscribers).
    func workDone(_ m: Int32) {
        let i = Int(m)
        guard !messages[i].processed else { return }
        messages[i].processed = true
        if messages[i].counted && sim.metrics.measuring { sim.metrics.messagesProcessed += 1 }
        if messages[i].publish >= 0 {
            publishResolved(messages[i].publish, processed: true)
        } else if messages[i].counted && sim.metrics.measuring {
            sim.metrics.recordEndToEnd(sim.now - messages[i].origin)
        }
    }

    /// A message is given up (expired, dead-lettered, dropped after its retries): counted lost.
    func lost(_ m: Int32) {
        if messages[Int(m)].counted && sim.metrics.measuring {
            sim.metrics.messagesLost += 1
        }
        if messages[Int(m)].publish >= 0 && !messages[Int(m)].processed {
            publishResolved(messages[Int(m)].publish, processed: false)
        }
        freeMessage(m)
    }

    /// Starts tracking a publish fanned out to `copies` subscribers.
    func newPublish(origin: SimTime, counted: Bool, copies: Int) -> Int32 {
        let p = publishes.acquire(from: &freePublish, blank: Publish())
        publishes[Int(p)] = Publish(remaining: Int32(copies), latest: 0, origin: origin, counted: counted, anyProcessed: false)
        return p
    }

    /// One copy of a publish is resolved (processed, or lost).
    func publishResolved(_ p: Int32, processed: Bool) {
        let i = Int(p)
        publishes[i].remaining -= 1
        if processed {
            publishes[i].anyProcessed = true
            publishes[i].latest = max(publishes[i].latest, sim.now)
        }
        guard publishes[i].remaining <= 0 else { return }
        if publishes[i].anyProcessed && publishes[i].counted && sim.metrics.measuring {
            sim.metrics.recordEndToEnd(publishes[i].latest - publishes[i].origin)
        }
        freePublish.append(p)
    }
}

/// A component that receives messages pushed to it (an SNS subscription's endpoint: an SQS
/// queue, a Lambda function's asynchronous queue, an HTTP/S endpoint).
protocol MessageSubscriber: AnyObject {
    /// Takes a new message (already in the ``MessageBook``) from a topic.
    func accept(message m: Int32)
}

/// Where an SQS queue's consumers run: the instances of a group, or a Lambda function, as the
/// queue's pollers see them.
protocol MessageConsumer: AnyObject {
    /// The component the consumers run on.
    var index: Int32 { get }
    /// Consumer instances (pollers are per instance; a Lambda function is one).
    var consumerInstances: Int { get }
    /// Pollers per consumer instance when the queue does not say (workers, or concurrency).
    var defaultPollers: Int { get }
    /// Whether consumer instance `k` runs and can reach SQS.
    func consumerUp(_ k: Int32) -> Bool
    /// The zone of consumer instance `k` (-1: regional).
    func consumerZone(_ k: Int32) -> Int8
    /// The time instance `k` takes to process one message.
    func processingTime(_ k: Int32) -> SimTime
    /// Whether the processing on instance `k` fails (a zombie, or an `errors` fault), drawn from
    /// `stream` (the queue's own, so that the draw does not depend on the consumer's other work).
    func processingFails(_ k: Int32, stream: RandomGenerator) -> Bool
}
