import Foundation

/// A consumer thread polling a queue from one instance.
struct Poller {
    /// `off`: a poller of a consumer whose pollers scale (``PollerScaling``) that does not poll now.
    enum State: UInt8 { case idle, waiting, processing, down, off }
    var instance: Int32
    var state: State = .idle
    var gen: UInt32 = 0
    /// The received batch is `batchCount` items of the queue's `batchItems`, from index
    /// poller × `spec.batch`; `position` is the next to process.
    var batchCount = 0
    var position = 0
    /// When a short-polling poller found the queue empty and was parked.
    var parkedAt: SimTime = -1
    /// Whether the DeleteMessageBatch of the batch it holds has been counted.
    var deleteCounted = false
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
/// 5 minutes, and have quotas per API action counted in calls ("Amazon SQS FIFO limits are
/// based on the number of API requests, not message limits"; SQS Developer Guide, "Amazon SQS
/// message quotas"): 300 SendMessage, 300 ReceiveMessage and 300 DeleteMessage calls per
/// second, 70,000 each in high-throughput mode (us-east-1). A ReceiveMessage returns up to 10
/// messages, and a consumer that receives batches deletes each batch with one
/// DeleteMessageBatch, so batches of 10 carry 3,000 messages per second. Past a quota the call
/// gets ThrottlingException: a SendMessage answers 429 to its caller; a consumer's throttled
/// receive or delete is made again after its SDK's backoff (``throttledBackoff()``). Each
/// quota is a bucket of one second's calls (assumption: AWS documents no burst).
final class MessageQueue: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: QueueSpec
    let streams: ComponentStreams
    let book: MessageBook
    /// Visible messages, oldest first (``MessageLinks``), and received ones within their
    /// visibility timeout, in the order they were received (``InflightLinks``).
    var visibleList = ListHead()
    var inflightList = ListHead()
    /// CloudWatch's `ApproximateNumberOfMessagesVisible` and `…NotVisible`.
    var visible: Int { visibleList.count }
    var inflight: Int { inflightList.count }
    var timerArmed: SimTime = -1
    /// Where the consumers run (an instance group or a Lambda function), or -1.
    var consumerComponent: Int32 = -1
    /// The stream a consumer's failure is drawn from (`<queue>.consumers`).
    var consumerFailureStream: RandomGenerator? = nil
    /// What the consumer calls for each message it works on (its `calls:`, such as a database),
    /// and the list that times those calls out (-1: it calls nothing).
    var consumerCallee: Int32 = -1
    var consumerCallTimeout: SimTime = 0
    var consumerCallList: Int32 = -1
    /// Calls of the consumers for their messages that failed or timed out (the message then
    /// stays in flight and comes back after its visibility timeout).
    var consumerCallsFailed = 0
    /// Slabs, not arrays: every message touches them, with no copy-on-write check; freed with
    /// the model.
    var pollers: Slab<Poller> = []
    /// Each poller's received batch: (message, message gen, receipt), `spec.batch` places each.
    var batchItems: Slab<BatchItem> = []
    /// Parked pollers in the order they parked, from `waitingHead` (entries of pollers that
    /// have left the waiting state since are skipped).
    var waiting: Slab<Int32> = []
    var waitingHead = 0
    /// Pollers per consumer instance, and whether each batch is an invocation of the consumer
    /// (``ConsumerPolling``).
    var pollersPerInstance = 0
    var batchIsInvocation = false
    /// When the consumer's pollers scale (a Lambda function's event source mapping): how, the
    /// pollers that poll now (the others are `off`; the count is the mapping's concurrency),
    /// and whether the next scaling step is scheduled.
    var scaling: PollerScaling? = nil
    var activePollers = 0
    var scalingArmed = false
    var errorProbability: Double = 0
    /// What an `errors` fault answers (500, 503 or 429 for FIS's throttle error).
    var errorStatus: CallStatus = .serverError
    /// FIFO: messages in flight per message group; deduplication ids seen in the last 5 minutes.
    var groupInflight: [Int32] = []
    var dedup: [Int64: SimTime] = [:]
    var dedupSweep: SimTime = 0
    /// FIFO: the per-action quotas (a token per call, one second's worth at most).
    var sendQuota: TokenBucket
    var receiveQuota: TokenBucket
    var deleteQuota: TokenBucket
    /// FIFO: calls refused by a quota.
    var throttledSends = 0, throttledReceives = 0, throttledDeletes = 0
    var sent = 0, received = 0, deleted = 0, emptyReceives = 0, deadLettered = 0, expired = 0
    /// API requests billed while the run measured, each 64 KB chunk of its payload one request:
    /// SendMessage, ReceiveMessage (with messages, and empty), DeleteMessage(Batch).
    var billedSends = 0, billedReceives = 0, billedEmptyReceives = 0, billedDeletes = 0

    init(_ sim: Simulation, index: Int32, spec: QueueSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        book = sim.components.messages
        groupInflight = Array(repeating: 0, count: max(1, spec.messageGroups))
        let quota = spec.fifoCallsPerSecond
        sendQuota = TokenBucket(rate: quota, capacity: quota)
        receiveQuota = TokenBucket(rate: quota, capacity: quota)
        deleteQuota = TokenBucket(rate: quota, capacity: quota)
    }

    deinit {
        pollers.deallocate()
        batchItems.deallocate()
        waiting.deallocate()
    }

    var hasBackgroundWork: Bool { visible > 0 || inflight > 0 }
}

/// One received message of a poller's batch.
struct BatchItem {
    var slot: Int32 = -1
    var gen: UInt32 = 0
    var receipt: UInt32 = 0
}

extension MessageQueue {
    func addPoller(instance: Int32) {
        pollers.append(Poller(instance: instance))
        activePollers += 1
        for _ in 0..<spec.batch { batchItems.append(BatchItem()) }
    }

    /// Where the `i`-th item of poller `p`'s batch is kept in `batchItems`.
    @inline(__always)
    func batchIndex(_ p: Int, _ i: Int) -> Int { p * spec.batch + i }

    /// The `i`-th item of poller `p`'s batch.
    @inline(__always)
    func batchItem(_ p: Int, _ i: Int) -> BatchItem { batchItems[batchIndex(p, i)] }

    /// Drops the waiting entries before `waitingHead` once they are most of the list.
    func compactWaiting() {
        guard waitingHead > 64 && waitingHead * 2 > waiting.count else { return }
        waiting.removeFirst(waitingHead)
        waitingHead = 0
    }

}

/// Codes of a queue's own events.
enum QueueTimer: UInt8 {
    /// The oldest in-flight message's visibility timeout expires.
    case visibility
    /// A poller's next step: receive again, or finish the message it works on (`slot` = poller).
    case poller
    /// The consumer's pollers scale up or down (``PollerScaling``).
    case scale
}

extension MessageQueue {
    // MARK: SendMessage

    /// A SendMessage call: the message is stored (redundantly, across zones) and acknowledged.
    func receive(call: Int32, after carry: SimTime) {
        if errorProbability > 0 && streams.misc.uniform() < errorProbability {
            sim.reply(call, errorStatus)
            return
        }
        var group: Int32 = 0
        if spec.type == .fifo {
            guard sendQuota.take(at: sim.now) else {
                throttledSends += 1
                sim.reply(call, .throttled)
                return
            }
            // Content-based deduplication: a retried send of the same request within 5 minutes is
            // acknowledged but not stored again.
            let key = Int64(sim.calls[Int(call)].request) << 40 ^ Int64(sim.calls[Int(call)].origin)
            sweepDedup()
            if let seen = dedup[key], sim.now - seen < spec.dedupWindow {
                // Acknowledged without storing it again, and billed like any SendMessage.
                if sim.metrics.measuring { billedSends &+= requestsPerMessage }
                sim.reply(call, .ok)
                return
            }
            dedup[key] = sim.now
            let u = sim.calls[Int(call)].user
            group = Int32(max(0, Int(u)) % max(1, spec.messageGroups))
        }
        let m = book.newMessage(origin: sim.calls[Int(call)].origin, counted: sim.calls[Int(call)].origin >= sim.warmupEnd)
        book.messages[Int(m)].group = group
        enqueueVisible(m, atHead: false)
        sent += 1
        if sim.metrics.measuring { billedSends &+= requestsPerMessage }
        sim.reply(call, .ok)
        wakeWaitingPoller()
    }


    func sweepDedup() {
        let window = spec.dedupWindow
        guard sim.now - dedupSweep >= window else { return }
        dedupSweep = sim.now
        dedup = dedup.filter { sim.now - $0.value < window }
    }

    func enqueueVisible(_ m: Int32, atHead: Bool) {
        book.messages[Int(m)].queue = index
        if atHead {
            visibleList.prepend(m, in: book.messages, MessageLinks.self)
        } else {
            visibleList.append(m, in: book.messages, MessageLinks.self)
        }
    }

    func unlinkVisible(_ m: Int32) {
        visibleList.remove(m, in: book.messages, MessageLinks.self)
    }

    // MARK: in flight (visibility timeout)

    func addInflight(_ m: Int32) {
        let i = Int(m)
        book.messages[i].inflight = true
        book.messages[i].receivedAt = sim.now
        inflightList.append(m, in: book.messages, InflightLinks.self)
        armVisibilityTimer()
    }

    func removeInflight(_ m: Int32) {
        let i = Int(m)
        guard book.messages[i].inflight else { return }
        inflightList.remove(m, in: book.messages, InflightLinks.self)
        book.messages[i].inflight = false
        if spec.type == .fifo { groupInflight[Int(book.messages[i].group)] -= 1 }
    }

    func armVisibilityTimer() {
        guard timerArmed < 0, inflightList.head >= 0 else { return }
        let at = book.messages[Int(inflightList.head)].receivedAt + spec.visibilityTimeout
        timerArmed = at
        sim.scheduleTimer(at: at, for: index, code: QueueTimer.visibility.rawValue)
    }

    /// Messages whose visibility timeout expired without a delete become visible again.
    func visibilityExpired() {
        timerArmed = -1
        let vt = spec.visibilityTimeout
        var returned: [Int32] = []
        while inflightList.head >= 0 {
            let m = inflightList.head
            if book.messages[Int(m)].receivedAt + vt > sim.now { break }
            removeInflight(m)
            if book.messages[Int(m)].enqueuedAt + spec.retention <= sim.now {
                expire(m)
            } else {
                returned.append(m)
            }
        }
        // Back at the head of the queue in the order they were received, so that the messages
        // of a FIFO group returned together are delivered again in their order.
        for m in returned.reversed() { enqueueVisible(m, atHead: true) }
        armVisibilityTimer()
        if !returned.isEmpty { wakeWaitingPoller() }
    }

    // MARK: consumers

    /// Resolves the consumer and gives each of its instances its pollers.
    func link() {
        guard let c = spec.consumers else { return }
        consumerComponent = Int32(c)
        // A stream of the queue's own: whether a consumer's work on a message fails must not
        // depend on what else the consumer does, nor shift when another queue is added.
        consumerFailureStream = sim.stream(sim.topology.components[Int(index)].name + ".consumers")
        let polling = sim.components.consumerPolling(c, queueSetting: spec.pollers)
        pollersPerInstance = polling.pollers
        batchIsInvocation = polling.batchIsInvocation
        for k in 0..<sim.components.consumerInstances(c) {
            for _ in 0..<pollersPerInstance { addPoller(instance: Int32(k)) }
        }
        if let s = polling.scaling {
            scaling = s
            for p in min(s.initial, pollers.count)..<pollers.count {
                pollers[p].state = .off
                activePollers -= 1
            }
        }
        sim.components.subscribe(index, to: Int32(c))
        if let call = sim.components.consumerCall(c) {
            consumerCallee = call.callee
            consumerCallTimeout = call.timeout
        }
    }

    func start() {
        if consumerCallee >= 0 {
            consumerCallList = sim.makeTimeoutList(.calls(component: index), delay: consumerCallTimeout)
        }
        for p in 0..<pollers.count where pollers[p].state != .off { poll(poller: p) }
    }

    func apply(_ f: FaultSpec, instance: Int, starting: Bool) {
        errorProbability = starting ? f.probability : 0
        errorStatus = CallStatus(faultCode: f.errorCode)
    }

    func consumerUp(instance k: Int32) -> Bool { consumerComponent < 0 || sim.components.consumerUp(Int(consumerComponent), k) }

    /// A poller asks for messages (ReceiveMessage).
    func poll(poller p: Int) {
        let k = pollers[p].instance
        guard consumerUp(instance: k) else {
            pollers[p].state = .down
            return
        }
        if sim.isPartitioned(consumerComponent, index) {
            // The consumer cannot reach SQS: it tries again after its client timeout.
            pollers[p].state = .idle
            pollers[p].gen &+= 1
            sim.scheduleTimer(after: AwsDefaults.sdkReceiveTimeout, for: index, code: QueueTimer.poller.rawValue, slot: Int32(p), gen: pollers[p].gen)
            return
        }
        if spec.type == .fifo && !receiveQuota.take(at: sim.now) {
            // ThrottlingException: the poller asks again when the quota has room.
            throttledReceives += 1
            pollers[p].state = .idle
            pollers[p].gen &+= 1
            sim.scheduleTimer(after: throttledBackoff(), for: index, code: QueueTimer.poller.rawValue, slot: Int32(p), gen: pollers[p].gen)
            return
        }
        let got = receiveBatch(poller: p)
        pollers[p].gen &+= 1
        if got > 0 {
            pollers[p].deleteCounted = false
            if sim.metrics.measuring { billedReceives &+= chunks(messages: got) }
            // The batch reaches the consumer after the round trip and its first message is worked
            // on at once (after the invocation's cold start, for a Lambda function): one event, at
            // the end of that work.
            var carry = receiveLatency(poller: p)
            if batchIsInvocation { carry += sim.components.batchStarts(Int(consumerComponent), k) }
            processNext(poller: p, after: carry)
        } else {
            // Nothing to receive. Long polling (`wait` > 0): the request waits up to `wait` and
            // returns as soon as a message arrives; an empty answer is followed at once by the
            // next request. Short polling: the poller asks again every round trip and gets empty
            // answers. Either way nothing changes while the queue stays empty, so instead of one
            // event per empty receive the poller is parked, and woken by the next message (see
            // `wakeWaitingPoller`, where the two modes differ); the empty receives of the parked
            // time are counted then.
            pollers[p].state = .waiting
            pollers[p].parkedAt = sim.now
            waiting.append(Int32(p))
        }
    }

    func receiveLatency(poller p: Int) -> SimTime {
        let zone = consumerComponent < 0 ? -1 : sim.components.consumerZone(Int(consumerComponent), pollers[p].instance)
        return sim.hopDelay(zone, -1, sender: index) + sim.hopDelay(-1, zone, sender: index)
    }

    /// Takes up to `batch` visible messages for a poller: expired ones are deleted, those past the
    /// receive count go to the dead-letter queue, FIFO groups with a message in flight are skipped.
    func receiveBatch(poller p: Int) -> Int {
        let spec = spec
        pollers[p].batchCount = 0
        pollers[p].position = 0
        var m = visibleList.head
        var got = 0
        while m >= 0 && got < spec.batch && inflight < spec.inflightLimit {
            let next = book.messages[Int(m)].next
            if book.messages[Int(m)].enqueuedAt + spec.retention <= sim.now {
                unlinkVisible(m)
                expire(m)
                m = next
                continue
            }
            if let maxReceives = spec.maxReceiveCount, book.messages[Int(m)].receiveCount >= Int32(maxReceives) {
                unlinkVisible(m)
                deadLettered += 1
                book.deadLettered(m)
                m = next
                continue
            }
            if spec.type == .fifo {
                // A group with messages in flight from an earlier receive is not handed out; within
                // one receive, "Amazon SQS first attempts to return as many messages with the same
                // message group ID as possible" (SQS Developer Guide, FIFO delivery logic), in order.
                let g = Int(book.messages[Int(m)].group)
                if groupInflight[g] > 0 && !batchHolds(group: Int32(g), poller: p) { m = next; continue }
                groupInflight[g] += 1
            }
            unlinkVisible(m)
            book.messages[Int(m)].receiveCount += 1
            book.messages[Int(m)].receipt &+= 1
            // A message received again is processed twice, unless the work of its last receive
            // failed (then nothing was done the first time).
            if book.messages[Int(m)].receiveCount > 1 && !book.messages[Int(m)].workFailed && book.messages[Int(m)].counted && sim.metrics.measuring {
                sim.metrics.duplicates += 1
            }
            book.messages[Int(m)].workFailed = false
            addInflight(m)
            batchItems[batchIndex(p, got)] = BatchItem(slot: m, gen: book.messages[Int(m)].gen, receipt: book.messages[Int(m)].receipt)
            pollers[p].batchCount = got + 1
            received += 1
            got += 1
            m = next
        }
        return got
    }

    /// Whether the batch a poller is receiving already holds a message of FIFO group `g`.
    func batchHolds(group g: Int32, poller p: Int) -> Bool {
        for i in 0..<pollers[p].batchCount where book.messages[Int(batchItem(p, i).slot)].group == g {
            return true
        }
        return false
    }

    /// The short-polling interval: one ReceiveMessage round trip (at least 1 ms).
    func shortPollInterval(poller p: Int) -> SimTime {
        max(Time.millisecond, receiveLatency(poller: p))
    }

    func wakeWaitingPoller() {
        if scaling != nil && !scalingArmed { armScaling() }
        let short = spec.wait == 0
        while waitingHead < waiting.count && visible > 0 {
            let p = Int(waiting[waitingHead])
            waitingHead += 1
            guard pollers[p].state == .waiting else { continue }
            if short {
                // n parked pollers ask at independent uniform phases of the interval: the first
                // asks after the minimum of n uniforms, I·(1 − U^(1/n)).
                let parked = max(1, waiting.count - waitingHead + 1)
                let interval = shortPollInterval(poller: p)
                let u = streams.misc.uniformPositive()
                let delay = SimTime(Double(interval) * (1 - pow(u, 1 / Double(parked))))
                countEmptyReceives(poller: p, every: interval)
                pollers[p].state = .idle
                pollers[p].gen &+= 1
                sim.scheduleTimer(after: delay, for: index, code: QueueTimer.poller.rawValue, slot: Int32(p), gen: pollers[p].gen)
                break
            }
            countEmptyReceives(poller: p, every: spec.wait)
            poll(poller: p)
            // It got nothing: the visible messages belong to FIFO groups already in flight, or
            // the in-flight limit is reached. No other poller would get more; stop here.
            if pollers[p].state == .waiting { break }
        }
        compactWaiting()
    }

    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        if code == QueueTimer.visibility.rawValue { visibilityExpired(); return }
        if code == QueueTimer.scale.rawValue { scalePollers(); return }
        let p = Int(slot)
        guard pollers[p].gen == gen else { return }
        switch pollers[p].state {
        case .waiting:
            emptyReceives += 1
            if sim.metrics.measuring && sim.now <= sim.measuredWindow.upperBound { billedEmptyReceives &+= 1 }
            poll(poller: p)
        case .idle:
            poll(poller: p)
        case .processing:
            finishMessage(poller: p)
        case .down, .off:
            break
        }
    }

    // MARK: scaling pollers (Lambda's event source mapping)

    /// Schedules the next scaling step, if there is something to scale: messages visible and
    /// pollers off, or more pollers on than the initial number.
    func armScaling() {
        guard let s = scaling, !scalingArmed else { return }
        let grow = visible > 0 && activePollers < pollers.count
        let shrink = activePollers > min(s.initial, pollers.count)
        guard grow || shrink else { return }
        scalingArmed = true
        sim.scheduleTimer(after: s.interval, for: index, code: QueueTimer.scale.rawValue)
    }

    /// One scaling step. Messages visible: up to `step` more pollers start, each receiving at
    /// once (the lowest-numbered `off` ones first). None visible: pollers parked for a whole
    /// interval without a message stop (the highest-numbered first), down to `initial`.
    func scalePollers() {
        scalingArmed = false
        guard let s = scaling else { return }
        if visible > 0 {
            var add = min(s.step, pollers.count - activePollers)
            var p = 0
            while add > 0 && p < pollers.count && visible > 0 {
                if pollers[p].state == .off {
                    pollers[p].state = .idle
                    activePollers += 1
                    add -= 1
                    poll(poller: p)
                }
                p += 1
            }
        } else {
            let floor = min(s.initial, pollers.count)
            var p = pollers.count - 1
            while activePollers > floor && p >= 0 {
                if pollers[p].state == .waiting && sim.now - pollers[p].parkedAt >= s.interval {
                    // Its empty receives while parked are counted, as when it is woken.
                    let interval = spec.wait == 0 ? shortPollInterval(poller: p) : spec.wait
                    countEmptyReceives(poller: p, every: interval)
                    pollers[p].state = .off
                    pollers[p].gen &+= 1
                    activePollers -= 1
                }
                p -= 1
            }
        }
        armScaling()
    }

    /// The poller works on the next message of its batch, or asks for more. `carry`: the time
    /// until the batch reaches the consumer (the receive's round trip), 0 once it holds it.
    func processNext(poller p: Int, after carry: SimTime = 0) {
        let pos = pollers[p].position
        guard pos < pollers[p].batchCount else {
            if batchIsInvocation { sim.components.batchEnds(Int(consumerComponent), pollers[p].instance) }
            poll(poller: p)
            return
        }
        pollers[p].state = .processing
        pollers[p].gen &+= 1
        let d = consumerServiceTime(poller: p)
        sim.scheduleTimer(after: carry + d, for: index, code: QueueTimer.poller.rawValue, slot: Int32(p), gen: pollers[p].gen)
    }

    func consumerServiceTime(poller p: Int) -> SimTime {
        consumerComponent < 0 ? 0 : sim.components.processingTime(Int(consumerComponent), pollers[p].instance)
    }

    /// How long a consumer whose receive or delete was throttled waits before it makes the call
    /// again: its SDK's backoff, full jitter over the 100 ms base (at least 1 ms).
    func throttledBackoff() -> SimTime {
        max(Time.millisecond, SimTime(streams.misc.uniform() * Double(AwsDefaults.sdkBase)))
    }

    /// A consumer finished a message: it deletes it, unless the work failed.
    func finishMessage(poller p: Int) {
        let pos = pollers[p].position
        // FIFO: the delete is a DeleteMessage call, or for a batch one DeleteMessageBatch made
        // with its first message. A throttled one is made again when the quota has room.
        if spec.type == .fifo && pos == 0 && !deleteQuota.take(at: sim.now) {
            throttledDeletes += 1
            pollers[p].gen &+= 1
            sim.scheduleTimer(after: throttledBackoff(), for: index, code: QueueTimer.poller.rawValue, slot: Int32(p), gen: pollers[p].gen)
            return
        }
        let item = batchItem(p, pos)
        var failed = false
        if consumerComponent >= 0, let stream = consumerFailureStream {
            failed = sim.components.processingFails(Int(consumerComponent), pollers[p].instance, stream: stream)
        }
        if !failed && consumerCallee >= 0 {
            // The work on the message calls the consumer's downstream (a query to its database)
            // and waits for the answer before it deletes the message.
            callDownstream(poller: p, message: item.slot)
            return
        }
        completeMessage(poller: p, failed: failed)
    }

    /// The consumer's call for the message its poller `p` works on.
    func callDownstream(poller p: Int, message m: Int32) {
        pollers[p].gen &+= 1
        let k = pollers[p].instance
        let c = sim.newCall(callee: consumerCallee, caller: index, parent: -1, request: Int32(p), user: -1, origin: book.messages[Int(m)].origin)
        sim.calls[Int(c)].parentGen = pollers[p].gen
        sim.timeoutAppend(call: c, list: consumerCallList)
        let zone = sim.components.consumerZone(Int(consumerComponent), k)
        sim.send(c, fromZone: zone, toZone: sim.components.zone(ofCallTo: Int(consumerCallee), call: c), sender: consumerComponent)
    }

    /// The answer to a consumer's call: the message is deleted if it succeeded; otherwise it
    /// stays in flight and is received again after its visibility timeout (the retry happens in
    /// the background, where no user waits on it).
    func ownCallAnswered(call: Int32, status: CallStatus) {
        let p = Int(sim.calls[Int(call)].request)
        guard p < pollers.count, pollers[p].gen == sim.calls[Int(call)].parentGen, pollers[p].state == .processing else { return }
        if status != .ok { consumerCallsFailed += 1 }
        completeMessage(poller: p, failed: status != .ok)
    }

    func ownCallTimedOut(call: Int32) {
        let p = Int(sim.calls[Int(call)].request)
        guard p < pollers.count, pollers[p].gen == sim.calls[Int(call)].parentGen, pollers[p].state == .processing else { return }
        consumerCallsFailed += 1
        completeMessage(poller: p, failed: true)
    }

    /// The work on the poller's current message is over: delete it unless the work failed, and
    /// go on with the batch.
    func completeMessage(poller p: Int, failed: Bool) {
        let pos = pollers[p].position
        let item = batchItem(p, pos)
        pollers[p].position = pos + 1
        let m = item.slot
        if failed && book.messages[Int(m)].gen == item.gen && book.messages[Int(m)].receipt == item.receipt {
            book.messages[Int(m)].workFailed = true
        }
        if !failed && book.messages[Int(m)].gen == item.gen {
            if book.messages[Int(m)].receipt == item.receipt && book.messages[Int(m)].inflight {
                let wasFull = inflight >= spec.inflightLimit
                removeInflight(m)
                deleted += 1
                if !pollers[p].deleteCounted {
                    // One DeleteMessage, or one DeleteMessageBatch for the batch.
                    pollers[p].deleteCounted = true
                    if sim.metrics.measuring { billedDeletes &+= 1 }
                }
                book.processed(m)
                // The delete frees a FIFO group or a place under the in-flight limit: a parked
                // poller may sim.now receive what it could not.
                if (wasFull || spec.type == .fifo) && visible > 0 { wakeWaitingPoller() }
            } else {
                // The visibility timeout expired while the work went on: the work is done, but the
                // delete comes too late and another consumer will do it again.
                book.workDone(m)
            }
        }
        processNext(poller: p)
    }

    /// A consumer instance went down: its pollers stop; what they held comes back after the
    /// visibility timeout.
    func consumersDown(instance k: Int) {
        for p in 0..<pollers.count where Int(pollers[p].instance) == k && pollers[p].state != .off {
            if batchIsInvocation && pollers[p].state == .processing {
                sim.components.batchEnds(Int(consumerComponent), pollers[p].instance)
            }
            if pollers[p].state == .waiting {
                // Its empty receives while parked are counted, as when it is woken.
                countEmptyReceives(poller: p, every: spec.wait == 0 ? shortPollInterval(poller: p) : spec.wait)
            }
            pollers[p].gen &+= 1
            pollers[p].state = .down
            pollers[p].batchCount = 0
        }
    }

    func consumersUp(instance k: Int) {
        for p in 0..<pollers.count where Int(pollers[p].instance) == k && pollers[p].state == .down {
            pollers[p].state = .idle
            poll(poller: p)
        }
    }

    /// Adds pollers for a newly launched consumer instance.
    func addPollers(instance k: Int) {
        if pollers.contains(where: { Int($0.instance) == k }) { return }
        for _ in 0..<pollersPerInstance {
            addPoller(instance: Int32(k))
            poll(poller: pollers.count - 1)
        }
    }

    func lifecycle(_ event: Lifecycle, group: Int32, instance k: Int, answer: inout LifecycleAnswer) {
        guard group == consumerComponent else { return }
        switch event {
        case .down, .terminated: consumersDown(instance: k)
        case .up: consumersUp(instance: k)
        case .launched: addPollers(instance: k)
        case .launching, .draining, .failedHealthCheck: break
        }
    }

    /// The queue's depth and the age of its oldest message (CloudWatch
    /// `ApproximateNumberOfMessagesVisible`, `ApproximateAgeOfOldestMessage`).
    func observe(_ sample: inout StateSample) {
        sample.queueDepth += visible
        if visibleList.head >= 0 {
            sample.oldestAge = max(sample.oldestAge, Time.seconds(sim.now - book.messages[Int(visibleList.head)].enqueuedAt))
        }
        if inflightList.head >= 0 {
            sample.oldestAge = max(sample.oldestAge, Time.seconds(sim.now - book.messages[Int(inflightList.head)].enqueuedAt))
        }
    }

    /// SQS deleted a message past its retention period (already out of its list): it is lost.
    func expire(_ m: Int32) {
        expired += 1
        book.lost(m)
    }

    /// At the end of a replication: messages still stored (visible or in flight) but past their
    /// retention period have been deleted by SQS and are lost, even if no consumer polled since.
    func finish() {
        // (one block for the two lists)
        do {
            let retention = spec.retention
            var m = visibleList.head
            while m >= 0 {
                let next = book.messages[Int(m)].next
                if book.messages[Int(m)].enqueuedAt + retention <= sim.now {
                    unlinkVisible(m)
                    expire(m)
                }
                m = next
            }
            m = inflightList.head
            while m >= 0 {
                let next = book.messages[Int(m)].tnext
                if book.messages[Int(m)].enqueuedAt + retention <= sim.now {
                    removeInflight(m)
                    expire(m)
                }
                m = next
            }
        }
    }
}

/// An SNS subscription: the topic's copy of a message is stored in the queue, unless the queue
/// fails the delivery (an `errors` fault) or the topic cannot reach it (a partition).
extension MessageQueue {
    func accept(message m: Int32, from sender: Int32) -> CallStatus {
        if errorProbability > 0 && streams.misc.uniform() < errorProbability { return errorStatus }
        if sim.isPartitioned(sender, index) { return .noResponse }
        book.messages[Int(m)].receiveCount = 0
        book.messages[Int(m)].deliverTo = -1
        store(message: m)
        return .ok
    }

    /// A message moved here as an SNS subscription's dead-letter queue.
    func storeDeadLetter(_ m: Int32) { store(message: m) }

    func store(message m: Int32) {
        if spec.type == .fifo {
            let origin = book.messages[Int(m)].origin
            book.messages[Int(m)].group = Int32(Int(origin % 1_000_003) % max(1, spec.messageGroups))
        }
        enqueueVisible(m, atHead: false)
        sent += 1
        wakeWaitingPoller()
    }
}

extension QueueSpec: ComponentSpec {
    static var declaration: MapDeclaration { .sqs }
    static var faultKinds: Set<FaultSpec.Kind> { [.errors, .partition, .zoneOutage] }
    /// The pollers allocated (those of a scaling consumer included, polling or not).
    func queuePollers(in components: [Component]) -> Int {
        consumers.map { components[$0].kind.spec.consumerPollers(perInstance: pollers) } ?? 0
    }
    var edges: [Int] { consumers.map { [$0] } ?? [] }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = MessageQueue(sim, index: index, spec: self)
        owner.append(model)
        return .sqs(.passUnretained(model))
    }
}
