extension MapDeclaration {
    /// `kind: sqs`: an SQS queue.
    public static let sqs = MapDeclaration.component(
        "sqs",
        "An SQS queue, standard or FIFO: visibility timeout, long polling, batch receive, receive count and dead-letter queue, retention with expiry counted as loss.",
        keys: [
            KeyDeclaration("type", .choice(QueueType.allCases.map(\.rawValue)), default: "standard", source: .assumption("SQS's default queue type"), "Standard (at-least-once, best-effort order) or FIFO."),
            KeyDeclaration("consumers", .reference(["instances", "lambda"]), default: .described("no consumer: messages wait until they expire"), "The group that polls the queue."),
            KeyDeclaration("visibility_timeout", .duration(0...AwsDefaults.sqsMaxVisibilityTimeout), default: "30s", source: .aws("sqs.visibility_timeout"),
                           "How long a received message stays hidden before it can be received again."),
            KeyDeclaration("max_receive_count", .integer(1...1000), default: .described("no dead-letter queue"),
                           "Receives after which a message goes to the dead-letter queue (counted as lost)."),
            KeyDeclaration("retention", .duration(AwsDefaults.sqsMinRetention...AwsDefaults.sqsMaxRetention), default: "4d", source: .aws("sqs.retention"),
                           "How long a message is kept; past it, it expires (counted as lost)."),
            KeyDeclaration("batch", .integer(1...AwsDefaults.sqsMaxBatch), default: "1", source: .aws("sqs.batch"), "Messages per ReceiveMessage (MaxNumberOfMessages)."),
            KeyDeclaration("wait", .duration(0...AwsDefaults.sqsMaxWait), default: "0s", source: .aws("sqs.wait"), "Long-polling wait (ReceiveMessageWaitTimeSeconds); 0 is short polling."),
            KeyDeclaration("inflight_limit", .integer(1...10_000_000), default: "120000", source: .aws("sqs.inflight_limit"), "Messages in flight (received, not deleted) past which a receive gets none."),
            KeyDeclaration("pollers", .integer(1...ScenarioLoader.Limits.maxWorkers),
                           default: .described("one per worker of each consuming instance; a lambda's event source mapping scales from 5 batches (see lambda.maximum_concurrency)"),
                           source: .assumption("a consumer polls with each of its workers"),
                           "Receive loops per consuming instance. Set for a lambda consumer, that many poll from the start, without scaling (at most its maximum_concurrency)."),
            KeyDeclaration("message_groups", .integer(1...1_000_000), default: "100", source: .assumption("a hundred message group ids"), "FIFO: message groups the messages are spread over."),
            KeyDeclaration("high_throughput", .flag, default: "false", source: .aws("sqs.fifo.quota"),
                           "FIFO: high-throughput mode. Off: 300 calls/s per API action (SendMessage, ReceiveMessage, DeleteMessage); on: 70,000 (us-east-1). Past a quota the call is throttled."),
            .region,
        ])
}
