import Foundation

/// The output formats of `topobench compare`.
public enum CompareFormat: String, CaseIterable, Sendable {
    /// Aligned plain text for a terminal.
    case table
    /// A GitHub-flavoured Markdown report, for `$GITHUB_STEP_SUMMARY` or a pull-request comment.
    case markdown
    /// JUnit XML: one test case per (scenario, topology, sweep point, figure).
    case junit
}

/// Which interval `compare` puts on a difference.
public enum ComparePairing: String, CaseIterable, Sendable {
    /// Paired differences when both sides share the seed and the replication count (common
    /// random numbers), the independent interval otherwise.
    case auto
    /// Always the independent interval, √(h_b² + h_c²).
    case independent
}

/// The thresholds and rules of a comparison.
///
/// Every figure with a direction (``Figure/direction``) and a threshold is gated: it regresses
/// when it is worse than the baseline by more than its threshold allows *and* the 95 %
/// interval of the difference lies entirely on the worse side. A figure's threshold is its
/// ``Figure/defaultThreshold`` unless `thresholds` replaces it (`nil` there turns it off).
public struct CompareOptions: Sendable, Equatable {
    /// Thresholds that replace a figure's default; a `nil` value stops gating the figure.
    public var thresholds: [Figure: Figure.Threshold?]
    /// When true, a (scenario, topology, sweep point) of the baseline that is missing from the
    /// current results counts as a regression; otherwise it is only a warning.
    public var strict: Bool
    /// When true, a comparison whose interval is wider than its threshold (it could not have
    /// detected a change of that size) fails the comparison too: exit 2 when nothing regressed.
    public var requirePower: Bool
    /// Paired differences when possible, or always independent intervals.
    public var pairing: ComparePairing

    /// Creates options; the defaults are those of the command line.
    public init(
        thresholds: [Figure: Figure.Threshold?] = [:], strict: Bool = false, requirePower: Bool = false,
        pairing: ComparePairing = .auto
    ) {
        self.thresholds = thresholds
        self.strict = strict
        self.requirePower = requirePower
        self.pairing = pairing
    }

    /// The threshold `figure` is held to, or `nil` when it is not gated.
    public func threshold(for figure: Figure) -> Figure.Threshold? {
        guard figure.direction != .neutral else { return nil }
        if let given = thresholds[figure] { return given }
        return figure.defaultThreshold
    }

    /// The figures compared, in column order.
    public var gatedFigures: [Figure] { Figure.allCases.filter { threshold(for: $0) != nil } }

    /// The figures `--max-latency-regression` sets: the latencies gated by default (not the
    /// maximum, which has none).
    public static let latencyFigures: [Figure] = Figure.allCases.filter {
        $0.unit == .milliseconds && $0.defaultThreshold != nil
    }
}

/// One comparison: one figure of one (scenario, topology, sweep point).
public struct CompareCase: Sendable, Equatable {
    /// The verdict of a comparison.
    public enum Status: String, Sendable, Equatable {
        /// Within the threshold or the confidence interval.
        case pass
        /// Worse than the threshold allows, beyond the interval.
        case regression
        /// Not compared: the column is missing on a side (an older result), or the value exists
        /// on one side only.
        case notCompared = "not compared"
        /// The figure has no value on either side (no asynchronous path, no fault): nothing to
        /// compare, nothing lost.
        case noValue = "no value"
    }

    /// How the interval of the difference was formed.
    public enum Test: Sendable, Equatable {
        /// Paired differences over the replications both sides share (common random numbers).
        case paired
        /// The two sides' intervals combined, √(h_b² + h_c²).
        case independent
    }

    /// Whether the comparison could have detected a change as large as its threshold.
    public enum Power: Sendable, Equatable {
        /// The interval's half-width is within the threshold.
        case enough
        /// The half-width exceeds the threshold; about `needed` replications would bring it
        /// within (`nil`: no number would, the threshold being 0).
        case insufficient(needed: Int?)
        /// There is no interval (one replication, no `_ci95` column): it cannot be told.
        case unknown
    }

    /// The scenario name.
    public var scenario: String
    /// The topology name.
    public var topology: String
    /// The sweep point as `key=value` pairs, in the summary's column order.
    public var sweep: [String]
    /// The figure compared.
    public var figure: Figure
    /// Baseline value (from `summary.csv`) and its 95 % half-width.
    public var baseline: Double?
    public var baselineCI: Double?
    /// Current value and its 95 % half-width.
    public var current: Double?
    public var currentCI: Double?
    /// The threshold applied.
    public var threshold: Figure.Threshold
    /// The change the threshold allows from this baseline, in the figure's unit.
    public var allowance: Double?
    /// The test used.
    public var test: Test
    /// Current − baseline with the half-width of its 95 % interval; `nil` when not compared.
    public var difference: Difference.Interval?
    /// Whether a change of the threshold's size was detectable; `nil` unless the case passed.
    public var power: Power?
    /// The verdict.
    public var status: Status
    /// One line explaining the verdict.
    public var note: String

    /// The figure's column name.
    public var metric: String { figure.column }

    /// Whether the case passed without the power to see a change of its threshold's size.
    public var isUnderpowered: Bool {
        guard status == .pass, let power else { return false }
        return power != .enough
    }

    /// `scenario / topology / k=v, k=v`.
    public var rowLabel: String {
        ([scenario, topology] + (sweep.isEmpty ? [] : [sweep.joined(separator: ", ")])).joined(separator: " / ")
    }
}

/// A (scenario, topology, sweep point) present on one side only.
public struct CompareRow: Sendable, Equatable {
    /// The scenario name.
    public var scenario: String
    /// The topology name.
    public var topology: String
    /// The sweep point as `key=value` pairs.
    public var sweep: [String]

    /// `scenario / topology / k=v, k=v`.
    public var label: String {
        ([scenario, topology] + (sweep.isEmpty ? [] : [sweep.joined(separator: ", ")])).joined(separator: " / ")
    }
}

/// The result of `topobench compare`: every comparison made, the test used for each scenario,
/// and the rows that did not match.
public struct CompareReport: Sendable {
    /// What was compared, as given.
    public var baselinePath: String
    public var currentPath: String
    /// The thresholds used.
    public var options: CompareOptions
    /// One entry per (row, gated figure), in the baseline's row order.
    public var cases: [CompareCase]
    /// The test used, per scenario, with its reason: ("instance_crash", "paired differences …").
    public var tests: [(scenario: String, description: String)]
    /// Rows of the baseline missing from the current results.
    public var missing: [CompareRow]
    /// Rows of the current results that the baseline lacks (informational).
    public var added: [CompareRow]

    /// The number of failures: significant regressions, plus missing rows under `strict`.
    public var regressions: Int {
        regressionCount + (options.strict ? missing.count : 0)
    }

    /// Comparisons that passed without the power to detect a change of their threshold's size.
    public var underpowered: [CompareCase] { cases.filter(\.isUnderpowered) }

    /// The exit status of `topobench compare`: 1 on a regression; else 2 when `requirePower`
    /// is set and a comparison is underpowered; else 0.
    public var exitStatus: Int32 {
        if regressions > 0 { return 1 }
        if options.requirePower && !underpowered.isEmpty { return 2 }
        return 0
    }

    var regressionCount: Int { cases.filter { $0.status == .regression }.count }
    var notComparedCount: Int { cases.filter { $0.status == .notCompared }.count }
    var noValueCount: Int { cases.filter { $0.status == .noValue }.count }
}

/// `topobench compare`: comparing two results figure by figure, with paired differences under
/// common random numbers when both sides allow it.
public enum Comparison {
    /// Compares the results at `baseline` and `current`.
    ///
    /// Each path is a `summary.csv` file, a result folder holding one, or a suite folder whose
    /// sub-folders (one level) hold one each. Rows are matched by (scenario, topology, sweep
    /// values), the sweep columns being those between `topology` and `replications`.
    ///
    /// A matched row is compared with paired differences when both sides are result folders
    /// (`run.json` and `replications.csv` next to the summary) with the same seed and the same
    /// replication count: replication i of both then saw the same arrivals and faults, and the
    /// interval is the paired-t interval of the per-replication differences. Otherwise (or with
    /// `pairing: .independent`) the interval is √(h_b² + h_c²) from the two sides' 95 %
    /// half-widths: the summary's `_ci95` column, or one computed from `replications.csv` for a
    /// figure without such a column; and the report says why.
    /// - Throws: `ScenarioError` when a path holds no summary, a file is malformed or has a row
    ///   twice, or the two sides have no row in common (most likely the wrong folders).
    public static func run(baseline: String, current: String, options: CompareOptions) throws -> CompareReport {
        let base = try load(baseline)
        let curr = try load(current)
        var currentByKey: [String: Loaded.Row] = [:]
        for row in curr.rows { currentByKey[row.key] = row }
        let baselineKeys = Set(base.rows.map(\.key))

        var cases: [CompareCase] = []
        var tests: [(scenario: String, description: String)] = []
        var seenTests: Set<String> = []
        var missing: [CompareRow] = []
        var matched = 0
        let figures = options.gatedFigures
        for b in base.rows {
            guard let c = currentByKey[b.key] else {
                missing.append(CompareRow(scenario: b.scenario, topology: b.topology, sweep: b.sweep))
                continue
            }
            matched += 1
            let pairing = decidePairing(b, base, c, curr, options)
            var description: String
            switch pairing {
            case .paired(let seed, let replications):
                description =
                    "paired differences under common random numbers (seed \(seed) and \(replications) replication\(replications == 1 ? "" : "s") on both sides)"
            case .independent(let reason):
                description = "independent intervals, √(h_b² + h_c²): \(reason)"
            }
            if let bi = b.run, let ci = c.run, base.runs[bi].info.scenarioHash != curr.runs[ci].info.scenarioHash {
                // Different inputs (another scenario file, or other overrides such as --quick or
                // --duration): the figures still compare, but what moved may be the scenario.
                description += "; the scenarios differ (scenario_hash \(base.runs[bi].info.scenarioHash) and \(curr.runs[ci].info.scenarioHash)): a change may come from the scenario or its overrides, not the model"
            }
            if seenTests.insert(b.scenario + "\u{1F}" + description).inserted {
                tests.append((b.scenario, description))
            }
            for figure in figures {
                guard let threshold = options.threshold(for: figure) else { continue }
                cases.append(
                    try compare(figure, threshold: threshold, b, base, c, curr, pairing: pairing))
            }
        }
        let added = curr.rows.filter { !baselineKeys.contains($0.key) }.map {
            CompareRow(scenario: $0.scenario, topology: $0.topology, sweep: $0.sweep)
        }
        if matched == 0 && !base.rows.isEmpty {
            throw ScenarioError(
                file: current, keyPath: "scenario",
                expected: "at least one (scenario, topology, sweep point) in common with \(baseline)",
                found: curr.rows.isEmpty ? "no rows" : "none in common (first row: \(curr.rows[0].label))")
        }
        return CompareReport(
            baselinePath: baseline, currentPath: current, options: options, cases: cases, tests: tests,
            missing: missing, added: added)
    }

    // MARK: - Pairing

    /// Whether a matched row can be compared replication by replication.
    enum Pairing: Equatable {
        case paired(seed: UInt64, replications: Int)
        case independent(String)
    }

    static func decidePairing(
        _ b: Loaded.Row, _ base: Loaded, _ c: Loaded.Row, _ curr: Loaded, _ options: CompareOptions
    ) -> Pairing {
        if options.pairing == .independent { return .independent("--independent was given") }
        guard let bi = b.run else {
            return .independent("the baseline \(b.file) has no run.json and replications.csv next to it")
        }
        guard let ci = c.run else {
            return .independent("the current \(c.file) has no run.json and replications.csv next to it")
        }
        let br = base.runs[bi].info, cr = curr.runs[ci].info
        if br.seed != cr.seed { return .independent("the seeds differ (\(br.seed) and \(cr.seed))") }
        if br.replications != cr.replications {
            return .independent("the replication counts differ (\(br.replications) and \(cr.replications))")
        }
        return .paired(seed: br.seed, replications: br.replications)
    }

    // MARK: - One comparison

    /// Judges one figure of one matched row.
    static func compare(
        _ figure: Figure, threshold: Figure.Threshold, _ b: Loaded.Row, _ base: Loaded, _ c: Loaded.Row,
        _ curr: Loaded, pairing: Pairing
    ) throws -> CompareCase {
        let bv = try b.value(figure.column)
        let cv = try c.value(figure.column)
        var result = CompareCase(
            scenario: b.scenario, topology: b.topology, sweep: b.sweep, figure: figure, baseline: bv,
            baselineCI: try b.value(figure.ciColumn), current: cv, currentCI: try c.value(figure.ciColumn),
            threshold: threshold, allowance: nil, test: .independent, difference: nil, power: nil, status: .pass,
            note: "")
        let inBaseline = b.table.columnIndex(figure.column) != nil
        let inCurrent = c.table.columnIndex(figure.column) != nil
        if !inBaseline || !inCurrent {
            result.status = .notCompared
            let sides = !inBaseline && !inCurrent ? "baseline and current" : !inBaseline ? "baseline" : "current"
            result.note = "not compared: no \(figure.column) column in the \(sides) (an older result?)"
            return result
        }
        guard let bv, let cv else {
            if bv == nil && cv == nil {
                result.status = .noValue
                result.note = "no value on either side"
            } else {
                result.status = .notCompared
                result.note = "not compared: a value in the \(bv == nil ? "current" : "baseline") only"
            }
            return result
        }

        // The interval of current − baseline. A maximum over replications (latency_max_ms) has
        // none: it is judged on its threshold alone.
        let hasInterval = figure.aggregation == .mean
        var interval: Difference.Interval?
        var fallback: String?
        if case .paired = pairing, hasInterval {
            let bs = try base.values(figure, of: b)
            let cs = try curr.values(figure, of: c)
            var x: [Double] = [], y: [Double] = []
            for (replication, value) in bs.sorted(by: { $0.key < $1.key }) {
                if let other = cs[replication] {
                    x.append(value)
                    y.append(other)
                }
            }
            if x.count >= 2 {
                interval = Difference.paired(baseline: x, current: y)
                result.test = .paired
            } else {
                fallback = "fewer than 2 replications with a value on both sides"
            }
        }
        if interval == nil {
            let bh = hasInterval ? try result.baselineCI ?? base.halfWidth(figure, of: b) : nil
            let ch = hasInterval ? try result.currentCI ?? curr.halfWidth(figure, of: c) : nil
            let n = min(try b.value("replications").map { Int($0) } ?? 1, try c.value("replications").map { Int($0) } ?? 1)
            interval = Difference.independent(
                baselineMean: bv, baselineHalfWidth: bh, currentMean: cv, currentHalfWidth: ch, replications: max(1, n))
            result.test = .independent
        }
        guard let interval else { return result }
        result.difference = interval

        // Worse is positive.
        let worse = figure.direction == .higherIsBetter ? -interval.mean : interval.mean
        let allowance = threshold.allowance(baseline: bv)
        result.allowance = allowance
        let h = interval.halfWidth
        var limit = CompareReport.limitText(threshold, figure)
        if case .relative = threshold { limit += " = \(CompareReport.number(allowance))" }
        let intervalText = h.map { "the 95 % interval ±\(CompareReport.number($0))" } ?? "no interval"
        var prefix = fallback.map { "independent (\($0)); " } ?? ""
        if result.test == .independent && h == nil { prefix += "threshold alone (no interval); " }
        if worse > allowance && worse > (h ?? 0) {
            result.status = .regression
            result.note =
                prefix + "worse by \(CompareReport.number(worse)) (limit \(limit)), beyond \(intervalText)"
            return result
        }
        if worse > allowance {
            result.note = prefix + "worse by \(CompareReport.number(worse)) (limit \(limit)) but within \(intervalText)"
        } else {
            result.note = prefix + "within \(limit)"
        }
        if let h {
            if h > allowance {
                let needed = Difference.replicationsNeeded(
                    replications: interval.replications, halfWidth: h, target: allowance)
                result.power = .insufficient(needed: needed)
                if let needed {
                    result.note +=
                        "; cannot detect a change of \(limit): ±\(CompareReport.number(h)) is wider; ≈\(needed) replications would (n₀·(h/δ)², n₀ = \(interval.replications))"
                } else {
                    result.note +=
                        "; cannot detect any change: the limit \(limit) of a baseline of 0 allows none, and ±\(CompareReport.number(h)) is wider (give an absolute threshold: --threshold \(figure.column)=N)"
                }
            } else {
                result.power = .enough
            }
        } else {
            result.power = .unknown
            result.note += "; power unknown (no interval)"
        }
        return result
    }

    // MARK: - Loading

    /// The summary rows found at one path, with each file's run.json and replications.csv.
    struct Loaded {
        /// One summary row and where it came from.
        struct Row {
            var table: ResultTable
            var index: Int
            var scenario: String
            var topology: String
            var sweep: [String]
            var key: String
            /// The summary file.
            var file: String
            /// The index of the file's run in `runs`, when its folder holds one.
            var run: Int?

            var label: String {
                ([scenario, topology] + (sweep.isEmpty ? [] : [sweep.joined(separator: ", ")])).joined(separator: " / ")
            }

            /// The number in `column`, or `nil` if the column is absent or the field empty.
            func value(_ column: String) throws -> Double? {
                guard let c = table.columnIndex(column) else { return nil }
                return try table.number(row: index, column: c)
            }
        }

        /// The per-replication results next to one summary file.
        struct Run {
            /// `run.json`.
            var info: RunInfo
            var replications: ResultTable
            /// Row key → replication number → row of `replications`.
            var rows: [String: [Int: Int]]
        }

        var rows: [Row] = []
        var runs: [Run] = []

        /// The non-empty values of `figure` per replication of `row` (empty without a run).
        func values(_ figure: Figure, of row: Row) throws -> [Int: Double] {
            guard let r = row.run, let byReplication = runs[r].rows[row.key] else { return [:] }
            let table = runs[r].replications
            guard let column = table.columnIndex(figure.column) else { return [:] }
            var out: [Int: Double] = [:]
            for (replication, index) in byReplication {
                if let v = try table.number(row: index, column: column) { out[replication] = v }
            }
            return out
        }

        /// The 95 % half-width of `figure` over the replications of `row`, from
        /// `replications.csv` (for a figure without a `_ci95` column); `nil` without a run or
        /// with fewer than two values.
        func halfWidth(_ figure: Figure, of row: Row) throws -> Double? {
            let values = try self.values(figure, of: row)
            return StudentT.halfWidth(values.sorted { $0.key < $1.key }.map(\.value))
        }
    }

    /// Reads every summary at `path` (file, result folder, or suite folder), with the run.json
    /// and replications.csv beside each summary.csv when present.
    static func load(_ path: String) throws -> Loaded {
        var files: [String] = []
        if AtomicFile.isFile(path) {
            files = [path]
        } else if AtomicFile.isFolder(path) {
            let direct = path + "/summary.csv"
            if AtomicFile.isFile(direct) {
                files = [direct]
            } else {
                files = AtomicFile.subfolders(of: path).map { path + "/" + $0 + "/summary.csv" }.filter(
                    AtomicFile.isFile)
            }
            if files.isEmpty {
                throw ScenarioError(
                    file: path, keyPath: "",
                    expected: "summary.csv in this folder or in its sub-folders (one per scenario)",
                    found: "no summary.csv")
            }
        } else {
            throw ScenarioError(
                file: path, keyPath: "", expected: "a summary.csv file, a result folder, or a suite folder",
                found: "no such file or folder")
        }
        var loaded = Loaded()
        var seen: [String: String] = [:]
        for file in files {
            let table = try ResultTable.read(path: file)
            let scenario = try table.requireColumn("scenario")
            let topology = try table.requireColumn("topology")
            let sweepNames =
                table.columnIndex("replications") != nil
                ? ResultColumns.sweepColumns(inSummaryHeader: table.header)
                : guessSweepColumns(table.header)
            let sweepIndices = sweepNames.compactMap { table.columnIndex($0) }
            let run = try loadRun(besides: file)
            var runIndex: Int?
            if let run {
                runIndex = loaded.runs.count
                loaded.runs.append(run)
            }
            for (r, row) in table.rows.enumerated() {
                let sweep = zip(sweepNames, sweepIndices).map { "\($0)=\(row[$1])" }
                let key = rowKey(row[scenario], row[topology], sweep)
                if let other = seen[key] {
                    throw ScenarioError(
                        file: file, keyPath: "scenario", line: table.line(ofRow: r),
                        expected: "one row per (scenario, topology, sweep point)",
                        found: "a second row for \(row[scenario]) / \(row[topology]) (the first is in \(other))")
                }
                seen[key] = "\(file):\(table.line(ofRow: r))"
                loaded.rows.append(
                    Loaded.Row(
                        table: table, index: r, scenario: row[scenario], topology: row[topology], sweep: sweep,
                        key: key, file: file, run: runIndex))
            }
        }
        return loaded
    }

    /// The key that matches rows across files: scenario, topology, sorted `key=value` pairs.
    static func rowKey(_ scenario: String, _ topology: String, _ sweep: [String]) -> String {
        ([scenario, topology] + sweep.sorted()).joined(separator: "\u{1F}")
    }

    /// The run.json and replications.csv in the folder of `summaryFile`, when it is named
    /// `summary.csv` and both are there.
    static func loadRun(besides summaryFile: String) throws -> Loaded.Run? {
        let url = URL(fileURLWithPath: summaryFile)
        guard url.lastPathComponent == "summary.csv" else { return nil }
        let folder = url.deletingLastPathComponent().path
        let runFile = folder + "/run.json", replicationsFile = folder + "/replications.csv"
        guard AtomicFile.isFile(runFile), AtomicFile.isFile(replicationsFile) else { return nil }
        let info = try RunInfo.read(path: runFile)
        let table = try ResultTable.read(path: replicationsFile)
        let scenario = try table.requireColumn("scenario")
        let topology = try table.requireColumn("topology")
        let replication = try table.requireColumn("replication")
        let sweep = try info.sweepColumns.map { ($0, try table.requireColumn($0)) }
        var rows: [String: [Int: Int]] = [:]
        var lines: [String: [Int: Int]] = [:]
        for (r, row) in table.rows.enumerated() {
            guard let number = Int(row[replication]) else {
                throw ScenarioError(
                    file: replicationsFile, keyPath: "replication", line: table.line(ofRow: r),
                    expected: "a replication number (an integer)", found: ScenarioError.quote(row[replication]))
            }
            let key = rowKey(row[scenario], row[topology], sweep.map { "\($0.0)=\(row[$0.1])" })
            if let first = lines[key]?[number] {
                throw ScenarioError(
                    file: replicationsFile, keyPath: "replication", line: table.line(ofRow: r),
                    expected: "one row per (topology, sweep point, replication)",
                    found: "replication \(number) of \(row[scenario]) / \(row[topology]) again (first on line \(first))")
            }
            rows[key, default: [:]][number] = r
            lines[key, default: [:]][number] = table.line(ofRow: r)
        }
        return Loaded.Run(info: info, replications: table, rows: rows)
    }

    /// Sweep columns of a summary without a `replications` column: every column that is not a
    /// key, a known metric, or a `_ci95` column.
    static func guessSweepColumns(_ header: [String]) -> [String] {
        let known = Set(ResultColumns.summaryHeader(sweepColumns: []))
        return header.filter { !known.contains($0) && !$0.hasSuffix(ResultColumns.ciSuffix) }
    }
}
