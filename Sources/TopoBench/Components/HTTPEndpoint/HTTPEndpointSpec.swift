import Foundation

// The `http_endpoint` kind as the loader reads it (keys: `HTTPEndpointDeclaration.swift`).

/// An SNS delivery retry policy: immediate, pre-backoff, backoff, post-backoff phases.
public struct DeliveryPolicy: Sendable {
    public var immediateRetries: Int
    public var preBackoffRetries: Int
    public var preBackoffDelay: SimTime
    public var backoffRetries: Int
    public var minDelay: SimTime
    public var maxDelay: SimTime
    public var postBackoffRetries: Int
    public var postBackoffDelay: SimTime
    public var totalAttempts: Int {
        1 + immediateRetries + preBackoffRetries + backoffRetries + postBackoffRetries
    }
}

extension DeliveryPolicy {
    /// The delay before retry number `retry` (1-based): the immediate phase, then pre-backoff,
    /// backoff (exponential from `minDelay` to `maxDelay`), post-backoff.
    ///
    /// "Amazon SNS applies jittering to delivery retries" (Amazon SNS Developer Guide, "Amazon
    /// SNS message delivery retries", pointing to the AWS Architecture Blog's "Exponential
    /// Backoff and Jitter"). AWS does not say which jitter: a backoff-phase delay d is drawn
    /// with equal jitter, d/2 + U(0, d/2), and never below the phase's `minDelay` (assumption).
    /// A phase whose delays are all equal (the HTTP/S default, 20 s) is not jittered and draws
    /// nothing.
    func delay(beforeRetry retry: Int, jitter stream: RandomGenerator) -> SimTime {
        var r = retry
        if r <= immediateRetries { return 0 }
        r -= immediateRetries
        if r <= preBackoffRetries { return preBackoffDelay }
        r -= preBackoffRetries
        if r <= backoffRetries {
            if backoffRetries <= 1 || minDelay == maxDelay { return minDelay }
            let lo = Double(max(1, minDelay)), hi = Double(maxDelay)
            let f = Double(r - 1) / Double(backoffRetries - 1)
            let d = lo * pow(hi / lo, f)
            return max(minDelay, SimTime((d / 2 + stream.uniform() * d / 2).rounded()))
        }
        return postBackoffDelay
    }
}

public struct HTTPEndpointSpec: Sendable {
    public var target: Int
    public var policy: DeliveryPolicy
    public var timeout: SimTime
}


extension HTTPEndpointSpec {
    /// Reads a `http_endpoint` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        guard let target = try t.ref(cm, "target") else {
            throw cm.reader.error(expected: "'target': the instances or alb that receives the deliveries", suggestion: "target")
        }
        return HTTPEndpointSpec(
            target: target, policy: try ScenarioLoader.parseDeliveryPolicy(cm.optional("retry_policy")),
            timeout: try cm.duration("timeout", default: AwsDefaults.snsHTTPTimeout) ?? AwsDefaults.snsHTTPTimeout)
    }
}
