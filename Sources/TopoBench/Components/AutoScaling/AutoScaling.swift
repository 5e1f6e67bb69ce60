/// Codes of an Auto Scaling group's own events.
enum ScalerTimer: UInt8 {
    /// The EC2 status checks of the group's instances (every minute).
    case statusCheck
    /// Target tracking evaluates its metric (every minute).
    case targetTracking
    /// A launch completes (`slot` = instance, `gen` = its incarnation).
    case launched
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
        guard inService > 0, workers > 0 else { return }
        let metric = 100.0 * Double(busy) / Double(workers)
        // The alarms: each needs its number of one-minute data points in a row.
        pointsAbove = metric > tt.target ? pointsAbove + 1 : 0
        pointsBelow = metric < tt.target * AwsDefaults.targetTrackingScaleInRatio ? pointsBelow + 1 : 0
        let scaleOut = pointsAbove >= AwsDefaults.targetTrackingScaleOutPoints
        let belowLongEnough = pointsBelow >= AwsDefaults.targetTrackingScaleInPoints
        guard scaleOut || belowLongEnough else { return }
        let current = inService + warming + launching
        var desired = Int((Double(inService) * metric / tt.target).rounded(.up))
        desired = min(spec.max, max(spec.min, desired))
        if scaleOut && desired > current {
            for _ in 0..<(desired - current) {
                let k = fleet_.count
                fleet_.members.append(FleetMember(zone: Fleet.zone(forSlot: k, in: fleet_.zones)))
                launchedAt.append(sim.now)
                launch(instance: k)
            }
            lastScale = sim.now
        } else if belowLongEnough && desired < current && launching == 0 && warming == 0 && sim.now - lastScale >= tt.warmup {
            // Scale in: the newest running instance leaves the group.
            var newest: Int? = nil
            for k in 0..<fleet_.count where !fleet_.members[k].terminated && !fleet_.members[k].launching { newest = k }
            if let k = newest, current > spec.min {
                scaleIn(instance: k)
                lastScale = sim.now
                scaleIns += 1
                if firstScaleInAt < 0 { firstScaleInAt = sim.now }
            }
        }
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
    func instancesClaimed(index: Int) -> (group: Int, count: Int)? { (group, max) }
    var scaledGroup: Int? { group }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = AutoScaler(sim, index: index, spec: self)
        owner.append(model)
        return .autoscaling(.passUnretained(model))
    }
}
