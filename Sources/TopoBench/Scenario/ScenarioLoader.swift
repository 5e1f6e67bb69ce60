import Foundation

/// Values given on the command line that take precedence over the file.
public struct ScenarioOverrides: Sendable {
    public var seed: UInt64?
    public var replications: Int?
    public var duration: SimTime?
    /// Scales duration, warm-up and window (for `suite --quick`); 1 = unchanged.
    public var timeScale: Double = 1
    /// The topologies of the suite the scenario is run in, when the suite defines them.
    public var topologies: SharedTopologies?
    public init(seed: UInt64? = nil, replications: Int? = nil, duration: SimTime? = nil, timeScale: Double = 1, topologies: SharedTopologies? = nil) {
        self.seed = seed
        self.replications = replications
        self.duration = duration
        self.timeScale = timeScale
        self.topologies = topologies
    }
}

/// Topologies defined once, for several scenarios: a suite's `topologies:`, inline or in a file
/// of their own (`topologies: FILE`, a map of topologies by name).
public struct SharedTopologies: Sendable {
    /// The map of topologies by name.
    public var node: ScenarioNode
    /// The file where they are written, for errors.
    public var file: String
    /// Its text, part of the scenario's hash (`run.json`).
    public var text: String

    /// Reads a `topologies:` value that is a map (written in `file`) or names a file (relative
    /// to `file`'s folder) holding the map.
    static func read(_ r: NodeReader, text: String) throws -> SharedTopologies {
        if r.isMap { return SharedTopologies(node: r.node, file: r.file, text: text) }
        guard r.isScalar else { throw r.error(expected: "a map of topologies by name, or a file that holds one", found: r.foundDescription) }
        let rel = try r.string()
        let base = URL(fileURLWithPath: r.file).deletingLastPathComponent()
        let path = rel.hasPrefix("/") ? rel : base.appendingPathComponent(rel).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw r.error(expected: "a file of topologies", found: "\"\(rel)\" (not found)")
        }
        let node = try ScenarioDocument.load(path: path).withoutExtensionKeys
        guard case .map = node else {
            throw ScenarioError(file: path, keyPath: "", line: node.line, expected: "a map of topologies by name", found: node.foundDescription)
        }
        return SharedTopologies(node: node, file: path, text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
    }
}

/// Reads a scenario file into checked ``Scenario`` values, one per sweep point.
///
/// Every key is checked: an unknown key, a value of the wrong type or unit, a number out of its
/// range, a reference to a component that does not exist or is of the wrong kind, a circular
/// `calls:` chain: each is a ``ScenarioError`` naming the file, the key path and what was
/// expected (and the nearest valid key for a typo). Nothing is defaulted silently except keys
/// that are absent, whose defaults are in ``AwsDefaults``.
public enum ScenarioLoader {
    /// Resource bounds: a scenario beyond them is refused before anything is allocated.
    public enum Limits {
        public static let maxInstancesPerGroup = 100_000
        public static let maxInstancesTotal = 1_000_000
        public static let maxWorkers = 100_000
        public static let maxQueue = 1_000_000_000
        public static let maxUsers = 10_000_000
        public static let maxReplications = 100_000
        public static let maxSweepPoints = 10_000
        public static let maxWindows = 10_000_000
        public static let maxComponents = 1_000
        public static let maxFaults = 10_000
        /// Distinct zone names (a region has at most a handful of availability zones).
        public static let maxZones = 64
        /// Simulations of one file: sweep points × topologies × replications (each keeps a row of
        /// figures and a latency ladder in memory until the files are written).
        public static let maxRuns = 100_000
        /// Rows of `timeseries.csv` for one file: windows × replications × topologies × points.
        public static let maxTimeseriesRows = 5_000_000
        /// SQS consumers (pollers) in a topology: instances × pollers per instance, summed over queues.
        public static let maxPollers = 100_000
        /// Instances under stochastic faults (each instance has its own random stream, ~5 KB).
        public static let maxFaultStreams = 10_000
        /// Values of an empirical distribution (a list or a CSV column), and the CSV's size.
        public static let maxEmpiricalValues = 1_000_000
        public static let maxEmpiricalBytes = 8 * 1024 * 1024
        /// Branches of a hyperexponential (a draw scans them) and steps of a rate profile (each
        /// arrival looks its multiplier up).
        public static let maxBranches = 100
        public static let maxProfileSteps = 10_000
        /// Longest timeout or delay of any one thing (a day): keeps every clock sum in range.
        public static let maxDelay: SimTime = Time.day
        /// The largest request or answer (`workload.payload`): 10 MB, API Gateway's payload quota.
        public static let maxPayload = 10 << 20
        public static let maxRate = 1e9
    }

    /// The distributions `dist:` takes (``Variants/distribution``).
    public static let distributionNames = Variants.distribution.names

    /// FIS action names and the fault kinds they stand for.
    public static let fisActions: [String: FaultSpec.Kind] = [
        "aws:ec2:stop-instances": .stop,
        "aws:ec2:terminate-instances": .terminate,
        "aws:ec2:reboot-instances": .reboot,
        // Terminates after the two-minute interruption notice (``AwsDefaults/spotNotice``).
        "aws:ec2:send-spot-instance-interruptions": .terminate,
        "aws:ecs:stop-task": .crash,
        // The nodes of a replication group in one zone lose power (``MapDeclaration/elastiCacheZonePower``).
        "aws:elasticache:replicationgroup-interrupt-az-power": .crash,
        "aws:elasticache:interrupt-cluster-az-power": .crash,
        "aws:network:disrupt-connectivity": .partition,
        "aws:lambda:invocation-add-delay": .latency,
        "aws:lambda:invocation-error": .errors,
        // A database fails over (Aurora or a Multi-AZ DB cluster: FailoverDBCluster), or reboots,
        // through a failover with force_failover (``MapDeclaration/rdsReboot``).
        "aws:rds:failover-db-cluster": .failover,
        "aws:rds:reboot-db-instances": .reboot,
    ]

    /// The FIS action names for a session store's zone power loss (the current one first).
    public static let elastiCacheZonePowerActions = [
        "aws:elasticache:replicationgroup-interrupt-az-power", "aws:elasticache:interrupt-cluster-az-power",
    ]

    /// Names a file may write that are not FIS actions, or FIS actions that act on nothing
    /// topobench models, with what to write instead: refused with exit 65.
    public static let refusedFISActions: [String: String] = {
        let api = "acts on the EC2 or Kinesis API calls made by an IAM role (its 'service' is ec2 or kinesis, per the AWS FIS actions reference); "
            + "it cannot make an SQS queue, an SNS topic, an API Gateway or a database fail. For a component that answers with errors, use kind: errors with code 500, 503 or 429"
        return [
            "aws:ec2:inject-latency": "is not an AWS FIS action. The real actions that come closest: aws:ssm:send-command with the AWSFIS-Run-Network-Latency document (EC2), "
                + "aws:lambda:invocation-add-delay, aws:ecs:task-network-latency, aws:eks:pod-network-latency; in topobench, kind: latency (or aws:lambda:invocation-add-delay on a lambda)",
            "aws:fis:inject-api-internal-error": api,
            "aws:fis:inject-api-unavailable-error": api,
            "aws:fis:inject-api-throttle-error": api,
        ]
    }()

    /// Loads a file and expands its sweep.
    ///
    /// An invalid file throws one ``ScenarioError`` that lists every problem found
    /// (``ScenarioError/more``), in file order; see ``expandReportingAll(root:file:text:overrides:)``.
    public static func load(path: String, overrides: ScenarioOverrides = .init()) throws -> [Scenario] {
        let root = try ScenarioDocument.load(path: path)
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var overrides = overrides
        if overrides.topologies == nil, root["topologies"] == nil || root["topologies"].map({ if case .list = $0 { true } else { false } }) == true {
            // A scenario of a suite that defines its topologies, run on its own.
            overrides.topologies = SuiteSpec.topologies(for: path)
        }
        return try expandReportingAll(root: root, file: path, text: text, overrides: overrides)
    }

    /// Parses scenario text (YAML or JSON) and expands its sweep.
    public static func parse(text: String, file: String, overrides: ScenarioOverrides = .init()) throws -> [Scenario] {
        let root = try ScenarioDocument.parse(text: text, file: file)
        return try expandReportingAll(root: root, file: file, text: text, overrides: overrides)
    }

    /// ``expand(root:file:text:overrides:)``, reporting every problem at once: the document is
    /// first checked against its declarations (``ScenarioValidator``), which finds every unknown
    /// key, missing key and ill-typed value; the loader's own error, if any, is merged in. A file
    /// the loader accepts is accepted.
    static func expandReportingAll(root written: ScenarioNode, file: String, text: String, overrides: ScenarioOverrides) throws -> [Scenario] {
        let root = written.withoutExtensionKeys
        let found = ScenarioValidator.problems(in: root, file: file)
        do {
            return try expand(root: root, file: file, text: text, overrides: overrides)
        } catch let error as ScenarioError {
            throw ScenarioValidator.merge(found, with: error) ?? error
        }
    }

    static func expand(root original: ScenarioNode, file: String, text original_text: String, overrides: ScenarioOverrides) throws -> [Scenario] {
        let (root, shared) = try resolveTopologies(original, file: file, suite: overrides.topologies)
        let text = original_text + (shared.map { "|topologies:" + $0.text } ?? "")
        var overrides = overrides
        overrides.topologies = shared
        let top = try NodeReader(node: root, file: file).map(.scenario)
        var axes: [(column: String, values: [ScenarioNode])] = []
        if let sweep = try top.map("sweep") {
            for (key, value) in sweep.entries() {
                let items = try value.list()
                if items.isEmpty { throw value.error(expected: "a non-empty list of values to sweep") }
                axes.append((key, items.map(\.node)))
            }
        }
        var points = 1
        for a in axes {
            points *= a.values.count
            if points > Limits.maxSweepPoints {
                throw (top.optional("sweep") ?? top.reader).error(expected: "at most \(Limits.maxSweepPoints) sweep points (the product of the numbers of values)", found: "more")
            }
        }
        let hash = fnv1a(text + "|\(overrides.seed.map(String.init) ?? "")|\(overrides.replications.map(String.init) ?? "")|\(overrides.duration.map(String.init) ?? "")|\(overrides.timeScale)")
        var scenarios: [Scenario] = []
        var runs = 0, rows = 0
        for index in 0..<points {
            var node = root
            var values: [SweepValue] = []
            var rest = index
            var picks: [Int] = Array(repeating: 0, count: axes.count)
            for a in stride(from: axes.count - 1, through: 0, by: -1) {
                picks[a] = rest % axes[a].values.count
                rest /= axes[a].values.count
            }
            var swept: [(column: String, pick: Int, paths: [String])] = []
            for (a, axis) in axes.enumerated() {
                let v = axis.values[picks[a]]
                let replaced = try KeyPath.replacingReportingPaths(axis.column, in: node, with: v, file: file)
                node = replaced.node
                swept.append((axis.column, picks[a], replaced.paths))
                values.append(SweepValue(column: axis.column, value: v.text ?? ""))
            }
            var s: Scenario
            do {
                s = try build(node, file: file, overrides: overrides)
            } catch var e as ScenarioError {
                // A problem with a swept value is where the value is written: in the sweep.
                relocate: for axis in swept {
                    for p in axis.paths where e.keyPath == p || e.keyPath.hasPrefix(p + ".") || e.keyPath.hasPrefix(p + "[") {
                        let entry = KeyPath.appending(key: axis.column, to: "sweep")
                        let rest = e.keyPath.dropFirst(p.count)
                        e.keyPath = e.problem != nil && rest.isEmpty ? entry : KeyPath.appending(index: axis.pick, to: entry) + rest
                        break relocate
                    }
                }
                throw e
            }
            // What the whole run will hold in memory, checked before anything runs.
            runs += s.topologies.count * s.replications
            if runs > Limits.maxRuns {
                throw ScenarioError(
                    file: file, keyPath: "replications", line: top.reader.node["replications"]?.line,
                    expected: "at most \(Limits.maxRuns) simulations in all (sweep points × topologies × replications)",
                    found: "\(points) × \(s.topologies.count) × \(s.replications)")
            }
            let windows = (s.duration - s.warmup + s.window - 1) / s.window
            rows += Int(windows) * s.topologies.count * s.replications
            if rows > Limits.maxTimeseriesRows {
                throw ScenarioError(
                    file: file, keyPath: "window", line: top.reader.node["window"]?.line,
                    expected: "at most \(Limits.maxTimeseriesRows) rows of timeseries.csv in all (windows × topologies × replications × sweep points): a wider window, a shorter run or fewer replications",
                    found: "\(Units.format(nanoseconds: s.window)) windows over \(Units.format(nanoseconds: s.duration - s.warmup))")
            }
            s.sweep = values
            s.sweepIndex = index
            s.hash = hash
            scenarios.append(s)
        }
        return scenarios
    }

    /// The scenario's topologies: its own map, a file of them (`topologies: FILE`), the suite's
    /// (when it has none), or some of the suite's (`topologies: [tight, alb]`, in that order).
    /// Returns the document with that map in place and, when it was written elsewhere, where.
    static func resolveTopologies(_ root: ScenarioNode, file: String, suite: SharedTopologies?) throws -> (ScenarioNode, SharedTopologies?) {
        guard case let .map(entries, line) = root else { return (root, nil) }
        let own = root["topologies"]
        let shared: SharedTopologies
        switch own {
        case .map?:
            return (root, nil)
        case .scalar?:
            shared = try SharedTopologies.read(NodeReader(node: own!, file: file, path: "topologies"), text: "")
        case .list(let names, _)?:
            let r = NodeReader(node: own!, file: file, path: "topologies")
            guard let suite, case let .map(all, suiteLine) = suite.node else {
                throw r.error(expected: "a map of topologies or a file of them (a list of names picks topologies from a suite that defines them, and this file is not run through one)")
            }
            var picked: [(key: String, value: ScenarioNode)] = []
            for (i, n) in names.enumerated() {
                let item = NodeReader(node: n, file: file, path: KeyPath.appending(index: i, to: "topologies"))
                let name = try item.string()
                guard let t = all.first(where: { $0.key == name }) else {
                    throw item.error(expected: "a topology of the suite (\(all.map(\.key).joined(separator: ", ")))", found: "\"\(name)\"",
                                     suggestion: KeyPath.nearest(name, in: all.map(\.key)))
                }
                if picked.contains(where: { $0.key == name }) { throw item.error(expected: "each topology once", found: "\"\(name)\" again") }
                picked.append(t)
            }
            shared = SharedTopologies(node: .map(picked, line: suiteLine), file: suite.file, text: suite.text)
        case nil:
            guard let suite else { return (root, nil) }
            shared = suite
        default:
            throw NodeReader(node: own!, file: file, path: "topologies").error(
                expected: "a map of topologies by name, a file that holds one, or a list of the suite's topology names", found: own!.foundDescription)
        }
        var replaced = entries.filter { $0.key != "topologies" }
        replaced.append((key: "topologies", value: shared.node))
        return (.map(replaced, line: line), shared)
    }

    static func fnv1a(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return String(format: "%016llx", h)
    }

    // MARK: top level

    static func build(_ root: ScenarioNode, file: String, overrides: ScenarioOverrides) throws -> Scenario {
        let top = try NodeReader(node: root, file: file).map(.scenario)
        top.allow(["sweep"])
        let name = try top.string("name") ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        try checkName(name, top.optional("name") ?? top.reader)
        let description = try top.string("description", default: "") ?? ""
        var duration = try top.duration("duration", default: Time.hour) ?? Time.hour
        var warmup = try top.duration("warmup", default: 0) ?? 0
        var window = try top.duration("window", default: 10 * Time.second) ?? 10 * Time.second
        try checkOverrides(overrides, file: file)
        let fileDuration = duration
        let timeline = Timeline(overrides: overrides, fileDuration: duration)
        duration = timeline.duration
        warmup = timeline.point(warmup)
        window = timeline.window(window)
        if warmup >= duration {
            throw (top.optional("warmup") ?? top.reader).error(
                expected: "a warm-up shorter than the duration (\(Units.format(nanoseconds: duration)))",
                found: Units.format(nanoseconds: warmup))
        }
        if (duration - warmup) / window > SimTime(Limits.maxWindows) {
            throw (top.optional("window") ?? top.reader).error(
                expected: "a window of at least \(Units.format(nanoseconds: max(1, (duration - warmup) / SimTime(Limits.maxWindows)))) (at most \(Limits.maxWindows) windows)")
        }
        var replications = try top.int("replications", default: 10) ?? 10
        if let r = overrides.replications { replications = r }
        var seed = UInt64(try top.int("seed", default: 1) ?? 1)
        if let s = overrides.seed { seed = s }
        let slo = try top.double("slo", default: 0.99) ?? 0.99

        // Zones: every zone name used in the file, in order of appearance.
        // (Only the topologies' `zones:` count: a fault's `zone:` must name one of them.)
        var zoneNames: [String] = []
        if let topologies = root["topologies"] { collectZones(topologies, into: &zoneNames) }
        if zoneNames.isEmpty { zoneNames = ["a"] }
        // Regions: the scenario's first (the clients', and that of every zone and service that
        // names none), then those of `REGION/ZONE` zone names and `region:` keys, in order.
        let homeRegion = try top.string("region", default: defaultRegion) ?? defaultRegion
        if let rr = top.optional("region") { try checkRegionName(homeRegion, rr) }
        var regionNames = [homeRegion]
        var zoneRegions: [Int] = []
        for z in zoneNames {
            let region = z.firstIndex(of: "/").map { String(z[..<$0]) } ?? homeRegion
            if !regionNames.contains(region) { regionNames.append(region) }
            zoneRegions.append(regionNames.firstIndex(of: region) ?? 0)
        }
        if let topologies = root["topologies"] { collectRegions(topologies, into: &regionNames) }

        let workloadReader = try top.required("workload").map()
        let workload = timeline.workload(try parseWorkload(workloadReader))
        let network = try parseNetwork(top.optional("network"))

        guard let topoEntry = top.optional("topologies") else {
            throw top.reader.error(
                expected: "'topologies': a map of topologies by name, or a file that holds one (topologies: FILE); a scenario of a suite that defines its topologies takes them from the suite",
                suggestion: "topologies")
        }
        // Topologies written in another file (a suite's, or topologies: FILE) report their errors there.
        let topoMap = try NodeReader(node: topoEntry.node, file: overrides.topologies?.file ?? file, path: topoEntry.path, type: topoEntry.type).map()
        var topologies: [Topology] = []
        for (tname, treader) in topoMap.entries() {
            try checkName(tname, treader)
            var topology = try parseTopology(name: tname, treader, zoneNames: zoneNames, regionNames: regionNames)
            topology.regionNames = regionNames
            topology.zoneRegions = zoneRegions
            topologies.append(topology)
        }
        if topologies.isEmpty { throw topoMap.reader.error(expected: "at least one topology") }
        if topologies.reduce(0, { $0 + $1.components.count }) > Limits.maxComponents * 10 {
            throw topoMap.reader.error(expected: "fewer components")
        }
        var faults: [FaultSpec] = []
        var faultStreams = 0
        if let list = try top.list("faults") {
            if list.count > Limits.maxFaults { throw (top.optional("faults") ?? top.reader).error(expected: "at most \(Limits.maxFaults) faults") }
            for f in list {
                var fault = try parseFault(f, topologies: topologies, zoneNames: zoneNames, regionNames: regionNames, duration: duration)
                if let at = fault.at, at >= fileDuration {
                    // It would never start: an error, not a fault left out of faults.csv.
                    let atReader = (try? f.map())?.optional("at") ?? f
                    throw atReader.error(
                        expected: "a start before the end of the run (duration \(Units.format(nanoseconds: fileDuration)))",
                        found: Units.format(nanoseconds: at))
                }
                fault.at = fault.at.map(timeline.point)
                fault.length = fault.length.map(timeline.length)
                faults.append(fault)
                if fault.mtbf != nil {
                    // One random stream per instance hit; a group of 10⁵ would need 500 MB of them.
                    let hit = fault.instance != nil ? 1 : max(1, topologies.map { instanceCount(of: fault.target, in: $0) }.max() ?? 1)
                    faultStreams += hit
                    if faultStreams > Limits.maxFaultStreams {
                        throw ((try? f.map())?.optional("mtbf") ?? f).error(
                            expected: "at most \(Limits.maxFaultStreams) instances under stochastic faults (mtbf/mttr) in all; name one with 'instance'")
                    }
                }
            }
        }
        let prices = try readPricing(top.map("pricing"), topologies: topologies)
        try top.finish()
        return Scenario(
            name: name, description: description, file: file, duration: duration, warmup: warmup, window: window,
            replications: replications, seed: seed, slo: slo, workload: workload, network: network, prices: prices, faults: faults,
            topologies: topologies, sweep: [], sweepIndex: 0, hash: "")
    }

    /// How many instances (or store nodes) the component `name` has in `t`; 1 for other kinds.
    static func instanceCount(of name: String?, in t: Topology) -> Int {
        guard let name, let i = t.index(of: name) else { return 0 }
        return t.components[i].kind.spec.faultTargetCount
    }

    /// Values from the command line are as hostile as the file's: each is held to the bounds of
    /// the key it overrides, and an error names that key.
    static func checkOverrides(_ o: ScenarioOverrides, file: String) throws {
        if let r = o.replications, !(1...Limits.maxReplications).contains(r) {
            throw ScenarioError(
                file: file, keyPath: "replications",
                expected: "from 1 to \(Limits.maxReplications) replications (set on the command line)", found: "\(r)")
        }
        if let d = o.duration, !(1...Units.maxDuration).contains(d) {
            throw ScenarioError(
                file: file, keyPath: "duration",
                expected: "a duration from 1ns to \(Units.format(nanoseconds: Units.maxDuration)) (100 years) (set on the command line)",
                found: Units.format(nanoseconds: d))
        }
        if !(o.timeScale.isFinite && o.timeScale > 0 && o.timeScale <= 1) {
            throw ScenarioError(
                file: file, keyPath: "duration", expected: "a time scale above 0 and at most 1 (--quick)",
                found: "\(o.timeScale)")
        }
    }

    /// Names become folder names and CSV fields: letters, digits, `-`, `_` and `.` only.
    static func checkName(_ name: String, _ r: NodeReader) throws {
        let ok = !name.isEmpty && name.count <= 100 && name != "." && name != ".."
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_.".unicodeScalars.contains($0) }
        if !ok {
            throw r.error(expected: "a name of letters, digits, '-', '_' or '.' (at most 100 characters)", found: "\"\(name.prefix(60))\"")
        }
    }

    /// The region every zone and service without one of its own is in, unless `region:` says.
    public static let defaultRegion = "us-east-1"

    /// A region name as AWS writes them (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`).
    static func checkRegionName(_ name: String, _ r: NodeReader) throws {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        let ok = parts.count >= 3 && parts.first?.count == 2 && parts.last.map { !$0.isEmpty && $0.allSatisfy(\.isNumber) } == true
            && parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase && $0.isASCII } }
        if !ok { throw r.error(expected: "an AWS region name such as us-east-1 or eu-west-2", found: "\"\(name.prefix(60))\"") }
    }

    /// The regions named by `region:` keys under `node`, in order of appearance.
    static func collectRegions(_ node: ScenarioNode, into regions: inout [String]) {
        switch node {
        case .map(let entries, _):
            for e in entries {
                if e.key == "region", case .scalar(let r, _, _) = e.value {
                    if !regions.contains(r) { regions.append(r) }
                } else {
                    collectRegions(e.value, into: &regions)
                }
            }
        case .list(let items, _):
            for i in items { collectRegions(i, into: &regions) }
        default: break
        }
    }

    static func collectZones(_ node: ScenarioNode, into zones: inout [String]) {
        switch node {
        case .map(let entries, _):
            for e in entries {
                if e.key == "zones", case .list(let items, _) = e.value {
                    for case .scalar(let z, _, _) in items where !zones.contains(z) { zones.append(z) }
                } else {
                    collectZones(e.value, into: &zones)
                }
            }
        case .list(let items, _):
            for i in items { collectZones(i, into: &zones) }
        default: break
        }
    }

    // MARK: workload

    static func parseWorkload(_ w: MapReader) throws -> Workload {
        let arrival = try w.map("arrival")
        let think = w.optional("think")
        let mode: Workload.Mode
        var users = AwsDefaults.openLoopUsers
        if let a = arrival {
            if let t = think { throw t.error(expected: "no think time with an open-loop arrival (use users + think for a closed loop)") }
            let (dist, rate) = try parseDistribution(a.reader)
            var profile: RateProfile? = nil
            if let p = try a.map("profile") { profile = try parseProfile(p) }
            a.allow(["profile"])
            let r = rate ?? (1.0 / max(1e-300, dist.mean))
            if !(r.isFinite && r > 0) || r > Limits.maxRate {
                throw a.reader.error(expected: "an arrival rate above 0 and at most \(Int(Limits.maxRate))/s", found: "\(r)/s")
            }
            if let p = profile, r * p.maximum > Limits.maxRate {
                throw a.reader.error(expected: "a peak arrival rate of at most \(Int(Limits.maxRate))/s")
            }
            mode = .open(OpenArrivals(interArrival: dist, rate: r, profile: profile))
            users = try w.int("users", default: users) ?? users
        } else if let u = w.optional("users") {
            let n = try u.int()
            guard let t = think else { throw w.reader.error(expected: "a think time (think: ...) for a closed loop of users") }
            let (d, _) = try parseDistribution(t)
            mode = .closed(users: n, think: d)
            users = n
        } else {
            throw w.reader.error(expected: "an open-loop 'arrival' or a closed loop of 'users' with 'think'", suggestion: "arrival")
        }
        let timeout = try w.optional("timeout").flatMap { r -> SimTime? in
            if r.isNull || (r.isScalar && (try? r.string()) == "none") { return nil }
            return try r.duration()
        }
        var retry = AwsDefaults.noRetry
        if let r = w.optional("retry") { retry = try parseRetry(r) }
        var sessionRequests: Int? = nil
        if let s = try w.map("session") {
            sessionRequests = try s.int("requests")
            try s.finish()
        }
        let connectTimeout = try w.duration("connect_timeout", default: AwsDefaults.clientConnectTimeout) ?? AwsDefaults.clientConnectTimeout
        var dnsCacheMin: SimTime = 0
        if let d = try w.map("dns_cache") {
            dnsCacheMin = try d.duration("min", default: 0) ?? 0
            try d.finish()
        }
        let breaker = try w.map("circuit_breaker").map(CircuitBreakerSpec.read)
        var requestBytes = 2048, responseBytes = 8192
        if let p = try w.map("payload") {
            requestBytes = try p.size("request", default: 2048) ?? 2048
            responseBytes = try p.size("response", default: 8192) ?? 8192
            try p.finish()
        }
        try w.finish()
        return Workload(mode: mode, users: users, timeout: timeout, retry: retry, sessionRequests: sessionRequests, connectTimeout: connectTimeout,
                        dnsCacheMin: dnsCacheMin, circuitBreaker: breaker, requestBytes: requestBytes, responseBytes: responseBytes)
    }

    /// A retry policy: `none`, `sdk`, `sdk_2026`, or a map of the policy's keys over `sdk`
    /// (`workload.retry`, and `retry` of a `calls:` edge).
    static func parseRetry(_ r: NodeReader) throws -> RetryPolicy {
        var retry = AwsDefaults.sdkRetry
        if r.isScalar {
            let presets = ["none", "sdk", "sdk_2026"]
            let name = try r.string()
            switch name {
            case "none": retry = AwsDefaults.noRetry
            case "sdk": retry = AwsDefaults.sdkRetry
            case "sdk_2026": retry = AwsDefaults.sdk2026Retry
            default:
                throw r.error(expected: "none, sdk, sdk_2026 or a map of the retry policy's keys", found: "\"\(name)\"",
                              suggestion: KeyPath.nearest(name, in: presets))
            }
        } else {
            let m = try r.map()
            retry.maxAttempts = try m.int("max_attempts", default: retry.maxAttempts) ?? retry.maxAttempts
            retry.base = try m.duration("base", default: retry.base) ?? retry.base
            retry.throttleBase = try m.duration("throttle_base")
            retry.cap = try m.duration("cap", default: retry.cap) ?? retry.cap
            let j = try m.choice("jitter", default: "full") ?? "full"
            retry.jitter = RetryPolicy.Jitter(rawValue: j) ?? .full
            if let q = m.optional("quota") {
                if q.isScalar {
                    if try !q.bool() { retry.quota = nil }
                } else {
                    let qm = try q.map()
                    retry.quota = RetryQuota(
                        capacity: try qm.int("capacity", default: 500) ?? 500,
                        retryCost: try qm.int("retry_cost", default: 5) ?? 5,
                        timeoutRetryCost: try qm.int("timeout_cost", default: 10) ?? 10,
                        successIncrement: try qm.int("success_increment", default: 1) ?? 1,
                        throttleCost: try qm.int("throttle_cost"))
                    try qm.finish()
                }
            }
            if let b = m.optional("budget") {
                if b.isMap {
                    let bm = try b.map()
                    retry.budget = RetryBudget(
                        ratio: try bm.double("ratio") ?? 0.1,
                        window: try bm.duration("window", default: 10 * Time.second) ?? 10 * Time.second,
                        minPerSecond: try bm.double("min_per_second", default: 10) ?? 10)
                    try bm.finish()
                } else {
                    retry.budget = RetryBudget(ratio: try b.double(), window: 10 * Time.second, minPerSecond: 10)
                }
            }
            try m.finish()
        }
        return retry
    }

    static func parseProfile(_ p: MapReader) throws -> RateProfile {
        if let steps = try p.list("steps") {
            var out: [(at: SimTime, multiplier: Double)] = []
            if steps.count > Limits.maxProfileSteps {
                throw (p.optional("steps") ?? p.reader).error(expected: "at most \(Limits.maxProfileSteps) steps", found: "\(steps.count)")
            }
            for s in steps {
                let pair = try s.list()
                guard pair.count == 2 else { throw s.error(expected: "a pair [time, multiplier] such as [30m, 4.0]") }
                let at = try pair[0].duration()
                let m = try pair[1].double()
                if let last = out.last, at <= last.at { throw pair[0].error(expected: "times in increasing order") }
                out.append((at, m))
            }
            if out.isEmpty { throw p.reader.error(expected: "at least one step") }
            try p.finish()
            return .steps(out)
        }
        if let d = try p.map("diurnal") {
            let period = try d.duration("period", default: Time.day) ?? Time.day
            let amplitude = try d.double("amplitude", default: 0.5) ?? 0.5
            let peak = try d.duration("peak_at", default: 0) ?? 0
            try d.finish()
            try p.finish()
            return .diurnal(period: period, amplitude: amplitude, peakAt: peak)
        }
        throw p.reader.error(expected: "a profile with 'steps' or 'diurnal'", suggestion: "steps")
    }

    static func parseNetwork(_ r: NodeReader?) throws -> NetworkModel {
        let intra = try Distribution.lognormal(median: 250e-6, sigma: 0.3)
        let cross = try Distribution.lognormal(median: 1e-3, sigma: 0.3)
        let region = try Distribution.lognormal(median: AwsDefaults.crossRegionMedian, sigma: 0.1)
        guard let r else { return NetworkModel(intraZone: intra, crossZone: cross, crossRegion: region) }
        if r.isScalar {
            let v = try r.string()
            if v == "none" || v == "free" || v == "0" { return NetworkModel(intraZone: nil, crossZone: nil) }
            throw r.error(expected: "'none' or a map with intra_zone and cross_zone", found: "\"\(v)\"")
        }
        let m = try r.map()
        var model = NetworkModel(intraZone: intra, crossZone: cross, crossRegion: region)
        if let i = m.optional("intra_zone") { model.intraZone = try parseDistribution(i).0 }
        if let c = m.optional("cross_zone") { model.crossZone = try parseDistribution(c).0 }
        if let c = m.optional("cross_region") { model.crossRegion = try parseDistribution(c).0 }
        try m.finish()
        let regionFree = m.optional("cross_region") == nil || model.crossRegion?.isZero == true
        if model.intraZone?.isZero == true && model.crossZone?.isZero == true && regionFree {
            return NetworkModel(intraZone: nil, crossZone: nil)
        }
        return model
    }

    // MARK: distributions

    /// Reads a distribution of times: a bare duration (a constant) or `{ dist: name, parameters… }`
    /// (``Variants/distribution``). The arrival process's (``Variants/arrival``) may be given by
    /// `rate: 200/s`, which stands for `mean: 1/rate`, and is returned when given.
    static func parseDistribution(_ r: NodeReader) throws -> (Distribution, Double?) {
        if r.isScalar {
            let v = Double(try r.duration()) / 1e9
            return (try wrap(r, { try Distribution.constant(v) }), nil)
        }
        let m = try r.map()
        let name = try m.discriminator()
        let allowRate = m.declares("rate")
        func time(_ key: String) throws -> Double? {
            guard let c = m.optional(key) else { return nil }
            return Double(try c.duration()) / 1e9
        }
        func number(_ key: String) throws -> Double? { try m.double(key) }
        func need<T>(_ v: T?, _ key: String) throws -> T {
            guard let v else { throw m.reader.error(expected: "'\(key)' for a \(name) distribution") }
            return v
        }
        var rate: Double? = nil
        if allowRate, let rr = m.optional("rate") { rate = try rr.rate() }
        func meanOrRate() throws -> Double? {
            if let mean = try time("mean") {
                if rate != nil { throw m.reader.error(expected: "either 'mean' or 'rate', not both") }
                return mean
            }
            return rate.map { 1 / $0 }
        }
        let d: Distribution
        switch name {
        case "constant":
            let v = try time("value") ?? rate.map { 1 / $0 }
            d = try wrap(m.reader, { try Distribution.constant(try need(v, "value")) })
        case "uniform":
            let lo = try need(try time("min"), "min"), hi = try need(try time("max"), "max")
            d = try wrap(m.reader, { try Distribution.uniform(min: lo, max: hi) })
        case "exponential":
            let mean = try need(try meanOrRate(), allowRate ? "mean' or 'rate" : "mean")
            d = try wrap(m.reader, { try Distribution.exponential(mean: mean) })
        case "normal":
            let mean = try need(try meanOrRate(), "mean"), sd = try need(try time("sd"), "sd")
            d = try wrap(m.reader, { try Distribution.normal(mean: mean, sd: sd) })
        case "lognormal":
            if let median = try time("median") {
                let sigma = try need(try number("sigma"), "sigma")
                d = try wrap(m.reader, { try Distribution.lognormal(median: median, sigma: sigma) })
            } else {
                let mean = try need(try meanOrRate(), "median' or 'mean"), sd = try need(try time("sd"), "sd")
                d = try wrap(m.reader, { try Distribution.lognormal(mean: mean, sd: sd) })
            }
        case "gamma":
            let shape = try need(try number("shape"), "shape")
            if let scale = try time("scale") {
                d = try wrap(m.reader, { try Distribution.gamma(shape: shape, scale: scale) })
            } else {
                let mean = try need(try meanOrRate(), "mean' or 'scale")
                d = try wrap(m.reader, { try Distribution.gamma(mean: mean, shape: shape) })
            }
        case "weibull":
            let shape = try need(try number("shape"), "shape"), scale = try need(try time("scale"), "scale")
            d = try wrap(m.reader, { try Distribution.weibull(shape: shape, scale: scale) })
        case "pareto":
            let shape = try need(try number("shape"), "shape"), scale = try need(try time("scale"), "scale")
            d = try wrap(m.reader, { try Distribution.pareto(shape: shape, scale: scale) })
        case "erlang":
            let k = try need(try m.int("k"), "k")
            let mean = try need(try meanOrRate(), "mean")
            d = try wrap(m.reader, { try Distribution.erlang(k: k, mean: mean) })
        case "hyperexponential":
            let ps = try need(try m.list("probabilities"), "probabilities").map { try $0.probability() }
            let means = try need(try m.list("means"), "means").map { c -> Double in Double(try c.duration()) / 1e9 }
            if ps.count > Limits.maxBranches {
                throw (m.optional("probabilities") ?? m.reader).error(expected: "at most \(Limits.maxBranches) branches", found: "\(ps.count)")
            }
            if ps.count != means.count {
                throw m.reader.error(expected: "as many 'means' as 'probabilities'", found: "\(means.count) and \(ps.count)")
            }
            d = try wrap(m.reader, { try Distribution.hyperexponential(probabilities: ps, means: means) })
        default:  // empirical
            var values: [Double]
            if let list = try m.list("values") {
                if list.count > Limits.maxEmpiricalValues {
                    throw (m.optional("values") ?? m.reader).error(expected: "at most \(Limits.maxEmpiricalValues) values", found: "\(list.count)")
                }
                values = try list.map { c in Double(try c.duration()) / 1e9 }
            } else if let csv = try m.string("csv") {
                let column = try need(try m.string("column"), "column")
                let scale = try m.choice("unit", default: "s") ?? "s"
                let base = URL(fileURLWithPath: r.file).deletingLastPathComponent()
                let path = csv.hasPrefix("/") ? csv : base.appendingPathComponent(csv).path
                values = try EmpiricalData.column(path: path, column: column, reader: m.optional("csv") ?? m.reader)
                if values.count > Limits.maxEmpiricalValues {
                    throw (m.optional("csv") ?? m.reader).error(expected: "a column of at most \(Limits.maxEmpiricalValues) values", found: "\(values.count)")
                }
                let factor: Double = ["ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600][scale] ?? 1
                values = values.map { $0 * factor }
            } else {
                throw m.reader.error(expected: "'values' (a list) or 'csv' with 'column' for an empirical distribution", suggestion: "values")
            }
            let vs = values
            d = try wrap(m.reader, { try Distribution.empirical(values: vs) })
        }
        // The arrival process (the only one with a rate) may carry a rate profile, which
        // `parseWorkload` reads from the same map.
        if allowRate { m.allow(["profile"]) }
        try m.finish()
        return (d, rate)
    }

    /// Turns a parameter error of a distribution factory into a key-path error.
    static func wrap(_ r: NodeReader, _ make: () throws -> Distribution) throws -> Distribution {
        do {
            return try make()
        } catch let e as DistributionParameterError {
            throw ScenarioError(
                file: r.file, keyPath: KeyPath.appending(key: e.parameter, to: r.path), line: r.line,
                expected: e.expected, found: e.found)
        }
    }
}

extension Distribution {
    var isZero: Bool {
        if case .constant(let v) = kind { return v == 0 }
        return false
    }
}
