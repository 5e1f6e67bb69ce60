import Foundation

/// One message in flight through SQS, SNS or Lambda's asynchronous queue.
///
/// Messages live in a slab recycled through a free list, like calls: memory follows the backlog,
/// not the simulated duration.
struct Message {
    var gen: UInt32 = 0
    var inUse = false
    var counted = false
    var processed = false
    var inflight = false
    /// The client request's start (end-to-end latency).
    var origin: SimTime = 0
    var enqueuedAt: SimTime = 0
    var receivedAt: SimTime = 0
    /// Receives so far (SQS `ApproximateReceiveCount`); delivery attempts for SNS endpoints.
    var receiveCount: Int32 = 0
    /// Bumped on every receive: a delete with an older receipt handle does not delete.
    var receipt: UInt32 = 0
    var queue: Int32 = -1
    var group: Int32 = 0
    var next: Int32 = -1
    var prev: Int32 = -1
    var tnext: Int32 = -1
    var tprev: Int32 = -1
    /// The SNS publish this message is a copy of (-1: none).
    var publish: Int32 = -1
}

/// One SNS publish: its copies still unresolved and the latest end of processing among them, so
/// that the end-to-end latency of a fan-out is the maximum over its subscribers.
struct Publish {
    var remaining: Int32 = 0
    var latest: SimTime = 0
    var origin: SimTime = 0
    var counted = false
    var anyProcessed = false
}

/// A consumer thread polling a queue from one instance.
struct Poller {
    enum State: UInt8 { case idle, waiting, processing, down }
    var instance: Int32
    var state: State = .idle
    var gen: UInt32 = 0
    /// The received batch is `batchCount` items of the queue's `batchItems`, from index
    /// poller × `spec.batch`; `position` is the next to process.
    var batchCount = 0
    var position = 0
    /// When a short-polling poller found the queue empty and was parked.
    var parkedAt: SimTime = -1
}

/// An Amazon SQS queue (standard or FIFO) and its consumers.
///
/// Amazon SQS Developer Guide: a received message stays in the queue, invisible for the
/// visibility timeout (30 s by default); if the consumer does not delete it in time it becomes
/// visible again and is delivered again (at-least-once: a consumer that dies mid-message causes a
/// second delivery). Each receive increments the receive count; past `max_receive_count` the
/// redrive policy moves it to the dead-letter queue. Messages older than the retention period
/// (4 days by default, 60 s to 14 days) are deleted. ReceiveMessage returns up to 10 messages;
/// long polling (`wait` up to 20 s) waits for one to arrive, short polling (`wait: 0`, the default)
/// answers at once. FIFO queues deliver the messages of one message group in order, to one
/// consumer at a time (one receive may return several of them), deduplicate sends within
/// 5 minutes, and accept 300 sends per second without batching.
struct MessageQueue {
    let component: Int32
    let spec: QueueSpec
    var visibleHead: Int32 = -1
    var visibleTail: Int32 = -1
    var visible = 0
    var inflightHead: Int32 = -1
    var inflightTail: Int32 = -1
    var inflight = 0
    var timerArmed: SimTime = -1
    /// Consumer: an instance group (state index) or a lambda (state index), or none.
    var consumerGroup: Int32 = -1
    var consumerLambda: Int32 = -1
    var consumerComponent: Int32 = -1
    /// Slabs, not arrays: every message touches them, with no copy-on-write check; freed by
    /// ``deallocate()``.
    var pollers: Slab<Poller> = []
    /// Each poller's received batch: (message, message gen, receipt), `spec.batch` places each.
    var batchItems: Slab<BatchItem> = []
    /// Parked pollers in the order they parked, from `waitingHead` (entries of pollers that
    /// have left the waiting state since are skipped).
    var waiting: Slab<Int32> = []
    var waitingHead = 0
    var errorProbability: Double = 0
    /// What an `errors` fault answers (500, 503 or 429 for FIS's throttle error).
    var errorStatus: CallStatus = .serverError
    /// FIFO: messages in flight per message group; deduplication ids seen in the last 5 minutes.
    var groupInflight: [Int32] = []
    var dedup: [Int64: SimTime] = [:]
    var dedupSweep: SimTime = 0
    var sendTokens: Double = 0
    var lastRefill: SimTime = 0
    var sent = 0, received = 0, deleted = 0, emptyReceives = 0, deadLettered = 0, expired = 0
}

/// One received message of a poller's batch.
struct BatchItem {
    var slot: Int32 = -1
    var gen: UInt32 = 0
    var receipt: UInt32 = 0
}

extension MessageQueue {
    mutating func addPoller(instance: Int32) {
        pollers.append(Poller(instance: instance))
        for _ in 0..<spec.batch { batchItems.append(BatchItem()) }
    }

    /// Where the `i`-th item of poller `p`'s batch is kept in `batchItems`.
    @inline(__always)
    func batchIndex(_ p: Int, _ i: Int) -> Int { p * spec.batch + i }

    /// The `i`-th item of poller `p`'s batch.
    @inline(__always)
    func batchItem(_ p: Int, _ i: Int) -> BatchItem { batchItems[batchIndex(p, i)] }

    /// Drops the waiting entries before `waitingHead` once they are most of the list.
    mutating func compactWaiting() {
        guard waitingHead > 64 && waitingHead * 2 > waiting.count else { return }
        waiting.removeFirst(waitingHead)
        waitingHead = 0
    }

    mutating func deallocate() {
        pollers.deallocate()
        batchItems.deallocate()
        waiting.deallocate()
    }
}

/// Codes of a queue's component timers.
enum QueueTimer: Int32 {
    case visibility = -1
}

extension Simulation {
    // MARK: messages

    func newMessage(origin: SimTime, counted: Bool) -> Int32 {
        let m = messages.acquire(from: &freeMessages, blank: Message())
        let i = Int(m)
        messages[i].inUse = true
        messages[i].counted = counted
        messages[i].processed = false
        messages[i].inflight = false
        messages[i].origin = origin
        messages[i].enqueuedAt = now
        messages[i].receiveCount = 0
        messages[i].next = -1
        messages[i].prev = -1
        messages[i].tnext = -1
        messages[i].tprev = -1
        messages[i].queue = -1
        messages[i].publish = -1
        return m
    }

    func freeMessage(_ m: Int32) {
        messages[Int(m)].gen &+= 1
        messages[Int(m)].inUse = false
        freeMessages.append(m)
    }

    /// The work behind a message is done: end-to-end latency is measured here.
    func messageProcessed(_ m: Int32) {
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
        if messages[i].counted && metrics.measuring { metrics.messagesProcessed += 1 }
        if messages[i].publish >= 0 {
            publishResolved(messages[i].publish, processed: true)
        } else if messages[i].counted && metrics.measuring {
            metrics.recordEndToEnd(now - messages[i].origin)
        }
    }

    func messageLost(_ m: Int32, deadLettered: Bool) {
        if messages[Int(m)].counted && metrics.measuring {
            metrics.messagesLost += 1
            if deadLettered { metrics.messagesDeadLettered += 1 }
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
            publishes[i].latest = max(publishes[i].latest, now)
        }
        guard publishes[i].remaining <= 0 else { return }
        if publishes[i].anyProcessed && publishes[i].counted && metrics.measuring {
            metrics.recordEndToEnd(publishes[i].latest - publishes[i].origin)
        }
        freePublish.append(p)
    }

    // MARK: SendMessage

    /// A SendMessage call: the message is stored (redundantly, across zones) and acknowledged.
    func queueReceive(queue q: Int32, call: Int32) {
        let qi = Int(q)
        let comp = queues[qi].component
        if queues[qi].errorProbability > 0 && componentStreams[Int(comp)].misc.uniform() < queues[qi].errorProbability {
            reply(call, queues[qi].errorStatus)
            return
        }
        let spec = queues[qi].spec
        var group: Int32 = 0
        if spec.type == .fifo {
            let elapsed = Double(now - queues[qi].lastRefill) / 1e9
            queues[qi].sendTokens = min(spec.fifoThroughput, queues[qi].sendTokens + elapsed * spec.fifoThroughput)
            queues[qi].lastRefill = now
            if queues[qi].sendTokens < 1 {
                reply(call, .throttled)
                return
            }
            queues[qi].sendTokens -= 1
            // Content-based deduplication: a retried send of the same request within 5 minutes is
            // acknowledged but not stored again.
            let key = Int64(calls[Int(call)].request) << 40 ^ Int64(calls[Int(call)].origin)
            sweepDedup(qi)
            if let seen = queues[qi].dedup[key], now - seen < spec.dedupWindow {
                reply(call, .ok)
                return
            }
            queues[qi].dedup[key] = now
            let u = calls[Int(call)].user
            group = Int32(max(0, Int(u)) % max(1, spec.messageGroups))
        }
        let m = newMessage(origin: calls[Int(call)].origin, counted: calls[Int(call)].origin >= warmupEnd)
        messages[Int(m)].group = group
        enqueueVisible(qi, m, atHead: false)
        queues[qi].sent += 1
        reply(call, .ok)
        wakeWaitingPoller(qi)
    }

    /// SNS fan-out into a queue.
    func queueAccept(_ qi: Int, origin: SimTime, counted: Bool, publish: Int32 = -1) {
        let m = newMessage(origin: origin, counted: counted)
        messages[Int(m)].publish = publish
        if queues[qi].spec.type == .fifo {
            messages[Int(m)].group = Int32(Int(origin % 1_000_003) % max(1, queues[qi].spec.messageGroups))
        }
        enqueueVisible(qi, m, atHead: false)
        queues[qi].sent += 1
        wakeWaitingPoller(qi)
    }

    func sweepDedup(_ qi: Int) {
        let window = queues[qi].spec.dedupWindow
        guard now - queues[qi].dedupSweep >= window else { return }
        queues[qi].dedupSweep = now
        queues[qi].dedup = queues[qi].dedup.filter { now - $0.value < window }
    }

    func enqueueVisible(_ qi: Int, _ m: Int32, atHead: Bool) {
        let i = Int(m)
        messages[i].queue = Int32(qi)
        if atHead {
            messages[i].prev = -1
            messages[i].next = queues[qi].visibleHead
            if queues[qi].visibleHead >= 0 { messages[Int(queues[qi].visibleHead)].prev = m } else { queues[qi].visibleTail = m }
            queues[qi].visibleHead = m
        } else {
            messages[i].next = -1
            messages[i].prev = queues[qi].visibleTail
            if queues[qi].visibleTail >= 0 { messages[Int(queues[qi].visibleTail)].next = m } else { queues[qi].visibleHead = m }
            queues[qi].visibleTail = m
        }
        queues[qi].visible += 1
    }

    func unlinkVisible(_ qi: Int, _ m: Int32) {
        let i = Int(m)
        let p = messages[i].prev, n = messages[i].next
        if p >= 0 { messages[Int(p)].next = n } else { queues[qi].visibleHead = n }
        if n >= 0 { messages[Int(n)].prev = p } else { queues[qi].visibleTail = p }
        messages[i].prev = -1
        messages[i].next = -1
        queues[qi].visible -= 1
    }

    // MARK: in flight (visibility timeout)

    func addInflight(_ qi: Int, _ m: Int32) {
        let i = Int(m)
        messages[i].inflight = true
        messages[i].receivedAt = now
        messages[i].tnext = -1
        messages[i].tprev = queues[qi].inflightTail
        if queues[qi].inflightTail >= 0 { messages[Int(queues[qi].inflightTail)].tnext = m } else { queues[qi].inflightHead = m }
        queues[qi].inflightTail = m
        queues[qi].inflight += 1
        armVisibilityTimer(qi)
    }

    func removeInflight(_ qi: Int, _ m: Int32) {
        let i = Int(m)
        guard messages[i].inflight else { return }
        let p = messages[i].tprev, n = messages[i].tnext
        if p >= 0 { messages[Int(p)].tnext = n } else { queues[qi].inflightHead = n }
        if n >= 0 { messages[Int(n)].tprev = p } else { queues[qi].inflightTail = p }
        messages[i].inflight = false
        messages[i].tprev = -1
        messages[i].tnext = -1
        queues[qi].inflight -= 1
        if queues[qi].spec.type == .fifo { queues[qi].groupInflight[Int(messages[i].group)] -= 1 }
    }

    func armVisibilityTimer(_ qi: Int) {
        guard queues[qi].timerArmed < 0, queues[qi].inflightHead >= 0 else { return }
        let at = messages[Int(queues[qi].inflightHead)].receivedAt + queues[qi].spec.visibilityTimeout
        queues[qi].timerArmed = at
        schedule(at: at, .queueEvent, target: queues[qi].component, slot: QueueTimer.visibility.rawValue)
    }

    /// Messages whose visibility timeout expired without a delete become visible again.
    func visibilityExpired(_ qi: Int) {
        queues[qi].timerArmed = -1
        let vt = queues[qi].spec.visibilityTimeout
        var returned: [Int32] = []
        while queues[qi].inflightHead >= 0 {
            let m = queues[qi].inflightHead
            if messages[Int(m)].receivedAt + vt > now { break }
            removeInflight(qi, m)
            if messages[Int(m)].enqueuedAt + queues[qi].spec.retention <= now {
                expired(qi, m)
            } else {
                returned.append(m)
            }
        }
        // Back at the head of the queue in the order they were received, so that the messages
        // of a FIFO group returned together are delivered again in their order.
        for m in returned.reversed() { enqueueVisible(qi, m, atHead: true) }
        armVisibilityTimer(qi)
        if !returned.isEmpty { wakeWaitingPoller(qi) }
    }

    // MARK: consumers

    func startPollers(_ qi: Int) {
        for p in 0..<queues[qi].pollers.count { poll(qi, poller: p) }
    }

    func consumerUp(_ qi: Int, instance k: Int32) -> Bool {
        if queues[qi].consumerGroup >= 0 {
            let inst = groups[Int(queues[qi].consumerGroup)].instances[Int(k)]
            return inst.up && inst.reachable && !inst.terminated && !inst.launching
        }
        return true
    }

    /// A poller asks for messages (ReceiveMessage).
    func poll(_ qi: Int, poller p: Int) {
        let k = queues[qi].pollers[p].instance
        guard consumerUp(qi, instance: k) else {
            queues[qi].pollers[p].state = .down
            return
        }
        if isPartitioned(queues[qi].consumerComponent, queues[qi].component) {
            // The consumer cannot reach SQS: it tries again after its client timeout.
            queues[qi].pollers[p].state = .idle
            queues[qi].pollers[p].gen &+= 1
            schedule(after: Time.second * 20, .queueEvent, target: queues[qi].component, slot: Int32(p), gen: queues[qi].pollers[p].gen)
            return
        }
        let got = receiveBatch(qi, poller: p)
        queues[qi].pollers[p].gen &+= 1
        if got > 0 {
            // The batch reaches the consumer after the round trip and its first message is worked
            // on at once: one event, at the end of that work.
            processNext(qi, poller: p, after: receiveLatency(qi, poller: p))
        } else if queues[qi].spec.wait > 0 {
            // Long polling: the request waits up to `wait` and returns as soon as a message
            // arrives; an empty answer is followed at once by the next request. While the queue
            // stays empty nothing changes, so the poller is parked (no event per empty receive)
            // and woken at once by the next message; its empty receives are counted then.
            queues[qi].pollers[p].state = .waiting
            queues[qi].pollers[p].parkedAt = now
            queues[qi].waiting.append(Int32(p))
        } else {
            // Short polling: the poller asks again every round trip and gets empty answers while
            // the queue stays empty. Nothing else changes meanwhile, so instead of one event per
            // empty receive it is parked; when a message arrives, the first of the parked pollers
            // to ask again receives it (see `wakeWaitingPoller`), and the empty receives of the
            // parked time are counted then.
            queues[qi].pollers[p].state = .waiting
            queues[qi].pollers[p].parkedAt = now
            queues[qi].waiting.append(Int32(p))
        }
    }

    func receiveLatency(_ qi: Int, poller p: Int) -> SimTime {
        let zone: Int8 = queues[qi].consumerGroup >= 0
            ? groups[Int(queues[qi].consumerGroup)].instances[Int(queues[qi].pollers[p].instance)].zone : -1
        let comp = queues[qi].component
        return hopDelay(zone, -1, sender: comp) + hopDelay(-1, zone, sender: comp)
    }

    /// Takes up to `batch` visible messages for a poller: expired ones are deleted, those past the
    /// receive count go to the dead-letter queue, FIFO groups with a message in flight are skipped.
    func receiveBatch(_ qi: Int, poller p: Int) -> Int {
        let spec = queues[qi].spec
        queues[qi].pollers[p].batchCount = 0
        queues[qi].pollers[p].position = 0
        var m = queues[qi].visibleHead
        var got = 0
        while m >= 0 && got < spec.batch && queues[qi].inflight < spec.inflightLimit {
            let next = messages[Int(m)].next
            if messages[Int(m)].enqueuedAt + spec.retention <= now {
                unlinkVisible(qi, m)
                expired(qi, m)
                m = next
                continue
            }
            if let maxReceives = spec.maxReceiveCount, messages[Int(m)].receiveCount >= Int32(maxReceives) {
                unlinkVisible(qi, m)
                queues[qi].deadLettered += 1
                messageLost(m, deadLettered: true)
                m = next
                continue
            }
            if spec.type == .fifo {
                // A group with messages in flight from an earlier receive is not handed out; within
                // one receive, "Amazon SQS first attempts to return as many messages with the same
                // message group ID as possible" (SQS Developer Guide, FIFO delivery logic), in order.
                let g = Int(messages[Int(m)].group)
                if queues[qi].groupInflight[g] > 0 && !batchHolds(group: Int32(g), qi, poller: p) { m = next; continue }
                queues[qi].groupInflight[g] += 1
            }
            unlinkVisible(qi, m)
            messages[Int(m)].receiveCount += 1
            messages[Int(m)].receipt &+= 1
            if messages[Int(m)].receiveCount > 1 && messages[Int(m)].counted && metrics.measuring {
                metrics.duplicates += 1
            }
            addInflight(qi, m)
            queues[qi].batchItems[queues[qi].batchIndex(p, got)] = BatchItem(slot: m, gen: messages[Int(m)].gen, receipt: messages[Int(m)].receipt)
            queues[qi].pollers[p].batchCount = got + 1
            queues[qi].received += 1
            got += 1
            m = next
        }
        return got
    }

    /// Whether the batch a poller is receiving already holds a message of FIFO group `g`.
    func batchHolds(group g: Int32, _ qi: Int, poller p: Int) -> Bool {
        for i in 0..<queues[qi].pollers[p].batchCount where messages[Int(queues[qi].batchItem(p, i).slot)].group == g {
            return true
        }
        return false
    }

    /// The short-polling interval: one ReceiveMessage round trip (at least 1 ms).
    func shortPollInterval(_ qi: Int, poller p: Int) -> SimTime {
        max(Time.millisecond, receiveLatency(qi, poller: p))
    }

    func wakeWaitingPoller(_ qi: Int) {
        let short = queues[qi].spec.wait == 0
        while queues[qi].waitingHead < queues[qi].waiting.count && queues[qi].visible > 0 {
            let p = Int(queues[qi].waiting[queues[qi].waitingHead])
            queues[qi].waitingHead += 1
            guard queues[qi].pollers[p].state == .waiting else { continue }
            if short {
                // n parked pollers ask at independent uniform phases of the interval: the first
                // asks after the minimum of n uniforms, I·(1 − U^(1/n)).
                let parked = max(1, queues[qi].waiting.count - queues[qi].waitingHead + 1)
                let interval = shortPollInterval(qi, poller: p)
                let u = componentStreams[Int(queues[qi].component)].misc.uniformPositive()
                let delay = SimTime(Double(interval) * (1 - pow(u, 1 / Double(parked))))
                queues[qi].emptyReceives += Int((now - queues[qi].pollers[p].parkedAt) / interval)
                queues[qi].pollers[p].state = .idle
                queues[qi].pollers[p].gen &+= 1
                schedule(after: delay, .queueEvent, target: queues[qi].component, slot: Int32(p), gen: queues[qi].pollers[p].gen)
                break
            }
            queues[qi].emptyReceives += Int((now - queues[qi].pollers[p].parkedAt) / queues[qi].spec.wait)
            poll(qi, poller: p)
            // It got nothing: the visible messages belong to FIFO groups already in flight, or
            // the in-flight limit is reached. No other poller would get more; stop here.
            if queues[qi].pollers[p].state == .waiting { break }
        }
        queues[qi].compactWaiting()
    }

    func handleQueueEvent(_ comp: Int32, slot: Int32, gen: UInt32) {
        let qi = Int(slotOf[Int(comp)])
        if slot == QueueTimer.visibility.rawValue { visibilityExpired(qi); return }
        let p = Int(slot)
        guard queues[qi].pollers[p].gen == gen else { return }
        switch queues[qi].pollers[p].state {
        case .waiting:
            queues[qi].emptyReceives += 1
            poll(qi, poller: p)
        case .idle:
            poll(qi, poller: p)
        case .processing:
            finishMessage(qi, poller: p)
        case .down:
            break
        }
    }

    /// The poller works on the next message of its batch, or asks for more. `carry`: the time
    /// until the batch reaches the consumer (the receive's round trip), 0 once it holds it.
    func processNext(_ qi: Int, poller p: Int, after carry: SimTime = 0) {
        let pos = queues[qi].pollers[p].position
        guard pos < queues[qi].pollers[p].batchCount else {
            poll(qi, poller: p)
            return
        }
        queues[qi].pollers[p].state = .processing
        queues[qi].pollers[p].gen &+= 1
        let d = consumerServiceTime(qi, poller: p)
        schedule(after: carry + d, .queueEvent, target: queues[qi].component, slot: Int32(p), gen: queues[qi].pollers[p].gen)
    }

    func consumerServiceTime(_ qi: Int, poller p: Int) -> SimTime {
        if queues[qi].consumerGroup >= 0 {
            let g = Int(queues[qi].consumerGroup)
            let k = Int(queues[qi].pollers[p].instance)
            let d = serviceDraws[g].draw()
            let m = groups[g].instances[k].latencyMultiplier
            return m == 1 ? d : Time.fromSeconds(Double(d) / 1e9 * m)
        }
        return lambdaDuration(Int(queues[qi].consumerLambda))
    }

    /// A consumer finished a message: it deletes it, unless the work failed.
    func finishMessage(_ qi: Int, poller p: Int) {
        let pos = queues[qi].pollers[p].position
        let item = queues[qi].batchItem(p, pos)
        queues[qi].pollers[p].position = pos + 1
        var failed = false
        if queues[qi].consumerGroup >= 0 {
            let inst = groups[Int(queues[qi].consumerGroup)].instances[Int(queues[qi].pollers[p].instance)]
            let cc = Int(queues[qi].consumerComponent)
            failed = inst.zombies > 0 || (inst.errorProbability > 0 && componentStreams[cc].misc.uniform() < inst.errorProbability)
        } else {
            let f = lambdas[Int(queues[qi].consumerLambda)]
            failed = f.errorProbability > 0 && componentStreams[Int(f.component)].misc.uniform() < f.errorProbability
        }
        let m = item.slot
        if !failed && messages[Int(m)].gen == item.gen {
            if messages[Int(m)].receipt == item.receipt && messages[Int(m)].inflight {
                let wasFull = queues[qi].inflight >= queues[qi].spec.inflightLimit
                removeInflight(qi, m)
                queues[qi].deleted += 1
                messageProcessed(m)
                // The delete frees a FIFO group or a place under the in-flight limit: a parked
                // poller may now receive what it could not.
                if (wasFull || queues[qi].spec.type == .fifo) && queues[qi].visible > 0 { wakeWaitingPoller(qi) }
            } else {
                // The visibility timeout expired while the work went on: the work is done, but the
                // delete comes too late and another consumer will do it again.
                workDone(m)
            }
        }
        processNext(qi, poller: p)
    }

    /// A consumer instance went down: its pollers stop; what they held comes back after the
    /// visibility timeout.
    func queueConsumersDown(group gi: Int, instance k: Int) {
        for qi in 0..<queues.count where Int(queues[qi].consumerGroup) == gi {
            for p in 0..<queues[qi].pollers.count where Int(queues[qi].pollers[p].instance) == k {
                queues[qi].pollers[p].gen &+= 1
                queues[qi].pollers[p].state = .down
                queues[qi].pollers[p].batchCount = 0
            }
        }
    }

    func queueConsumersUp(group gi: Int, instance k: Int) {
        for qi in 0..<queues.count where Int(queues[qi].consumerGroup) == gi {
            for p in 0..<queues[qi].pollers.count where Int(queues[qi].pollers[p].instance) == k && queues[qi].pollers[p].state == .down {
                queues[qi].pollers[p].state = .idle
                poll(qi, poller: p)
            }
        }
    }

    /// Adds pollers for a newly launched consumer instance.
    func addPollers(group gi: Int, instance k: Int) {
        for qi in 0..<queues.count where Int(queues[qi].consumerGroup) == gi {
            if queues[qi].pollers.contains(where: { Int($0.instance) == k }) { continue }
            let n = queues[qi].spec.pollers ?? groups[gi].spec.workers
            for _ in 0..<n {
                queues[qi].addPoller(instance: Int32(k))
                poll(qi, poller: queues[qi].pollers.count - 1)
            }
        }
    }

    /// The oldest visible message's age, over every queue (CloudWatch `ApproximateAgeOfOldestMessage`).
    func oldestMessageAge() -> Double {
        var oldest = 0.0
        for q in queues {
            if q.visibleHead >= 0 {
                oldest = max(oldest, Time.seconds(now - messages[Int(q.visibleHead)].enqueuedAt))
            }
            if q.inflightHead >= 0 {
                oldest = max(oldest, Time.seconds(now - messages[Int(q.inflightHead)].enqueuedAt))
            }
        }
        return oldest
    }

    /// SQS deleted a message past its retention period (already out of its list): it is lost.
    func expired(_ qi: Int, _ m: Int32) {
        queues[qi].expired += 1
        messageLost(m, deadLettered: false)
    }

    /// At the end of a replication: messages still stored (visible or in flight) but past their
    /// retention period have been deleted by SQS and are lost, even if no consumer polled since.
    func expireMessagesAtEnd() {
        for qi in 0..<queues.count {
            let retention = queues[qi].spec.retention
            var m = queues[qi].visibleHead
            while m >= 0 {
                let next = messages[Int(m)].next
                if messages[Int(m)].enqueuedAt + retention <= now {
                    unlinkVisible(qi, m)
                    expired(qi, m)
                }
                m = next
            }
            m = queues[qi].inflightHead
            while m >= 0 {
                let next = messages[Int(m)].tnext
                if messages[Int(m)].enqueuedAt + retention <= now {
                    removeInflight(qi, m)
                    expired(qi, m)
                }
                m = next
            }
        }
    }
}
