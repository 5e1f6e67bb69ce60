// The `sns` kind as the loader reads it (keys: `SNSDeclaration.swift`).

/// One subscription of a topic.
public struct SubscriptionSpec: Sendable {
    /// The subscribed component (sqs, lambda or http_endpoint).
    public var target: Int
    /// Whether the target is an SQS queue (the topic delivers to it itself, under the managed policy).
    public var targetIsQueue: Bool
    /// The subscription's dead-letter queue (an sqs component), if any.
    public var deadLetter: Int?
    /// An HTTP/S subscription's own delivery policy (nil: the endpoint's `retry_policy`).
    public var policy: DeliveryPolicy?
    /// Whether the target is a Lambda function (deliveries to it are free, and made by the topic).
    public var targetIsLambda = false
}

public struct TopicSpec: Sendable {
    public var subscriptions: [SubscriptionSpec]
    public var region: Int?
    /// The subscribed components, in order.
    public var subscribers: [Int] { subscriptions.map(\.target) }
}


extension TopicSpec {
    /// Reads a `sns` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let subscriberKinds = MapDeclaration.snsSubscriberKinds
        guard let subs = try cm.list("subscribers"), !subs.isEmpty else {
            throw cm.reader.error(expected: "'subscribers': a list of sqs, lambda or http_endpoint components", suggestion: "subscribers")
        }
        var subscriptions: [SubscriptionSpec] = []
        for s in subs {
            var sub: SubscriptionSpec
            let at: NodeReader
            if s.isMap {
                let m = try s.map()
                guard let target = try t.ref(m, "target") else {
                    throw m.reader.error(expected: "'target': the subscribed sqs, lambda or http_endpoint component", suggestion: "target")
                }
                at = m.optional("target") ?? s
                sub = SubscriptionSpec(target: target, targetIsQueue: t.kinds[t.names[target]] == "sqs", deadLetter: try t.ref(m, "dead_letter"), policy: nil)
                if let p = m.optional("retry_policy") {
                    guard t.kinds[t.names[target]] == "http_endpoint" else {
                        throw p.error(
                            expected: "no retry_policy: SNS's delivery policy can be changed for HTTP/S subscriptions only (SQS and Lambda get the AWS-managed policy)",
                            found: "retry_policy on \(t.names[target]) (\(t.kinds[t.names[target]] ?? ""))")
                    }
                    sub.policy = try ScenarioLoader.parseDeliveryPolicy(p)
                }
                try m.finish()
            } else {
                let v = try s.string()
                guard let i = t.names.firstIndex(of: v) else {
                    throw s.error(expected: "the name of a component of topology '\(t.name)'", found: "\"\(v)\"", suggestion: KeyPath.nearest(v, in: t.names))
                }
                guard subscriberKinds.contains(t.kinds[v] ?? "") else {
                    throw s.error(expected: "an sqs, lambda or http_endpoint component", found: "\(v) (\(t.kinds[v] ?? ""))")
                }
                at = s
                sub = SubscriptionSpec(target: i, targetIsQueue: t.kinds[v] == "sqs", deadLetter: nil, policy: nil)
            }
            if subscriptions.contains(where: { $0.target == sub.target }) {
                throw at.error(expected: "each subscriber once", found: "\(t.names[sub.target]) twice")
            }
            subscriptions.append(sub)
        }
        for k in subscriptions.indices { subscriptions[k].targetIsLambda = t.kinds[t.names[subscriptions[k].target]] == "lambda" }
        return TopicSpec(subscriptions: subscriptions, region: try t.region(cm))
    }
}
