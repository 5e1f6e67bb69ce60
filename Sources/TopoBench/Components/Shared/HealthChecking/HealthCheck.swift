/// Health of one checked target, as an ELB target group tracks it (Route 53 health checks will
/// use the same thresholds).
///
/// Elastic Load Balancing User Guide for ALBs, "Health checks for your target groups": a target
/// is probed every `interval`; a probe that gets no answer within `timeout` fails; after
/// `unhealthy` consecutive failures (default 2) the target is unhealthy and gets no new requests;
/// after `healthy` consecutive successes (default 5) it is healthy again; a newly registered
/// target needs one success. "Each health check request is independent and the result lasts for
/// the entire interval."
struct TargetHealth {
    enum State: UInt8 { case initial, healthy, unhealthy, draining, unused }
    var state: State = .healthy
    var consecutiveSuccesses: Int32 = 0
    var consecutiveFailures: Int32 = 0
    /// Requests forwarded and not yet answered (for least outstanding requests).
    var outstanding: Int32 = 0
    /// Generation of the probe loop (a re-registered target starts a new loop).
    var probeGen: UInt32 = 0
    var drainingSince: SimTime = -1

    /// Counts one probe's result against the thresholds; returns whether the state changed.
    mutating func record(ok: Bool, _ hc: HealthCheckSpec) -> Bool {
        let before = state
        if ok {
            consecutiveFailures = 0
            consecutiveSuccesses += 1
            switch state {
            case .initial: state = .healthy
            case .unhealthy: if consecutiveSuccesses >= Int32(hc.healthyThreshold) { state = .healthy }
            default: break
            }
        } else {
            consecutiveSuccesses = 0
            consecutiveFailures += 1
            switch state {
            case .healthy, .initial:
                if consecutiveFailures >= Int32(hc.unhealthyThreshold) { state = .unhealthy }
            default: break
            }
        }
        return state != before
    }

    /// Starts a new registration: one passing probe makes it healthy.
    mutating func register() {
        probeGen &+= 1
        state = .initial
        consecutiveFailures = 0
        consecutiveSuccesses = 0
        outstanding = 0
    }
}

/// The ALB health-check settings of a target group.
public struct HealthCheckSpec: Sendable {
    public var interval: SimTime
    public var timeout: SimTime
    public var healthyThreshold: Int
    public var unhealthyThreshold: Int
}
