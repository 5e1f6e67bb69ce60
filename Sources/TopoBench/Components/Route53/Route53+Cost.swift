// What a Route 53 name costs: its queries, its health checks and its hosted zone.

extension Route53 {
    /// "Amazon Route 53 pricing": queries ($0.40 per million standard, $0.60 latency-based;
    /// "Route 53 doesn't charge for alias queries to AWS resources", so a name whose records all
    /// alias an ALB or an API Gateway costs none), one health check per record that has one
    /// (an AWS endpoint, $0.50 a month, and $1.00 more at the 10 s interval; evaluating an alias
    /// target's health is free), and the hosted zone ($0.50 a month). Monthly prices are billed
    /// for the measured window's share of 730 hours.
    ///
    /// A query is one resolution by a client's resolver: an answer cached for the TTL (or for
    /// `workload.dns_cache.min`) is not asked again.
    func bill(_ bill: inout Bill) {
        if !spec.aliasOnly {
            bill.charge(spec.routing == .latency ? "route53.query.latency" : "route53.query.standard", Double(billedQueries))
        }
        let checks = spec.records.filter { $0.healthCheck.map { !$0.evaluateTargetHealth } ?? false }
        bill.chargeMonthly("route53.health_check.aws", Double(checks.count))
        bill.chargeMonthly("route53.health_check.fast_interval.aws", Double(checks.filter { $0.healthCheck?.interval == 10 * Time.second }.count))
        bill.chargeMonthly("route53.hosted_zone", 1)
    }
}

extension Route53Spec {
    func priceKeys(in topology: Topology) -> [String] {
        var keys = ["route53.hosted_zone"]
        if !aliasOnly { keys.append(routing == .latency ? "route53.query.latency" : "route53.query.standard") }
        let checks = records.filter { $0.healthCheck.map { !$0.evaluateTargetHealth } ?? false }
        if !checks.isEmpty { keys.append("route53.health_check.aws") }
        if checks.contains(where: { $0.healthCheck?.interval == 10 * Time.second }) { keys.append("route53.health_check.fast_interval.aws") }
        return keys
    }
}
