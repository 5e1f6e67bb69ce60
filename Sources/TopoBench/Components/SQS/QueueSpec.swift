// The `sqs` kind as the loader reads it (keys: `SQSDeclaration.swift`).

public enum QueueType: String, Sendable, CaseIterable { case standard, fifo }

public struct QueueSpec: Sendable {
    public var type: QueueType
    public var visibilityTimeout: SimTime
    public var maxReceiveCount: Int?
    public var retention: SimTime
    /// The consumer group: an `instances` or `lambda` component.
    public var consumers: Int?
    public var batch: Int
    public var wait: SimTime
    public var inflightLimit: Int
    public var pollers: Int?
    /// FIFO: number of message groups the messages are spread over.
    public var messageGroups: Int
    /// FIFO high-throughput mode (`high_throughput`): the higher per-action quotas.
    public var highThroughput: Bool
    /// FIFO: calls per second per API action (SendMessage, ReceiveMessage, DeleteMessage).
    public var fifoCallsPerSecond: Double {
        highThroughput ? AwsDefaults.sqsFifoHighThroughputCalls : AwsDefaults.sqsFifoCalls
    }
    public var dedupWindow: SimTime
    public var region: Int?
}


extension QueueSpec {
    /// Reads a `sqs` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let type = try cm.choice("type", default: "standard") ?? "standard"
        let consumers = try t.ref(cm, "consumers")
        return QueueSpec(
            type: QueueType(rawValue: type) ?? .standard,
            visibilityTimeout: try cm.duration("visibility_timeout", default: AwsDefaults.sqsVisibilityTimeout) ?? AwsDefaults.sqsVisibilityTimeout,
            maxReceiveCount: try cm.int("max_receive_count"),
            retention: try cm.duration("retention", default: AwsDefaults.sqsRetention) ?? AwsDefaults.sqsRetention,
            consumers: consumers,
            batch: try cm.int("batch", default: AwsDefaults.sqsBatch) ?? 1,
            wait: try cm.duration("wait", default: AwsDefaults.sqsWait) ?? 0,
            inflightLimit: try cm.int("inflight_limit", default: AwsDefaults.sqsInflightLimit) ?? AwsDefaults.sqsInflightLimit,
            pollers: try cm.int("pollers"),
            messageGroups: try cm.int("message_groups", default: 100) ?? 100,
            highThroughput: try cm.bool("high_throughput", default: false) ?? false,
            dedupWindow: AwsDefaults.sqsFifoDedupWindow,
            region: try t.region(cm))
    }
}
