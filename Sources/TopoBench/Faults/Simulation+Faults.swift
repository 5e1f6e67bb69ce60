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
    /// failure of every stochastic one. A fault that acts on nothing in this topology
    /// (``Topology/whyIgnored(_:)``) is recorded in `faults.csv` with its reason, counted in
    /// `faults_ignored`, and otherwise left out.
    func scheduleFaults() {
        faults.zoneOutages = Array(repeating: 0, count: max(1, topology.zoneNames.count))
        for (i, f) in scenario.faults.enumerated() {
            let ignored = topology.whyIgnored(f)
            let applicable = ignored == nil
            let component = f.kind != .zoneOutage ? f.target.flatMap(topology.index(of:)) ?? -1 : -1
            let peer = f.kind == .partition ? f.peer.flatMap(topology.index(of:)) ?? -1 : -1
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
            if let note = ignored {
                let target = f.kind == .zoneOutage ? "zone " + zoneName(f.zone ?? 0) : (f.target ?? "")
                faults.records.append(FaultRecord(kind: f.writtenKind, target: target, start: nil, end: nil, note: note))
                metrics.faultsIgnored += 1
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

    func instanceCount(of c: Int, fault f: FaultSpec) -> Int {
        c >= 0 ? components.faultTargets(c) : 1
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
            components.zonePower(z, on: !starting)
        case .partition:
            let n = topology.components.count
            partitionAdjust(rf.component * n + rf.peer, d)
            partitionAdjust(rf.peer * n + rf.component, d)
        default:
            components.apply(rf.component, f, instance: instance, starting: starting)
        }
    }

    func partitionAdjust(_ index: Int, _ d: Int32) {
        if partitioned.isEmpty { partitioned = Array(repeating: 0, count: topology.components.count * topology.components.count) }
        partitioned[index] += d
    }
}

extension CallStatus {
    /// What an `errors` fault answers: 500, 503, 429 (FIS's throttle error), or a client error
    /// for 400, 403 and 404.
    init(faultCode code: Int) {
        switch code {
        case 429: self = .throttled
        case 503: self = .unavailable
        case 400..<500: self = .clientError
        default: self = .serverError
        }
    }
}
