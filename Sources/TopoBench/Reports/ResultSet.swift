import Foundation

/// A table of already-formatted values: a header and rows of strings, as in a CSV file.
///
/// Result files are written from strings that `NumberFormat` produced, and every figure derived
/// from them (the summary, merges, comparisons, plots) is computed by parsing those same strings
/// back. A table also remembers where it came from (`source`, and the line of each row in that
/// file when it was read from one) so that a check on a value can name the file and the line.
public struct ResultTable: Sendable, Equatable {
    /// The column names, in file order.
    public var header: [String]
    /// The rows; each has exactly `header.count` fields.
    public var rows: [[String]]
    /// The file the table was read from or will be written to, for error messages.
    public var source: String
    /// For a table read from a file, the line on which each row starts; empty otherwise.
    public var rowLines: [Int] = []

    /// Creates a table from a header and rows.
    public init(header: [String], rows: [[String]] = [], source: String = "<memory>") {
        self.header = header
        self.rows = rows
        self.source = source
    }

    /// Two tables are equal when their headers and rows are; `source` and line numbers are
    /// provenance, not content.
    public static func == (a: ResultTable, b: ResultTable) -> Bool {
        a.header == b.header && a.rows == b.rows
    }

    /// The position of the column `name`, if the table has it.
    public func columnIndex(_ name: String) -> Int? {
        header.firstIndex(of: name)
    }

    /// The position of the column `name`.
    ///
    /// - Throws: `ScenarioError` naming the file and the column when it is missing.
    public func requireColumn(_ name: String) throws -> Int {
        guard let index = columnIndex(name) else {
            throw ScenarioError(
                file: source, keyPath: name, line: 1, expected: "a column named '\(name)' in the header",
                found: "columns \(header.joined(separator: ", "))")
        }
        return index
    }

    /// The line of the source file on which row `row` starts (header = line 1).
    public func line(ofRow row: Int) -> Int {
        row < rowLines.count ? rowLines[row] : row + 2
    }

    /// The value of row `row`, column `column` as a number, or `nil` when the field is empty.
    ///
    /// - Throws: `ScenarioError` naming the file, the column, the line and the value when the
    ///   field is neither empty nor a number.
    public func number(row: Int, column: Int) throws -> Double? {
        let text = rows[row][column]
        if text.isEmpty { return nil }
        guard let value = NumberFormat.parse(text) else {
            throw ScenarioError(
                file: source, keyPath: header[column], line: line(ofRow: row),
                expected: "a number or an empty field", found: "'\(text)'")
        }
        return value
    }
}

/// The contents of `run.json`: what was run, with which seed and version, and how the rows of
/// the CSV files are ordered.
///
/// `topologies` and `sweepPoints` describe the whole scenario, also in a shard's output (the
/// `shard` field, `"K/N"`, says which part a shard ran): their order is the canonical order of
/// the rows of every CSV file, and `merge` requires them to be equal in all shards.
///
/// A run is made of *work units*, one per (sweep point, topology, replication), numbered from 0
/// in that order: unit i is sweep point ⌊i / (T·R)⌋, topology ⌊i / R⌋ mod T and replication
/// (i mod R) + 1, with T topologies and R replications. `work_units` is their number in the
/// whole run and `work_units_held` the ones whose rows the files hold (see ``WorkUnitSet``):
/// every one for a whole run, those ≡ K−1 (mod N) for shard K/N, fewer after Ctrl-C. This is
/// what lets `merge` prove that its inputs make up the whole run, once each.
/// `wallTimeSeconds` differs from run to run; it is the only non-deterministic figure written.
public struct RunInfo: Codable, Sendable, Equatable {
    /// The scenario's `name`.
    public var scenario: String
    /// A hash of the scenario file's canonical form.
    public var scenarioHash: String
    /// The master seed.
    public var seed: UInt64
    /// The topobench version that produced the files.
    public var version: String
    /// Replications per (topology, sweep point).
    public var replications: Int
    /// Topology names in scenario-file order.
    public var topologies: [String]
    /// The swept key paths, one CSV column each, in order.
    public var sweepColumns: [String]
    /// Every sweep point: the values of `sweepColumns`, as written in the CSV files.
    public var sweepPoints: [[String]]
    /// Wall-clock duration of the run, seconds.
    public var wallTimeSeconds: Double
    /// Simulation events processed, over all replications.
    public var events: Int64
    /// `"K/N"` for the output of one shard, `nil` for a whole run or a merge.
    public var shard: String?
    /// The number of work units of the whole run; `nil` in a run.json older than 0.2.
    public var workUnits: Int?
    /// The work units these files hold, as ``WorkUnitSet/text`` writes them (`"0-11"`,
    /// `"1,4,7,10"`); `nil` in a run.json older than 0.2.
    public var workUnitsHeld: String?

    enum CodingKeys: String, CodingKey {
        case scenario, seed, version, replications, topologies, events, shard
        case scenarioHash = "scenario_hash"
        case sweepColumns = "sweep_columns"
        case sweepPoints = "sweep_points"
        case wallTimeSeconds = "wall_time_s"
        case workUnits = "work_units"
        case workUnitsHeld = "work_units_held"
    }

    /// Creates the description of a run.
    public init(
        scenario: String, scenarioHash: String, seed: UInt64, version: String, replications: Int,
        topologies: [String], sweepColumns: [String] = [], sweepPoints: [[String]] = [[]],
        wallTimeSeconds: Double = 0, events: Int64 = 0, shard: String? = nil, workUnits: Int? = nil,
        workUnitsHeld: String? = nil
    ) {
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.version = version
        self.replications = replications
        self.topologies = topologies
        self.sweepColumns = sweepColumns
        self.sweepPoints = sweepPoints
        self.wallTimeSeconds = wallTimeSeconds
        self.events = events
        self.shard = shard
        self.workUnits = workUnits
        self.workUnitsHeld = workUnitsHeld
    }

    /// Encodes every key, writing `"shard": null` for a whole run (the work-unit keys only
    /// when known).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(scenarioHash, forKey: .scenarioHash)
        try c.encode(seed, forKey: .seed)
        try c.encode(version, forKey: .version)
        try c.encode(replications, forKey: .replications)
        try c.encode(topologies, forKey: .topologies)
        try c.encode(sweepColumns, forKey: .sweepColumns)
        try c.encode(sweepPoints, forKey: .sweepPoints)
        try c.encode(wallTimeSeconds.isFinite ? wallTimeSeconds : 0, forKey: .wallTimeSeconds)
        try c.encode(events, forKey: .events)
        if let shard { try c.encode(shard, forKey: .shard) } else { try c.encodeNil(forKey: .shard) }
        try c.encodeIfPresent(workUnits, forKey: .workUnits)
        try c.encodeIfPresent(workUnitsHeld, forKey: .workUnitsHeld)
    }

    /// The JSON text written to `run.json`: pretty-printed, keys sorted, LF-terminated.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(self)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads `run.json` at `path`.
    ///
    /// - Throws: `ScenarioError` naming the file and, where the decoder says, the key.
    public static func read(path: String) throws -> RunInfo {
        let bytes = try AtomicFile.readBytes(path, expected: "a run.json file written by topobench")
        do {
            return try JSONDecoder().decode(RunInfo.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, context) {
            let keyPath = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw ScenarioError(
                file: path, keyPath: keyPath, expected: "the key '\(key.stringValue)'", found: "nothing")
        } catch let DecodingError.typeMismatch(type, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ScenarioError(
                file: path, keyPath: key, expected: "a value of type \(type)", found: context.debugDescription)
        } catch let DecodingError.valueNotFound(type, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ScenarioError(file: path, keyPath: key, expected: "a value of type \(type)", found: "null")
        } catch {
            throw ScenarioError(
                file: path, keyPath: "", expected: "a JSON object as topobench writes in run.json", found: "\(error)")
        }
    }
}

/// All the result files of one scenario: the five CSV tables and `run.json`.
///
/// This is the unit that `run` writes, `merge` combines and `plot` reads. The simulator builds
/// one with `ResultSet.assemble(info:replications:timeseries:faults:latency:)`, which sorts the
/// rows into the canonical order and computes the summary from the formatted replication rows,
/// then calls `write(folder:)`. Because the summary depends only on those strings and the order
/// only on `run.json`, an unsharded run and the merge of its shards write identical bytes.
///
/// Canonical row order (replications, timeseries, faults, latency): the index of the row's
/// sweep point in `info.sweepPoints`, the index of its topology in `info.topologies`, the
/// replication number, then the file's own order (`window_start_s` for timeseries; `start_s`,
/// `kind`, `target` for faults; `percentile` for latency), and finally the whole row, so that
/// the order is total and never depends on the order rows were produced in.
public struct ResultSet: Sendable {
    /// The contents of `run.json`.
    public var info: RunInfo
    /// `summary.csv`: one row per (scenario, topology, sweep point).
    public var summary: ResultTable
    /// `replications.csv`: one row per (topology, sweep point, replication).
    public var replications: ResultTable
    /// `timeseries.csv`: one row per window of each replication.
    public var timeseries: ResultTable
    /// `faults.csv`: one row per fault injected (or ignored) in each replication.
    public var faults: ResultTable
    /// `latency.csv`: a percentile ladder per replication.
    public var latency: ResultTable
    /// `cost.csv`: the bill of each replication, a row per component and item.
    public var cost: ResultTable
    /// The folder the set was read from, for messages; empty for one built in memory.
    public var source: String = ""

    /// The names of the files in a result folder, in the order `write(folder:)` writes them.
    public static let fileNames = [
        "replications.csv", "timeseries.csv", "faults.csv", "latency.csv", "cost.csv", "summary.csv", "run.json",
    ]

    /// Creates a set from its parts as they are (no sorting, no summary computation).
    public init(
        info: RunInfo, summary: ResultTable, replications: ResultTable, timeseries: ResultTable,
        faults: ResultTable, latency: ResultTable, cost: ResultTable? = nil
    ) {
        self.info = info
        self.summary = summary
        self.replications = replications
        self.timeseries = timeseries
        self.faults = faults
        self.latency = latency
        self.cost = cost ?? ResultTable(header: ResultColumns.costHeader(sweepColumns: info.sweepColumns))
    }

    /// Builds the result of a run from its rows: sorts every table canonically and computes
    /// the summary from the replication rows.
    ///
    /// Headers should come from `ResultColumns` (`replicationsHeader(sweepColumns:)` and so on).
    /// - Throws: `ScenarioError` when a replication value is not a number or a metric column is
    ///   missing (a programming error in the caller, reported rather than trapped).
    public static func assemble(
        info: RunInfo, replications: ResultTable, timeseries: ResultTable, faults: ResultTable,
        latency: ResultTable, cost: ResultTable? = nil
    ) throws -> ResultSet {
        var set = ResultSet(
            info: info, summary: ResultTable(header: []), replications: replications,
            timeseries: timeseries, faults: faults, latency: latency, cost: cost)
        set.replications.source = "replications.csv"
        set.timeseries.source = "timeseries.csv"
        set.faults.source = "faults.csv"
        set.latency.source = "latency.csv"
        set.cost.source = "cost.csv"
        set = set.sorted()
        set.summary = try Summary.compute(replications: set.replications, sweepColumns: info.sweepColumns)
        return set
    }

    /// The same set with the summary recomputed from `replications`.
    public func recomputingSummary() throws -> ResultSet {
        var copy = self
        copy.summary = try Summary.compute(replications: replications, sweepColumns: info.sweepColumns)
        return copy
    }

    /// The same set with the rows of every per-replication table in canonical order.
    ///
    /// The summary is left as it is (its order follows the replications it was computed from).
    public func sorted() -> ResultSet {
        var copy = self
        let ordering = RowOrdering(info: info)
        copy.replications = ordering.sort(replications, natural: [])
        copy.timeseries = ordering.sort(timeseries, natural: [.number("window_start_s")])
        copy.faults = ordering.sort(faults, natural: [.number("start_s"), .text("kind"), .text("target")])
        copy.latency = ordering.sort(latency, natural: [.number("percentile")])
        copy.cost = ordering.sort(cost, natural: [.text("component"), .text("item")])
        return copy
    }

    /// Reads a result folder.
    ///
    /// `run.json` and `replications.csv` are required; `timeseries.csv`, `faults.csv` and
    /// `latency.csv` are read when present (an empty table with the standard header otherwise);
    /// `summary.csv` is read when present and computed from the replications otherwise. Every
    /// table is checked: required columns, and numbers where numbers belong.
    /// - Throws: `ScenarioError` naming the file, the line and the column of the first problem.
    public static func read(folder: String) throws -> ResultSet {
        guard AtomicFile.isFolder(folder) else {
            throw ScenarioError(
                file: folder, keyPath: "", expected: "a result folder (with run.json and replications.csv)",
                found: AtomicFile.isFile(folder) ? "a file" : "no such folder")
        }
        let info = try RunInfo.read(path: try AtomicFile.path(in: folder, name: "run.json"))
        let sweep = info.sweepColumns
        let keys = ResultColumns.keyColumns + sweep + ["replication"]

        func table(_ name: String, header: [String], numeric: [String], required: Bool) throws -> ResultTable {
            let path = try AtomicFile.path(in: folder, name: name)
            if !required && !FileManager.default.fileExists(atPath: path) {
                return ResultTable(header: header, source: path)
            }
            let t = try ResultTable.read(path: path)
            try t.validate(required: keys, numeric: ["replication"] + numeric)
            return t
        }

        let replications = try table(
            "replications.csv", header: ResultColumns.replicationsHeader(sweepColumns: sweep),
            numeric: ResultColumns.metrics.map(\.column), required: true)
        let timeseries = try table(
            "timeseries.csv", header: ResultColumns.timeseriesHeader(sweepColumns: sweep),
            numeric: ResultColumns.timeseriesValues, required: false)
        let faults = try table(
            "faults.csv", header: ResultColumns.faultsHeader(sweepColumns: sweep),
            numeric: ["start_s", "end_s"], required: false)
        let latency = try table(
            "latency.csv", header: ResultColumns.latencyHeader(sweepColumns: sweep),
            numeric: ["percentile", "latency_ms"], required: false)
        let cost = try table(
            "cost.csv", header: ResultColumns.costHeader(sweepColumns: sweep),
            numeric: ["quantity", "usd"], required: false)

        let summaryPath = try AtomicFile.path(in: folder, name: "summary.csv")
        var summary: ResultTable
        if FileManager.default.fileExists(atPath: summaryPath) {
            summary = try ResultTable.read(path: summaryPath)
            try summary.validate(
                required: ResultColumns.keyColumns + sweep + ["replications"],
                numeric: ResultColumns.summaryHeader(sweepColumns: []).filter { !ResultColumns.keyColumns.contains($0) }
            )
        } else {
            summary = try Summary.compute(replications: replications, sweepColumns: sweep)
            summary.source = summaryPath
        }
        var set = ResultSet(
            info: info, summary: summary, replications: replications, timeseries: timeseries, faults: faults,
            latency: latency, cost: cost)
        set.source = folder
        return set
    }

    /// Writes the set to `folder` (created if needed): the five CSV files, then `run.json`.
    ///
    /// Each file is written atomically (see `AtomicFile`), and only the files named in
    /// `fileNames` are written, all directly inside `folder`.
    /// - Returns: the paths written.
    /// - Throws: `ReportError.cannotWrite` when the folder or a file cannot be written.
    @discardableResult
    public func write(folder: String) throws -> [String] {
        try AtomicFile.createFolder(folder)
        var written: [String] = []
        let tables: [(String, ResultTable)] = [
            ("replications.csv", replications), ("timeseries.csv", timeseries), ("faults.csv", faults),
            ("latency.csv", latency), ("cost.csv", cost), ("summary.csv", summary),
        ]
        for (name, table) in tables {
            written.append(try AtomicFile.write(table.csvText(), folder: folder, name: name))
        }
        let json: String
        do {
            json = try info.jsonText()
        } catch {
            throw ReportError(.cannotWrite, "cannot encode run.json for '\(folder)': \(error)")
        }
        written.append(try AtomicFile.write(json, folder: folder, name: "run.json"))
        return written
    }
}

/// The canonical order of result rows, derived from `run.json`.
struct RowOrdering {
    /// A column that orders rows within one replication.
    enum Natural {
        /// Ordered as numbers (empty or non-numeric values last, by text).
        case number(String)
        /// Ordered as text (byte order).
        case text(String)
    }

    /// One part of a sort key.
    enum Part: Comparable {
        case int(Int)
        case number(Double)
        case text([UInt8])

        static func < (a: Part, b: Part) -> Bool {
            switch (a, b) {
            case (.int(let x), .int(let y)): return x < y
            case (.number(let x), .number(let y)): return x < y
            case (.text(let x), .text(let y)): return x.lexicographicallyPrecedes(y)
            default: return a.rank < b.rank
            }
        }

        var rank: Int {
            switch self {
            case .int: return 0
            case .number: return 1
            case .text: return 2
            }
        }
    }

    let sweepColumns: [String]
    let pointIndex: [[String]: Int]
    let topologyIndex: [String: Int]

    init(info: RunInfo) {
        sweepColumns = info.sweepColumns
        var points: [[String]: Int] = [:]
        for (i, p) in info.sweepPoints.enumerated() where points[p] == nil { points[p] = i }
        pointIndex = points
        var topologies: [String: Int] = [:]
        for (i, t) in info.topologies.enumerated() where topologies[t] == nil { topologies[t] = i }
        topologyIndex = topologies
    }

    /// The structural part of a row's key: sweep point, topology, replication.
    ///
    /// Values unknown to `run.json` sort after the known ones, by text.
    func groupKey(_ table: ResultTable, _ row: [String], columns: GroupColumns) -> [Part] {
        let point = columns.sweep.map { $0.map { row[$0] } ?? "" }
        let topology = columns.topology.map { row[$0] } ?? ""
        let replication = columns.replication.map { row[$0] } ?? ""
        let separator: [UInt8] = [0x1F]
        return [
            .int(pointIndex[point] ?? Int.max),
            .text(Array(point.joined(separator: String(decoding: separator, as: UTF8.self)).utf8)),
            .int(topologyIndex[topology] ?? Int.max),
            .text(Array(topology.utf8)),
            .int(Int(replication) ?? Int.max),
            .text(Array(replication.utf8)),
            .text(Array((columns.scenario.map { row[$0] } ?? "").utf8)),
        ]
    }

    /// Where the structural columns are in one table.
    struct GroupColumns {
        var scenario: Int?
        var topology: Int?
        var sweep: [Int?]
        var replication: Int?
    }

    func columns(of table: ResultTable) -> GroupColumns {
        GroupColumns(
            scenario: table.columnIndex("scenario"), topology: table.columnIndex("topology"),
            sweep: sweepColumns.map { table.columnIndex($0) }, replication: table.columnIndex("replication"))
    }

    /// `table` with its rows in canonical order; row line numbers follow their rows.
    func sort(_ table: ResultTable, natural: [Natural]) -> ResultTable {
        let columns = columns(of: table)
        let naturalColumns: [(Int, Bool)] = natural.compactMap { n in
            switch n {
            case .number(let name): return table.columnIndex(name).map { ($0, true) }
            case .text(let name): return table.columnIndex(name).map { ($0, false) }
            }
        }
        let keys: [[Part]] = table.rows.map { row in
            var key = groupKey(table, row, columns: columns)
            for (column, numeric) in naturalColumns {
                let text = row[column]
                if numeric {
                    if let value = NumberFormat.parse(text) {
                        key.append(.number(value))
                    } else {
                        key.append(.text(Array(text.utf8)))
                    }
                } else {
                    key.append(.text(Array(text.utf8)))
                }
            }
            for field in row { key.append(.text(Array(field.utf8))) }
            return key
        }
        let order = table.rows.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var sorted = table
        sorted.rows = order.map { table.rows[$0] }
        if table.rowLines.count == table.rows.count {
            sorted.rowLines = order.map { table.rowLines[$0] }
        }
        return sorted
    }
}
