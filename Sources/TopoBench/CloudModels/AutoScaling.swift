/// An EC2 Auto Scaling group over an `instances` component.
///
/// Health: an instance whose EC2 status check fails (its process or host is down), or that its
/// ALB target group marks unhealthy (ELB health-check type), is terminated and replaced
/// ("When an Amazon EC2 Auto Scaling health check determines that an InService instance is
/// unhealthy, it replaces it with a new instance", EC2 Auto Scaling User Guide). Health checks
/// are ignored for `grace` after an instance is launched. A replacement takes a launch time drawn
/// from `launch`, then registers with the ALB, which needs one passing probe to route to it.
/// Target tracking (optional) evaluates the metric every minute and launches or terminates
/// instances to keep it at the target, not scaling in until the warm-up of new instances is over.
struct AutoScaler {
    let component: Int32
    let spec: AutoscalingSpec
    let group: Int32
    /// When each instance was launched (grace period).
    var launchedAt: [SimTime]
    var replacements = 0
    var lastScale: SimTime = 0
}

/// Component timer codes of an auto-scaling group (a code ≥ 0 is the launch of that instance;
/// a code ≤ `drained` is the end of the deregistration delay of instance `drained - code`).
enum ScalerTimer: Int32 {
    case statusCheck = -1
    case targetTracking = -2
    case drained = -3
}

extension Simulation {
    /// EC2 status checks run every minute: a dead instance is found within a minute.
    static let statusCheckInterval: SimTime = Time.minute

    func scalerFor(group gi: Int) -> Int? { scalers.firstIndex { Int($0.group) == gi } }

    func startScaler(_ si: Int) {
        let comp = scalers[si].component
        let phase = SimTime(componentStreams[Int(comp)].misc.uniform() * Double(Self.statusCheckInterval))
        schedule(at: phase, .componentTimer, target: comp, slot: ScalerTimer.statusCheck.rawValue)
        if scalers[si].spec.targetTracking != nil {
            schedule(at: Time.minute, .componentTimer, target: comp, slot: ScalerTimer.targetTracking.rawValue)
        }
    }

    func scalerTimer(_ si: Int, code: Int32, gen: UInt32) {
        let comp = scalers[si].component
        let gi = Int(scalers[si].group)
        if code == ScalerTimer.statusCheck.rawValue {
            for k in 0..<groups[gi].instances.count {
                let inst = groups[gi].instances[k]
                if inst.terminated || inst.launching { continue }
                if !inst.up && now - scalers[si].launchedAt[k] >= scalers[si].spec.grace {
                    replaceInstance(si, instance: k)
                }
            }
            schedule(after: Self.statusCheckInterval, .componentTimer, target: comp, slot: code)
        } else if code == ScalerTimer.targetTracking.rawValue {
            evaluateTargetTracking(si)
            schedule(after: Time.minute, .componentTimer, target: comp, slot: code)
        } else if code >= 0 {
            launchDone(si, instance: Int(code), gen: gen)
        } else if code <= ScalerTimer.drained.rawValue {
            drainDone(si, instance: Int(ScalerTimer.drained.rawValue - code), gen: gen)
        }
    }

    /// The ALB marked an instance unhealthy: with ELB health checks the group replaces it.
    func healthCheckFailed(group gi: Int, instance k: Int) {
        guard let si = scalerFor(group: gi) else { return }
        guard now - scalers[si].launchedAt[k] >= scalers[si].spec.grace else { return }
        if !groups[gi].instances[k].terminated && !groups[gi].instances[k].launching {
            replaceInstance(si, instance: k)
        }
    }

    func instanceWentDown(group gi: Int, instance k: Int) {
        queueConsumersDown(group: gi, instance: k)
    }

    func instanceCameUp(group gi: Int, instance k: Int) {
        queueConsumersUp(group: gi, instance: k)
    }

    /// Terminates instance `k` and launches its replacement in the same slot and zone.
    func replaceInstance(_ si: Int, instance k: Int) {
        let gi = Int(scalers[si].group)
        if groups[gi].instances[k].up && groups[gi].instances[k].reachable {
            failInstanceWork(group: gi, instance: k, silently: false)
        }
        deregisterTarget(group: gi, instance: k)
        queueConsumersDown(group: gi, instance: k)
        scalers[si].replacements += 1
        launch(si, instance: k)
    }

    func launch(_ si: Int, instance k: Int) {
        let gi = Int(scalers[si].group)
        let comp = scalers[si].component
        let zone = groups[gi].instances[k].zone
        var fresh = Instance(zone: zone)
        fresh.incarnation = groups[gi].instances[k].incarnation &+ 1
        fresh.launching = true
        fresh.up = false
        fresh.reachable = !zoneDown(zone)
        groups[gi].instances[k] = fresh
        while scalers[si].launchedAt.count <= k { scalers[si].launchedAt.append(now) }
        let d = scalers[si].spec.launch.sampleNanoseconds(componentStreams[Int(comp)].service)
        schedule(after: d, .componentTimer, target: comp, slot: Int32(k), gen: fresh.incarnation)
    }

    func launchDone(_ si: Int, instance k: Int, gen: UInt32) {
        let gi = Int(scalers[si].group)
        guard groups[gi].instances[k].incarnation == gen, groups[gi].instances[k].launching else { return }
        if zoneDown(groups[gi].instances[k].zone) {
            // No capacity in a zone without power: try again after another launch time.
            launch(si, instance: k)
            return
        }
        groups[gi].instances[k].launching = false
        groups[gi].instances[k].up = true
        scalers[si].launchedAt[k] = now
        registerTarget(group: gi, instance: k)
        addPollers(group: gi, instance: k)
        instanceCameUp(group: gi, instance: k)
    }

    /// Target tracking: desired = ceil(in service × metric / target), within [min, max].
    ///
    /// EC2 Auto Scaling User Guide, "default instance warmup": the metrics of instances still
    /// warming up are left out, but they count toward the current capacity, so a scale-out does
    /// not launch again what is already coming; scale-in waits until they have warmed up.
    func evaluateTargetTracking(_ si: Int) {
        guard let tt = scalers[si].spec.targetTracking else { return }
        let gi = Int(scalers[si].group)
        var inService = 0, busy = 0, workers = 0
        var launching = 0, warming = 0
        for (k, inst) in groups[gi].instances.enumerated() where !inst.terminated {
            if inst.launching { launching += 1; continue }
            if now - scalers[si].launchedAt[min(k, scalers[si].launchedAt.count - 1)] < tt.warmup { warming += 1; continue }
            inService += 1
            busy += Int(inst.busy)
            workers += groups[gi].spec.workers
        }
        guard inService > 0, workers > 0 else { return }
        let metric = 100.0 * Double(busy) / Double(workers)
        let current = inService + warming + launching
        var desired = Int((Double(inService) * metric / tt.target).rounded(.up))
        desired = min(scalers[si].spec.max, max(scalers[si].spec.min, desired))
        if desired > current {
            for _ in 0..<(desired - current) {
                let k = groups[gi].instances.count
                let zones = groups[gi].spec.zones
                groups[gi].instances.append(Instance(zone: Int8(zones.isEmpty ? 0 : zones[k % zones.count])))
                scalers[si].launchedAt.append(now)
                launch(si, instance: k)
            }
            scalers[si].lastScale = now
        } else if desired < current && launching == 0 && warming == 0 && now - scalers[si].lastScale >= tt.warmup {
            // Scale in: the newest running instance leaves the group.
            if let k = groups[gi].instances.lastIndex(where: { !$0.terminated && !$0.launching }), current > scalers[si].spec.min {
                scaleIn(si, instance: k)
                scalers[si].lastScale = now
            }
        }
    }

    /// Terminates an instance on scale-in. Behind a load balancer it is first deregistered: it
    /// gets no new request while those in flight finish, for the deregistration delay (ELB ALB
    /// guide, "Deregistration delay"); Auto Scaling terminates it after that delay. It leaves
    /// the group's capacity at once, and stops taking messages from queues.
    func scaleIn(_ si: Int, instance k: Int) {
        let gi = Int(scalers[si].group)
        groups[gi].instances[k].terminated = true
        if let delay = drainTarget(group: gi, instance: k), delay > 0 {
            schedule(
                after: delay, .componentTimer, target: scalers[si].component,
                slot: ScalerTimer.drained.rawValue - Int32(k), gen: groups[gi].instances[k].incarnation)
        } else {
            drainDone(si, instance: k, gen: groups[gi].instances[k].incarnation)
        }
    }

    /// The deregistration delay is over: the instance is terminated; what it still holds fails.
    func drainDone(_ si: Int, instance k: Int, gen: UInt32) {
        let gi = Int(scalers[si].group)
        guard groups[gi].instances[k].incarnation == gen, groups[gi].instances[k].terminated else { return }
        deregisterTarget(group: gi, instance: k)
        if groups[gi].instances[k].up && groups[gi].instances[k].reachable {
            failInstanceWork(group: gi, instance: k, silently: false)
        }
        groups[gi].instances[k].up = false
        queueConsumersDown(group: gi, instance: k)
    }
}
