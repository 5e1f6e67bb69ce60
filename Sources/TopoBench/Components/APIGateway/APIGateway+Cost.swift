// What an API Gateway stage costs: its requests.

extension APIGateway {
    /// Requests received and not throttled, at the REST or HTTP API price of the first tier
    /// ("Amazon API Gateway pricing"). An HTTP API request is metered in 512 KB increments.
    func bill(_ bill: inout Bill) {
        switch spec.type {
        case .rest:
            bill.charge("apigw.rest", Double(billedRequests))
        case .http:
            let increments = max(1, (sim.scenario.workload.requestBytes + (512 << 10) - 1) / (512 << 10))
            bill.charge("apigw.http", Double(billedRequests * increments))
        }
    }
}

extension APIGatewaySpec {
    func priceKeys(in topology: Topology) -> [String] { [type == .rest ? "apigw.rest" : "apigw.http"] }
}
