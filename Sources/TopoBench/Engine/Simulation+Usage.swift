/// Calls and answers of one sender that crossed a zone or a region while the run measured:
/// the data transfer it is billed.
struct TransferCount {
    var zoneRequests = 0, zoneAnswers = 0
    var regionRequests = 0, regionAnswers = 0
}

extension Simulation {
    /// The measured window: from the end of the warm-up to the end of the arrivals. Hourly
    /// items (instance-hours, node-hours) are billed over it.
    var measuredWindow: ClosedRange<SimTime> { warmupEnd...max(warmupEnd, endOfArrivals) }

    /// Counts a call (`answer` false) or an answer that goes from zone `a` to zone `b`, sent by
    /// `sender` to `receiver` (-1: the clients), when the run measures.
    ///
    /// Billed as AWS bills it ("Amazon EC2 On-Demand Pricing", Data Transfer): across regions
    /// always, out of the sender's region; across zones of one region only between components
    /// that pay regional data transfer (EC2 instances, ElastiCache nodes, RDS instances: $0.01
    /// per GB out of one and $0.01 per GB into the other). An ALB pays none for the traffic
    /// to its targets in other zones, and a regional service (SQS, SNS, API Gateway, Lambda)
    /// has no zone.
    @inline(__always)
    func countTransfer(from a: Int8, to b: Int8, sender: Int32, receiver: Int32, answer: Bool) {
        guard a >= 0, b >= 0, metrics.measuring else { return }
        let k = Int(sender) &+ 1
        if !transferRegion.isEmpty && transferRegion[Int(a)] != transferRegion[Int(b)] {
            if answer { transfer[k].regionAnswers &+= 1 } else { transfer[k].regionRequests &+= 1 }
            return
        }
        guard sender >= 0, receiver >= 0, billsZonalTransfer[Int(sender)], billsZonalTransfer[Int(receiver)] else { return }
        if answer { transfer[k].zoneAnswers &+= 1 } else { transfer[k].zoneRequests &+= 1 }
    }

    /// Sets up the transfer counters (one per sender) and who pays for crossing zones.
    func setUpUsage() {
        transfer = Slab(repeating: TransferCount(), count: topology.components.count + 1)
        billsZonalTransfer = Slab(topology.components.map { type(of: $0.kind.spec).billsZonalTransfer })
        if topology.spansRegions { transferRegion = Slab(topology.zoneRegions.map { Int8(clamping: $0) }) }
    }

    /// The bill of the replication: every component's usage, and the data transfer the
    /// network counted, at the scenario's prices.
    func makeBill() -> Bill {
        var bill = Bill(prices: scenario.prices, hours: Time.seconds(measuredWindow.upperBound - measuredWindow.lowerBound) / 3600)
        components.bill(&bill, names: topology.components.map(\.name))
        let w = scenario.workload
        for (c, comp) in topology.components.enumerated() {
            let t = transfer[c + 1]
            bill.component = comp.name
            let zoneBytes = Double(t.zoneRequests) * Double(w.requestBytes) + Double(t.zoneAnswers) * Double(w.responseBytes)
            // Out of one zone and into the other: each gigabyte is billed twice.
            bill.charge("transfer.inter_az", 2 * zoneBytes / Double(1 << 30))
            let regionBytes = Double(t.regionRequests) * Double(w.requestBytes) + Double(t.regionAnswers) * Double(w.responseBytes)
            bill.charge("transfer.inter_region", regionBytes / Double(1 << 30))
        }
        return bill
    }
}
