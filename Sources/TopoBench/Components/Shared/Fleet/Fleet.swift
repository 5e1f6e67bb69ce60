/// One EC2 instance as the services around it see it: where it is, whether it runs, whether it
/// can be reached, and where it is in its life (launching, in service, terminated).
///
/// The `instances` kind owns the fleet and its work (queues, workers); the kinds that route to
/// it (ALB), consume on it (SQS) or scale it (Auto Scaling) read these fields, and Auto Scaling
/// writes the life-cycle ones when it launches or terminates, then says so with a
/// ``Lifecycle`` notification.
struct FleetMember {
    var zone: Int8
    /// The process is running (not crashed, not stopped, not yet launched).
    var up: Bool = true
    /// Reachable on the network (its zone has power).
    var reachable: Bool = true
    /// The EC2 instance is in the `running` state (false: a `stop` or `terminate` fault). An
    /// instance that leaves `running` fails its EC2 status check at once.
    var ec2Running: Bool = true
    /// Running, but its status checks fail: a reboot in progress, or no power in its zone.
    var impaired: Bool = false
    /// Counts restarts and replacements: a session bound to an older incarnation is gone.
    var incarnation: UInt32 = 0
    /// Being launched by Auto Scaling: not part of the group yet.
    var launching: Bool = false
    /// Terminated by Auto Scaling (its slot may be reused by a replacement).
    var terminated: Bool = false
    /// Requests in service (the CloudWatch utilisation that target tracking reads).
    var busy: Int32 = 0
    /// The EC2 instance exists: from its launch (pending counts) until Auto Scaling has
    /// terminated it. A terminated slot's replacement is a new member.
    var exists: Bool = true

    /// Billed by the hour: it exists and is in the `running` state (pending included, as
    /// "Amazon EC2 On-Demand Pricing" bills from launch; a stopped instance is not billed).
    var isBilled: Bool { exists && ec2Running }

    /// Its process runs and it is in service (whether or not the network reaches it): what
    /// answers a connection instead of refusing it.
    var isRunning: Bool { up && !terminated && !launching }
    /// Running and reachable: what a status check or a consumer needs.
    var isServing: Bool { isRunning && reachable }
}

/// The instances of one `instances` component, shared by reference with the kinds that route
/// to them, consume on them or scale them.
///
/// A class, so that a scale-out that grows the fleet is seen by every holder.
final class Fleet {
    /// The owning component.
    let component: Int32
    /// Workers per instance and the zones the group spans (its launch template and subnets).
    let workers: Int
    let zones: [Int]
    var members: Slab<FleetMember>
    /// Instances billed, over time (`instance-hours`).
    var billing = UsageClock()

    init(component: Int32, workers: Int, zones: [Int], count: Int) {
        self.component = component
        self.workers = workers
        self.zones = zones
        members = Slab((0..<count).map { k in FleetMember(zone: Fleet.zone(forSlot: k, in: zones)) })
    }

    deinit { members.deallocate() }

    var count: Int { members.count }

    /// Recounts the billed instances after a change (a launch, a termination, a stop or a
    /// start): the instance-hours so far are kept, the new count runs from `now`.
    func rebill(at now: SimTime, window: ClosedRange<SimTime>) {
        var n = 0
        for k in 0..<members.count where members[k].isBilled { n += 1 }
        billing.set(n, at: now, window: window)
    }

    /// Instance `k` of a group goes to zone `k mod zones` (the zones in the order written).
    static func zone(forSlot k: Int, in zones: [Int]) -> Int8 {
        Int8(zones.isEmpty ? 0 : zones[k % zones.count])
    }
}
