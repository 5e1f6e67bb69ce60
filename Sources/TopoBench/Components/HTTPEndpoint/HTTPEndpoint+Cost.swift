// What an HTTP/S subscription costs: SNS's deliveries to it.

extension HTTPEndpoint {
    /// SNS bills every HTTP/S notification delivered ("Amazon SNS pricing"), each attempt a
    /// delivery, retries included. (The endpoint's own compute is its target's.)
    func bill(_ bill: inout Bill) {
        bill.charge("sns.delivery.http", Double(billedDeliveries))
    }
}

extension HTTPEndpointSpec {
    func priceKeys(in topology: Topology) -> [String] { ["sns.delivery.http"] }
}
