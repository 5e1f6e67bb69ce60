import Foundation

extension ResultSet {
    /// Merges the outputs of the shards of one scenario into one result, after proving that
    /// they make up the whole run, each part once.
    ///
    /// The shards must come from the same scenario, hash, seed and version, and describe the
    /// same topologies, sweep columns, sweep points and replication count in `run.json` (which
    /// records the whole scenario, not the shard's share). Then (``checkCompleteness(_:)``):
    /// shards K/N of one N, each K from 1 to N exactly once, or a single whole run; and where
    /// `run.json` lists the work units held (0.2 and later), the same total, disjoint sets whose
    /// union is every unit, and rows in `replications.csv` for exactly those units. Each shard
    /// covers some *groups* (sweep point, topology, replication). A group found in several
    /// shards (possible only with pre-0.2 folders) must have the same rows in each (then one
    /// copy is kept); otherwise the merge fails. The merged tables are the union of the
    /// groups, sorted canonically, and the summary is recomputed from the merged replications,
    /// so the files written are byte-identical to those of an unsharded run. In the merged
    /// `run.json`, `shard` is null, `wall_time_s` is the sum over the shards, `events` the sum
    /// of the merged replications' `events` column (else of the shards'), and every work unit
    /// is held.
    /// - Throws: `ScenarioError` (exit 65) naming the shard's file and key (for `run.json`:
    ///   "shard 2/2 of … is missing", "shard 1/2 is given twice", another scenario hash) or
    ///   the file, line and replication (for rows that disagree or do not match `run.json`).
    public static func merge(_ shards: [ResultSet]) throws -> ResultSet {
        guard let first = shards.first else {
            throw ReportError(.badArgument, "merge needs at least one result folder")
        }
        let base = first.info
        for shard in shards.dropFirst() {
            let file = runFile(shard)
            let firstFile = first.source.isEmpty ? "the first shard" : first.source + "/run.json"
            func same<T: Equatable>(_ key: String, _ a: T, _ b: T) throws {
                guard a == b else {
                    throw ScenarioError(
                        file: file, keyPath: key,
                        expected: "the same value as in \(firstFile) (\(describe(a))): a shard of the same run",
                        found: describe(b),
                        suggestion: nil)
                }
            }
            // The seed and the version first: they also change the hash, and say more.
            try same("scenario", base.scenario, shard.info.scenario)
            try same("seed", base.seed, shard.info.seed)
            try same("version", base.version, shard.info.version)
            try same("scenario_hash", base.scenarioHash, shard.info.scenarioHash)
            try same("replications", base.replications, shard.info.replications)
            try same("topologies", base.topologies, shard.info.topologies)
            try same("sweep_columns", base.sweepColumns, shard.info.sweepColumns)
            try same("sweep_points", base.sweepPoints, shard.info.sweepPoints)
        }
        try checkCompleteness(shards)

        let ordering = RowOrdering(info: base)
        // Which shard provides each group: the first one that has it in any table.
        var owner: [[String]: Int] = [:]
        let tablesOf: [(ResultSet) -> ResultTable] = [
            { $0.replications }, { $0.timeseries }, { $0.faults }, { $0.latency }, { $0.cost },
        ]
        for (s, shard) in shards.enumerated() {
            for tableOf in tablesOf {
                let table = tableOf(shard)
                let columns = ordering.columns(of: table)
                for row in table.rows {
                    let key = groupIdentity(row, columns)
                    if owner[key] == nil { owner[key] = s }
                }
            }
        }

        func mergeTable(_ tableOf: (ResultSet) -> ResultTable, natural: [RowOrdering.Natural]) throws -> ResultTable {
            var merged = tableOf(first)
            merged.rows = []
            merged.rowLines = []
            // Rows of each group, per shard, sorted so that comparisons ignore row order.
            var perShard: [[[String]: [[String]]]] = []
            var firstLine: [[[String]: Int]] = []
            for shard in shards {
                let table = tableOf(shard)
                guard table.header == merged.header else {
                    throw ScenarioError(
                        file: table.source, keyPath: "", line: 1,
                        expected: "the header of \(tableOf(first).source): \(merged.header.joined(separator: ","))",
                        found: table.header.joined(separator: ","))
                }
                let columns = ordering.columns(of: table)
                var groups: [[String]: [[String]]] = [:]
                var lines: [[String]: Int] = [:]
                for (r, row) in table.rows.enumerated() {
                    let key = groupIdentity(row, columns)
                    groups[key, default: []].append(row)
                    if lines[key] == nil { lines[key] = table.line(ofRow: r) }
                }
                perShard.append(groups)
                firstLine.append(lines)
            }
            for (s, groups) in perShard.enumerated() {
                for (key, rows) in groups {
                    guard let o = owner[key] else { continue }
                    if o == s {
                        merged.rows.append(contentsOf: rows)
                        continue
                    }
                    let reference = perShard[o][key] ?? []
                    if !sameRows(reference, rows) {
                        let table = tableOf(shards[s])
                        throw ScenarioError(
                            file: table.source, keyPath: "replication", line: firstLine[s][key],
                            expected: "the same rows as \(tableOf(shards[o]).source) for \(describeGroup(key, base))",
                            found: "different rows (shards overlap and disagree)")
                    }
                }
                // A group the owner has in this table but this shard lacks is fine: the shard
                // simply did not write that table (or wrote no rows for it).
            }
            return ordering.sort(merged, natural: natural)
        }

        var merged = ResultSet(
            info: base, summary: ResultTable(header: []),
            replications: try mergeTable({ $0.replications }, natural: []),
            timeseries: try mergeTable({ $0.timeseries }, natural: [.number("window_start_s")]),
            faults: try mergeTable({ $0.faults }, natural: [.number("start_s"), .text("kind"), .text("target")]),
            latency: try mergeTable({ $0.latency }, natural: [.number("percentile")]),
            cost: try mergeTable({ $0.cost }, natural: [.text("component"), .text("item")]))
        merged.summary = try Summary.compute(replications: merged.replications, sweepColumns: base.sweepColumns)
        merged.info.shard = nil
        if let total = shards.compactMap(\.info.workUnits).first,
            shards.allSatisfy({ $0.info.workUnits != nil && $0.info.workUnitsHeld != nil })
        {
            merged.info.workUnits = total
            merged.info.workUnitsHeld = WorkUnitSet.all(total).text
        } else {
            merged.info.workUnits = nil
            merged.info.workUnitsHeld = nil
        }
        merged.info.wallTimeSeconds = shards.reduce(0) { $0 + $1.info.wallTimeSeconds }
        if let column = merged.replications.columnIndex("events") {
            var total: Int64 = 0
            for r in merged.replications.rows.indices {
                if let v = try merged.replications.number(row: r, column: column) { total &+= Int64(v.rounded()) }
            }
            merged.info.events = total
        } else {
            merged.info.events = shards.reduce(0) { $0 &+ $1.info.events }
        }
        return merged
    }

    /// The `run.json` of a set, for messages.
    private static func runFile(_ set: ResultSet) -> String {
        set.source.isEmpty ? "run.json" : set.source + "/run.json"
    }

    /// Proves that `shards` (already known to be parts of one run) are the whole run, each
    /// part once.
    ///
    /// - A set whose `shard` is null is a whole run and must be alone.
    /// - Otherwise every `shard` is `K/N` with one N, and K takes each value from 1 to N once.
    /// - Where every `run.json` lists its work units (0.2 and later): one `work_units` total,
    ///   equal to sweep points × topologies × replications; the held sets are disjoint and make
    ///   up every unit; and each set's `replications.csv` has rows for exactly its units.
    /// - Throws: `ScenarioError` naming the `run.json` (or `replications.csv`) and what is
    ///   wrong: "shard 2/2 of this run is missing", "shard 1/2 is given twice", ….
    public static func checkCompleteness(_ shards: [ResultSet]) throws {
        guard let first = shards.first else { return }
        let name = first.info.scenario
        // Which part each set is.
        var parts: [(k: Int, n: Int)?] = []
        for set in shards {
            guard let text = set.info.shard else {
                parts.append(nil)
                continue
            }
            let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count == 2, let k = Int(pieces[0]), let n = Int(pieces[1]), n >= 1, k >= 1, k <= n else {
                throw ScenarioError(
                    file: runFile(set), keyPath: "shard", expected: "K/N with 1 ≤ K ≤ N, or null for a whole run",
                    found: ScenarioError.quote(text))
            }
            parts.append((k, n))
        }
        if let whole = parts.firstIndex(where: { $0 == nil }), shards.count > 1 {
            let other = whole == 0 ? 1 : 0
            let what = parts[other].map { "shard \($0.k)/\($0.n) (\(runFile(shards[other])))" }
                ?? "another whole run (\(runFile(shards[other])))"
            throw ScenarioError(
                file: runFile(shards[whole]), keyPath: "shard",
                expected: "the shards of one run, or one whole run alone",
                problem: "a whole run of \(name) (shard null) cannot be merged with \(what): it would hold its work units twice")
        }
        // N when the inputs are shards (then all are), nil for a whole run.
        let split = parts.first.flatMap { $0 }?.n
        if let n = split {
            var holder: [Int: Int] = [:]
            for (i, part) in parts.enumerated() {
                guard let part else { continue }
                guard part.n == n else {
                    throw ScenarioError(
                        file: runFile(shards[i]), keyPath: "shard",
                        expected: "a shard K/\(n), as \(runFile(first)) (shard \(parts[0]?.k ?? 1)/\(n)) is",
                        found: "\"\(part.k)/\(part.n)\", a shard of another split of the run")
                }
                if let j = holder[part.k] {
                    let where_ = shards[j].source == shards[i].source
                        ? "\(shards[i].source), twice" : "\(shards[j].source) and \(shards[i].source)"
                    throw ScenarioError(
                        file: runFile(shards[i]), keyPath: "shard", expected: "each shard of the run once",
                        problem: "shard \(part.k)/\(n) of \(name) is given twice (\(where_))")
                }
                holder[part.k] = i
            }
            let missing = (1...n).filter { holder[$0] == nil }
            if !missing.isEmpty {
                let list = missing.prefix(10).map { "\($0)/\(n)" }.joined(separator: ", ")
                    + (missing.count > 10 ? " and \(missing.count - 10) more" : "")
                let given = holder.keys.sorted().map { "\($0)/\(n)" }.joined(separator: ", ")
                throw ScenarioError(
                    file: runFile(first), keyPath: "shard", expected: "given: \(given)",
                    problem: "shard\(missing.count == 1 ? "" : "s") \(list) of \(name) \(missing.count == 1 ? "is" : "are") missing")
            }
        }
        // The work units, where every run.json lists them.
        guard shards.allSatisfy({ $0.info.workUnits != nil && $0.info.workUnitsHeld != nil }) else { return }
        let info = first.info
        let topologies = info.topologies.count, replications = info.replications
        let expectedTotal = info.sweepPoints.count * topologies * replications
        var owner: [Int: Int] = [:]
        for (s, set) in shards.enumerated() {
            let file = runFile(set)
            let total = set.info.workUnits ?? 0
            guard total == expectedTotal else {
                throw ScenarioError(
                    file: file, keyPath: "work_units",
                    expected: "\(expectedTotal) (sweep points × topologies × replications of this run.json)",
                    found: String(total))
            }
            let text = set.info.workUnitsHeld ?? ""
            guard let held = WorkUnitSet.parse(text), held.units.last.map({ $0 < total }) ?? true else {
                throw ScenarioError(
                    file: file, keyPath: "work_units_held",
                    expected: "ascending unit numbers and ranges below \(total), such as 0-3,8", found: ScenarioError.quote(text))
            }
            for u in held.units {
                if let other = owner[u] {
                    throw ScenarioError(
                        file: file, keyPath: "work_units_held", expected: "work units held by one shard only",
                        problem: "work unit \(u) (\(describeUnit(u, info))) is also held by \(runFile(shards[other]))")
                }
                owner[u] = s
            }
            try checkRows(of: set, hold: held, info: info)
        }
        let absent = (0..<expectedTotal).filter { owner[$0] == nil }
        if !absent.isEmpty {
            // Whose share each missing unit was: shard (u mod N) + 1 of a split into N.
            var text = "work unit\(absent.count == 1 ? "" : "s") \(WorkUnitSet(absent.prefix(20)).text)"
                + (absent.count > 20 ? " and \(absent.count - 20) more" : "") + " (\(describeUnit(absent[0], info))"
                + (absent.count > 1 ? ", …" : "") + ") \(absent.count == 1 ? "is" : "are") in no input"
            var file = runFile(first)
            if let n = split, let s = parts.firstIndex(where: { $0?.k == absent[0] % n + 1 }) {
                file = runFile(shards[s])
                text += ": shard \(absent[0] % n + 1)/\(n) holds only part of its share (interrupted?)"
            } else if split == nil {
                text += ": the run was interrupted before they finished"
            }
            throw ScenarioError(file: file, keyPath: "work_units_held", expected: "every work unit of the run", problem: text)
        }
    }

    /// Checks that the rows of `set`'s `replications.csv` are those of the work units it holds.
    private static func checkRows(of set: ResultSet, hold held: WorkUnitSet, info: RunInfo) throws {
        let table = set.replications
        let columns = RowOrdering(info: info).columns(of: table)
        let topologies = info.topologies.count, replications = info.replications
        var expected: [[String]: Int] = [:]
        for u in held.units {
            let p = u / (topologies * replications), t = (u / replications) % topologies, r = u % replications + 1
            expected[[info.topologies[t]] + info.sweepPoints[p] + [String(r)]] = u
        }
        var seen: Set<[String]> = []
        for (i, row) in table.rows.enumerated() {
            let key = [columns.topology.map { row[$0] } ?? ""] + columns.sweep.map { $0.map { row[$0] } ?? "" }
                + [columns.replication.map { row[$0] } ?? ""]
            guard expected[key] != nil else {
                throw ScenarioError(
                    file: table.source, keyPath: "replication", line: table.line(ofRow: i),
                    expected: "rows of the work units that \(runFile(set)) holds (\(held.text))",
                    found: "a row for \(describeKey(key, info)), which it does not hold")
            }
            seen.insert(key)
        }
        if let gap = expected.filter({ !seen.contains($0.key) }).min(by: { $0.value < $1.value }) {
            throw ScenarioError(
                file: table.source, keyPath: "replication",
                expected: "a row for each work unit that \(runFile(set)) holds (\(held.text))",
                found: "none for work unit \(gap.value) (\(describeKey(gap.key, info)))")
        }
    }

    /// "topology 'alb', workload.arrival.rate=200/s, replication 3" for work unit `u`.
    static func describeUnit(_ u: Int, _ info: RunInfo) -> String {
        let topologies = max(1, info.topologies.count), replications = max(1, info.replications)
        let p = u / (topologies * replications), t = (u / replications) % topologies
        guard p < info.sweepPoints.count, t < info.topologies.count else { return "unit \(u)" }
        return describeKey([info.topologies[t]] + info.sweepPoints[p] + [String(u % replications + 1)], info)
    }

    /// "topology 'alb', k=v, replication 3" for [topology, sweep values…, replication].
    private static func describeKey(_ key: [String], _ info: RunInfo) -> String {
        var parts = ["topology '\(key.first ?? "")'"]
        for (i, name) in info.sweepColumns.enumerated() where i + 1 < key.count - 1 {
            parts.append("\(name)=\(key[i + 1])")
        }
        parts.append("replication \(key.last ?? "")")
        return parts.joined(separator: ", ")
    }

    /// The identity of the group a row belongs to: scenario, topology, sweep values, replication.
    private static func groupIdentity(_ row: [String], _ c: RowOrdering.GroupColumns) -> [String] {
        var key = [c.scenario.map { row[$0] } ?? "", c.topology.map { row[$0] } ?? ""]
        for s in c.sweep { key.append(s.map { row[$0] } ?? "") }
        key.append(c.replication.map { row[$0] } ?? "")
        return key
    }

    /// Whether two lists hold the same rows, whatever their order.
    private static func sameRows(_ a: [[String]], _ b: [[String]]) -> Bool {
        guard a.count == b.count else { return false }
        let order: ([String], [String]) -> Bool = { x, y in
            x.lexicographicallyPrecedes(y) { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        return a.sorted(by: order) == b.sorted(by: order)
    }

    /// "topology 'alb', workload.arrival.rate=200/s, replication 3".
    private static func describeGroup(_ key: [String], _ info: RunInfo) -> String {
        var parts = ["topology '\(key[1])'"]
        for (i, name) in info.sweepColumns.enumerated() where i + 2 < key.count - 1 {
            parts.append("\(name)=\(key[i + 2])")
        }
        parts.append("replication \(key.last ?? "")")
        return parts.joined(separator: ", ")
    }

    private static func describe<T>(_ value: T) -> String {
        if let s = value as? String { return "\"\(s)\"" }
        return "\(value)"
    }
}

/// `topobench merge DIR... --out DIR`: merging shard folders on disk.
public enum Merge {
    /// Merges result folders and writes the result under `out`.
    ///
    /// Each input is either a scenario folder (it holds `run.json`) or a suite folder (its
    /// sub-folders hold `run.json`, one per scenario). When all inputs are scenario folders,
    /// they are shards of one scenario and the merge is written to `out`. When all are suite
    /// folders, sub-folders of the same name are merged and written to `out/<name>`; a scenario
    /// found in only one input must be complete there (a whole run, or shard 1/1) and is
    /// rewritten as it is (sorted, summary recomputed). Every scenario's parts are checked as
    /// ``ResultSet/merge(_:)`` says (a missing, repeated or foreign shard is an error), and
    /// inputs are all read and checked before anything is written, so `out` may be one of them.
    /// - Returns: the folders written, in order.
    /// - Throws: `ScenarioError` for unreadable or inconsistent inputs, `ReportError` for a bad
    ///   argument (no input, a mix of both kinds) or a failed write.
    public static func run(inputs: [String], out: String) throws -> [String] {
        guard !inputs.isEmpty else {
            throw ReportError(.badArgument, "merge needs at least one result folder")
        }
        let isScenario = inputs.map { AtomicFile.isFile($0 + "/run.json") }
        if isScenario.allSatisfy({ $0 }) {
            let merged = try ResultSet.merge(try inputs.map { try ResultSet.read(folder: $0) })
            try merged.write(folder: out)
            return [out]
        }
        for (input, scenario) in zip(inputs, isScenario) {
            if scenario {
                throw ReportError(
                    .badArgument,
                    "cannot mix scenario folders ('\(input)') and suite folders in one merge: give shards of the same kind"
                )
            }
            guard AtomicFile.isFolder(input) else {
                throw ScenarioError(
                    file: input, keyPath: "", expected: "a result folder (with run.json) or a suite folder of them",
                    found: AtomicFile.isFile(input) ? "a file" : "no such folder")
            }
        }
        var names: [String] = []
        var parts: [String: [ResultSet]] = [:]
        for input in inputs {
            let scenarios = AtomicFile.subfolders(of: input).filter {
                AtomicFile.isFile(input + "/" + $0 + "/run.json")
            }
            if scenarios.isEmpty {
                throw ScenarioError(
                    file: input, keyPath: "", expected: "a result folder (with run.json) or a suite folder of them",
                    found: "no run.json in it or in its sub-folders")
            }
            for name in scenarios {
                if parts[name] == nil { names.append(name) }
                parts[name, default: []].append(try ResultSet.read(folder: input + "/" + name))
            }
        }
        var merged: [(String, ResultSet)] = []
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            merged.append((name, try ResultSet.merge(parts[name] ?? [])))
        }
        var written: [String] = []
        for (name, set) in merged {
            let folder = try AtomicFile.path(in: out, name: name)
            try set.write(folder: folder)
            written.append(folder)
        }
        return written
    }
}
