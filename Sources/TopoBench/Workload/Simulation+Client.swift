/// The clients: open-loop arrivals or closed-loop users, with the AWS SDK's retry behaviour.
///
/// Retries follow the SDKs' *standard* mode (AWS SDKs and Tools Reference Guide, "Retry
/// behavior"): `max_attempts` attempts in all (3 by default), exponential back-off with full
/// jitter `rand(0, min(cap, base·2^attempt))` capped at 20 s, and a retry quota: a bucket of 500
/// tokens, 5 spent per retry, 10 per retry after a timeout, and on success 1 back (or the retry's
/// cost back when the success came from a retry). An empty bucket stops retries but never a
/// first attempt. Which errors are retried: 5xx, 429, timeouts and connection failures, as the
/// SDKs do; a 4xx other than 429 is not (it is counted with the 5xx, as an error answer).
extension Simulation {
    func startClients() {
        let w = scenario.workload
        users.deallocate()
        users = Slab(repeating: UserState(), count: max(1, w.users))
        if let t = w.timeout {
            clientTimeoutList = makeTimeoutList(.client, delay: t)
        }
        retryTokens = w.retry.quota?.capacity ?? 0
        switch w.mode {
        case .open:
            scheduleNextArrival(from: 0)
        case .closed(let n, let think):
            for u in 0..<n {
                schedule(at: think.sampleNanoseconds(client.think), .userWake, slot: Int32(u))
            }
        }
    }

    /// Draws the next arrival time after `from`: a thinned Poisson process when the rate follows
    /// a profile and arrivals are exponential (exact for a non-homogeneous Poisson process);
    /// otherwise the inter-arrival time is divided by the multiplier in force.
    func scheduleNextArrival(from t0: SimTime) {
        guard let a = openArrivals else { return }
        var t = t0
        if let profile = a.profile {
            if case .exponential = a.interArrival.kind {
                let peak = profile.maximum
                let meanGap = 1.0 / (a.rate * peak)
                while true {
                    t += Time.fromSeconds(client.arrival.exponential(mean: meanGap))
                    if t >= endOfArrivals { return }
                    if client.arrival.uniform() * peak <= profile.multiplier(at: t) { break }
                }
            } else {
                let m = max(1e-9, profile.multiplier(at: t))
                t += Time.fromSeconds(a.interArrival.sample(client.arrival) / m)
            }
        } else {
            t += arrivalDraws[0].draw()
        }
        // The next arrival waits beside the heap (EventQueue's side slot): one at a time.
        if t < endOfArrivals { events.scheduleAside(at: t, .arrival) }
    }

    func handleArrival() {
        let u = Int32(users.count == 1 ? 0 : client.users.uniformInt(users.count))
        beginRequest(user: u)
        scheduleNextArrival(from: now)
    }

    func handleUserWake(_ user: Int32) {
        if now >= endOfArrivals { return }
        beginRequest(user: user)
    }

    /// A logical request starts: its first attempt goes out now.
    func beginRequest(user: Int32) {
        let r = requests.acquire(from: &freeRequest, blank: Request())
        let i = Int(r)
        requests[i].active = true
        requests[i].user = user
        requests[i].start = now
        requests[i].attempt = 0
        requests[i].lastCost = 0
        requests[i].lastBackoff = 0
        requests[i].counted = metrics.measuring
        requests[i].entry = entryMix.isEmpty ? Int32(topology.entry) : pickEntry()
        inFlightRequests += 1
        if metrics.measuring { metrics.offered += 1 }
        if clientBudget != nil { clientBudget!.noteRequest(at: now) }
        startAttempt(r)
    }

    func startAttempt(_ r: Int32) {
        let i = Int(r)
        requests[i].attempt += 1
        if clientBreaker != nil && !clientBreaker!.allow(now: now) {
            // The breaker is open: the request fails at once, and is not retried into it.
            requests[i].call = -1
            failAttempt(r, cause: .rejected, timeout: false, retryable: false)
            return
        }
        let entry = requests[i].entry
        let call = newCall(callee: entry, caller: -1, parent: -1, request: r, user: requests[i].user, origin: requests[i].start)
        requests[i].call = call
        requests[i].callGen = calls[Int(call)].gen
        if clientTimeoutList >= 0 { timeoutAppend(request: r) }
        send(call, fromZone: -1, toZone: components.entryZone(Int(entry)), sender: -1)
    }

    /// The entry of a logical request in a traffic mix: one uniform draw per request, from the
    /// mix's own stream, so every topology of a replication sends the same requests the same way.
    func pickEntry() -> Int32 {
        let u = entryStream!.uniform()
        for e in entryMix where u < e.upTo { return e.component }
        return entryMix[entryMix.count - 1].component
    }

    /// The answer to a client attempt has arrived.
    func clientAttemptAnswered(request r: Int32, call: Int32, status: CallStatus) {
        let i = Int(r)
        guard requests[i].active, requests[i].call == call, requests[i].callGen == calls[Int(call)].gen else { return }
        if requests[i].inTimeoutList { timeoutRemove(request: r) }
        requests[i].call = -1
        if clientBreaker != nil { clientBreaker!.record(success: status == .ok, now: now) }
        if status == .ok {
            succeed(r)
        } else {
            failAttempt(r, cause: FailureCause(status), timeout: false, retryable: status.isRetryable)
        }
    }

    func clientAttemptTimedOut(request r: Int32) {
        let i = Int(r)
        guard requests[i].active else { return }
        let call = requests[i].call
        if call >= 0 {
            calls[Int(call)].abandoned = true
            if calls[Int(call)].phase == .dropped { freeCallSlot(call) }
        }
        requests[i].call = -1
        if clientBreaker != nil { clientBreaker!.record(success: false, now: now) }
        failAttempt(r, cause: .timeout, timeout: true)
    }

    func succeed(_ r: Int32) {
        let i = Int(r)
        if let q = retryQuota {
            let back = requests[i].attempt > 1 ? Int(requests[i].lastCost) : q.successIncrement
            retryTokens = min(q.capacity, retryTokens + back)
        }
        if requests[i].counted {
            metrics.recordSuccess(latency: now - requests[i].start, attempts: requests[i].attempt, at: now)
        }
        endRequest(r)
    }

    /// An attempt failed: retry if the policy and the quota allow it, otherwise give up.
    func failAttempt(_ r: Int32, cause: FailureCause, timeout: Bool, retryable: Bool = true) {
        let i = Int(r)
        let policy = scenario.workload.retry
        if retryable && requests[i].attempt < maxAttempts && now < hardStop {
            var allowed = true
            var cost = 0
            if let q = policy.quota {
                cost = q.cost(timeout: timeout, throttled: cause == .throttled)
                if retryTokens < cost { allowed = false }
            }
            // The budget is asked only when the quota has the tokens, and the tokens are taken
            // only when the budget allows the retry.
            if allowed && clientBudget != nil && !clientBudget!.takeRetry(at: now) { allowed = false }
            if allowed { retryTokens -= cost }
            if allowed {
                requests[i].lastCost = Int32(cost)
                let delay = backoff(attempt: Int(requests[i].attempt), previous: requests[i].lastBackoff, policy, throttled: cause == .throttled)
                requests[i].lastBackoff = delay
                requests[i].gen &+= 1
                schedule(after: delay, .retry, slot: r, gen: requests[i].gen)
                return
            }
        }
        if requests[i].counted { metrics.recordFailure(cause, latency: now - requests[i].start, attempts: requests[i].attempt, at: now) }
        endRequest(r)
    }

    /// The back-off before the end user's retry number `attempt` (1 = the first retry).
    func backoff(attempt: Int, previous: SimTime, _ p: RetryPolicy, throttled: Bool = false) -> SimTime {
        p.backoff(attempt: attempt, previous: previous, throttled: throttled, draw: client.retry.uniform())
    }

    func handleRetry(_ r: Int32, gen: UInt32) {
        let i = Int(r)
        guard requests[i].active, requests[i].gen == gen else { return }
        startAttempt(r)
    }

    /// Counts a request against the user's session; after `session.requests` it logs out.
    @inline(__always)
    func consumeSessionRequest(_ u: Int) {
        users[u].requestsLeft -= 1
        if users[u].requestsLeft <= 0 { users[u].hasSession = false }
    }

    func endRequest(_ r: Int32) {
        let i = Int(r)
        requests[i].active = false
        requests[i].gen &+= 1
        inFlightRequests -= 1
        let user = requests[i].user
        freeRequest.append(r)
        if case .closed(_, let think) = scenario.workload.mode, now < endOfArrivals {
            schedule(after: think.sampleNanoseconds(client.think), .userWake, slot: user)
        }
    }
}

extension RetryPolicy {
    /// The back-off before retry number `attempt` (1 = the first retry), as in the AWS
    /// Architecture Blog's "Exponential Backoff and Jitter"; `u` is a uniform draw on [0, 1).
    func backoff(attempt: Int, previous: SimTime, throttled: Bool, draw u: Double) -> SimTime {
        let base = throttled ? throttleBase ?? self.base : self.base
        let exp = Double(base) * Double(1 << min(attempt - 1, 40))
        let ceiling = min(Double(cap), exp)
        let ns: Double
        switch jitter {
        case .none: ns = ceiling
        case .full: ns = u * ceiling
        case .equal: ns = ceiling / 2 + u * ceiling / 2
        case .decorrelated:
            let lo = Double(base), hi = max(lo, Double(previous == 0 ? base : previous) * 3)
            ns = min(Double(cap), lo + u * (hi - lo))
        }
        return SimTime(ns.rounded())
    }
}

extension RetryQuota {
    /// The tokens a retry costs after a timeout, a throttling error or another error.
    @inline(__always) func cost(timeout: Bool, throttled: Bool) -> Int {
        timeout ? timeoutRetryCost : throttled ? throttleCost ?? retryCost : retryCost
    }
}

/// Why a logical request finally failed (the last attempt's cause).
public enum FailureCause: Sendable {
    case serverError, timeout, throttled, rejected

    init(_ status: CallStatus) {
        switch status {
        case .throttled: self = .throttled
        case .rejected: self = .rejected
        case .noResponse: self = .timeout
        default: self = .serverError
        }
    }
}
