// What an ALB costs: its hours and its Load Balancer Capacity Units.

extension LoadBalancer {
    /// ALB-hours over the measured window, and LCU-hours ("Elastic Load Balancing pricing",
    /// Application Load Balancer).
    ///
    /// An LCU-hour is billed on the largest of four dimensions each hour: 25 new connections
    /// a second, 3,000 active connections a minute, 1 GB processed an hour (EC2 targets), and
    /// 1,000 rule evaluations a second past the first 10 rules. The model assumes one request
    /// per connection (clients that do not keep connections alive, the worst case), so:
    /// - new connections are the requests: requests / (25 × 3,600) LCU-hours;
    /// - processed bytes are each request's and answer's (`workload.payload`);
    /// - active connections are never the largest: requests × their duration / 3,000 is below
    ///   requests / 25 while a connection lasts under 120 s, and the idle timeout closes it at 60 s;
    /// - rule evaluations: a listener with one rule is within the 10 free.
    /// Both dimensions that count grow with the requests alone, so the hour in which each
    /// request falls does not change which is the largest: the sum over hours is the requests
    /// times the larger of the two rates, exactly.
    func bill(_ bill: inout Bill) {
        bill.charge("alb.hour", bill.hours)
        let w = sim.scenario.workload
        let perConnection = 1.0 / (AwsDefaults.albLCUNewConnectionsPerSecond * 3600)
        let perBytes = Double(w.requestBytes + w.responseBytes) / Double(1 << 30) / AwsDefaults.albLCUGigabytesPerHour
        bill.charge("alb.lcu", Double(billedRequests) * max(perConnection, perBytes))
    }
}

extension LoadBalancerSpec {
    func priceKeys(in topology: Topology) -> [String] { ["alb.hour", "alb.lcu"] }
}
