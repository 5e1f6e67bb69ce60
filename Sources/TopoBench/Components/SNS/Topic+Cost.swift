// What an SNS topic costs: its publishes and its deliveries.

extension Topic {
    /// Requests a Publish of `workload.payload.request` bytes is billed: "each 64 KB chunk of
    /// published data is billed as 1 request" ("Amazon SNS pricing").
    var publishRequests: Int { max(1, (sim.scenario.workload.requestBytes + (64 << 10) - 1) / (64 << 10)) }

    /// Publishes, and deliveries by protocol ("Amazon SNS pricing": deliveries to SQS queues and
    /// Lambda functions are free; HTTP/S deliveries are billed by the subscribed endpoint's
    /// component, which makes them and their retries). Every attempt is a delivery, retries
    /// included.
    func bill(_ bill: inout Bill) {
        bill.charge("sns.publish", Double(billedPublishes))
        bill.charge("sns.delivery.sqs", Double(billedQueueDeliveries))
        bill.charge("sns.delivery.lambda", Double(billedLambdaDeliveries))
    }
}

extension TopicSpec {
    func priceKeys(in topology: Topology) -> [String] {
        ["sns.publish"] + (subscriptions.contains { $0.targetIsQueue } ? ["sns.delivery.sqs"] : [])
            + (subscriptions.contains { $0.targetIsLambda } ? ["sns.delivery.lambda"] : [])
    }
}
