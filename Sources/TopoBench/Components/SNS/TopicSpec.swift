// The `sns` kind as the loader reads it (keys: `SNSDeclaration.swift`).

public struct TopicSpec: Sendable {
    public var subscribers: [Int]
    /// Subscriptions with a dead-letter queue.
    public var deadLetter: Bool
}


extension TopicSpec {
    /// Reads a `sns` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let subscriberKinds = try cm.referenceKinds("subscribers")
        guard let subs = try cm.list("subscribers"), !subs.isEmpty else {
            throw cm.reader.error(expected: "'subscribers': a list of sqs, lambda or http_endpoint components", suggestion: "subscribers")
        }
        var indices: [Int] = []
        for s in subs {
            let v = try s.string()
            guard let i = t.names.firstIndex(of: v) else {
                throw s.error(expected: "the name of a component of topology '\(t.name)'", found: "\"\(v)\"", suggestion: KeyPath.nearest(v, in: t.names))
            }
            guard subscriberKinds.contains(t.kinds[v] ?? "") else {
                throw s.error(expected: "an sqs, lambda or http_endpoint component", found: "\(v) (\(t.kinds[v] ?? ""))")
            }
            if indices.contains(i) { throw s.error(expected: "each subscriber once", found: "\(v) twice") }
            indices.append(i)
        }
        return TopicSpec(subscribers: indices, deadLetter: try cm.bool("dead_letter_queue", default: false) ?? false)
    }
}
