// What an `instances` group costs: its instance-hours.

extension InstanceGroup {
    /// Instance-hours of the group's type, from each launch (pending counts) until each
    /// termination, without the time an instance was stopped ("Amazon EC2 On-Demand Pricing":
    /// per second, on demand, Linux; the 60-second minimum is ignored).
    func bill(_ bill: inout Bill) {
        bill.charge("ec2." + spec.instanceType, fleet_.billing.hours(window: sim.measuredWindow))
    }
}

extension InstancesSpec {
    /// EC2 pays regional data transfer to and from other zones.
    static var billsZonalTransfer: Bool { true }
    func priceKeys(in topology: Topology) -> [String] { ["ec2." + instanceType] }
}
