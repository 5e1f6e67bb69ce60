import Foundation

/// An Amazon SNS topic: a Publish is acknowledged once stored, then fanned out to every
/// subscription (SQS queues, Lambda functions, HTTP/S endpoints).
///
/// Deliveries to AWS-managed endpoints (SQS, Lambda) use the managed retry policy (100,015
/// attempts over 23 days), so a healthy queue always gets its copy; deliveries to HTTP/S
/// endpoints follow the endpoint's delivery policy (Amazon SNS Developer Guide, "Amazon SNS
/// message delivery retries"); a message that exhausts it goes to the subscription's
/// dead-letter queue if it has one, and is dropped otherwise; either way it is counted lost.
struct Topic {
    let component: Int32
    let spec: TopicSpec
    var published = 0
}

/// An HTTP/S subscription of a topic, delivering to a component (an ALB or instances).
struct HTTPEndpoint {
    let component: Int32
    let spec: HTTPEndpointSpec
    var timeoutList: Int32 = -1
    /// Messages being delivered or waiting to be retried.
    var pending = 0
    var delivered = 0, retried = 0, failed = 0
}

extension Simulation {
    func topicReceive(topic t: Int32, call: Int32) {
        let ti = Int(t)
        let origin = calls[Int(call)].origin
        let counted = origin >= warmupEnd
        topics[ti].published += 1
        reply(call, .ok)
        let publish = newPublish(origin: origin, counted: counted, copies: topics[ti].spec.subscribers.count)
        for s in topics[ti].spec.subscribers {
            switch kindOf[s] {
            case .sqs: queueAccept(Int(slotOf[s]), origin: origin, counted: counted, publish: publish)
            case .lambda:
                let m = newMessage(origin: origin, counted: counted)
                messages[Int(m)].publish = publish
                lambdaInvokeAsync(Int(slotOf[s]), message: m)
            case .httpEndpoint:
                let ei = Int(slotOf[s])
                let m = newMessage(origin: origin, counted: counted)
                messages[Int(m)].publish = publish
                endpoints[ei].pending += 1
                endpointAttempt(ei, message: m)
            default: break
            }
        }
    }

    /// One delivery attempt: an HTTP POST to the endpoint's target.
    func endpointAttempt(_ ei: Int, message m: Int32) {
        let comp = endpoints[ei].component
        let target = endpoints[ei].spec.target
        messages[Int(m)].receiveCount += 1
        let c = newCall(callee: Int32(target), caller: comp, parent: -1, request: m, user: -1, origin: messages[Int(m)].origin)
        calls[Int(c)].parentGen = messages[Int(m)].gen
        timeoutAppend(call: c, list: endpoints[ei].timeoutList)
        send(c, fromZone: -1, toZone: zoneOfCallee(target, child: c), sender: comp)
    }

    /// The answer to a call made by an asynchronous component (an SNS HTTP delivery).
    func asyncCallAnswered(owner comp: Int32, call: Int32, status: CallStatus) {
        guard case .httpEndpoint = kindOf[Int(comp)] else { return }
        let ei = Int(slotOf[Int(comp)])
        let m = calls[Int(call)].request
        guard messages[Int(m)].gen == calls[Int(call)].parentGen else { return }
        if status == .ok {
            endpoints[ei].pending -= 1
            endpoints[ei].delivered += 1
            messageProcessed(m)
        } else {
            endpointRetry(ei, message: m)
        }
    }

    func asyncCallTimedOut(owner comp: Int32, call: Int32) {
        guard case .httpEndpoint = kindOf[Int(comp)] else { return }
        let ei = Int(slotOf[Int(comp)])
        let m = calls[Int(call)].request
        guard messages[Int(m)].gen == calls[Int(call)].parentGen else { return }
        endpointRetry(ei, message: m)
    }

    /// Schedules the next attempt per the delivery policy, or gives the message up.
    func endpointRetry(_ ei: Int, message m: Int32) {
        let policy = endpoints[ei].spec.policy
        let attempt = Int(messages[Int(m)].receiveCount)  // attempts made so far
        guard attempt < policy.totalAttempts else {
            endpoints[ei].pending -= 1
            endpoints[ei].failed += 1
            messageLost(m, deadLettered: topicsHaveDeadLetter(endpoint: ei))
            return
        }
        endpoints[ei].retried += 1
        let delay = deliveryDelay(policy, retry: attempt)
        schedule(after: delay, .componentTimer, target: endpoints[ei].component, slot: m, gen: messages[Int(m)].gen)
    }

    func topicsHaveDeadLetter(endpoint ei: Int) -> Bool {
        let comp = Int(endpoints[ei].component)
        return topics.contains { $0.spec.deadLetter && $0.spec.subscribers.contains(comp) }
    }

    /// The delay before retry number `retry` (1-based): the immediate phase, then pre-backoff,
    /// backoff (exponential from `minDelay` to `maxDelay`), post-backoff.
    func deliveryDelay(_ p: DeliveryPolicy, retry: Int) -> SimTime {
        var r = retry
        if r <= p.immediateRetries { return 0 }
        r -= p.immediateRetries
        if r <= p.preBackoffRetries { return p.preBackoffDelay }
        r -= p.preBackoffRetries
        if r <= p.backoffRetries {
            if p.backoffRetries <= 1 || p.minDelay == p.maxDelay { return p.minDelay }
            let lo = Double(max(1, p.minDelay)), hi = Double(p.maxDelay)
            let f = Double(r - 1) / Double(p.backoffRetries - 1)
            return SimTime((lo * pow(hi / lo, f)).rounded())
        }
        return p.postBackoffDelay
    }

    func endpointTimer(_ ei: Int, message m: Int32, gen: UInt32) {
        guard messages[Int(m)].gen == gen, messages[Int(m)].inUse else { return }
        endpointAttempt(ei, message: m)
    }
}
