import Foundation

/// The output formats of `topobench compare`.
public enum CompareFormat: String, CaseIterable, Sendable {
    /// Aligned plain text for a terminal.
    case table
    /// A GitHub-flavoured Markdown report, for `$GITHUB_STEP_SUMMARY` or a pull-request comment.
    case markdown
    /// JUnit XML: one test case per (scenario, topology, sweep point, metric).
    case junit
}

/// The thresholds of a comparison.
///
/// A latency figure regresses when the current value exceeds the baseline by more than
/// `maxLatencyRegression` (a fraction: 0.1 = 10 %) *and* the difference is larger than the
/// combined 95 % half-width √(ci_b² + ci_c²); availability regresses when it drops by more than
/// `maxAvailabilityDrop` (an absolute fraction: 0.001 = 0.1 point) *and* beyond the combined
/// half-width. A missing CI counts as zero, so without CIs the threshold alone decides.
public struct CompareOptions: Sendable, Equatable {
    /// Largest tolerated relative increase of a latency percentile (0.1 = 10 %).
    public var maxLatencyRegression: Double
    /// Largest tolerated absolute drop of availability (0.001 = 0.1 percentage point).
    public var maxAvailabilityDrop: Double
    /// When true, a (scenario, topology, sweep point) of the baseline that is missing from the
    /// current results counts as a regression; otherwise it is only a warning.
    public var strict: Bool

    /// Creates options; the defaults are those of the command line.
    public init(maxLatencyRegression: Double = 0.10, maxAvailabilityDrop: Double = 0.001, strict: Bool = false) {
        self.maxLatencyRegression = maxLatencyRegression
        self.maxAvailabilityDrop = maxAvailabilityDrop
        self.strict = strict
    }

    /// Parses a threshold written as a percentage (`10%`) or a fraction (`0.1`).
    ///
    /// - Parameters:
    ///   - text: the value given on the command line.
    ///   - option: the option's name, for the message (`--max-latency-regression`).
    /// - Throws: `ReportError.badArgument` (exit 64) for anything but a non-negative number,
    ///   optionally followed by `%`.
    public static func parseThreshold(_ text: String, option: String) throws -> Double {
        var body = text.trimmingCharacters(in: .whitespaces)
        var percent = false
        if body.hasSuffix("%") {
            percent = true
            body = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        guard let value = NumberFormat.parse(body), value >= 0 else {
            throw ReportError(
                .badArgument,
                "\(option): expected a percentage such as 10% or a fraction such as 0.1, found '\(text)'")
        }
        return percent ? value / 100 : value
    }
}

/// One comparison: one metric of one (scenario, topology, sweep point).
public struct CompareCase: Sendable, Equatable {
    /// The verdict of a comparison.
    public enum Status: String, Sendable, Equatable {
        /// Within the thresholds or the confidence intervals.
        case pass
        /// Significantly worse than the baseline.
        case regression
        /// Not comparable: a value or a column is missing on one side.
        case skipped
    }

    /// The scenario name.
    public var scenario: String
    /// The topology name.
    public var topology: String
    /// The sweep point as `key=value` pairs, in the summary's column order.
    public var sweep: [String]
    /// The metric compared (a `summary.csv` column).
    public var metric: String
    /// Baseline value and its 95 % half-width.
    public var baseline: Double?
    public var baselineCI: Double?
    /// Current value and its 95 % half-width.
    public var current: Double?
    public var currentCI: Double?
    /// The verdict.
    public var status: Status
    /// One line explaining the verdict.
    public var note: String

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

/// The result of `topobench compare`: every comparison made, and the rows that did not match.
public struct CompareReport: Sendable {
    /// What was compared, as given.
    public var baselinePath: String
    public var currentPath: String
    /// The thresholds used.
    public var options: CompareOptions
    /// One entry per (row, metric), in the baseline's row order.
    public var cases: [CompareCase]
    /// Rows of the baseline missing from the current results.
    public var missing: [CompareRow]
    /// Rows of the current results that the baseline lacks (informational).
    public var added: [CompareRow]

    /// The number of failures: significant regressions, plus missing rows under `strict`.
    /// The CLI exits 1 when it is not zero.
    public var regressions: Int {
        cases.filter { $0.status == .regression }.count + (options.strict ? missing.count : 0)
    }

    /// The report in the given format, ending with a line break.
    public func render(_ format: CompareFormat) -> String {
        switch format {
        case .table: return renderTable()
        case .markdown: return renderMarkdown()
        case .junit: return renderJUnit()
        }
    }

    // MARK: - Text helpers

    var regressionCount: Int { cases.filter { $0.status == .regression }.count }
    var skippedCount: Int { cases.filter { $0.status == .skipped }.count }

    var thresholdText: String {
        "latency +\(Self.percent(options.maxLatencyRegression)), availability drop \(Self.number(options.maxAvailabilityDrop)), both beyond the 95 % CI"
    }

    var countsText: String {
        var parts = [
            "\(cases.count) comparison\(cases.count == 1 ? "" : "s")",
            "\(regressionCount) regression\(regressionCount == 1 ? "" : "s")",
        ]
        if skippedCount > 0 { parts.append("\(skippedCount) skipped") }
        if !missing.isEmpty {
            parts.append(
                "\(missing.count) row\(missing.count == 1 ? "" : "s") missing in current"
                    + (options.strict ? " (failures: --strict)" : " (warnings; failures with --strict)"))
        }
        if !added.isEmpty { parts.append("\(added.count) new row\(added.count == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "-" }
        return String(format: "%.6g", x)
    }

    static func percent(_ fraction: Double) -> String {
        NumberFormat.trimFraction(String(format: "%.4f", fraction * 100)) + "%"
    }

    static func valueText(_ value: Double?, _ ci: Double?) -> String {
        guard let value else { return "-" }
        guard let ci else { return number(value) }
        return number(value) + " ± " + number(ci)
    }

    static func changeText(_ c: CompareCase) -> String {
        guard let b = c.baseline, let v = c.current else { return "" }
        if c.metric == "availability" || b == 0 {
            let d = v - b
            return (d >= 0 ? "+" : "") + number(d)
        }
        let r = (v - b) / b
        return (r >= 0 ? "+" : "") + String(format: "%.1f", r * 100) + "%"
    }

    // MARK: - Table

    func renderTable() -> String {
        var lines: [String] = []
        lines.append("topobench compare: baseline \(baselinePath), current \(currentPath)")
        lines.append("thresholds: \(thresholdText)")
        lines.append("")
        var grid: [[String]] = [
            ["", "scenario", "topology", "sweep", "metric", "baseline", "current", "change", "note"]
        ]
        for c in cases {
            let mark: String
            switch c.status {
            case .pass: mark = "ok"
            case .regression: mark = "FAIL"
            case .skipped: mark = "skip"
            }
            grid.append([
                mark, c.scenario, c.topology, c.sweep.isEmpty ? "-" : c.sweep.joined(separator: ","), c.metric,
                Self.valueText(c.baseline, c.baselineCI), Self.valueText(c.current, c.currentCI), Self.changeText(c),
                c.note,
            ])
        }
        var widths = Array(repeating: 0, count: grid[0].count)
        for row in grid { for (i, f) in row.enumerated() { widths[i] = max(widths[i], f.count) } }
        for row in grid {
            var line = ""
            for (i, f) in row.enumerated() {
                if i == row.count - 1 {
                    line += f
                } else {
                    line += f + String(repeating: " ", count: widths[i] - f.count + 2)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        lines.append("")
        for row in missing {
            lines.append((options.strict ? "FAIL" : "warning") + ": missing in current: " + row.label)
        }
        for row in added { lines.append("note: new in current (not in baseline): " + row.label) }
        lines.append((regressions == 0 ? "OK: " : "REGRESSION: ") + countsText)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Markdown

    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    func markdownTable(_ rows: [CompareCase]) -> [String] {
        var lines = [
            "| | scenario | topology | sweep | metric | baseline | current | change | note |",
            "|---|---|---|---|---|---:|---:|---:|---|",
        ]
        for c in rows {
            let mark: String
            switch c.status {
            case .pass: mark = "✅"
            case .regression: mark = "❌"
            case .skipped: mark = "➖"
            }
            let cells = [
                c.scenario, c.topology, c.sweep.joined(separator: ", "), "`\(c.metric)`",
                Self.valueText(c.baseline, c.baselineCI), Self.valueText(c.current, c.currentCI), Self.changeText(c),
                c.note,
            ].map(Self.markdownCell)
            lines.append("| \(mark) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    func renderMarkdown() -> String {
        var lines: [String] = ["## topobench compare", ""]
        let verdict =
            regressions == 0
            ? "✅ **No significant regression**" : "❌ **\(regressions) regression\(regressions == 1 ? "" : "s")**"
        lines.append("\(verdict): \(Self.markdownCell(countsText)).")
        lines.append("")
        lines.append(
            "Baseline `\(Self.markdownCell(baselinePath))`, current `\(Self.markdownCell(currentPath))`; thresholds: \(Self.markdownCell(thresholdText))."
        )
        lines.append("")
        let failing = cases.filter { $0.status == .regression }
        if !failing.isEmpty {
            lines.append("### Regressions")
            lines.append("")
            lines += markdownTable(failing)
            lines.append("")
        }
        if !missing.isEmpty {
            lines.append("### Missing in current")
            lines.append("")
            for row in missing { lines.append("- \(options.strict ? "❌" : "⚠️") \(Self.markdownCell(row.label))") }
            lines.append("")
        }
        if !added.isEmpty {
            lines.append("### New in current")
            lines.append("")
            for row in added { lines.append("- \(Self.markdownCell(row.label))") }
            lines.append("")
        }
        if !cases.isEmpty {
            lines.append("<details><summary>All \(cases.count) comparisons</summary>")
            lines.append("")
            lines += markdownTable(cases)
            lines.append("")
            lines.append("</details>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - JUnit

    /// Escapes text for XML attribute values and character data, dropping characters that
    /// XML 1.0 does not allow.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                let allowed = (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    func renderJUnit() -> String {
        struct Suite {
            var name: String
            var lines: [String] = []
            var tests = 0
            var failures = 0
            var skipped = 0
        }
        var suites: [Suite] = []
        var suiteIndex: [String: Int] = [:]
        func suite(_ name: String) -> Int {
            if let i = suiteIndex[name] { return i }
            suiteIndex[name] = suites.count
            suites.append(Suite(name: name))
            return suites.count - 1
        }
        func className(_ scenario: String, _ topology: String, _ sweep: [String]) -> String {
            "\(scenario).\(topology)" + (sweep.isEmpty ? "" : "[\(sweep.joined(separator: ","))]")
        }
        for c in cases {
            let s = suite(c.scenario)
            suites[s].tests += 1
            let open =
                "    <testcase classname=\"\(Self.xml(className(c.scenario, c.topology, c.sweep)))\" name=\"\(Self.xml(c.metric))\" time=\"0\""
            let detail =
                "baseline \(Self.valueText(c.baseline, c.baselineCI)), current \(Self.valueText(c.current, c.currentCI)), change \(Self.changeText(c))"
            switch c.status {
            case .pass:
                suites[s].lines.append(open + "/>")
            case .regression:
                suites[s].failures += 1
                suites[s].lines.append(open + ">")
                suites[s].lines.append(
                    "      <failure type=\"regression\" message=\"\(Self.xml(c.note))\">\(Self.xml(detail))</failure>")
                suites[s].lines.append("    </testcase>")
            case .skipped:
                suites[s].skipped += 1
                suites[s].lines.append(open + ">")
                suites[s].lines.append("      <skipped message=\"\(Self.xml(c.note))\"/>")
                suites[s].lines.append("    </testcase>")
            }
        }
        for row in missing {
            let s = suite(row.scenario)
            suites[s].tests += 1
            let open =
                "    <testcase classname=\"\(Self.xml(className(row.scenario, row.topology, row.sweep)))\" name=\"present in current\" time=\"0\">"
            suites[s].lines.append(open)
            if options.strict {
                suites[s].failures += 1
                suites[s].lines.append(
                    "      <failure type=\"missing\" message=\"missing in current results\">\(Self.xml(row.label))</failure>"
                )
            } else {
                suites[s].skipped += 1
                suites[s].lines.append(
                    "      <skipped message=\"missing in current results (a warning; a failure with --strict)\"/>")
            }
            suites[s].lines.append("    </testcase>")
        }
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append(
            "<testsuites name=\"topobench compare\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">"
        )
        for s in suites {
            lines.append(
                "  <testsuite name=\"\(Self.xml(s.name))\" tests=\"\(s.tests)\" failures=\"\(s.failures)\" errors=\"0\" skipped=\"\(s.skipped)\" time=\"0\">"
            )
            lines += s.lines
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `topobench compare`: comparing two sets of summaries with their confidence intervals.
public struct Comparison {
    /// A compared metric and the rule that judges it.
    enum Rule {
        /// Higher is worse; relative threshold.
        case latency
        /// Lower is worse; absolute threshold.
        case availability
    }

    /// The metrics compared, in report order.
    static let metrics: [(name: String, rule: Rule)] = [
        ("availability", .availability),
        ("latency_p50_ms", .latency),
        ("latency_p99_ms", .latency),
        ("latency_p999_ms", .latency),
        ("e2e_p99_ms", .latency),
    ]

    /// Compares the summaries at `baseline` and `current`.
    ///
    /// Each path is a `summary.csv` file, a result folder holding one, or a suite folder whose
    /// sub-folders (one level) hold one each. Rows are matched by (scenario, topology, sweep
    /// values), the sweep columns being those between `topology` and `replications`.
    /// - Throws: `ScenarioError` when a path holds no summary, a summary is malformed or has a
    ///   row twice, or the two sides have no row in common (most likely the wrong folders).
    public static func run(baseline: String, current: String, options: CompareOptions) throws -> CompareReport {
        let base = try load(baseline)
        let curr = try load(current)
        var currentByKey: [String: Loaded.Row] = [:]
        for row in curr.rows { currentByKey[row.key] = row }
        let baselineKeys = Set(base.rows.map(\.key))

        var cases: [CompareCase] = []
        var missing: [CompareRow] = []
        var matched = 0
        for b in base.rows {
            guard let c = currentByKey[b.key] else {
                missing.append(CompareRow(scenario: b.scenario, topology: b.topology, sweep: b.sweep))
                continue
            }
            matched += 1
            for (metric, rule) in metrics {
                guard b.table.columnIndex(metric) != nil || c.table.columnIndex(metric) != nil else { continue }
                cases.append(try compare(metric: metric, rule: rule, b, c, options))
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
            baselinePath: baseline, currentPath: current, options: options, cases: cases, missing: missing,
            added: added)
    }

    /// Judges one metric of one matched row.
    static func compare(
        metric: String, rule: Rule, _ b: Loaded.Row, _ c: Loaded.Row, _ options: CompareOptions
    ) throws -> CompareCase {
        let bv = try b.value(metric)
        let cv = try c.value(metric)
        let bci = try b.value(metric + ResultColumns.ciSuffix)
        let cci = try c.value(metric + ResultColumns.ciSuffix)
        var result = CompareCase(
            scenario: b.scenario, topology: b.topology, sweep: b.sweep, metric: metric, baseline: bv, baselineCI: bci,
            current: cv, currentCI: cci, status: .pass, note: "")
        if b.table.columnIndex(metric) == nil || c.table.columnIndex(metric) == nil {
            result.status = .skipped
            result.note = "column missing in \(b.table.columnIndex(metric) == nil ? "baseline" : "current")"
            return result
        }
        guard let bv, let cv else {
            result.status = .skipped
            result.note = "no value in " + (bv == nil && cv == nil ? "either" : bv == nil ? "baseline" : "current")
            return result
        }
        let combined = ((bci ?? 0) * (bci ?? 0) + (cci ?? 0) * (cci ?? 0)).squareRoot()
        let ciText = combined > 0 ? "combined CI ±\(CompareReport.number(combined))" : "no CI"
        switch rule {
        case .latency:
            let limit = bv * (1 + options.maxLatencyRegression)
            let overThreshold = cv > limit
            let beyondCI = cv - bv > combined
            if overThreshold && beyondCI {
                result.status = .regression
                result.note =
                    "above the +\(CompareReport.percent(options.maxLatencyRegression)) limit (\(CompareReport.number(limit))) and beyond the \(ciText)"
            } else if overThreshold {
                result.note = "above +\(CompareReport.percent(options.maxLatencyRegression)) but within the \(ciText)"
            } else {
                result.note = "within +\(CompareReport.percent(options.maxLatencyRegression))"
            }
        case .availability:
            let drop = bv - cv
            let overThreshold = drop > options.maxAvailabilityDrop
            let beyondCI = drop > combined
            if overThreshold && beyondCI {
                result.status = .regression
                result.note =
                    "dropped by \(CompareReport.number(drop)) (> \(CompareReport.number(options.maxAvailabilityDrop))), beyond the \(ciText)"
            } else if overThreshold {
                result.note = "dropped by \(CompareReport.number(drop)) but within the \(ciText)"
            } else {
                result.note = "within a drop of \(CompareReport.number(options.maxAvailabilityDrop))"
            }
        }
        return result
    }

    /// The summary rows found at one path.
    struct Loaded {
        /// One summary row and where it came from.
        struct Row {
            var table: ResultTable
            var index: Int
            var scenario: String
            var topology: String
            var sweep: [String]
            var key: String

            var label: String {
                ([scenario, topology] + (sweep.isEmpty ? [] : [sweep.joined(separator: ", ")])).joined(separator: " / ")
            }

            /// The number in `column`, or `nil` if the column is absent or the field empty.
            func value(_ column: String) throws -> Double? {
                guard let c = table.columnIndex(column) else { return nil }
                return try table.number(row: index, column: c)
            }
        }
        var rows: [Row] = []
    }

    /// Reads every summary at `path` (file, result folder, or suite folder).
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
            for (r, row) in table.rows.enumerated() {
                let sweep = zip(sweepNames, sweepIndices).map { "\($0)=\(row[$1])" }
                let key = ([row[scenario], row[topology]] + sweep.sorted()).joined(separator: "\u{1F}")
                if let other = seen[key] {
                    throw ScenarioError(
                        file: file, keyPath: "scenario", line: table.line(ofRow: r),
                        expected: "one row per (scenario, topology, sweep point)",
                        found: "a second row for \(row[scenario]) / \(row[topology]) (the first is in \(other))")
                }
                seen[key] = "\(file):\(table.line(ofRow: r))"
                loaded.rows.append(
                    Loaded.Row(
                        table: table, index: r, scenario: row[scenario], topology: row[topology], sweep: sweep, key: key
                    ))
            }
        }
        return loaded
    }

    /// Sweep columns of a summary without a `replications` column: every column that is not a
    /// key, a known metric, or a `_ci95` column.
    static func guessSweepColumns(_ header: [String]) -> [String] {
        let known = Set(ResultColumns.summaryHeader(sweepColumns: []))
        return header.filter { !known.contains($0) && !$0.hasSuffix(ResultColumns.ciSuffix) }
    }
}
