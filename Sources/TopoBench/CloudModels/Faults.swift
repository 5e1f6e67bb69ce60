/// One fault as it happened in one replication (a row of `faults.csv`).
public struct FaultRecord: Sendable, Equatable {
    public var kind: String
    public var target: String
    public var start: SimTime?
    public var end: SimTime?
    public var note: String
}

/// The faults of one replication: what was injected, and the per-instance failure streams.
struct FaultBook {
    var records: [FaultRecord] = []
    /// For each scenario fault, its resolution in this topology.
    var resolved: [ResolvedFault] = []
    /// Index of the open record of (fault, instance), to fill its end time.
    var open: [Int64: Int] = [:]
    /// Zones without power: count of outages in force per zone id.
    var zoneOutages: [Int32] = []
    /// How many zones are without power (0 on the hot path almost always).
    var zonesDown = 0

    func measuredStarts(from: SimTime, to: SimTime) -> [(start: SimTime, end: SimTime)] {
        records.compactMap { r in
            guard let s = r.start, s >= from, s < to else { return nil }
            return (s, r.end ?? to)
        }
    }
}

/// A scenario fault resolved against one topology.
struct ResolvedFault {
    let spec: FaultSpec
    /// The component hit (-1: none, or a zone outage).
    let component: Int
    /// The other side of a partition.
    let peer: Int
    /// Streams of a stochastic fault, one per instance.
    var streams: [RandomStream]
    var applicable: Bool
}

extension Simulation {
    func zoneDown(_ z: Int8) -> Bool {
        z >= 0 && Int(z) < faults.zoneOutages.count && faults.zoneOutages[Int(z)] > 0
    }

    /// Resolves every fault against this topology and schedules the scheduled ones and the first
    /// failure of every stochastic one. A fault naming a component this topology lacks is
    /// recorded in `faults.csv` with a note and otherwise ignored.
    func scheduleFaults() {
        faults.zoneOutages = Array(repeating: 0, count: max(1, topology.zoneNames.count))
        for (i, f) in scenario.faults.enumerated() {
            var component = -1, peer = -1
            var applicable = true
            var note = ""
            if f.kind != .zoneOutage, let name = f.target {
                if let c = topology.index(of: name) {
                    component = c
                    if let problem = faultProblem(f, component: c) {
                        applicable = false
                        note = problem
                    }
                } else {
                    applicable = false
                    note = "topology '\(topology.name)' has no component '\(name)'; fault ignored"
                }
            }
            if applicable, f.kind == .partition, let p = f.peer {
                if let c = topology.index(of: p) { peer = c } else {
                    applicable = false
                    note = "topology '\(topology.name)' has no component '\(p)'; fault ignored"
                }
            }
            var streams: [RandomStream] = []
            let count = applicable ? instanceCount(of: component, fault: f) : 0
            if applicable && f.isStochastic {
                // One stream per instance, named by fault and instance: instance 0 fails at the same
                // times in every topology of a replication.
                for j in 0..<count {
                    streams.append(RandomStream(seed: scenario.seed, replication: replication, name: "faults[\(i)].instance[\(j)]"))
                }
            }
            faults.resolved.append(ResolvedFault(spec: f, component: component, peer: peer, streams: streams, applicable: applicable))
            if !applicable {
                faults.records.append(FaultRecord(kind: f.writtenKind, target: f.target ?? "", start: nil, end: nil, note: note))
                continue
            }
            if f.isStochastic, let mtbf = f.mtbf {
                let targets = f.instance.map { [$0] } ?? Array(0..<count)
                for j in targets where j < streams.count {
                    let t = mtbf.sampleNanoseconds(streams[j])
                    if t < endOfArrivals { schedule(at: t, .faultStart, slot: Int32(i), gen: UInt32(bitPattern: Int32(j))) }
                }
            } else if let at = f.at, at < endOfArrivals {
                let inst = Int32(f.instance ?? -1)
                schedule(at: at, .faultStart, slot: Int32(i), gen: UInt32(bitPattern: inst))
            }
        }
    }

    /// Why a fault cannot hit that component, or nil if it can.
    func faultProblem(_ f: FaultSpec, component c: Int) -> String? {
        let kind = topology.components[c].kindName
        switch (f.kind, kindOf[c]) {
        case (.crash, .instances), (.crash, .sessionStore), (.zombie, .instances), (.latency, .instances),
            (.errors, .instances), (.errors, .apiGateway), (.errors, .sqs), (.errors, .lambda), (.latency, .lambda),
            (.partition, _), (.zoneOutage, _):
            break
        default:
            return "a \(f.kind.rawValue) fault does not apply to '\(topology.components[c].name)' (\(kind)); fault ignored"
        }
        if let k = f.instance, k >= instanceCount(of: c, fault: f) {
            return "'\(topology.components[c].name)' has no instance \(k) in topology '\(topology.name)'; fault ignored"
        }
        return nil
    }

    func instanceCount(of c: Int, fault f: FaultSpec) -> Int {
        guard c >= 0 else { return 1 }
        switch kindOf[c] {
        case .instances: return groups[Int(slotOf[c])].instances.count
        case .sessionStore: return stores[Int(slotOf[c])].nodes.count
        default: return 1
        }
    }

    func handleFaultStart(_ i: Int32, instance: Int32) {
        let fi = Int(i)
        let rf = faults.resolved[fi]
        let f = rf.spec
        let key = Int64(i) << 32 | Int64(UInt32(bitPattern: instance))
        let target = f.kind == .zoneOutage ? "zone " + zoneName(f.zone ?? 0) : (f.target ?? "")
        let label = instance >= 0 && f.kind != .zoneOutage ? "\(target)[\(instance)]" : target
        faults.open[key] = faults.records.count
        var end: SimTime? = nil
        if f.isStochastic, let mttr = f.mttr, instance >= 0 {
            let d = mttr.sampleNanoseconds(rf.streams[Int(instance)])
            end = now + d
        } else if let l = f.length {
            end = now + l
        }
        faults.records.append(FaultRecord(kind: f.writtenKind, target: label, start: now, end: end, note: ""))
        apply(fault: fi, instance: Int(instance), starting: true)
        if let e = end { schedule(at: e, .faultEnd, slot: i, gen: UInt32(bitPattern: instance)) }
    }

    func handleFaultEnd(_ i: Int32, instance: Int32) {
        let fi = Int(i)
        let rf = faults.resolved[fi]
        apply(fault: fi, instance: Int(instance), starting: false)
        if rf.spec.isStochastic, let mtbf = rf.spec.mtbf, instance >= 0 {
            let next = now + mtbf.sampleNanoseconds(rf.streams[Int(instance)])
            if next < endOfArrivals { schedule(at: next, .faultStart, slot: i, gen: UInt32(bitPattern: instance)) }
        }
    }

    func zoneName(_ z: Int) -> String { z < topology.zoneNames.count ? topology.zoneNames[z] : "\(z)" }

    /// Applies (or lifts) a fault's effect.
    func apply(fault fi: Int, instance: Int, starting: Bool) {
        let rf = faults.resolved[fi]
        let f = rf.spec
        let d: Int32 = starting ? 1 : -1
        switch f.kind {
        case .zoneOutage:
            let z = f.zone ?? 0
            if z < faults.zoneOutages.count {
                let wasDown = faults.zoneOutages[z] > 0
                faults.zoneOutages[z] += d
                let isDown = faults.zoneOutages[z] > 0
                if isDown != wasDown { faults.zonesDown += isDown ? 1 : -1 }
            }
            for gi in 0..<groups.count {
                for k in 0..<groups[gi].instances.count where Int(groups[gi].instances[k].zone) == z {
                    setOutage(group: gi, instance: k, starting: starting)
                }
            }
            for si in 0..<stores.count {
                for k in 0..<stores[si].nodes.count where Int(stores[si].nodes[k].primaryZone) == z {
                    if starting { storeNodeFails(si, node: k) } else if stores[si].nodes[k].faults > 0 { storeNodeRecovers(si, node: k) }
                }
            }
        case .partition:
            let n = topology.components.count
            partitionAdjust(rf.component * n + rf.peer, d)
            partitionAdjust(rf.peer * n + rf.component, d)
        default:
            let c = rf.component
            switch kindOf[c] {
            case .instances:
                let gi = Int(slotOf[c])
                let targets = instance >= 0 ? [instance] : Array(0..<groups[gi].instances.count)
                for k in targets { applyToInstance(f, group: gi, instance: k, starting: starting) }
            case .sessionStore:
                let si = Int(slotOf[c])
                let targets = instance >= 0 ? [instance] : Array(0..<stores[si].nodes.count)
                for k in targets { if starting { storeNodeFails(si, node: k) } else { storeNodeRecovers(si, node: k) } }
            case .apiGateway:
                gateways[Int(slotOf[c])].errorProbability = starting ? f.probability : 0
                gateways[Int(slotOf[c])].errorStatus = errorStatus(f.errorCode)
            case .sqs:
                queues[Int(slotOf[c])].errorProbability = starting ? f.probability : 0
                queues[Int(slotOf[c])].errorStatus = errorStatus(f.errorCode)
            case .lambda:
                if f.kind == .latency { lambdas[Int(slotOf[c])].latencyMultiplier = starting ? f.multiplier : 1 }
                else { lambdas[Int(slotOf[c])].errorProbability = starting ? f.probability : 0 }
            default: break
            }
        }
    }

    func partitionAdjust(_ index: Int, _ d: Int32) {
        if partitioned.isEmpty { partitioned = Array(repeating: 0, count: topology.components.count * topology.components.count) }
        partitioned[index] += d
    }

    func errorStatus(_ code: Int) -> CallStatus {
        switch code {
        case 429: return .throttled
        case 503: return .unavailable
        default: return .serverError
        }
    }

    func applyToInstance(_ f: FaultSpec, group gi: Int, instance k: Int, starting: Bool) {
        switch f.kind {
        case .crash:
            if starting {
                groups[gi].instances[k].crashes += 1
                if groups[gi].instances[k].crashes == 1 { takeDown(group: gi, instance: k, silently: false) }
            } else if groups[gi].instances[k].crashes > 0 {
                groups[gi].instances[k].crashes -= 1
                bringUpIfNothingHolds(group: gi, instance: k)
            }
        case .latency:
            groups[gi].instances[k].latencyMultiplier = starting ? f.multiplier : 1
        case .errors:
            groups[gi].instances[k].errorProbability = starting ? f.probability : 0
        case .zombie:
            groups[gi].instances[k].zombies += starting ? 1 : -1
        case .zoneOutage, .partition:
            break
        }
    }

    /// A zone loses power: its instances stop answering and lose their state.
    func setOutage(group gi: Int, instance k: Int, starting: Bool) {
        if starting {
            groups[gi].instances[k].outages += 1
            if groups[gi].instances[k].outages == 1 {
                groups[gi].instances[k].reachable = false
                takeDown(group: gi, instance: k, silently: true)
            }
        } else if groups[gi].instances[k].outages > 0 {
            groups[gi].instances[k].outages -= 1
            if groups[gi].instances[k].outages == 0 {
                groups[gi].instances[k].reachable = true
                bringUpIfNothingHolds(group: gi, instance: k)
            }
        }
    }

    /// A running process stops (a crash resets its connections; a zone without power answers
    /// nothing, `silently`): its work fails, its local state is gone.
    private func takeDown(group gi: Int, instance k: Int, silently: Bool) {
        guard groups[gi].instances[k].up else { return }
        groups[gi].instances[k].up = false
        failInstanceWork(group: gi, instance: k, silently: silently)
        restartInstance(group: gi, instance: k)
        instanceWentDown(group: gi, instance: k)
    }

    /// The process runs again once no crash or outage holds it and auto scaling has neither
    /// terminated it nor is still launching it.
    private func bringUpIfNothingHolds(group gi: Int, instance k: Int) {
        let inst = groups[gi].instances[k]
        guard inst.crashes == 0 && inst.outages == 0 && !inst.terminated && !inst.launching && !inst.up else { return }
        groups[gi].instances[k].up = true
        instanceCameUp(group: gi, instance: k)
    }
}
