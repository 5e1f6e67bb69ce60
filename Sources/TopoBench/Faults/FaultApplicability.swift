/// Whether a fault acts on anything in a topology, decided from the scenario alone.
///
/// A scenario's faults are shared by its topologies, and a fault may act on nothing in some of
/// them: it names a component the topology lacks, a kind of fault the component's kind does not
/// have (a latency fault on a session store), an instance past the group's size, or a zone none
/// of the topology's instances are in. Such a topology would look better than the others for a
/// reason that has nothing to do with its design. The run goes on, and says so three times: a
/// warning on standard error, the `faults_ignored` column of `replications.csv` and
/// `summary.csv` (with a mark in the terminal table), and a note on the fault's row in
/// `faults.csv`.
extension Topology {
    /// Why fault `f` acts on nothing in this topology (the note `faults.csv` shows), or nil
    /// when it acts on something.
    public func whyIgnored(_ f: FaultSpec) -> String? {
        if f.kind == .regionOutage {
            let r = f.region ?? 0
            if components.indices.contains(where: { region(of: $0) == r }) { return nil }
            let name = r < regionNames.count ? regionNames[r] : "\(r)"
            return "topology '\(self.name)' has nothing in region '\(name)'; fault ignored"
        }
        if f.kind == .zoneOutage {
            let z = f.zone ?? 0
            if components.contains(where: { $0.kind.spec.zones.contains(z) }) { return nil }
            let zone = z < zoneNames.count ? zoneNames[z] : "\(z)"
            return "topology '\(name)' has nothing in zone '\(zone)'; fault ignored"
        }
        guard let target = f.target else { return nil }
        guard let c = index(of: target) else {
            return "topology '\(name)' has no component '\(target)'; fault ignored"
        }
        let spec = components[c].kind.spec
        if !type(of: spec).faultKinds.contains(f.kind) {
            return "a \(f.kind.rawValue) fault does not apply to '\(target)' (\(components[c].kindName)); fault ignored"
        }
        if let k = f.instance, k >= spec.faultTargetCount {
            return "'\(target)' has no instance \(k) in topology '\(name)'; fault ignored"
        }
        if let z = f.zone, !spec.zones.isEmpty, !spec.zones.contains(z) {
            let zone = z < zoneNames.count ? zoneNames[z] : "\(z)"
            return "'\(target)' has nothing in zone '\(zone)' in topology '\(name)'; fault ignored"
        }
        if f.kind == .partition, let p = f.peer, index(of: p) == nil {
            return "topology '\(name)' has no component '\(p)'; fault ignored"
        }
        return nil
    }
}

extension Scenario {
    /// The faults that act on nothing in `topology`: each one's index in `faults` and why.
    public func faultsIgnored(in topology: Topology) -> [(fault: Int, reason: String)] {
        faults.indices.compactMap { i in topology.whyIgnored(faults[i]).map { (i, $0) } }
    }

    /// One warning line per fault that acts on nothing in one of the topologies, naming the
    /// file, the fault's key path and the topology (each line once, whatever the sweep point).
    public static func ignoredFaultWarnings(_ points: [Scenario]) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for point in points {
            for t in point.topologies {
                for (i, reason) in point.faultsIgnored(in: t) {
                    let f = point.faults[i]
                    let line = "warning: \(point.file): faults[\(i)] (\(f.writtenKind)): \(reason); topology '\(t.name)' runs without it (faults_ignored)"
                    if seen.insert(line).inserted { lines.append(line) }
                }
            }
        }
        return lines
    }

    /// One warning per component that nothing reaches, per topology (once over the sweep).
    public static func unreachedWarnings(_ points: [Scenario]) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for point in points {
            for t in point.topologies {
                for u in t.unreached {
                    let at = u.line.map { ":\($0)" } ?? ""
                    let line = "warning: \(u.file)\(at): topologies.\(t.name).components.\(u.name): nothing reaches this component (not an entry, and no calls:, targets:, consumers:, subscription or record of a reached component names it); it takes no traffic"
                    if seen.insert(line).inserted { lines.append(line) }
                }
            }
        }
        return lines
    }
}

extension Topology {
    /// Whether component `c` is a regional service (no zones of its own), which a region outage
    /// cuts off as a whole.
    func isRegional(_ c: Int) -> Bool { components[c].kind.spec.zones.isEmpty }

    /// The region component `c` is in: that of its `region:`, of its zones, or the scenario's.
    func region(of c: Int) -> Int { components[c].kind.spec.region(in: self) }
}
