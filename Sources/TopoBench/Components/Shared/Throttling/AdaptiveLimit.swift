import Foundation

/// `concurrency_limit` of an `instances` group: adaptive admission, as Netflix's
/// concurrency-limits library does it on a server (`com.netflix.concurrency.limits`).
public struct ConcurrencyLimitSpec: Sendable, Equatable {
    public enum Algorithm: String, Sendable, CaseIterable {
        /// `AIMDLimit`: + 1 after a success while at least half the limit is in use, × `backoff`
        /// after a drop (a failed request, or one slower than `timeout`).
        case aimd
        /// `Gradient2Limit`: the limit follows the ratio of the long-term to the current latency.
        case gradient
    }
    public var algorithm: Algorithm
    public var initial: Int
    public var min: Int
    public var max: Int
    /// AIMD: the factor a drop multiplies the limit by, and the latency past which a success counts as a drop.
    public var backoff: Double
    public var timeout: SimTime
    /// Gradient: how much slower than the long-term latency a request may be before the limit
    /// shrinks, the weight of each new estimate, and the queue allowed above the estimate.
    public var tolerance: Double
    public var smoothing: Double
    public var queueSize: Int
}

/// One instance's adaptive concurrency limit.
///
/// - `aimd` follows `AIMDLimit.onSample`: on a drop the limit becomes
///   max(min, ⌊limit × backoff⌋); otherwise, when at least half of it is in use, limit + 1 (at
///   most max).
/// - `gradient` follows `Gradient2Limit.onSample`: the long-term latency is an exponential
///   average over 600 samples (a plain average of the first 10), decayed by 5 % when it is more
///   than twice the current one; when at least half the limit is in use,
///   gradient = max(0.5, min(1, tolerance × long / current)), and the limit moves by
///   `smoothing` towards limit × gradient + queue_size, within [min, max].
struct AdaptiveLimit {
    let spec: ConcurrencyLimitSpec
    private(set) var limit: Double
    private var longRtt = 0.0
    private var samples = 0
    static let longWindow = 600.0, warmup = 10

    init(_ spec: ConcurrencyLimitSpec) {
        self.spec = spec
        limit = Double(Swift.min(Swift.max(spec.initial, spec.min), spec.max))
    }

    /// Requests admitted at once.
    var current: Int { Int(limit) }

    /// A request admitted with `inflight` requests in service or waiting (itself included) has
    /// ended after `rtt` (nanoseconds), dropped or not.
    mutating func sample(rtt: SimTime, inflight: Int, dropped: Bool) {
        switch spec.algorithm {
        case .aimd:
            if dropped || rtt > spec.timeout {
                limit = Double(Swift.max(spec.min, Int((limit * spec.backoff).rounded(.down))))
            } else if inflight * 2 >= Int(limit) {
                limit = Double(Swift.min(spec.max, Int(limit) + 1))
            }
        case .gradient:
            let short = Double(Swift.max(1, rtt))
            samples += 1
            if samples <= Self.warmup {
                longRtt += (short - longRtt) / Double(samples)
            } else {
                longRtt += (short - longRtt) * 2 / (Self.longWindow + 1)
            }
            if longRtt / short > 2 { longRtt *= 0.95 }
            guard Double(inflight) >= limit / 2 else { return }
            let gradient = Swift.max(0.5, Swift.min(1, spec.tolerance * longRtt / short))
            let target = limit * gradient + Double(spec.queueSize)
            limit = Swift.max(Double(spec.min), Swift.min(Double(spec.max), limit * (1 - spec.smoothing) + target * spec.smoothing))
        }
    }
}
