extension MapDeclaration {
    /// `kind: sns`: an SNS topic.
    public static let sns = MapDeclaration.component(
        "sns", "An SNS topic: fans every message out to its subscribers, with the documented delivery retry policy.",
        keys: [
            KeyDeclaration("subscribers", .list(.reference(["sqs", "lambda", "http_endpoint"]), minItems: 1), required: true,
                           "The subscriptions: sqs, lambda or http_endpoint components, each once."),
            KeyDeclaration("dead_letter_queue", .flag, default: "false", source: .assumption("no dead-letter queue"),
                           "Whether a delivery that exhausts its retries goes to a dead-letter queue (counted as lost either way)."),
        ])
}
