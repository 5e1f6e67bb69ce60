/// Codes of an Auto Scaling group's own events.
enum ScalerTimer: UInt8 {
    /// The EC2 status checks of the group's instances (every minute).
    case statusCheck
    /// Target tracking evaluates its metric (every minute).
    case targetTracking
    /// A launch completes (`slot` = instance, `gen` = its incarnation).
    case launched
    /// A scheduled action runs (`slot` = its index).
    case scheduled
    /// An instance's deregistration delay is over (`slot` = instance, `gen` = its incarnation).
    case drained
}

/// An EC2 Auto Scaling group over an `instances` component.
///
/// Health (EC2 Auto Scaling User Guide, "Health checks for instances in an Auto Scaling group"):
/// - EC2 status checks, every minute, always on. They see the instance, not the application:
///   an instance that leaves `running` (a `stop` or `terminate` fault) is replaced at once, also
///   during the grace period; one whose status checks are `impaired` (a reboot, a zone without
///   power) is replaced only after ``AwsDefaults/asgImpairedWait`` ("waits a few minutes for AWS
///   to fix the issue") and the grace period. A crashed process on a healthy instance is not
///   replaced ("If your application crashes, but the instance that it runs on is still
///   healthy, it may be kicked out of the load balancer, but Auto Scaling won't replace it").
/// - With `health_check_type: elb`, also what the ALB's target group marks unhealthy, after
///   the grace period.
/// A replacement takes a launch time drawn from `launch`, then registers with the ALB, which
/// needs one passing probe to route to it.
///
/// Zones (the group's `balanced-best-effort` launches and AZ rebalancing): a launch into a zone
/// without power goes to the healthy zone with the fewest instances instead; when the zone
/// has power again, each instance displaced from it is rebalanced back: a new instance is
/// launched there first, and the displaced one is then drained and terminated.
/// Target tracking (optional) takes one data point of the metric every minute and acts through
/// the two alarms AWS creates for the policy: it scales out (to in service × metric / target)
/// when the metric is above the target for 3 data points in a row, and scales in (one instance
/// a minute, while that alarm stays in ALARM) only when the metric is clearly below the target,
/// under 90 % of it for 15 data points in a row, and not until the warm-up of new instances is
/// over (``AwsDefaults/targetTrackingScaleOutPoints`` and the two after it).
///
/// It changes the group's ``Fleet`` and tells everyone with ``Lifecycle`` notifications: the
/// group fails the work of what it terminates, the ALB registers what it launches.
final class AutoScaler: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: AutoscalingSpec
    let streams: ComponentStreams
    let groupComponent: Int32
    let fleet_: Fleet
    /// When each instance was launched (grace period).
    var launchedAt: [SimTime] = []
    var replacements = 0
    var lastScale: SimTime = 0
    /// Target tracking: consecutive data points above the target (the scale-out alarm) and below
    /// the scale-in threshold (the scale-in alarm); scale-ins made, and when the first was.
    var pointsAbove = 0, pointsBelow = 0
    var scaleIns = 0
    var firstScaleInAt: SimTime = -1
    /// The group's limits now (scheduled actions change them).
    var minSize: Int
    var maxSize: Int
    /// The instances in the group over time (for tests and plots): (time, capacity).
    var capacityLog: [(at: SimTime, capacity: Int)] = []
    /// What the group's health checks and zone balancing remember of each instance slot.
    struct SlotHealth {
        /// When its status checks were first seen impaired (-1: not impaired).
        var impairedSince: SimTime = -1
        /// The ALB marked it unhealthy during its grace period (`elb` type): it is replaced at
        /// the first status check after the grace period if it is still not serving.
        var failedELBInGrace = false
        /// The zone it was meant for, when a launch put it elsewhere (-1: where it belongs).
        var displacedFrom: Int8 = -1
    }
    var health: [SlotHealth] = []
    /// Rebalancing: the instance a launch replaces once it is in service (new slot → old slot).
    var rebalancing: [Int: Int] = [:]

    init(_ sim: Simulation, index: Int32, spec: AutoscalingSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        groupComponent = Int32(spec.group)
        fleet_ = sim.components.fleet(spec.group)!
        minSize = spec.min
        maxSize = spec.max
    }

    func link() {
        launchedAt = Array(repeating: -Time.day, count: fleet_.count)
        health = Array(repeating: SlotHealth(), count: fleet_.count)
        sim.components.subscribe(index, to: groupComponent)
    }

    func start() {
        let phase = SimTime(streams.misc.uniform() * Double(AwsDefaults.statusCheckInterval))
        sim.scheduleTimer(at: phase, for: index, code: ScalerTimer.statusCheck.rawValue)
        if spec.targetTracking != nil {
            sim.scheduleTimer(at: AwsDefaults.targetTrackingPeriod, for: index, code: ScalerTimer.targetTracking.rawValue)
        }
        for (i, a) in spec.scheduled.enumerated() {
            sim.scheduleTimer(at: a.at, for: index, code: ScalerTimer.scheduled.rawValue, slot: Int32(i))
        }
        // A group below its minimum (or above its maximum) at the start is brought within them.
        let current = capacity
        if current < minSize || current > maxSize { setCapacity(min(maxSize, max(minSize, current))) }
    }

    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        switch ScalerTimer(rawValue: code) {
        case .statusCheck:
            for k in 0..<fleet_.count {
                let inst = fleet_.members[k]
                if inst.terminated || inst.launching { continue }
                if !inst.ec2Running {
                    replace(instance: k)
                } else if inst.impaired {
                    if health[k].impairedSince < 0 { health[k].impairedSince = sim.now }
                    if sim.now - health[k].impairedSince >= AwsDefaults.asgImpairedWait && sim.now - launchedAt[k] >= spec.grace {
                        replace(instance: k)
                    }
                } else {
                    health[k].impairedSince = -1
                    if health[k].failedELBInGrace && sim.now - launchedAt[k] >= spec.grace {
                        health[k].failedELBInGrace = false
                        if !inst.isServing { replace(instance: k) }
                    }
                }
            }
            sim.scheduleTimer(after: AwsDefaults.statusCheckInterval, for: index, code: code)
        case .targetTracking:
            evaluateTargetTracking()
            sim.scheduleTimer(after: AwsDefaults.targetTrackingPeriod, for: index, code: code)
        case .launched: launchDone(instance: Int(slot), gen: gen)
        case .scheduled:
            let a = spec.scheduled[Int(slot)]
            runScheduled(a)
            if let every = a.every { sim.scheduleTimer(after: every, for: index, code: ScalerTimer.scheduled.rawValue, slot: slot) }
        case .drained: drainDone(instance: Int(slot), gen: gen)
        case nil: break
        }
    }

    /// The ALB marked an instance unhealthy: with ELB health checks the group replaces it.
    func lifecycle(_ event: Lifecycle, group: Int32, instance k: Int, answer: inout LifecycleAnswer) {
        guard event == .failedHealthCheck, group == groupComponent, spec.healthCheckType == .elb else { return }
        guard sim.now - launchedAt[k] >= spec.grace else {
            health[k].failedELBInGrace = true
            return
        }
        if !fleet_.members[k].terminated && !fleet_.members[k].launching {
            replace(instance: k)
        }
    }

    /// Terminates instance `k` and launches its replacement in the same slot and zone.
    func replace(instance k: Int) {
        sim.components.notify(.terminated, group: groupComponent, instance: k)
        replacements += 1
        launch(instance: k)
    }

    func launch(instance k: Int) {
        var zone = fleet_.members[k].zone
        while health.count <= k { health.append(SlotHealth()) }
        health[k].impairedSince = -1
        health[k].failedELBInGrace = false
        if sim.zoneDown(zone), let healthy = healthyZone() {
            // balanced-best-effort: launch where there is capacity, and remember where it belongs.
            if health[k].displacedFrom < 0 { health[k].displacedFrom = zone }
            zone = healthy
        }
        var fresh = FleetMember(zone: zone)
        fresh.incarnation = fleet_.members[k].incarnation &+ 1
        fresh.launching = true
        fresh.up = false
        fresh.reachable = !sim.zoneDown(zone)
        fleet_.members[k] = fresh
        sim.components.notify(.launching, group: groupComponent, instance: k)
        while launchedAt.count <= k { launchedAt.append(sim.now) }
        let d = spec.launch.sampleNanoseconds(streams.service)
        sim.scheduleTimer(after: d, for: index, code: ScalerTimer.launched.rawValue, slot: Int32(k), gen: fresh.incarnation)
        fleet_.rebill(at: sim.now, window: sim.measuredWindow)
    }

    func launchDone(instance k: Int, gen: UInt32) {
        guard fleet_.members[k].incarnation == gen, fleet_.members[k].launching else { return }
        if sim.zoneDown(fleet_.members[k].zone) {
            // No capacity in a zone without power: try again after another launch time.
            launch(instance: k)
            return
        }
        fleet_.members[k].launching = false
        fleet_.members[k].up = true
        // Its zone has power now (checked above), whether or not it had when the launch began.
        fleet_.members[k].reachable = true
        launchedAt[k] = sim.now
        sim.components.notify(.launched, group: groupComponent, instance: k)
        sim.components.notify(.up, group: groupComponent, instance: k)
        if let old = rebalancing.removeValue(forKey: k), !fleet_.members[old].terminated {
            health[old].displacedFrom = -1
            scaleIn(instance: old)
        } else if health[k].displacedFrom >= 0 && !sim.zoneDown(health[k].displacedFrom) {
            // Launched elsewhere while its zone was down, and the zone is back already.
            rebalance(instance: k)
        }
    }

    /// The healthy zone of the group with the fewest instances (the first such in the group's
    /// order), or nil when every zone of the group is down.
    func healthyZone() -> Int8? {
        var best: (zone: Int8, count: Int)? = nil
        for z in fleet_.zones where !sim.zoneDown(Int8(z)) {
            var n = 0
            for k in 0..<fleet_.count where !fleet_.members[k].terminated && Int(fleet_.members[k].zone) == z { n += 1 }
            if best == nil || n < best!.count { best = (Int8(z), n) }
        }
        return best?.zone
    }

    /// A zone has power again: each instance displaced from it is rebalanced back (a new
    /// instance there first; the displaced one leaves when the new one is in service).
    func zonePower(_ z: Int, on: Bool) {
        guard on else { return }
        for k in 0..<min(fleet_.count, health.count) where Int(health[k].displacedFrom) == z {
            // One still launching elsewhere is rebalanced once it is in service (`launchDone`).
            if !fleet_.members[k].launching { rebalance(instance: k) }
        }
    }

    /// Launches the instance that takes displaced instance `k`'s place in its own zone.
    func rebalance(instance k: Int) {
        guard !fleet_.members[k].terminated, health[k].displacedFrom >= 0, !rebalancing.values.contains(k) else { return }
        let slot = fleet_.count
        fleet_.members.append(FleetMember(zone: health[k].displacedFrom))
        launchedAt.append(sim.now)
        rebalancing[slot] = k
        launch(instance: slot)
    }

    /// Target tracking: desired = ceil(in service × metric / target), within [min, max].
    ///
    /// EC2 Auto Scaling User Guide, "default instance warmup": the metrics of instances still
    /// warming up are left out, but they count toward the current capacity, so a scale-out does
    /// not launch again what is already coming; scale-in waits until they have warmed up.
    func evaluateTargetTracking() {
        guard let tt = spec.targetTracking else { return }
        var inService = 0, busy = 0, workers = 0
        var launching = 0, warming = 0
        for k in 0..<fleet_.count where !fleet_.members[k].terminated {
            let inst = fleet_.members[k]
            if inst.launching { launching += 1; continue }
            if sim.now - launchedAt[min(k, launchedAt.count - 1)] < tt.warmup { warming += 1; continue }
            inService += 1
            busy += Int(inst.busy)
            workers += fleet_.workers
        }
        let metric: Double
        switch tt.metric {
        case .cpu:
            guard inService > 0, workers > 0 else { return }
            metric = 100.0 * Double(busy) / Double(workers)
        case .sqsBacklogPerInstance:
            // ApproximateNumberOfMessagesVisible over the instances in service; at none, the
            // backlog itself (a metric-math m1 / max(m2, 1)), so that a backlog scales from zero.
            let backlog = Double(sim.components.queueBacklog(tt.queue ?? 0))
            metric = backlog / Double(max(1, inService))
        }
        // The alarms: each needs its number of one-minute data points in a row.
        pointsAbove = metric > tt.target ? pointsAbove + 1 : 0
        pointsBelow = metric < tt.target * AwsDefaults.targetTrackingScaleInRatio ? pointsBelow + 1 : 0
        let scaleOut = pointsAbove >= AwsDefaults.targetTrackingScaleOutPoints
        let belowLongEnough = pointsBelow >= AwsDefaults.targetTrackingScaleInPoints
        guard scaleOut || belowLongEnough else { return }
        let current = inService + warming + launching
        var desired = Int((Double(max(inService, tt.metric == .cpu ? inService : 1)) * metric / tt.target).rounded(.up))
        desired = min(maxSize, max(minSize, desired))
        if scaleOut && desired > current {
            addInstances(desired - current)
            lastScale = sim.now
        } else if belowLongEnough && desired < current && launching == 0 && warming == 0 && sim.now - lastScale >= tt.warmup {
            // Scale in: the newest running instance leaves the group.
            var newest: Int? = nil
            for k in 0..<fleet_.count where !fleet_.members[k].terminated && !fleet_.members[k].launching { newest = k }
            if let k = newest, current > minSize {
                scaleIn(instance: k)
                lastScale = sim.now
                scaleIns += 1
                if firstScaleInAt < 0 { firstScaleInAt = sim.now }
                capacityLog.append((sim.now, capacity))
            }
        }
    }

    /// The group's capacity: its instances in service or launching (not those leaving).
    var capacity: Int {
        var n = 0
        for k in 0..<fleet_.count where !fleet_.members[k].terminated { n += 1 }
        return n
    }

    /// Launches `n` new instances, each in the group's zone with the fewest (AWS balances a
    /// group across its zones), reusing the slot of an instance terminated for good.
    func addInstances(_ n: Int) {
        for _ in 0..<n {
            var perZone: [Int: Int] = [:]
            for k in 0..<fleet_.count where !fleet_.members[k].terminated { perZone[Int(fleet_.members[k].zone), default: 0] += 1 }
            let zone = fleet_.zones.min { perZone[$0, default: 0] < perZone[$1, default: 0] } ?? 0
            if let k = (0..<fleet_.count).first(where: { fleet_.members[$0].terminated && !fleet_.members[$0].exists && !rebalancing.values.contains($0) }) {
                fleet_.members[k].zone = Int8(zone)
                launchedAt[k] = sim.now
                launch(instance: k)
            } else {
                let k = fleet_.count
                fleet_.members.append(FleetMember(zone: Int8(zone)))
                launchedAt.append(sim.now)
                launch(instance: k)
            }
        }
        capacityLog.append((sim.now, capacity))
    }

    /// A scheduled action: the new limits, then the desired capacity (the action's, or the
    /// current one, within the limits) is reached at once, launching or terminating the newest
    /// instances (those still launching first), as a change of desired capacity does.
    func runScheduled(_ a: ScheduledActionSpec) {
        if let m = a.min { minSize = m }
        if let m = a.max { maxSize = m }
        if minSize > maxSize { if a.max != nil { minSize = maxSize } else { maxSize = minSize } }
        setCapacity(min(maxSize, max(minSize, a.desired ?? capacity)))
    }

    /// Launches or terminates instances until the capacity is `n`.
    func setCapacity(_ n: Int) {
        let current = capacity
        if n > current {
            addInstances(n - current)
            lastScale = sim.now
            return
        }
        var excess = current - n
        guard excess > 0 else { return }
        // The newest first: a launch not finished is cancelled, one in service is drained.
        for k in stride(from: fleet_.count - 1, through: 0, by: -1) where excess > 0 && fleet_.members[k].launching && !fleet_.members[k].terminated {
            cancelLaunch(instance: k)
            excess -= 1
        }
        for k in stride(from: fleet_.count - 1, through: 0, by: -1) where excess > 0 && !fleet_.members[k].terminated {
            scaleIn(instance: k)
            excess -= 1
        }
        lastScale = sim.now
        capacityLog.append((sim.now, capacity))
    }

    /// An instance still launching is terminated: it never serves.
    func cancelLaunch(instance k: Int) {
        rebalancing.removeValue(forKey: k)
        fleet_.members[k].launching = false
        fleet_.members[k].terminated = true
        fleet_.members[k].incarnation &+= 1
        fleet_.members[k].exists = false
        sim.components.notify(.terminated, group: groupComponent, instance: k)
        fleet_.rebill(at: sim.now, window: sim.measuredWindow)
    }

    /// Terminates an instance on scale-in. Behind a load balancer it is first deregistered: it
    /// gets no new request while those in flight finish, for the deregistration delay (ELB ALB
    /// guide, "Deregistration delay"); Auto Scaling terminates it after that delay. It leaves
    /// the group's capacity at once, and stops taking messages from queues.
    func scaleIn(instance k: Int) {
        fleet_.members[k].terminated = true
        let answer = sim.components.notify(.draining, group: groupComponent, instance: k)
        if let delay = answer.drainFor, delay > 0 {
            sim.scheduleTimer(
                after: delay, for: index, code: ScalerTimer.drained.rawValue, slot: Int32(k),
                gen: fleet_.members[k].incarnation)
        } else {
            drainDone(instance: k, gen: fleet_.members[k].incarnation)
        }
    }

    /// The deregistration delay is over: the instance is terminated; what it still holds fails.
    func drainDone(instance k: Int, gen: UInt32) {
        guard fleet_.members[k].incarnation == gen, fleet_.members[k].terminated else { return }
        sim.components.notify(.terminated, group: groupComponent, instance: k)
        fleet_.members[k].up = false
        fleet_.members[k].exists = false
        fleet_.rebill(at: sim.now, window: sim.measuredWindow)
    }
}

extension AutoscalingSpec: ComponentSpec {
    static var declaration: MapDeclaration { .autoscaling }
    /// The group may grow to `max` instances.
    /// The group may grow to `max`, or to a larger max or desired of a scheduled action.
    func instancesClaimed(index: Int) -> (group: Int, count: Int)? {
        (group, ([max] + scheduled.compactMap(\.max) + scheduled.compactMap(\.desired)).max() ?? max)
    }
    var scaledGroup: Int? { group }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = AutoScaler(sim, index: index, spec: self)
        owner.append(model)
        return .autoscaling(.passUnretained(model))
    }
}
