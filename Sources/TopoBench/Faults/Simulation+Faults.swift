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
    /// Regional services cut off by a region outage: count of outages in force per component.
    var regionDown: [Int32] = []

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
        faults.regionDown = Array(repeating: 0, count: topology.components.count)
        for (i, f) in scenario.faults.enumerated() {
            let ignored = topology.whyIgnored(f)
            let applicable = ignored == nil
            let component = f.target.flatMap(topology.index(of:)) ?? -1
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
                let target = faultLabel(f)
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
        let target = faultLabel(f)
        let label = instance >= 0 && f.target != nil ? "\(target)[\(instance)]" : target
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

    /// What a fault hits, as `faults.csv` names it.
    func faultLabel(_ f: FaultSpec) -> String {
        switch f.kind {
        case .zoneOutage: return "zone " + zoneName(f.zone ?? 0)
        case .regionOutage: return "region " + (topology.regionNames.indices.contains(f.region ?? 0) ? topology.regionNames[f.region ?? 0] : "?")
        default: return f.target ?? ""
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
            setZonePower(f.zone ?? 0, down: d)
        case .partition:
            partitionAdjust(from: rf.component, to: rf.peer, d)
            partitionAdjust(from: rf.peer, to: rf.component, d)
        case .regionOutage:
            regionOutage(f.region ?? 0, starting: starting)
        default:
            components.apply(rf.component, f, instance: instance, starting: starting)
        }
    }

    /// Cuts (`d` 1) or restores (-1) the network from `a` (-1: the clients) to `b`.
    func partitionAdjust(from a: Int, to b: Int, _ d: Int32) {
        let n = topology.components.count
        if partitioned.isEmpty { partitioned = Array(repeating: 0, count: (n + 1) * n) }
        partitioned[(a + 1) * n + b] += d
    }

    /// A region is lost (or back): every zone of it loses power, and every regional service of
    /// it (one without zones of its own: SQS, SNS, API Gateway, Lambda) is cut off from the
    /// clients and from every other component, both ways.
    func regionOutage(_ r: Int, starting: Bool) {
        let d: Int32 = starting ? 1 : -1
        for z in topology.zoneNames.indices where topology.region(ofZone: z) == r {
            setZonePower(z, down: d)
        }
        let n = topology.components.count
        for c in 0..<n where topology.isRegional(c) && topology.region(of: c) == r {
            faults.regionDown[c] += d
            partitionAdjust(from: -1, to: c, d)
            for other in 0..<n where other != c {
                partitionAdjust(from: other, to: c, d)
                partitionAdjust(from: c, to: other, d)
            }
        }
    }

    /// Counts a zone outage starting (`down` 1) or ending (-1) and tells the components.
    func setZonePower(_ z: Int, down d: Int32) {
        guard z < faults.zoneOutages.count else { return }
        let wasDown = faults.zoneOutages[z] > 0
        faults.zoneOutages[z] += d
        let isDown = faults.zoneOutages[z] > 0
        if isDown != wasDown {
            faults.zonesDown += isDown ? 1 : -1
            components.zonePower(z, on: !isDown)
        }
    }

    /// Whether component `c` is a regional service of a region that is lost.
    func regionDown(_ c: Int) -> Bool { c < faults.regionDown.count && faults.regionDown[c] > 0 }
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
