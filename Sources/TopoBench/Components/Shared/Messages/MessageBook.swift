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
