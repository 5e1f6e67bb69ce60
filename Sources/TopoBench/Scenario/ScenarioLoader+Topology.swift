/// Topologies, components and faults.
extension ScenarioLoader {
    /// The component kinds (``ComponentKinds``), in the order `topobench list` shows them.
    public static let componentKinds = ComponentKinds.names

    static func parseTopology(name: String, _ r: NodeReader, zoneNames: [String], regionNames: [String] = [defaultRegion]) throws -> Topology {
        let m = try r.map()
        let compsReader = try m.required("components").map()
        let entries = compsReader.entries()
        if entries.isEmpty { throw compsReader.reader.error(expected: "at least one component") }
        if entries.count > Limits.maxComponents { throw compsReader.reader.error(expected: "at most \(Limits.maxComponents) components") }
        let names = entries.map(\.key)
        var kinds: [String: String] = [:]
        var maps: [(String, MapReader)] = []
        for (cname, cr) in entries {
            try checkName(cname, cr)
            let cm = try cr.map()
            kinds[cname] = try cm.discriminator()
            maps.append((cname, cm))
        }
        let entryReader = try m.required("entry")
        let entryKinds = try m.referenceKinds("entry")
        func entryIndex(_ entryName: String, _ r: NodeReader) throws -> Int {
            guard let entry = names.firstIndex(of: entryName) else {
                throw r.error(expected: "the name of one of this topology's components", found: "\"\(entryName)\"", suggestion: KeyPath.nearest(entryName, in: names))
            }
            if !entryKinds.contains(kinds[entryName] ?? "") {
                throw r.error(expected: "a component that answers requests (\(ComponentKinds.entryKinds.joined(separator: ", ")))", found: "\(entryName) (\(kinds[entryName] ?? ""))")
            }
            return entry
        }
        let entry: Int
        var entryShares: [(component: Int, share: Double)] = []
        if entryReader.isMap {
            let shares = try entryReader.map()
            for (name, value) in shares.entries() {
                let share = try value.probability()
                if share <= 0 { throw value.error(expected: "a share above 0 (leave the entry out instead)", found: value.foundDescription) }
                entryShares.append((try entryIndex(name, value), share))
            }
            try shares.finish()
            guard let first = entryShares.first else {
                throw entryReader.error(expected: "at least one entry component and its share, such as { web_lb: 0.8, api: 0.2 }", found: "an empty map")
            }
            let total = entryShares.reduce(0) { $0 + $1.share }
            if abs(total - 1) > 1e-9 {
                throw entryReader.error(expected: "shares that add up to 1", found: NodeReader.formatNumber(total))
            }
            entry = first.component
            if entryShares.count == 1 { entryShares = [] }
        } else {
            entry = try entryIndex(try entryReader.string(), entryReader)
        }
        var components: [Component] = []
        let reading = TopologyReading(name: name, names: names, kinds: kinds, zoneNames: zoneNames, maps: maps)
        reading.regionNames = regionNames
        // Which instance groups keep sessions locally (their ALB then uses sticky sessions).
        for (cname, cm) in maps where kinds[cname] == "instances" {
            if let s = cm.optional("sessions"), (try? s.string()) == "local" { reading.localSessions.insert(cname) }
        }
        for (c, (cname, cm)) in maps.enumerated() {
            reading.index = c
            guard let read = ComponentKinds.readers[kinds[cname] ?? ""] else {
                throw cm.reader.error(expected: "a component kind (\(ComponentKinds.names.joined(separator: ", ")))")
            }
            let kind = try read(cm, reading)
            try cm.finish()
            components.append(Component(name: cname, kind: kind))
        }
        try m.finish()
        try checkFootprint(components, maps.map(\.1), compsReader)
        var topo = Topology(name: name, entry: entry, components: components, zoneNames: zoneNames)
        topo.entryShares = entryShares
        try checkCycles(topo, compsReader)
        try checkAutoscalers(topo, compsReader)
        try checkLambdaCalls(topo, maps.map(\.1))
        topo.unreached = unreached(topo, maps: maps)
        return topo
    }

    /// A function with `calls:` must be invoked synchronously: as an SQS consumer or an SNS
    /// subscriber its call is not modelled, and is refused rather than dropped.
    static func checkLambdaCalls(_ t: Topology, _ readers: [MapReader]) throws {
        for (i, c) in t.components.enumerated() {
            var invoked: [Int] = []
            if let q = c.kind.spec as? QueueSpec, let consumer = q.consumers { invoked = [consumer] }
            if let topic = c.kind.spec as? TopicSpec { invoked = topic.subscribers }
            for f in invoked {
                guard let fn = t.components[f].kind.spec as? LambdaSpec, fn.calls != nil else { continue }
                let r = readers[f].optional("calls") ?? readers[f].reader
                throw r.error(
                    expected: "a function invoked synchronously (by API Gateway, an ALB, instances or a function) for calls:; \(t.components[i].name) invokes it asynchronously, where its call is not modelled",
                    found: "calls: on \(t.components[f].name)")
            }
        }
    }

    /// The components nothing reaches: not an entry, and not named by a reference (`calls:`,
    /// `targets:`, `consumers:`, a subscription, a record, `sessions:`, a dead-letter queue) of
    /// a component that is reached. An autoscaling group is reached when the group it scales is.
    static func unreached(_ t: Topology, maps: [(String, MapReader)]) -> [(name: String, file: String, line: Int?)] {
        let names = Set(t.components.map(\.name))
        var references: [[Int]] = []
        for (_, cm) in maps {
            let named = referencedNames(cm.reader.node, type: .variants(.component), names: names)
            references.append(named.compactMap { t.index(of: $0) })
        }
        var reached = Array(repeating: false, count: t.components.count)
        var stack = t.entryShares.isEmpty ? [t.entry] : t.entryShares.map(\.component)
        func flood() {
            while let c = stack.popLast() {
                guard !reached[c] else { continue }
                reached[c] = true
                stack += references[c].filter { !reached[$0] }
            }
        }
        flood()
        var changed = true
        while changed {
            changed = false
            for (i, c) in t.components.enumerated() where !reached[i] {
                if let group = c.kind.spec.scaledGroup, reached[group] {
                    stack.append(i)
                    flood()
                    changed = true
                }
            }
        }
        return t.components.indices.filter { !reached[$0] }.map { (t.components[$0].name, maps[$0].1.reader.file, maps[$0].1.reader.line) }
    }

    /// The component names a node refers to through keys declared as references.
    static func referencedNames(_ node: ScenarioNode, type: ValueType, names: Set<String>) -> [String] {
        switch (type, node) {
        case (.reference, .scalar(let text, _, _)):
            return names.contains(text) ? [text] : []
        case (.list(let item, _), .list(let items, _)):
            return items.flatMap { referencedNames($0, type: item, names: names) }
        case (.map(let declaration), .map(let entries, _)):
            return entries.flatMap { entry in
                declaration.key(entry.key).map { referencedNames(entry.value, type: $0.type, names: names) } ?? []
            }
        case (.variants(let variants), .map(let entries, _)):
            guard let picked = entries.first(where: { $0.key == variants.discriminator })?.value.text,
                  let variant = variants.variant(named: picked) else { return [] }
            return referencedNames(node, type: .map(variant.declaration), names: names)
        case (.anyOf(let types), _):
            return types.flatMap { referencedNames(node, type: $0, names: names) }
        default:
            return []
        }
    }

    /// What one replication of the topology allocates up front, bounded before anything is:
    /// instances (an auto-scaling group counts with its `max`) and SQS consumers (a poller per
    /// worker of every consuming instance unless `pollers` says otherwise).
    static func checkFootprint(_ components: [Component], _ readers: [MapReader], _ r: MapReader) throws {
        var size: [Int: Int] = [:]
        let claims = components.enumerated().compactMap { i, c in c.kind.spec.instancesClaimed(index: i).map { (i, $0.group, $0.count) } }
        // A group's own instances first (each group is bounded by itself), then what scalers may add.
        for (i, group, count) in claims where group == i { size[group] = count }
        for (i, group, count) in claims where group != i {
            size[group] = max(size[group] ?? 0, count)
            if size.values.reduce(0, +) > Limits.maxInstancesTotal {
                throw (readers[i].optional("max") ?? readers[i].reader).error(
                    expected: "at most \(Limits.maxInstancesTotal) instances in a topology, an auto-scaling group counting with its max")
            }
        }
        var pollers = 0
        for (i, c) in components.enumerated() {
            let more = c.kind.spec.queuePollers(in: components)
            guard more > 0 else { continue }
            pollers += more
            if pollers > Limits.maxPollers {
                throw (readers[i].optional("pollers") ?? readers[i].optional("consumers") ?? readers[i].reader).error(
                    expected: "at most \(Limits.maxPollers) queue consumers in a topology (instances × pollers, each instance polling with one poller per worker unless 'pollers' is set)",
                    found: "\(pollers)")
            }
        }
    }

    /// Synchronous edges (calls, ALB targets, API targets, HTTP endpoint targets) must not loop.
    static func checkCycles(_ t: Topology, _ r: MapReader) throws {
        func next(_ c: Int) -> [Int] { t.components[c].kind.spec.edges }
        var state = Array(repeating: 0, count: t.components.count)  // 0 new, 1 on stack, 2 done
        func visit(_ c: Int, _ path: [String]) throws {
            state[c] = 1
            for n in next(c) {
                if state[n] == 1 {
                    let cycle = (path + [t.components[c].name, t.components[n].name]).joined(separator: " → ")
                    throw ScenarioError(
                        file: r.reader.file, keyPath: KeyPath.appending(key: t.components[c].name, to: r.reader.path),
                        line: r.reader.line, expected: "components that do not call each other in a circle", found: cycle)
                }
                if state[n] == 0 { try visit(n, path + [t.components[c].name]) }
            }
            state[c] = 2
        }
        for c in 0..<t.components.count where state[c] == 0 { try visit(c, []) }
    }

    static func checkAutoscalers(_ t: Topology, _ r: MapReader) throws {
        var seen: Set<Int> = []
        for c in t.components {
            guard let group = c.kind.spec.scaledGroup else { continue }
            if !seen.insert(group).inserted {
                throw ScenarioError(file: r.reader.file, keyPath: KeyPath.appending(key: c.name, to: r.reader.path),
                    expected: "one autoscaling group per instances group", found: "a second one for \(t.components[group].name)")
            }
        }
    }

    static func parseDeliveryPolicy(_ r: NodeReader?) throws -> DeliveryPolicy {
        guard let r else { return AwsDefaults.snsHTTPPolicy }
        if r.isScalar {
            switch try r.choice() {
            case "managed": return AwsDefaults.snsManagedPolicy
            default: return AwsDefaults.snsHTTPPolicy
            }
        }
        let m = try r.map()
        var p = AwsDefaults.snsHTTPPolicy
        p.immediateRetries = try m.int("immediate_retries", default: 0) ?? 0
        p.preBackoffRetries = try m.int("pre_backoff_retries", default: 0) ?? 0
        p.preBackoffDelay = try m.duration("pre_backoff_delay", default: p.minDelay) ?? p.minDelay
        p.backoffRetries = try m.int("num_retries", default: 3) ?? 3
        p.minDelay = try m.duration("min_delay", default: 20 * Time.second) ?? 20 * Time.second
        p.maxDelay = try m.duration("max_delay", default: p.minDelay) ?? p.minDelay
        p.postBackoffRetries = try m.int("post_backoff_retries", default: 0) ?? 0
        p.postBackoffDelay = try m.duration("post_backoff_delay", default: p.maxDelay) ?? p.maxDelay
        if p.maxDelay < p.minDelay { throw (m.optional("max_delay") ?? m.reader).error(expected: "max_delay ≥ min_delay") }
        // SNS caps an HTTP/S policy's total retry time at 3,600 s.
        let total = SimTime(p.preBackoffRetries) * p.preBackoffDelay + SimTime(p.backoffRetries) * p.maxDelay
            + SimTime(p.postBackoffRetries) * p.postBackoffDelay
        if total > AwsDefaults.snsMaxRetryTime {
            throw m.reader.error(expected: "a policy whose retries take at most 3,600 s in all (an SNS limit)", found: Units.format(nanoseconds: total))
        }
        try m.finish()
        return p
    }

    // MARK: faults

    static func parseFault(_ r: NodeReader, topologies: [Topology], zoneNames: [String], regionNames: [String] = [defaultRegion], duration: SimTime) throws -> FaultSpec {
        // A name that is not an FIS action, or one that acts on nothing topobench models, is
        // refused with what to write instead (before the declarations, which do not know it).
        if let kindNode = r.node["kind"], let name = kindNode.text, let why = refusedFISActions[name] {
            throw NodeReader(node: kindNode, file: r.file, path: KeyPath.appending(key: "kind", to: r.path))
                .error(expected: "a fault kind or an AWS FIS action that topobench models", found: "\"\(name)\", which \(why)")
        }
        // The map's declaration is its kind's (``Variants/fault``): keys that do not apply to
        // the kind are refused as unknown when it is opened.
        let m = try r.map()
        let written = try m.discriminator()
        guard let kind = FaultSpec.Kind(rawValue: written) ?? fisActions[written] else {
            throw DeclarationError(message: "fault kind '\(written)' is declared but the loader does not know it")
        }
        let allNames = Set(topologies.flatMap { $0.components.map(\.name) })
        func component(_ key: String) throws -> String? {
            guard let t = m.optional(key) else { return nil }
            let v = try t.string()
            if !allNames.contains(v) {
                throw t.error(expected: "a component that at least one topology has", found: "\"\(v)\"", suggestion: KeyPath.nearest(v, in: allNames.sorted()))
            }
            return v
        }
        var spec = FaultSpec(
            kind: kind, writtenKind: written, target: nil, instance: nil, zone: nil, peer: nil, at: nil, length: nil,
            mtbf: nil, mttr: nil, multiplier: 10, probability: 1, errorCode: 500)
        let effectiveKind = kind
        if written == MapDeclaration.disruptConnectivityName, let z = m.optional("zone") {
            throw z.error(
                expected: "target and peer: aws:network:disrupt-connectivity cuts the network of subnets, and the instances keep running and keep their memory, so it is a partition, not a zone power loss (for that, kind: zone_outage)")
        }
        let zonePower = elastiCacheZonePowerActions.contains(written)
        if effectiveKind == .zoneOutage || zonePower {
            let zr = try m.required("zone")
            let z = try zr.string()
            guard let i = zoneNames.firstIndex(of: z) else { throw zr.error(expected: "a zone used by the topologies", found: "\"\(z)\"", suggestion: KeyPath.nearest(z, in: zoneNames)) }
            spec.zone = i
        }
        if effectiveKind == .regionOutage {
            let rr = try m.required("region")
            let name = try rr.string()
            guard let i = regionNames.firstIndex(of: name) else {
                throw rr.error(expected: "a region the topologies use (\(regionNames.joined(separator: ", ")))", found: "\"\(name)\"", suggestion: KeyPath.nearest(name, in: regionNames))
            }
            spec.region = i
        }
        if effectiveKind != .zoneOutage && effectiveKind != .regionOutage {
            guard let t = try component("target") else { throw m.reader.error(expected: "'target': the component the fault hits", suggestion: "target") }
            spec.target = t
            // A fault whose declaration limits the target's kinds (an ElastiCache action) is held
            // to them in every topology that has the target.
            let kinds = try m.referenceKinds("target")
            if let tr = m.optional("target") {
                for topology in topologies {
                    if let c = topology.index(of: t), !kinds.contains(topology.components[c].kindName) {
                        throw tr.error(expected: "a component of kind \(kinds.joined(separator: " or ")) (\(written))",
                                       found: "\(t) (\(topology.components[c].kindName) in topology '\(topology.name)')")
                    }
                }
            }
        }
        if effectiveKind == .partition {
            guard let p = try component("peer") else { throw m.reader.error(expected: "'peer': the other side of the partition", suggestion: "peer") }
            spec.peer = p
        }
        // Each kind reads the timing keys its declaration has (a terminate has no length, a
        // zone power loss of a store no instance).
        spec.instance = m.declares("instance") ? try m.int("instance") : nil
        spec.at = try m.duration("at")
        let dur = m.declares("duration") ? try m.duration("duration") : nil
        let rec = m.declares("recover_after") ? try m.duration("recover_after") : nil
        if dur != nil && rec != nil { throw (m.optional("recover_after") ?? m.reader).error(expected: "either 'duration' or 'recover_after', not both") }
        spec.length = dur ?? rec
        if kind == .reboot, !m.has("mtbf") {
            let written = try m.duration("reboot_time", default: AwsDefaults.rebootTime)
            spec.length = m.has("reboot_time") ? written : spec.length ?? written
        }
        if m.declares("force_failover") { spec.forceFailover = try m.bool("force_failover", default: false) ?? false }
        if written == "aws:ec2:send-spot-instance-interruptions" {
            // The instance is interrupted when the two-minute notice runs out.
            spec.at = spec.at.map { $0 + AwsDefaults.spotNotice }
        }
        if m.declares("mtbf"), let b = m.optional("mtbf") { spec.mtbf = try parseDistribution(b).0 }
        if m.declares("mttr"), let r2 = m.optional("mttr") { spec.mttr = try parseDistribution(r2).0 }
        if (spec.mtbf == nil) != (spec.mttr == nil) {
            throw m.reader.error(expected: "both 'mtbf' and 'mttr' for a stochastic fault", suggestion: spec.mtbf == nil ? "mtbf" : "mttr")
        }
        if spec.mtbf != nil {
            if spec.at != nil || spec.length != nil {
                throw m.reader.error(expected: "a stochastic fault (mtbf/mttr) without 'at', 'duration' or 'recover_after'")
            }
            if (spec.mtbf?.mean ?? 0) < 1e-3 || (spec.mttr?.mean ?? 0) <= 0 {
                throw (m.optional("mtbf") ?? m.reader).error(expected: "an mtbf of at least 1ms on average and an mttr above 0")
            }
        } else if spec.at == nil {
            throw m.reader.error(expected: "'at' (when the fault starts) or 'mtbf' and 'mttr' (a stochastic fault)", suggestion: "at")
        }
        switch effectiveKind {
        case .latency:
            spec.multiplier = try m.double("multiplier", default: 10) ?? 10
        case .errors:
            spec.probability = try m.double("probability", default: 1) ?? 1
            let defaultCode = written.hasSuffix("throttle-error") ? 429 : written.hasSuffix("unavailable-error") ? 503 : 500
            let code = try m.int("code", default: defaultCode) ?? defaultCode
            if ![400, 403, 404, 429, 500, 503].contains(code) {
                throw (m.optional("code") ?? m.reader).error(expected: "400, 403, 404, 429, 500 or 503", found: "\(code)")
            }
            spec.errorCode = code
        default: break
        }
        // A fault that the target's kind refuses in one of the topologies (a failover of a
        // database without a standby), named with the topology.
        if let t = spec.target, let tr = m.optional("target") {
            for topology in topologies {
                if let c = topology.index(of: t), let why = topology.components[c].kind.spec.refusal(of: spec) {
                    throw tr.error(expected: why.expected, found: "\(t) (\(why.found) in topology '\(topology.name)')")
                }
            }
        }
        try m.finish()
        return spec
    }
}
