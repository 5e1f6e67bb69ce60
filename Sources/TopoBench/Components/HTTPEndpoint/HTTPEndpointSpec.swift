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
