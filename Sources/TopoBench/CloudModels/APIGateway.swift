/// Amazon API Gateway in front of one integration.
///
/// Throttling is a token bucket, "a token counts for a request" (API Gateway Developer Guide,
/// "Throttle requests to your REST APIs"): `burst` tokens at most, refilled at `rate` per second;
/// a request that finds the bucket empty gets 429 at once and is not queued. The integration
/// timeout is 29 s by default, after which the client gets 504.
struct APIGateway {
    let component: Int32
    let spec: APIGatewaySpec
    var tokens: Double
    var lastRefill: SimTime = 0
    var timeoutList: Int32 = -1
    var errorProbability: Double = 0
    var errorStatus: CallStatus = .serverError
    var throttledCount = 0
}

extension Simulation {
    func gatewayReceive(gateway g: Int32, call: Int32) {
        let gi = Int(g)
        let spec = gateways[gi].spec
        let elapsed = Double(now - gateways[gi].lastRefill) / 1e9
        gateways[gi].tokens = min(Double(spec.burst), gateways[gi].tokens + elapsed * spec.rate)
        gateways[gi].lastRefill = now
        if gateways[gi].tokens < 1 {
            gateways[gi].throttledCount += 1
            reply(call, .throttled)
            return
        }
        gateways[gi].tokens -= 1
        if gateways[gi].errorProbability > 0
            && componentStreams[Int(gateways[gi].component)].misc.uniform() < gateways[gi].errorProbability
        {
            reply(call, gateways[gi].errorStatus)
            return
        }
        calls[Int(call)].phase = .forwarded
        let child = newCall(
            callee: Int32(spec.target), caller: gateways[gi].component, parent: call,
            request: calls[Int(call)].request, user: calls[Int(call)].user, origin: calls[Int(call)].origin)
        calls[Int(call)].child = child
        timeoutAppend(call: child, list: gateways[gi].timeoutList)
        send(child, fromZone: -1, toZone: zoneOfCallee(spec.target, child: child), sender: gateways[gi].component)
    }

    func gatewayChildAnswered(gateway g: Int32, call: Int32, child: Int32, status: CallStatus) {
        reply(call, status == .refused ? .badGateway : status)
    }

    func gatewayChildTimedOut(gateway g: Int32, call: Int32) {
        reply(call, .gatewayTimeout)
    }
}

/// An AWS Lambda function: at most `concurrency` invocations at once.
///
/// A synchronous invocation beyond the concurrency limit is throttled (429); an asynchronous one
/// (from SNS or SQS) waits in Lambda's internal queue until a slot frees.
struct LambdaFunction {
    let component: Int32
    let spec: LambdaSpec
    var running: Int32 = 0
    var latencyMultiplier: Double = 1
    var errorProbability: Double = 0
    /// Asynchronous events waiting for a free slot (messages linked through `next`).
    var backlogHead: Int32 = -1
    var backlogTail: Int32 = -1
    /// Asynchronous events received and not yet done: waiting, running or waiting to be retried.
    var pending = 0
    /// Asynchronous events done: processed, or discarded after the retries.
    var asyncProcessed = 0, asyncDiscarded = 0
}

extension Simulation {
    func lambdaReceive(function f: Int32, call: Int32) {
        let fi = Int(f)
        if lambdas[fi].running >= Int32(lambdas[fi].spec.concurrency) {
            reply(call, .throttled)
            return
        }
        lambdas[fi].running += 1
        calls[Int(call)].phase = .inService
        let d = lambdaDuration(fi)
        schedule(after: d, .componentTimer, target: lambdas[fi].component, slot: call, gen: calls[Int(call)].gen)
    }

    func lambdaDuration(_ fi: Int) -> SimTime {
        let s = componentStreams[Int(lambdas[fi].component)].service
        let d = lambdas[fi].spec.service.sampleNanoseconds(s)
        return lambdas[fi].latencyMultiplier == 1 ? d : Time.fromSeconds(Double(d) / 1e9 * lambdas[fi].latencyMultiplier)
    }

    /// A synchronous invocation completes.
    func lambdaCallDone(_ fi: Int, call: Int32, gen: UInt32) {
        guard calls[Int(call)].gen == gen, calls[Int(call)].phase == .inService else { return }
        lambdas[fi].running -= 1
        let failed = lambdas[fi].errorProbability > 0
            && componentStreams[Int(lambdas[fi].component)].misc.uniform() < lambdas[fi].errorProbability
        reply(call, failed ? .serverError : .ok)
        drainLambdaBacklog(fi)
    }

    func lambdaChildAnswered(function f: Int32, call: Int32, child: Int32, status: CallStatus) {}
    func lambdaChildTimedOut(function f: Int32, call: Int32) {}

    /// An asynchronous event (an SNS delivery) for the function: it waits for a free slot.
    func lambdaInvokeAsync(_ fi: Int, message m: Int32) {
        lambdas[fi].pending += 1
        lambdaEnqueue(fi, message: m)
    }

    /// Puts an event (new or retried) in the function's internal queue.
    func lambdaEnqueue(_ fi: Int, message m: Int32) {
        messages[Int(m)].next = -1
        if lambdas[fi].backlogTail >= 0 { messages[Int(lambdas[fi].backlogTail)].next = m } else { lambdas[fi].backlogHead = m }
        lambdas[fi].backlogTail = m
        drainLambdaBacklog(fi)
    }

    func drainLambdaBacklog(_ fi: Int) {
        while lambdas[fi].running < Int32(lambdas[fi].spec.concurrency) && lambdas[fi].backlogHead >= 0 {
            let m = lambdas[fi].backlogHead
            lambdas[fi].backlogHead = messages[Int(m)].next
            if lambdas[fi].backlogHead < 0 { lambdas[fi].backlogTail = -1 }
            lambdas[fi].running += 1
            messages[Int(m)].inflight = true
            let d = lambdaDuration(fi)
            // Asynchronous completions carry the message as a negative slot.
            schedule(after: d, .componentTimer, target: lambdas[fi].component, slot: -2 - m, gen: messages[Int(m)].gen)
        }
    }

    /// An asynchronous invocation completes (the event was running), or the wait before its
    /// retry is over (it was not).
    func lambdaAsyncDone(_ fi: Int, message m: Int32, gen: UInt32) {
        guard messages[Int(m)].gen == gen else { return }
        guard messages[Int(m)].inflight else {
            lambdaEnqueue(fi, message: m)
            return
        }
        messages[Int(m)].inflight = false
        lambdas[fi].running -= 1
        let failed = lambdas[fi].errorProbability > 0
            && componentStreams[Int(lambdas[fi].component)].misc.uniform() < lambdas[fi].errorProbability
        if failed {
            // "Lambda retries the function two more times, with a one-minute wait between the
            // first two attempts, and two minutes between the second and third attempts"
            // (Lambda Developer Guide, "Asynchronous invocation"); then it discards the event
            // (no on-failure destination or DLQ here).
            if messages[Int(m)].receiveCount < 2 {
                messages[Int(m)].receiveCount += 1
                let wait = messages[Int(m)].receiveCount == 1 ? Time.minute : 2 * Time.minute
                schedule(after: wait, .componentTimer, target: lambdas[fi].component, slot: -2 - m, gen: gen)
            } else {
                lambdas[fi].pending -= 1
                lambdas[fi].asyncDiscarded += 1
                messageLost(m, deadLettered: false)
            }
        } else {
            lambdas[fi].pending -= 1
            lambdas[fi].asyncProcessed += 1
            messageProcessed(m)
        }
        drainLambdaBacklog(fi)
    }
}
