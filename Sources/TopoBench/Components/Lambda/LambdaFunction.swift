/// Codes of a Lambda function's own events.
enum LambdaTimer: UInt8 {
    /// A synchronous invocation completes (`slot` = call).
    case callDone
    /// An asynchronous invocation completes, or the wait before its retry is over (`slot` = message).
    case eventDone
    /// A synchronous invocation reaches the function's timeout (`slot` = call).
    case callTimedOut
    /// The back-off before a retry of the invocation's call is over (`slot` = call).
    case retryCall
}

/// An AWS Lambda function: at most `concurrency` invocations at once.
///
/// A synchronous invocation beyond the concurrency limit is throttled (429); an asynchronous one
/// (from SNS) waits in Lambda's internal queue until a slot frees. As an SQS consumer, its event
/// source mapping processes 5 batches at once, 5 more every second while messages are visible,
/// up to `maximum_concurrency`, its concurrency and 1,000 (``PollerScaling``, run by the queue).
///
/// Every invocation, whatever its path, runs in an execution environment: an idle one if there
/// is one (the most recently used), else a new one, which first pays its init duration
/// (`cold_start`). An environment idle for `keep_warm` is recycled.
final class LambdaFunction: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: LambdaSpec
    let streams: ComponentStreams
    let book: MessageBook
    var running: Int32 = 0
    var latencyMultiplier: Double = 1
    var errorProbability: Double = 0
    /// Asynchronous events waiting for a free slot, in arrival order (``MessageLinks``).
    var backlog = ListHead()
    /// Asynchronous events received and not yet done: waiting, running or waiting to be retried.
    var pending = 0
    /// Asynchronous events done: processed, or discarded after the retries.
    var asyncProcessed = 0, asyncDiscarded = 0
    /// The idle execution environments, by the time each became idle, from `idleBottom` on:
    /// oldest first, as they are pushed at the end and reused from there, so the first ones are
    /// those to recycle once idle for `keep_warm`. A slab: no allocation once it has grown.
    var idleSince: Slab<SimTime> = []
    var idleBottom = 0
    /// Environments running an invocation (synchronous, asynchronous or an SQS batch).
    var busyEnvironments = 0
    /// Invocations that needed a new environment, and environments recycled after `keep_warm`.
    var coldStarts = 0, recycled = 0
    /// Invocations started while the run measured, and their billed duration (init included).
    var billedInvocations = 0
    var billedDuration: SimTime = 0
    /// The wait of the invocation serving each call (by call slot), for a function with `calls:`:
    /// when it began to wait for its call, and whether its start was billed (the run measured),
    /// so that the wait is billed with it.
    var waits: [(start: SimTime, billed: Bool)] = []
    /// Init durations are drawn from a stream of their own (`<function>.cold_start`), so that
    /// cold starts move no other draw.
    let coldStartStream: RandomGenerator

    init(_ sim: Simulation, index: Int32, spec: LambdaSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        book = sim.components.messages
        coldStartStream = sim.stream(sim.topology.components[Int(index)].name + ".cold_start")
    }

    deinit { idleSince.deallocate() }

    var hasBackgroundWork: Bool { pending > 0 }

    // MARK: execution environments

    /// Idle environments now (after recycling those idle for `keep_warm`).
    var idleEnvironments: Int {
        recycleIdle()
        return idleSince.count - idleBottom
    }

    /// An invocation starts: it takes the most recently used idle environment, or a new one,
    /// and returns the init duration it pays first (0 when warm).
    func startInvocation() -> SimTime {
        recycleIdle()
        busyEnvironments += 1
        if sim.metrics.measuring { billedInvocations &+= 1 }
        if idleSince.count > idleBottom {
            _ = idleSince.popLast()
            return 0
        }
        coldStarts += 1
        return spec.coldStart.sampleNanoseconds(coldStartStream)
    }

    /// An invocation ends: its environment is idle from now.
    func endInvocation() {
        busyEnvironments -= 1
        idleSince.append(sim.now)
    }

    /// Recycles the environments idle for `keep_warm` (when the next invocation looks: an
    /// environment nobody asks for makes no difference until then).
    func recycleIdle() {
        let keep = spec.keepWarm, now = sim.now
        while idleBottom < idleSince.count && idleSince[idleBottom] + keep <= now {
            idleBottom += 1
            recycled += 1
        }
        if idleBottom > 0 && (idleBottom == idleSince.count || (idleBottom > 64 && idleBottom * 2 > idleSince.count)) {
            idleSince.removeFirst(idleBottom)
            idleBottom = 0
        }
    }

    /// A synchronous invocation: throttled beyond the concurrency limit, otherwise it runs for
    /// its init and service time, then makes its call (`calls:`) and waits for the answer. An
    /// invocation still running at the function's timeout, counted from the end of its init
    /// (AWS limits the init phase on its own, to 10 s), fails then; it is billed up to its end.
    func receive(call: Int32, after carry: SimTime) {
        if running >= Int32(spec.concurrency) {
            sim.reply(call, .throttled)
            return
        }
        running += 1
        sim.calls[Int(call)].phase = .inService
        let billed = sim.metrics.measuring
        let initD = startInvocation()
        let service = duration()
        let gen = sim.calls[Int(call)].gen
        if service > spec.timeout {
            if billed { billedDuration &+= initD + spec.timeout }
            sim.scheduleTimer(after: initD + spec.timeout, for: index, code: LambdaTimer.callTimedOut.rawValue, slot: call, gen: gen)
            return
        }
        if billed { billedDuration &+= initD + service }
        sim.scheduleTimer(after: initD + service, for: index, code: LambdaTimer.callDone.rawValue, slot: call, gen: gen)
        if spec.calls != nil {
            // The rest of the timeout bounds the wait for the call, which is billed with the
            // invocation (when its start was: ``waits``).
            let c = Int(call)
            if c >= waits.count { waits.append(contentsOf: repeatElement((start: SimTime(0), billed: false), count: c + 1 - waits.count)) }
            waits[c].billed = billed
            sim.scheduleTimer(after: initD + spec.timeout, for: index, code: LambdaTimer.callTimedOut.rawValue, slot: call, gen: gen)
        }
    }

    func duration() -> SimTime {
        let d = spec.service.sampleNanoseconds(streams.service)
        return latencyMultiplier == 1 ? d : Time.fromSeconds(Double(d) / 1e9 * latencyMultiplier)
    }

    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        switch LambdaTimer(rawValue: code) {
        case .callDone: callDone(call: slot, gen: gen)
        case .eventDone: eventDone(message: slot, gen: gen)
        case .callTimedOut: callTimedOut(call: slot, gen: gen)
        case .retryCall: retryCall(call: slot, gen: gen)
        case nil: break
        }
    }

    /// A synchronous invocation's service time is over: it answers, or makes its call.
    func callDone(call: Int32, gen: UInt32) {
        let c = Int(call)
        guard sim.calls[c].gen == gen, sim.calls[c].phase == .inService else { return }
        let failed = errorProbability > 0 && streams.misc.uniform() < errorProbability
        guard spec.calls != nil, !failed else {
            finishInvocation(call, status: failed ? .serverError : .ok)
            return
        }
        sim.calls[c].phase = .waitingChild
        // The wait, back-offs included, is billed from here (``endWait``).
        waits[c].start = sim.now
        callDownstream(call)
    }

    /// The invocation makes its call (again, after a back-off).
    func callDownstream(_ call: Int32) {
        let c = Int(call)
        let downstream = spec.calls!
        sim.calls[c].attempts &+= 1
        let child = sim.newCall(
            callee: Int32(downstream), caller: index, parent: call, request: sim.calls[c].request,
            user: sim.calls[c].user, origin: sim.calls[c].origin)
        sim.calls[c].child = child
        sim.send(child, fromZone: -1, toZone: sim.components.zone(ofCallTo: downstream, call: child), sender: index)
    }

    /// The answer to the invocation's call: a retryable failure is retried as the SDK does
    /// (`retry`: attempts, exponential back-off with jitter) while the timeout allows; then the
    /// invocation ends with it (an error fails it).
    func childAnswered(call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        let c = Int(call)
        guard sim.calls[c].phase == .waitingChild else { return }
        let p = spec.callRetry
        if status != .ok, status.isRetryable, Int(sim.calls[c].attempts) < p.maxAttempts, sim.now < sim.hardStop {
            let delay = p.backoff(
                attempt: Int(sim.calls[c].attempts), previous: 0, throttled: status == .throttled, draw: streams.misc.uniform())
            sim.scheduleTimer(after: delay, for: index, code: LambdaTimer.retryCall.rawValue, slot: call, gen: sim.calls[c].gen)
            return
        }
        endWait(call)
        finishInvocation(call, status: status == .ok ? .ok : .serverError)
    }

    /// A back-off is over: the invocation, still running, calls again.
    func retryCall(call: Int32, gen: UInt32) {
        let c = Int(call)
        guard sim.calls[c].gen == gen, sim.calls[c].phase == .waitingChild, sim.calls[c].child < 0 else { return }
        callDownstream(call)
    }

    /// Bills the wait for the call, when the invocation's start was billed.
    func endWait(_ call: Int32) {
        let c = Int(call)
        if waits[c].billed { billedDuration &+= sim.now - waits[c].start }
    }

    /// The function's timeout: an invocation still serving or waiting for its call (or between
    /// two attempts) fails.
    func callTimedOut(call: Int32, gen: UInt32) {
        let c = Int(call)
        guard sim.calls[c].gen == gen else { return }
        switch sim.calls[c].phase {
        case .inService:
            // Its service time ran past the timeout (billed up to it when it started).
            break
        case .waitingChild:
            endWait(call)
            let child = sim.calls[c].child
            if child >= 0 {
                sim.calls[c].child = -1
                sim.calls[Int(child)].abandoned = true
                if sim.calls[Int(child)].phase == .dropped { sim.freeCallSlot(child) }
            }
        default:
            return
        }
        finishInvocation(call, status: .serverError)
    }

    /// A synchronous invocation ends: its slot and environment are free, the caller answered.
    func finishInvocation(_ call: Int32, status: CallStatus) {
        running -= 1
        endInvocation()
        sim.reply(call, status)
        drainBacklog()
    }

    /// Puts an event (new or retried) in the function's internal queue.
    func enqueue(message m: Int32) {
        backlog.append(m, in: book.messages, MessageLinks.self)
        drainBacklog()
    }

    func drainBacklog() {
        while running < Int32(spec.concurrency) && !backlog.isEmpty {
            let m = backlog.popFirst(in: book.messages, MessageLinks.self)
            running += 1
            book.messages[Int(m)].inflight = true
            let d = startInvocation() + duration()
            if sim.metrics.measuring { billedDuration &+= d }
            sim.scheduleTimer(after: d, for: index, code: LambdaTimer.eventDone.rawValue, slot: m, gen: book.messages[Int(m)].gen)
        }
    }

    /// An asynchronous invocation completes (the event was running), or the wait before its
    /// retry is over (it was not).
    func eventDone(message m: Int32, gen: UInt32) {
        guard book.messages[Int(m)].gen == gen else { return }
        guard book.messages[Int(m)].inflight else {
            enqueue(message: m)
            return
        }
        book.messages[Int(m)].inflight = false
        running -= 1
        endInvocation()
        let failed = errorProbability > 0 && streams.misc.uniform() < errorProbability
        if failed {
            // "Lambda retries the function two more times, with a one-minute wait between the
            // first two attempts, and two minutes between the second and third attempts"
            // (Lambda Developer Guide, "Asynchronous invocation"); then it discards the event
            // (no on-failure destination or DLQ here).
            if book.messages[Int(m)].receiveCount < 2 {
                book.messages[Int(m)].receiveCount += 1
                let wait = book.messages[Int(m)].receiveCount == 1 ? Time.minute : 2 * Time.minute
                sim.scheduleTimer(after: wait, for: index, code: LambdaTimer.eventDone.rawValue, slot: m, gen: gen)
            } else {
                pending -= 1
                asyncDiscarded += 1
                book.lost(m)
            }
        } else {
            pending -= 1
            asyncProcessed += 1
            book.processed(m)
        }
        drainBacklog()
    }

    func apply(_ f: FaultSpec, instance: Int, starting: Bool) {
        if f.kind == .latency { latencyMultiplier = starting ? f.multiplier : 1 } else { errorProbability = starting ? f.probability : 0 }
    }
}

/// An SNS subscription: an asynchronous invocation waits for a free slot.
extension LambdaFunction {
    func accept(message m: Int32, from sender: Int32) -> CallStatus {
        pending += 1
        enqueue(message: m)
        return .ok
    }
}

/// As an SQS consumer: one consumer "instance", the event source mapping, whose pollers scale
/// (unless the queue sets `pollers`); each batch is one invocation, in an environment of the
/// function's.
extension LambdaFunction {
    var consumerInstances: Int { 1 }
    func consumerPolling(queueSetting pollers: Int?) -> ConsumerPolling {
        let scaling = PollerScaling(
            initial: AwsDefaults.lambdaSqsInitialBatches, step: AwsDefaults.lambdaSqsScaleStep,
            interval: AwsDefaults.lambdaSqsScaleInterval)
        return ConsumerPolling(
            pollers: spec.sqsPollers(queueSetting: pollers), scaling: pollers == nil ? scaling : nil, batchIsInvocation: true)
    }
    func consumerUp(_ k: Int32) -> Bool { true }
    func consumerZone(_ k: Int32) -> Int8 { -1 }
    func processingTime(_ k: Int32) -> SimTime {
        let d = duration()
        if sim.metrics.measuring { billedDuration &+= d }
        return d
    }
    func batchStarts(_ k: Int32) -> SimTime {
        let d = startInvocation()
        if sim.metrics.measuring { billedDuration &+= d }
        return d
    }
    func batchEnds(_ k: Int32) { endInvocation() }
    func processingFails(_ k: Int32, stream: RandomGenerator) -> Bool {
        errorProbability > 0 && stream.uniform() < errorProbability
    }
}

extension LambdaSpec: ComponentSpec {
    static var declaration: MapDeclaration { .lambda }
    var edges: [Int] { calls.map { [$0] } ?? [] }
    /// The pollers a queue allocates for the function's event source mapping (``sqsPollers(queueSetting:)``).
    func consumerPollers(perInstance pollers: Int?) -> Int { sqsPollers(queueSetting: pollers) }
    static var faultKinds: Set<FaultSpec.Kind> { [.errors, .latency, .partition, .zoneOutage] }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = LambdaFunction(sim, index: index, spec: self)
        owner.append(model)
        return .lambda(.passUnretained(model))
    }
}
