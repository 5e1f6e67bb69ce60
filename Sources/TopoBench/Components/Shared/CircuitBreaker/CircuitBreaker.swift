/// A circuit breaker on a `calls:` edge: closed, open, half-open.
///
/// Closed: calls pass; outcomes are counted in a rolling window (two half-windows, so the count
/// covers between one and two half-windows). When at least `minimumCalls` calls in the window
/// failed in a share ≥ `errorThreshold`, the breaker opens: calls fail at once (503) for
/// `openFor`. Then it is half-open: `halfOpenProbes` trial calls pass; if they all succeed it
/// closes, and one failure opens it again. (The pattern as described by Nygard, *Release It!*,
/// and as implemented by resilience4j's count-based breaker.)
struct CircuitBreaker {
    enum State { case closed, open, halfOpen }
    let spec: CircuitBreakerSpec
    var state: State = .closed
    var openedAt: SimTime = 0
    var bucketStart: SimTime = 0
    var currentCalls = 0, currentFailures = 0
    var previousCalls = 0, previousFailures = 0
    var probesInFlight = 0
    var probeSuccesses = 0
    /// How many times it opened.
    var opens = 0

    init(spec: CircuitBreakerSpec) { self.spec = spec }

    mutating func roll(now: SimTime) {
        let half = max(1, spec.window / 2)
        while now - bucketStart >= half {
            previousCalls = currentCalls
            previousFailures = currentFailures
            currentCalls = 0
            currentFailures = 0
            bucketStart += half
            if now - bucketStart >= 2 * half {
                previousCalls = 0
                previousFailures = 0
                bucketStart = now - (now - bucketStart) % half
            }
        }
    }

    /// Whether a call may go out now.
    mutating func allow(now: SimTime) -> Bool {
        switch state {
        case .closed: return true
        case .open:
            if now - openedAt >= spec.openFor {
                state = .halfOpen
                probesInFlight = 0
                probeSuccesses = 0
            } else {
                return false
            }
            fallthrough
        case .halfOpen:
            if probesInFlight < spec.halfOpenProbes {
                probesInFlight += 1
                return true
            }
            return false
        }
    }

    mutating func record(success: Bool, now: SimTime) {
        switch state {
        case .halfOpen:
            if success {
                probeSuccesses += 1
                if probeSuccesses >= spec.halfOpenProbes {
                    state = .closed
                    currentCalls = 0; currentFailures = 0; previousCalls = 0; previousFailures = 0
                    bucketStart = now
                }
            } else {
                trip(now: now)
            }
        case .open:
            break
        case .closed:
            roll(now: now)
            currentCalls += 1
            if !success { currentFailures += 1 }
            let calls = currentCalls + previousCalls
            let failures = currentFailures + previousFailures
            if calls >= spec.minimumCalls && Double(failures) >= spec.errorThreshold * Double(calls) {
                trip(now: now)
            }
        }
    }

    mutating func trip(now: SimTime) {
        state = .open
        openedAt = now
        opens += 1
    }
}

/// A circuit breaker on a `calls:` edge.
public struct CircuitBreakerSpec: Sendable {
    /// Error ratio over the rolling window that opens the breaker.
    public var errorThreshold: Double
    /// The least number of calls in the window before the ratio counts.
    public var minimumCalls: Int
    public var window: SimTime
    /// How long the breaker stays open before letting probes through.
    public var openFor: SimTime
    /// Trial calls let through while half-open.
    public var halfOpenProbes: Int
}

extension CircuitBreakerSpec {
    /// Reads a `circuit_breaker` map (of a `calls:` edge, or of the workload's clients).
    static func read(_ b: MapReader) throws -> CircuitBreakerSpec {
        let spec = CircuitBreakerSpec(
            errorThreshold: try b.double("error_threshold", default: 0.5) ?? 0.5,
            minimumCalls: try b.int("minimum_calls", default: 20) ?? 20,
            window: try b.duration("window", default: 10 * Time.second) ?? 10 * Time.second,
            openFor: try b.duration("open", default: 30 * Time.second) ?? 30 * Time.second,
            halfOpenProbes: try b.int("half_open_probes", default: 5) ?? 5)
        try b.finish()
        return spec
    }
}
