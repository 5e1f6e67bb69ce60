/// A token bucket: `capacity` tokens at most, refilled at `rate` per second; a call takes one.
///
/// The throttle of API Gateway ("API Gateway throttles requests to your API using the token
/// bucket algorithm, where a token counts for a request") and of SQS FIFO's per-action quotas.
/// A value type, updated in place: no allocation per call.
struct TokenBucket {
    let rate: Double
    let capacity: Double
    private(set) var tokens: Double
    private var last: SimTime = 0

    /// A full bucket.
    init(rate: Double, capacity: Double) {
        self.rate = rate
        self.capacity = capacity
        tokens = capacity
    }

    /// Adds the tokens earned since the last refill.
    @inline(__always)
    mutating func refill(at now: SimTime) {
        tokens = min(capacity, tokens + Double(now - last) / 1e9 * rate)
        last = now
    }

    /// Whether a token is there (after a refill).
    @inline(__always)
    var hasToken: Bool { tokens >= 1 }

    /// Takes one token (call after a refill that found one).
    @inline(__always)
    mutating func take() { tokens -= 1 }

    /// Refills and takes a token if there is one.
    @inline(__always)
    mutating func take(at now: SimTime) -> Bool {
        refill(at: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// The time until the next token, from the last refill (at least 1 ns).
    var timeToNextToken: SimTime { max(1, SimTime(((1 - tokens) / rate * 1e9).rounded(.up))) }
}
