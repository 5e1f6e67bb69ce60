/// The messages in flight in a replication, and the SNS publishes they are copies of.
///
/// Shared by the kinds that pass messages (SQS, SNS, Lambda's asynchronous queue, SNS's HTTP/S
/// deliveries); a slab recycled through a free list, like calls, so memory follows the backlog,
/// not the simulated duration. The end of a message's life (processed, or lost) is counted and
/// its end-to-end latency recorded here.
final class MessageBook {
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    var messages: Slab<Message> = []
    var freeMessages: Slab<Int32> = []
    var publishes: Slab<Publish> = []
    var freePublish: Slab<Int32> = []
    /// Delivery policies of SNS subscriptions that set their own (registered by the topics).
    var policies: [DeliveryPolicy] = []

    init(_ sim: Simulation) { self.sim = sim }

    /// Frees the slabs (the component table calls this once).
    func deallocate() {
        messages.deallocate()
        freeMessages.deallocate()
        publishes.deallocate()
        freePublish.deallocate()
    }

    /// Keeps a subscription's delivery policy; its messages refer to it by the index returned.
    func register(policy: DeliveryPolicy) -> Int32 {
        policies.append(policy)
        return Int32(policies.count - 1)
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
        messages[i].deadLetterQueue = -1
        messages[i].deliverTo = -1
        messages[i].policy = -1
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

    /// A message ends in a dead-letter queue (an SQS redrive, or an SNS subscription's): counted
    /// lost and dead-lettered, and freed.
    func deadLettered(_ m: Int32) {
        if messages[Int(m)].counted && sim.metrics.measuring { sim.metrics.messagesDeadLettered += 1 }
        lost(m)
    }

    /// An SNS delivery gives up (its retries exhausted, or a client error): without a
    /// dead-letter queue SNS discards the message; with one it is moved there (Amazon SNS
    /// Developer Guide, "Amazon SNS dead-letter queues"). Either way it is counted lost; a moved
    /// message is then stored in that queue as a message nobody counts again (its consumers, if
    /// it has any, may process it; its expiry is not a second loss).
    func deliveryGivenUp(_ m: Int32) {
        let i = Int(m)
        let dlq = messages[i].deadLetterQueue
        guard dlq >= 0 else {
            lost(m)
            return
        }
        if messages[i].counted && sim.metrics.measuring {
            sim.metrics.messagesLost += 1
            sim.metrics.messagesDeadLettered += 1
        }
        if messages[i].publish >= 0 && !messages[i].processed {
            publishResolved(messages[i].publish, processed: false)
        }
        messages[i].counted = false
        messages[i].publish = -1
        messages[i].deadLetterQueue = -1
        messages[i].deliverTo = -1
        messages[i].receiveCount = 0
        messages[i].enqueuedAt = sim.now
        sim.components.store(Int(dlq), deadLetter: m)
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
