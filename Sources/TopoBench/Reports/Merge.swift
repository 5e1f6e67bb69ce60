import Foundation

extension ResultSet {
    /// Merges the outputs of the shards of one scenario into one result.
    ///
    /// The shards must come from the same scenario, hash, seed and version, and describe the
    /// same topologies, sweep columns, sweep points and replication count in `run.json` (which
    /// records the whole scenario, not the shard's share). Each shard covers some *groups*
    /// (sweep point, topology, replication). A group found in several shards must have the
    /// same rows in each (then one copy is kept); otherwise the merge fails. The merged tables
    /// are the union of the groups, sorted canonically, and the summary is recomputed from the
    /// merged replications, so the files written are byte-identical to those of an unsharded
    /// run. In the merged `run.json`, `shard` is null, `wall_time_s` is the sum over the shards
    /// and `events` the sum of the merged replications' `events` column (else of the shards').
    /// - Throws: `ScenarioError` naming the shard's file and key (for `run.json`) or the file,
    ///   line and replication (for conflicting rows).
    public static func merge(_ shards: [ResultSet]) throws -> ResultSet {
        guard let first = shards.first else {
            throw ReportError(.badArgument, "merge needs at least one result folder")
        }
        let base = first.info
        for shard in shards.dropFirst() {
            let file = shard.source.isEmpty ? "run.json" : shard.source + "/run.json"
            let firstFile = first.source.isEmpty ? "the first shard" : first.source + "/run.json"
            func same<T: Equatable>(_ key: String, _ a: T, _ b: T) throws {
                guard a == b else {
                    throw ScenarioError(
                        file: file, keyPath: key,
                        expected: "the same value as in \(firstFile) (\(describe(a)))",
                        found: describe(b),
                        suggestion: nil)
                }
            }
            try same("scenario", base.scenario, shard.info.scenario)
            try same("scenario_hash", base.scenarioHash, shard.info.scenarioHash)
            try same("seed", base.seed, shard.info.seed)
            try same("version", base.version, shard.info.version)
            try same("replications", base.replications, shard.info.replications)
            try same("topologies", base.topologies, shard.info.topologies)
            try same("sweep_columns", base.sweepColumns, shard.info.sweepColumns)
            try same("sweep_points", base.sweepPoints, shard.info.sweepPoints)
        }

        let ordering = RowOrdering(info: base)
        // Which shard provides each group: the first one that has it in any table.
        var owner: [[String]: Int] = [:]
        let tablesOf: [(ResultSet) -> ResultTable] = [
            { $0.replications }, { $0.timeseries }, { $0.faults }, { $0.latency },
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
            latency: try mergeTable({ $0.latency }, natural: [.number("percentile")]))
        merged.summary = try Summary.compute(replications: merged.replications, sweepColumns: base.sweepColumns)
        merged.info.shard = nil
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
    /// found in only one shard is rewritten as it is (sorted, summary recomputed). Inputs are
    /// all read before anything is written, so `out` may be one of them.
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
