extension MapDeclaration {
    /// The kinds an SNS subscription may deliver to.
    static let snsSubscriberKinds = ["sqs", "lambda", "http_endpoint"]

    /// `kind: sns`: an SNS topic.
    public static let sns = MapDeclaration.component(
        "sns", "An SNS topic: fans every message out to its subscribers, with the documented delivery retry policy.",
        keys: [
            KeyDeclaration("subscribers", .list(.anyOf([.reference(snsSubscriberKinds), .map(.snsSubscription)]), minItems: 1), required: true,
                           "The subscriptions: sqs, lambda or http_endpoint components, each once; a name, or { target, dead_letter, retry_policy }."),
            .region,
        ])

    /// One item of an `sns` topic's `subscribers` written as a map: a subscription.
    public static let snsSubscription = MapDeclaration(
        "sns.subscribers", "An SNS subscription: its endpoint, its dead-letter queue, and (HTTP/S only) its delivery policy.",
        keys: [
            KeyDeclaration("target", .reference(snsSubscriberKinds), required: true, "The subscribed sqs, lambda or http_endpoint component."),
            KeyDeclaration("dead_letter", .reference(["sqs"]), default: .described("none: a delivery that gives up is discarded"),
                           "The SQS queue that keeps the messages whose delivery gave up (retries exhausted, or a client error); counted in messages_lost and messages_dead_lettered."),
            KeyDeclaration("retry_policy", .anyOf([.choice(["aws_default", "managed"]), .map(.deliveryPolicy)]), default: .described("the http_endpoint's own retry_policy"),
                           "HTTP/S subscriptions only (SNS's policies for SQS and Lambda cannot be changed): the delivery policy of this subscription."),
        ])
}
