import Foundation
import Testing

@testable import TopoBench

#if canImport(FoundationXML)
    import FoundationXML
#endif

// Tests of Sources/TopoBench/Reports: CSV, number format, summary, merge, compare, plots.
// Every test that touches the disk works in its own temporary folder, so they run concurrently.

/// A fresh temporary folder for one test.
private func reportsTemporaryFolder(_ label: String) throws -> String {
    let path = NSTemporaryDirectory() + "topobench-\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func reportsFileBytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}

/// Whether two files exist, are not empty and have the same bytes (a Bool, so a failure does
/// not print both files).
private func reportsSameBytes(_ a: String, _ b: String) -> Bool {
    let x = reportsFileBytes(a)
    return !x.isEmpty && x == reportsFileBytes(b)
}

/// Runs `body`, expecting a `ScenarioError`, and returns it.
private func reportsExpectScenarioError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation)
    -> ScenarioError?
{
    do {
        try body()
        Issue.record("expected a ScenarioError, got none", sourceLocation: sourceLocation)
    } catch let error as ScenarioError {
        return error
    } catch {
        Issue.record("expected a ScenarioError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

// MARK: - CSV

@Suite("CSV")
struct ReportsCSVTests {
    @Test func roundTripWithNastyFields() throws {
        let header = ["scenario", "note, with comma", "quote\"d", "multi\nline"]
        let rows = [
            ["a", "b", "c", "d"],
            ["", "", "", ""],
            ["comma,inside", "\"quoted\"", "line1\nline2", "crlf\r\nend"],
            [" leading space", "trailing space ", "ünïcödé ✅", "tab\there"],
            ["\"", "\"\"", ",", "\r"],
        ]
        let table = ResultTable(header: header, rows: rows)
        let text = table.csvText()
        let parsed = try ResultTable(csv: text, file: "nasty.csv")
        #expect(parsed.header == header)
        #expect(parsed.rows == rows)
        // Writing again gives the same bytes.
        #expect(parsed.csvText() == text)
        // Quoting only where needed.
        #expect(text.hasPrefix("scenario,\"note, with comma\",\"quote\"\"d\",\"multi\nline\"\n"))
        #expect(text.contains("\na,b,c,d\n"))
    }

    @Test func readsCRLFAndFinalLineWithoutBreak() throws {
        let table = try ResultTable(csv: "a,b\r\n1,2\r\n\"x\r\ny\",3", file: "crlf.csv")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "2"], ["x\r\ny", "3"]])
        #expect(table.rowLines == [2, 3])
        let bom = try ResultTable(csvBytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n1,\n".utf8), file: "bom.csv")
        #expect(bom.header == ["a", "b"])
        #expect(bom.rows == [["1", ""]])
    }

    @Test func lineNumbersCountLinesInsideQuotedFields() throws {
        let error = reportsExpectScenarioError {
            _ = try ResultTable(csv: "a,b\n\"one\ntwo\",1\n3\n", file: "lines.csv")
        }
        #expect(error?.file == "lines.csv")
        #expect(error?.line == 4)
        #expect(error?.expected.contains("2 fields") == true)
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        let error = reportsExpectScenarioError {
            _ = try ResultTable(csv: "a,b\n1,2\n3,\"open\nstill open\n", file: "open.csv")
        }
        #expect(error?.file == "open.csv")
        #expect(error?.line == 3)
        #expect(error?.found == "the end of the file")
    }

    @Test func textAfterClosingQuoteAndStrayQuoteAreErrors() {
        let after = reportsExpectScenarioError { _ = try ResultTable(csv: "a,b\n\"x\"y,1\n", file: "after.csv") }
        #expect(after?.line == 2)
        let stray = reportsExpectScenarioError { _ = try ResultTable(csv: "a,b\n1,x\"y\n", file: "stray.csv") }
        #expect(stray?.line == 2)
    }

    @Test func emptyFileAndDuplicateColumnAreErrors() {
        #expect(reportsExpectScenarioError { _ = try ResultTable(csv: "", file: "empty.csv") }?.line == 1)
        let duplicate = reportsExpectScenarioError { _ = try ResultTable(csv: "a,b,a\n", file: "dup.csv") }
        #expect(duplicate?.keyPath == "a")
    }

    @Test func missingColumnAndNonNumericValueNameColumnAndLine() throws {
        let table = try ResultTable(csv: "scenario,topology,offered\ns,t,10\ns,t,ten\n", file: "r.csv")
        let missing = reportsExpectScenarioError {
            try table.validate(required: ["scenario", "replication"], numeric: [])
        }
        #expect(missing?.keyPath == "replication")
        #expect(missing?.file == "r.csv")
        let numeric = reportsExpectScenarioError { try table.validate(required: [], numeric: ["offered"]) }
        #expect(numeric?.keyPath == "offered")
        #expect(numeric?.line == 3)
        #expect(numeric?.found == "'ten'")
    }

    @Test func readingAMissingFileNamesIt() {
        let error = reportsExpectScenarioError { _ = try ResultTable.read(path: "/nonexistent/summary.csv") }
        #expect(error?.file == "/nonexistent/summary.csv")
        #expect(error?.found == "no such file")
    }
}

// MARK: - Number format

@Suite("NumberFormat")
struct ReportsNumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (42.0, "42"), (-3.0, "-3"), (0.5, "0.5"), (1.0 / 3.0, "0.3333333333"),
        (2.0 / 3.0, "0.6666666667"), (1234.5, "1234.5"), (0.1 + 0.2, "0.3"), (1e-6, "0.000001"),
        (1.5e-7, "1.5e-07"), (-1.23456789012e-3, "-0.00123456789"), (123456.7890123, "123456.789"),
        (99.99, "99.99"), (999999999999999.0, "999999999999999"), (1e15, "1e+15"), (2.5e20, "2.5e+20"),
        (-2.5e-300, "-2.5e-300"), (9.99999999999, "10"), (Double.nan, ""), (Double.infinity, ""),
        (-Double.infinity, ""), (1234567890.25, "1234567890"),
    ])
    func format(value: Double, expected: String) {
        #expect(NumberFormat.format(value) == expected)
    }

    @Test func roundTripIsStable() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let bits = state >> 11
            let mantissa = Double(bits) / Double(1 << 53)
            let exponent = Int((state >> 3) % 50) - 25
            let x = (state & 1 == 0 ? 1 : -1) * mantissa * pow(10, Double(exponent))
            let once = NumberFormat.format(x)
            let back = NumberFormat.parse(once)
            #expect(back != nil, "\(x) → '\(once)' does not parse")
            if let back { #expect(NumberFormat.format(back) == once, "\(x) → '\(once)' is not stable") }
        }
    }

    @Test(arguments: [
        "", " 1", "1 ", "nan", "inf", "-inf", "0x10", "1,5", "--1", "1e", "1e+", ".", "e5", "1.2.3", "1e5.5",
    ])
    func parseRejects(text: String) {
        #expect(NumberFormat.parse(text) == nil)
    }

    @Test(arguments: [("1e5", 1e5), ("-2.5E-3", -2.5e-3), (".5", 0.5), ("+3", 3.0), ("42", 42.0), ("-0", 0.0)])
    func parseAccepts(text: String, value: Double) {
        #expect(NumberFormat.parse(text) == value)
    }
}

// MARK: - Summary

/// The figures of the hand-made rows, in the order their values are written (0.1.0's columns).
private let reportsRowFigures: [Figure] = [
    .offered, .succeeded, .availability, .firstTryAvailability, .timeAvailability, .latencyMean, .latencyP50,
    .latencyP90, .latencyP99, .latencyP999, .latencyMax, .e2eP99, .errors5xx, .timeouts, .throttled, .rejected,
    .messagesLost, .duplicates, .sessionsLost, .recovery, .events,
]

/// The metric fields of a replication row, in `ResultColumns.metrics` order, from values given
/// in ``reportsRowFigures`` order; figures added after these rows were written are empty.
private func reportsMetricFields(_ values: [String]) -> [String] {
    let byFigure = Dictionary(uniqueKeysWithValues: zip(reportsRowFigures, values))
    return ResultColumns.metrics.map { byFigure[$0] ?? "" }
}

/// A replication row with the given metric values (in ``reportsRowFigures`` order).
private func reportsReplicationRow(_ topology: String, _ rate: String, _ replication: Int, _ values: [String])
    -> [String]
{
    ["demo", topology, rate, String(replication)] + reportsMetricFields(values)
}

@Suite("Summary")
struct ReportsSummaryTests {
    static let sweep = ["workload.arrival.rate"]

    /// The hand-made table: three replications of `tight` and one of `alb`.
    static func table() -> ResultTable {
        // offered, succeeded, availability, first_try, time_avail, mean, p50, p90, p99, p999, max, e2e_p99,
        // 5xx, timeouts, throttled, rejected, lost, duplicates, sessions_lost, recovery_s, events
        let tight = [
            [
                "1000", "990", "0.99", "0.95", "1", "10", "8", "20", "50", "100", "200", "", "1", "0", "0", "5", "0",
                "0", "2", "30", "100000",
            ],
            [
                "1001", "981", "0.98", "0.95", "1", "11", "9", "20", "60", "", "350", "", "2", "0", "0", "5", "0", "1",
                "2", "45", "100001",
            ],
            [
                "1003", "973", "0.97", "0.95", "", "12", "10", "21", "70", "", "300", "", "3", "1", "0", "5", "0", "0",
                "2", "60", "100002",
            ],
        ]
        let alb = [
            "500", "500", "1", "1", "1", "5", "4", "6", "9", "12", "15", "30", "0", "0", "0", "0", "0", "0", "0", "",
            "5000",
        ]
        var rows = tight.enumerated().map { reportsReplicationRow("tight", "100/s", $0.offset + 1, $0.element) }
        rows.append(reportsReplicationRow("alb", "100/s", 1, alb))
        return ResultTable(
            header: ResultColumns.replicationsHeader(sweepColumns: sweep), rows: rows, source: "replications.csv")
    }

    @Test func headerHasEverySpecColumn() {
        let header = ResultColumns.summaryHeader(sweepColumns: [])
        let spec = [
            "scenario", "topology", "replications", "offered", "succeeded", "availability", "availability_ci95",
            "first_try_availability", "time_availability", "latency_mean_ms", "latency_p50_ms", "latency_p90_ms",
            "latency_p99_ms", "latency_p999_ms", "latency_max_ms", "latency_p50_ms_ci95", "latency_p99_ms_ci95",
            "latency_p999_ms_ci95", "e2e_p99_ms", "errors_5xx", "timeouts", "throttled", "rejected", "messages_lost",
            "duplicates", "sessions_lost", "recovery_s", "events",
        ]
        for column in spec { #expect(header.contains(column), "missing \(column)") }
        #expect(header.firstIndex(of: "availability_ci95") == header.firstIndex(of: "availability").map { $0 + 1 })
        #expect(Set(header).count == header.count)
    }

    @Test func knownMeansAndConfidenceIntervals() throws {
        let summary = try Summary.compute(replications: Self.table(), sweepColumns: Self.sweep)
        #expect(summary.header == ResultColumns.summaryHeader(sweepColumns: Self.sweep))
        #expect(summary.rows.count == 2)
        func value(_ row: Int, _ column: String) -> String? {
            summary.columnIndex(column).map { summary.rows[row][$0] }
        }
        let expected: [String: String] = [
            "scenario": "demo", "topology": "tight", "workload.arrival.rate": "100/s", "replications": "3",
            "offered": "1001.333333", "succeeded": "981.3333333",
            "availability": "0.98", "availability_ci95": "0.02484137712",
            "first_try_availability": "0.95", "first_try_availability_ci95": "0",
            "time_availability": "1", "time_availability_ci95": "0",
            "latency_mean_ms": "11", "latency_p50_ms": "9", "latency_p50_ms_ci95": "2.484137712",
            "latency_p90_ms": "20.33333333", "latency_p99_ms": "60", "latency_p99_ms_ci95": "24.84137712",
            "latency_p999_ms": "100", "latency_p999_ms_ci95": "", "latency_max_ms": "350",
            "e2e_p99_ms": "", "e2e_p99_ms_ci95": "", "errors_5xx": "2", "timeouts": "0.3333333333",
            "throttled": "0", "rejected": "5", "messages_lost": "0", "duplicates": "0.3333333333",
            "sessions_lost": "2", "recovery_s": "45", "recovery_s_ci95": "37.26206568", "events": "100001",
        ]
        for (column, text) in expected {
            #expect(value(0, column) == text, "tight \(column)")
        }
        // One replication: the means are the values, every CI is empty.
        #expect(value(1, "topology") == "alb")
        #expect(value(1, "replications") == "1")
        #expect(value(1, "availability") == "1")
        #expect(value(1, "availability_ci95") == "")
        #expect(value(1, "e2e_p99_ms") == "30")
        #expect(value(1, "recovery_s") == "")
    }

    @Test func extraMetricColumnsAreAveragedAndAppended() throws {
        var table = Self.table()
        table.header.append("carbon_kg")
        for i in table.rows.indices { table.rows[i].append(String(i + 1)) }
        let summary = try Summary.compute(replications: table, sweepColumns: Self.sweep)
        #expect(summary.header.last == "carbon_kg")
        #expect(summary.rows[0].last == "2")
        #expect(summary.rows[1].last == "4")
    }

    @Test func nonNumericValueIsAnErrorNamingColumnAndLine() {
        var table = Self.table()
        table.rows[2][table.columnIndex("latency_p99_ms") ?? 0] = "fast"
        let error = reportsExpectScenarioError {
            _ = try Summary.compute(replications: table, sweepColumns: Self.sweep)
        }
        #expect(error?.keyPath == "latency_p99_ms")
        #expect(error?.line == 4)
    }
}

// MARK: - Synthetic results

/// A small synthetic result: 2 topologies × sweep points × replications, with every table.
private func reportsSyntheticRows(
    scenario: String = "demo", topologies: [String] = ["tight", "alb"], points: [String] = ["100/s", "400/s"],
    replications: [Int] = [1, 2, 3]
) -> (replications: [[String]], timeseries: [[String]], faults: [[String]], latency: [[String]]) {
    var reps: [[String]] = []
    var series: [[String]] = []
    var faults: [[String]] = []
    var latency: [[String]] = []
    for point in points {
        // Values depend on the point itself, not on its position in `points`, so that shards
        // by sweep point produce the same rows as the whole run.
        let p = ["100/s", "400/s"].firstIndex(of: point) ?? 0
        for (t, topology) in topologies.enumerated() {
            for r in replications {
                let seed = Double(p * 100 + t * 10 + r)
                let offered = 1000 + seed
                let succeeded = offered - Double(t == 0 ? 20 + r : r)
                var values = [
                    NumberFormat.format(offered), NumberFormat.format(succeeded),
                    NumberFormat.format(succeeded / offered),
                    NumberFormat.format(0.95 + seed / 10_000), NumberFormat.format(t == 0 ? 0.9 : 1),
                ]
                let base = (t == 0 ? 20.0 : 12.0) * Double(p + 1)
                values += [base, base * 0.8, base * 2, base * 4 + seed / 7, base * 8, base * 12].map(
                    NumberFormat.format)
                values += [
                    t == 0 ? "" : NumberFormat.format(base * 5), String(r), "0", "0", String(t), "0", "0",
                    String(r % 2),
                ]
                values += [t == 0 ? NumberFormat.format(30 + seed) : "", String(50_000 + Int(seed))]
                reps.append([scenario, topology, point, String(r)] + reportsMetricFields(values))
                for w in 0..<6 {
                    let o = 100 + w
                    let down = (w == 2 || w == 3) && t == 0
                    let s = down ? o / 2 + r : o - (w + r) % 2
                    let depth = t == 1 ? (w * r) % 5 : 0
                    series.append(
                        [
                            scenario, topology, point, String(r), String(w * 10), String(o), String(s),
                            NumberFormat.format(base * 4 + Double(w)), String(depth), String(3 - (down ? 1 : 0)),
                            NumberFormat.format(Double(depth) * 0.5),
                        ])
                }
                faults.append([scenario, topology, point, String(r), "crash", "backend", "20", "40", ""])
                if t == 1 {
                    faults.append([
                        scenario, topology, point, String(r), "latency", "cache", "5", "15",
                        "topology has no component 'cache'; fault ignored",
                    ])
                }
                for (i, q) in ResultColumns.latencyPercentiles.enumerated() {
                    latency.append([
                        scenario, topology, point, String(r), NumberFormat.format(q),
                        NumberFormat.format(base * 0.1 * Double(i + 1) + seed / 100),
                    ])
                }
            }
        }
    }
    return (reps, series, faults, latency)
}

private func reportsSyntheticInfo(scenario: String = "demo", shard: String? = nil) -> RunInfo {
    RunInfo(
        scenario: scenario, scenarioHash: "abc123", seed: 42, version: "0.1.0", replications: 3,
        topologies: ["tight", "alb"], sweepColumns: ["workload.arrival.rate"], sweepPoints: [["100/s"], ["400/s"]],
        wallTimeSeconds: 1.5, events: 0, shard: shard)
}

private func reportsSyntheticSet(
    scenario: String = "demo", points: [String] = ["100/s", "400/s"], replications: [Int] = [1, 2, 3],
    shard: String? = nil, reversed: Bool = false
) throws -> ResultSet {
    let sweep = ["workload.arrival.rate"]
    var rows = reportsSyntheticRows(scenario: scenario, points: points, replications: replications)
    if reversed {
        rows = (
            rows.replications.reversed(), rows.timeseries.reversed(), rows.faults.reversed(), rows.latency.reversed()
        )
    }
    return try ResultSet.assemble(
        info: reportsSyntheticInfo(scenario: scenario, shard: shard),
        replications: ResultTable(
            header: ResultColumns.replicationsHeader(sweepColumns: sweep), rows: rows.replications),
        timeseries: ResultTable(header: ResultColumns.timeseriesHeader(sweepColumns: sweep), rows: rows.timeseries),
        faults: ResultTable(header: ResultColumns.faultsHeader(sweepColumns: sweep), rows: rows.faults),
        latency: ResultTable(header: ResultColumns.latencyHeader(sweepColumns: sweep), rows: rows.latency))
}

// MARK: - Result sets and merge

@Suite("ResultSet and merge")
struct ReportsMergeTests {
    static let csvFiles = ["summary.csv", "replications.csv", "timeseries.csv", "faults.csv", "latency.csv"]

    @Test func writeReadRoundTripAndCanonicalOrder() throws {
        let dir = try reportsTemporaryFolder("roundtrip")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let set = try reportsSyntheticSet(reversed: true)
        // Canonical order: sweep point, then topology in run.json order, then replication.
        #expect(set.replications.rows.first?[1] == "tight")
        #expect(set.replications.rows.first?[2] == "100/s")
        #expect(set.replications.rows.first?[3] == "1")
        #expect(set.replications.rows.last?[1] == "alb")
        #expect(set.replications.rows.last?[2] == "400/s")
        #expect(set.faults.rows.first?[6] == "20")
        #expect(set.faults.rows.first?[1] == "tight")
        let written = try set.write(folder: dir + "/out")
        #expect(written.count == 7)
        let back = try ResultSet.read(folder: dir + "/out")
        #expect(back.info == set.info)
        #expect(back.replications == set.replications)
        #expect(back.timeseries == set.timeseries)
        #expect(back.faults == set.faults)
        #expect(back.latency == set.latency)
        #expect(back.summary == set.summary)
        let json = String(decoding: reportsFileBytes(dir + "/out/run.json"), as: UTF8.self)
        #expect(json.contains("\"shard\" : null"))
        #expect(json.contains("\"sweep_points\""))
        // No temporary file is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(names == ResultSet.fileNames.sorted())
    }

    @Test func mergeOfShardsIsByteIdenticalToTheWholeRun() throws {
        let dir = try reportsTemporaryFolder("merge")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet().write(folder: dir + "/whole")
        // Shards by replication, rows produced in another order.
        try reportsSyntheticSet(replications: [1, 3], shard: "1/2", reversed: true).write(folder: dir + "/s1")
        try reportsSyntheticSet(replications: [2], shard: "2/2").write(folder: dir + "/s2")
        let out = try Merge.run(inputs: [dir + "/s2", dir + "/s1"], out: dir + "/merged")
        #expect(out == [dir + "/merged"])
        for name in Self.csvFiles {
            #expect(reportsSameBytes(dir + "/whole/" + name, dir + "/merged/" + name), "\(name) differs")
        }
        let info = try RunInfo.read(path: dir + "/merged/run.json")
        #expect(info.shard == nil)
        #expect(info.wallTimeSeconds == 3)
        // Shards by sweep point.
        try reportsSyntheticSet(points: ["100/s"], shard: "1/2").write(folder: dir + "/p1")
        try reportsSyntheticSet(points: ["400/s"], shard: "2/2").write(folder: dir + "/p2")
        _ = try Merge.run(inputs: [dir + "/p1", dir + "/p2"], out: dir + "/merged2")
        for name in Self.csvFiles {
            #expect(reportsSameBytes(dir + "/whole/" + name, dir + "/merged2/" + name), "\(name) differs")
        }
    }

    @Test func mergeOfSuiteFolders() throws {
        let dir = try reportsTemporaryFolder("suite")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet(scenario: "one").write(folder: dir + "/whole/one")
        try reportsSyntheticSet(scenario: "two").write(folder: dir + "/whole/two")
        try reportsSyntheticSet(scenario: "one", replications: [1], shard: "1/2").write(folder: dir + "/a/one")
        // A scenario in one input only: a whole run, rewritten as it is.
        try reportsSyntheticSet(scenario: "two").write(folder: dir + "/a/two")
        try reportsSyntheticSet(scenario: "one", replications: [2, 3], shard: "2/2").write(folder: dir + "/b/one")
        let out = try Merge.run(inputs: [dir + "/a", dir + "/b"], out: dir + "/merged")
        #expect(out == [dir + "/merged/one", dir + "/merged/two"])
        for scenario in ["one", "two"] {
            for name in Self.csvFiles {
                #expect(reportsSameBytes("\(dir)/whole/\(scenario)/\(name)", "\(dir)/merged/\(scenario)/\(name)"))
            }
        }
    }

    @Test func mergeRejectsOtherScenarioHashOrConflictingRows() throws {
        let a = try reportsSyntheticSet(replications: [1, 2])
        var other = try reportsSyntheticSet(replications: [3])
        other.info.scenarioHash = "different"
        other.source = "shard2"
        let hash = reportsExpectScenarioError { _ = try ResultSet.merge([a, other]) }
        #expect(hash?.keyPath == "scenario_hash")
        #expect(hash?.file == "shard2/run.json")

        // Shards written before 0.2 (no work units in run.json) may overlap, if they agree.
        let first = try reportsSyntheticSet(replications: [1, 2], shard: "1/2")
        var conflicting = try reportsSyntheticSet(replications: [2], shard: "2/2")
        let column = conflicting.replications.columnIndex("latency_p99_ms") ?? 0
        conflicting.replications.rows[0][column] = "999"
        let conflict = reportsExpectScenarioError { _ = try ResultSet.merge([first, conflicting]) }
        #expect(conflict?.keyPath == "replication")
        #expect(conflict?.expected.contains("replication 2") == true)
    }

    @Test func readingAFolderWithABadValueNamesFileLineAndColumn() throws {
        let dir = try reportsTemporaryFolder("bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet().write(folder: dir)
        var text = String(decoding: reportsFileBytes(dir + "/timeseries.csv"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[5] = "lots"  // the `offered` column
        lines[3] = fields.joined(separator: ",")
        text = lines.joined(separator: "\n")
        try AtomicFile.write(text, folder: dir, name: "timeseries.csv")
        let error = reportsExpectScenarioError { _ = try ResultSet.read(folder: dir) }
        #expect(error?.file == dir + "/timeseries.csv")
        #expect(error?.keyPath == "offered")
        #expect(error?.line == 4)
    }

    @Test func outputNamesCannotEscapeTheFolder() {
        #expect(throws: ReportError.self) { try AtomicFile.path(in: "/tmp/x", name: "../evil") }
        #expect(throws: ReportError.self) { try AtomicFile.path(in: "/tmp/x", name: "a/b") }
        #expect(throws: ReportError.self) { try AtomicFile.path(in: "/tmp/x", name: "..") }
        #expect((try? AtomicFile.path(in: "/tmp/x", name: "summary.csv")) == "/tmp/x/summary.csv")
    }
}

// MARK: - Compare

/// Writes a summary.csv with the given p99 (and CI), availability (and CI) per topology.
private func reportsWriteSummary(
    _ folder: String, scenario: String = "demo",
    rows: [(topology: String, p99: String, p99ci: String, availability: String, availabilityCI: String)],
    withCI: Bool = true
) throws {
    var header = ["scenario", "topology", "replications", "availability"]
    if withCI { header.append("availability_ci95") }
    header += ["latency_p50_ms", "latency_p99_ms"]
    if withCI { header.append("latency_p99_ms_ci95") }
    var table = ResultTable(header: header)
    for r in rows {
        var row = [scenario, r.topology, "5", r.availability]
        if withCI { row.append(r.availabilityCI) }
        row += ["10", r.p99]
        if withCI { row.append(r.p99ci) }
        table.rows.append(row)
    }
    try AtomicFile.createFolder(folder)
    try AtomicFile.write(table.csvText(), folder: folder, name: "summary.csv")
}

@Suite("Compare")
struct ReportsCompareTests {
    @Test func thresholdParsing() throws {
        #expect(try CompareOptions.parseThreshold("10%", for: .latencyP99, option: "--max-latency-regression") == .relative(0.1))
        #expect(try CompareOptions.parseThreshold("5ms", for: .latencyP99, option: "--x") == .absolute(5))
        #expect(try CompareOptions.parseThreshold("0.001", for: .availability, option: "--x") == .absolute(0.001))
        #expect(try CompareOptions.parseThreshold(" 0.1 % ", for: .availability, option: "--x") == .absolute(0.001))
        do {
            _ = try CompareOptions.parseThreshold("ten", for: .latencyP99, option: "--max-latency-regression")
            Issue.record("no error")
        } catch let error as ReportError {
            #expect(error.kind == .badArgument)
            #expect(error.exitCode == 64)
            #expect(error.message.contains("--max-latency-regression"))
        }
        #expect(throws: ReportError.self) { try CompareOptions.parseThreshold("-5%", for: .latencyP99, option: "--x") }
    }

    @Test func noRegressionWithinTheConfidenceInterval() throws {
        let dir = try reportsTemporaryFolder("cmp-ci")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsWriteSummary(dir + "/base", rows: [("alb", "100", "20", "0.999", "0.0001")])
        try reportsWriteSummary(dir + "/cur", rows: [("alb", "115", "20", "0.9985", "0.0001")])
        let report = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        #expect(report.regressions == 0)
        let p99 = report.cases.first { $0.metric == "latency_p99_ms" }
        #expect(p99?.status == .pass)
        #expect(p99?.note.contains("within the 95 % interval") == true)
        #expect(report.render(.table).contains("OK: "))
    }

    @Test func regressionBeyondThresholdAndConfidenceInterval() throws {
        let dir = try reportsTemporaryFolder("cmp-reg")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsWriteSummary(
            dir + "/base", rows: [("alb", "100", "5", "0.999", "0.0001"), ("sqs", "100", "5", "0.999", "0.0001")])
        try reportsWriteSummary(
            dir + "/cur", rows: [("alb", "150", "5", "0.999", "0.0001"), ("sqs", "108", "1", "0.999", "0.0001")])
        let report = try Comparison.run(
            baseline: dir + "/base/summary.csv", current: dir + "/cur", options: CompareOptions())
        #expect(report.regressions == 1)
        let failing = report.cases.filter { $0.status == .regression }
        #expect(failing.map(\.topology) == ["alb"])
        #expect(failing.first?.metric == "latency_p99_ms")
        // A looser threshold accepts it.
        let loose = try Comparison.run(
            baseline: dir + "/base", current: dir + "/cur", options: CompareOptions(thresholds: [.latencyP99: .relative(0.6)]))
        #expect(loose.regressions == 0)
        let text = report.render(.table)
        #expect(text.contains("FAIL"))
        #expect(text.contains("REGRESSION: "))
    }

    @Test func thresholdAloneWithoutConfidenceIntervals() throws {
        let dir = try reportsTemporaryFolder("cmp-noci")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsWriteSummary(
            dir + "/base", rows: [("a", "100", "", "1", ""), ("b", "100", "", "1", "")], withCI: false)
        try reportsWriteSummary(
            dir + "/cur", rows: [("a", "111", "", "1", ""), ("b", "109", "", "1", "")], withCI: false)
        let report = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        #expect(report.cases.filter { $0.status == .regression }.map(\.topology) == ["a"])
    }

    @Test func availabilityDrop() throws {
        let dir = try reportsTemporaryFolder("cmp-avail")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsWriteSummary(
            dir + "/base", rows: [("a", "10", "1", "0.999", "0.0001"), ("b", "10", "1", "0.999", "0.002")])
        try reportsWriteSummary(
            dir + "/cur", rows: [("a", "10", "1", "0.99", "0.0001"), ("b", "10", "1", "0.997", "0.002")])
        let report = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        let failing = report.cases.filter { $0.status == .regression }
        // a: drop 0.009 beyond CI; b: drop 0.002 > 0.001 but within the combined CI (0.0028).
        #expect(failing.map(\.topology) == ["a"])
        #expect(failing.first?.metric == "availability")
    }

    @Test func missingRowIsAWarningUnlessStrict() throws {
        let dir = try reportsTemporaryFolder("cmp-missing")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsWriteSummary(
            dir + "/base", rows: [("alb", "100", "5", "0.999", "0.0001"), ("sqs", "100", "5", "0.999", "0.0001")])
        try reportsWriteSummary(
            dir + "/cur", rows: [("alb", "100", "5", "0.999", "0.0001"), ("sns", "100", "5", "0.999", "0.0001")])
        let report = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        #expect(report.missing.map(\.topology) == ["sqs"])
        #expect(report.added.map(\.topology) == ["sns"])
        #expect(report.regressions == 0)
        #expect(report.render(.table).contains("warning: missing in current: demo / sqs"))
        let strict = try Comparison.run(
            baseline: dir + "/base", current: dir + "/cur", options: CompareOptions(strict: true))
        #expect(strict.regressions == 1)
    }

    @Test func nothingInCommonIsAnError() throws {
        let dir = try reportsTemporaryFolder("cmp-none")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsWriteSummary(dir + "/base", rows: [("alb", "100", "5", "0.999", "0.0001")])
        try reportsWriteSummary(dir + "/cur", scenario: "other", rows: [("alb", "100", "5", "0.999", "0.0001")])
        _ = reportsExpectScenarioError {
            _ = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        }
        _ = reportsExpectScenarioError {
            _ = try Comparison.run(baseline: dir + "/nothing", current: dir + "/cur", options: CompareOptions())
        }
    }

    @Test func suiteFoldersWithSweepsAreMatched() throws {
        let dir = try reportsTemporaryFolder("cmp-suite")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet(scenario: "one").write(folder: dir + "/base/one")
        try reportsSyntheticSet(scenario: "two").write(folder: dir + "/base/two")
        try reportsSyntheticSet(scenario: "one").write(folder: dir + "/cur/one")
        try reportsSyntheticSet(scenario: "two").write(folder: dir + "/cur/two")
        let report = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        #expect(report.regressions == 0)
        #expect(report.missing.isEmpty)
        // 2 scenarios × 2 topologies × 2 sweep points × every gated figure.
        #expect(report.cases.count == 8 * CompareOptions().gatedFigures.count)
        #expect(report.cases.first?.sweep == ["workload.arrival.rate=100/s"])
        // e2e_p99_ms is empty for `tight`: no value, not failed.
        #expect(report.cases.contains { $0.status == .noValue && $0.metric == "e2e_p99_ms" })
    }

    /// Counts elements and checks well-formedness with Foundation's XML parser.
    final class JUnitCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        var attributes: [String: [String: String]] = [:]
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            counts[name, default: 0] += 1
            if self.attributes[name] == nil { self.attributes[name] = attributes }
        }
    }

    @Test func markdownAndJUnitAreWellFormed() throws {
        let dir = try reportsTemporaryFolder("cmp-format")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let nasty = "a<b>&\"c'|d"
        try reportsWriteSummary(
            dir + "/base", scenario: nasty,
            rows: [
                ("alb", "100", "5", "0.999", "0.0001"), ("sqs", "100", "5", "0.999", "0.0001"),
                ("gone", "1", "", "1", ""),
            ])
        try reportsWriteSummary(
            dir + "/cur", scenario: nasty,
            rows: [("alb", "150", "5", "0.999", "0.0001"), ("sqs", "100", "5", "0.98", "0.0001")])
        let report = try Comparison.run(baseline: dir + "/base", current: dir + "/cur", options: CompareOptions())
        #expect(report.regressions == 2)

        let markdown = report.render(.markdown)
        #expect(markdown.hasPrefix("## topobench compare"))
        #expect(markdown.contains("❌ **2 regressions**"))
        #expect(markdown.contains("| ✅ |"))
        #expect(markdown.contains("a<b>&\"c'\\|d"))
        // Every table line has the same number of unescaped cell separators as its header.
        for block in markdown.components(separatedBy: "\n\n") where block.hasPrefix("| ") {
            let lines = block.split(separator: "\n").filter { $0.hasPrefix("|") }
            let separators = lines.map { line -> Int in
                var count = 0
                var previous: Character = " "
                for ch in line {
                    if ch == "|" && previous != "\\" { count += 1 }
                    previous = ch
                }
                return count
            }
            #expect(Set(separators).count == 1, "ragged table: \(block)")
        }

        let junit = report.render(.junit)
        let counter = JUnitCounter()
        let parser = XMLParser(data: Data(junit.utf8))
        parser.delegate = counter
        #expect(parser.parse(), "junit is not well-formed XML: \(junit)")
        // 2 matched rows × every gated figure (those without a column: not compared) + 1 missing row.
        let testcases = 2 * CompareOptions().gatedFigures.count + 1
        #expect(counter.counts["testcase"] == testcases)
        #expect(counter.counts["failure"] == 2)
        #expect(counter.counts["testsuite"] == 1)
        #expect(counter.attributes["testsuite"]?["name"] == nasty)
        #expect(counter.attributes["testsuites"]?["failures"] == "2")
        #expect(counter.attributes["testsuites"]?["tests"] == String(testcases))
    }
}

// MARK: - Plots

@Suite("Plots")
struct ReportsPlotTests {
    @Test func scriptsDataAndPictures() throws {
        let dir = try reportsTemporaryFolder("plots")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet().write(folder: dir + "/result")
        let hasGnuplot = Plots.findExecutable("gnuplot") != nil
        var written: [String] = []
        do {
            written = try Plots.make(from: dir + "/result", to: dir + "/plots")
        } catch let error as ReportError where error.kind == .toolUnavailable && !hasGnuplot {
            #expect(error.message.contains("gnuplot"))
        }
        let names = Set((try FileManager.default.contentsOfDirectory(atPath: dir + "/plots")))
        // Two sweep points: CDF, success ratio and queues per point, named by the point's
        // value, and p99 against load.
        for base in [
            "latency_cdf-rate=100_s", "latency_cdf-rate=400_s", "success_ratio-rate=100_s", "success_ratio-rate=400_s",
            "queues-rate=100_s", "queues-rate=400_s", "p99_vs_load",
        ] {
            #expect(names.contains(base + ".gp"), "\(base).gp")
            #expect(names.contains(base + ".dat"), "\(base).dat")
            if hasGnuplot {
                #expect(names.contains(base + ".png"), "\(base).png")
                #expect(names.contains(base + ".svg"), "\(base).svg")
                let png = reportsFileBytes(dir + "/plots/" + base + ".png")
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                let svg = String(decoding: reportsFileBytes(dir + "/plots/" + base + ".svg"), as: UTF8.self)
                #expect(svg.contains("<svg"))
            }
        }
        if hasGnuplot { #expect(written.count == 7 * 4) }
        let script = String(decoding: reportsFileBytes(dir + "/plots/success_ratio-rate=100_s.gp"), as: UTF8.self)
        #expect(script.contains("'success_ratio-rate=100_s.dat'"))
        // The crash is a shaded band from its start to its end, labelled with kind and target.
        #expect(script.contains("set object 1 rect from first 20, graph 0 to first 40, graph 1 behind"))
        #expect(script.contains("set label 1 'crash backend' at first 20, graph 1"))
        // The fault that alb ignored (no `cache` component) is not drawn.
        #expect(!script.contains("from first 5,"))
        #expect(!script.contains("latency cache"))
        #expect(script.contains("title 'alb'"))
        let p99 = String(decoding: reportsFileBytes(dir + "/plots/p99_vs_load.dat"), as: UTF8.self)
        #expect(p99.contains("# index 0: tight"))
        #expect(p99.contains("\"100/s\""))
    }

    /// Issue 16: a missing gnuplot is EX_UNAVAILABLE (69) with the install command, not 70.
    @Test func missingGnuplotIsUnavailableWithTheInstallCommand() throws {
        let dir = try reportsTemporaryFolder("plots-nognuplot")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet().write(folder: dir + "/result")
        let error = #expect(throws: ReportError.self) {
            try Plots.make(from: dir + "/result", to: dir + "/plots", searchPath: dir + "/no-such-bin")
        }
        #expect(error?.kind == .toolUnavailable)
        #expect(error?.exitCode == 69)
        #expect(error?.message.hasPrefix("gnuplot is not installed; install it with `apt-get install gnuplot-nox`") == true)
        // The scripts and data are written first.
        #expect(FileManager.default.fileExists(atPath: dir + "/plots/p99_vs_load.gp"))
        // `topobench plot` exits 69 (EX_UNAVAILABLE) with the same message.
        let cli = try SafeOutputTests.cli(["plot", dir + "/result", "--out", dir + "/cli"], environment: ["PATH": dir + "/no-such-bin"])
        #expect(cli.status == 69)
        #expect(cli.stderr.hasPrefix("error: gnuplot is not installed; install it with `apt-get install gnuplot-nox`"), "\(cli.stderr)")
    }

    @Test func outputIsDeterministic() throws {
        guard Plots.findExecutable("gnuplot") != nil else { return }
        let dir = try reportsTemporaryFolder("plots-det")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try reportsSyntheticSet().write(folder: dir + "/result")
        let first = try Plots.make(from: dir + "/result", to: dir + "/a")
        let second = try Plots.make(from: dir + "/result", to: dir + "/b")
        #expect(first.count == second.count)
        for path in first {
            let name = URL(fileURLWithPath: path).lastPathComponent
            #expect(reportsSameBytes(dir + "/a/" + name, dir + "/b/" + name), "\(name) differs between runs")
        }
    }

    @Test func noQueuePlotWithoutQueuesAndNoLoadPlotWithoutSweep() throws {
        let rows = reportsSyntheticRows(points: [""])
        func strip(_ rows: [[String]]) -> [[String]] { rows.map { Array($0[0..<2]) + Array($0[3...]) } }
        var series = strip(rows.timeseries)
        for i in series.indices {
            series[i][7] = "0"
            series[i][9] = "0"
        }
        let set = try ResultSet.assemble(
            info: RunInfo(
                scenario: "flat", scenarioHash: "h", seed: 1, version: "v", replications: 3,
                topologies: ["tight", "alb"]),
            replications: ResultTable(
                header: ResultColumns.replicationsHeader(sweepColumns: []), rows: strip(rows.replications)),
            timeseries: ResultTable(header: ResultColumns.timeseriesHeader(sweepColumns: []), rows: series),
            faults: ResultTable(header: ResultColumns.faultsHeader(sweepColumns: []), rows: strip(rows.faults)),
            latency: ResultTable(header: ResultColumns.latencyHeader(sweepColumns: []), rows: strip(rows.latency)))
        let pictures = try Plots.pictures(for: set)
        #expect(pictures.map(\.name) == ["latency_cdf", "success_ratio"])
    }

    /// The `set style line` lines of a script, by number: (colour, dash pattern).
    static func lineStyles(_ script: String) -> [Int: (colour: String, dash: String)] {
        var out: [Int: (String, String)] = [:]
        for line in script.split(separator: "\n") where line.hasPrefix("set style line ") {
            let words = line.split(separator: " ").map(String.init)
            guard let n = Int(words[3]), let lc = words.firstIndex(of: "rgb"), let dt = words.firstIndex(of: "dt") else { continue }
            out[n] = (words[lc + 1], words[dt + 1])
        }
        return out
    }

    /// Issue: curves that overlap stay visible: each series has its own colour and dash pattern,
    /// and the plot uses them.
    @Test func everySeriesHasItsOwnColourAndDashPattern() throws {
        let pictures = try Plots.pictures(for: try reportsSyntheticSet())
        for picture in pictures where ["latency_cdf", "success_ratio", "queues", "p99_vs_load"].contains(where: picture.name.hasPrefix) {
            let styles = Self.lineStyles(picture.script)
            #expect(styles.count == 2, "\(picture.name): \(styles)")
            #expect(Set(styles.values.map(\.colour)).count == styles.count, "\(picture.name) colours")
            #expect(Set(styles.values.map(\.dash)).count == styles.count, "\(picture.name) dash patterns")
            #expect(picture.script.contains(" ls 1 title 'tight'"), "\(picture.name)")
            #expect(picture.script.contains(" ls 2 title 'alb'"), "\(picture.name)")
            #expect(picture.script.contains("set key outside"), "\(picture.name): the key is outside the data")
        }
        // Past eight series the colours repeat, but no two of the first 64 share colour and dash.
        let many = Plots.seriesStyles(64).map { line in
            let words = line.split(separator: " ").map(String.init)
            return (words[words.firstIndex(of: "rgb")! + 1], words[words.firstIndex(of: "dt")! + 1])
        }
        #expect(Set(many.map { "\($0.0) \($0.1)" }).count == 64)
        #expect(Set(many.prefix(8).map(\.0)).count == 8)
        #expect(Set(many.prefix(8).map(\.1)).count == 8)
    }

    /// The latency picture is a complementary CDF on log–log axes, down to p99.99.
    @Test func latencyIsAComplementaryCDFOnLogAxes() throws {
        let pictures = try Plots.pictures(for: try reportsSyntheticSet())
        let cdf = try #require(pictures.first { $0.name == "latency_cdf-rate=100_s" })
        #expect(cdf.script.contains("set logscale xy"))
        #expect(cdf.script.contains("set yrange [0.0001:1]"))
        #expect(cdf.script.contains("'0.01 (p99)' 0.01"))
        #expect(cdf.script.contains("using 2:3 with linespoints ls 1"))
        // Column 3 is 1 − percentile/100; the maximum (1 − F = 0) is left out.
        var rows = 0
        for line in cdf.data.split(separator: "\n") where !line.hasPrefix("#") {
            let v = line.split(separator: " ").compactMap { Double($0) }
            #expect(v.count == 3)
            #expect(v[0] < 100)
            #expect(abs(v[2] - (100 - v[0]) / 100) < 1e-9, "\(line)")
            rows += 1
        }
        #expect(rows == 2 * (ResultColumns.latencyPercentiles.count - 1))
    }

    /// Pictures of a sweep point are named by its values, filesystem-safe and unique.
    @Test func sweepPictureNamesComeFromTheValues() {
        func info(_ columns: [String], _ points: [[String]]) -> RunInfo {
            RunInfo(scenario: "s", scenarioHash: "h", seed: 1, version: "v", replications: 1, topologies: ["t"], sweepColumns: columns, sweepPoints: points)
        }
        #expect(Plots.pointSuffixes(info([], [[]])) == [""])
        #expect(Plots.pointSuffixes(info(["workload.arrival.rate"], [["100/s"], ["400/s"]])) == ["-rate=100_s", "-rate=400_s"])
        #expect(
            Plots.pointSuffixes(info(["workload.arrival.rate", "faults.0.duration"], [["100/s", "250ms"], ["1.5/m", "1s"]]))
                == ["-rate=100_s-duration=250ms", "-rate=1.5_m-duration=1s"])
        // Two columns that end alike keep more of their paths.
        #expect(Plots.pointSuffixes(info(["faults.0.duration", "faults.1.duration"], [["1s", "2s"]])) == ["-0.duration=1s-1.duration=2s"])
        // Values that differ only in characters a file name cannot hold get their index.
        #expect(Plots.pointSuffixes(info(["x"], [["a/b"], ["a b"], ["c"]])) == ["-x=a_b-1", "-x=a_b-2", "-x=c"])
        for suffix in Plots.pointSuffixes(info(["k"], [["../../etc"], ["<a>|\"*?"]])) {
            #expect(!suffix.contains("/") && !suffix.contains("\"") && !suffix.contains("<"), "\(suffix)")
        }
    }

    /// No latency, ratio or cost axis goes below 0, and an error bar wider than its value stops at 0.
    @Test func noNegativeAxesAndErrorBarsClippedAtZero() throws {
        var set = try reportsSyntheticSet()
        let ci = try set.summary.requireColumn(Figure.latencyP99.ciColumn)
        for r in set.summary.rows.indices { set.summary.rows[r][ci] = "1000000" }
        let pictures = try Plots.pictures(for: set)
        let p99 = try #require(pictures.first { $0.name == "p99_vs_load" })
        #expect(p99.script.contains("set yrange [0:*]"))
        var lines = 0
        for line in p99.data.split(separator: "\n") where !line.hasPrefix("#") {
            let v = line.split(separator: " ").compactMap { Double($0) }
            #expect(v[2] == 0, "the low end of the error bar: \(line)")
            #expect(abs(v[3] - v[1] - 1_000_000) < 0.01, "\(line)")
            lines += 1
        }
        #expect(lines == 4)
        #expect(p99.script.contains("using 1:2:3:4 with yerrorbars"))
        for picture in pictures {
            let ranges = picture.script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("set yrange") }
            #expect(!ranges.isEmpty, "\(picture.name) has no y range")
            for r in ranges {
                #expect(r.hasPrefix("set yrange [0:") || r.hasPrefix("set yrange [0<*:") || r.hasPrefix("set yrange [0.0001:"), "\(picture.name): \(r)")
            }
        }
    }

    /// An instant fault (start = end) is a labelled vertical line, drawn by gnuplot.
    @Test func anInstantFaultIsALabelledLine() throws {
        var set = try reportsSyntheticSet()
        let width = set.faults.header.count
        for r in [1, 2, 3] {
            var row = ["demo", "tight", "100/s", String(r), "kill", "web[0]", "22", "22", ""]
            row += Array(repeating: "", count: max(0, width - row.count))
            set.faults.rows.append(row)
        }
        let pictures = try Plots.pictures(for: set)
        let ratio = try #require(pictures.first { $0.name == "success_ratio-rate=100_s" })
        #expect(ratio.script.contains("set arrow 2 from first 22, graph 0 to first 22, graph 1 nohead"))
        #expect(ratio.script.contains("set label 2 'kill web[0] (instant)' at first 22, graph 1"))
        #expect(ratio.script.contains("keyentry with lines"))
        // The two labels overlap in time: the second one goes on a row of its own.
        #expect(ratio.script.contains("offset 0, char 2.2 left"))
        // The other sweep point has no instant fault.
        let other = try #require(pictures.first { $0.name == "success_ratio-rate=400_s" })
        #expect(!other.script.contains("(instant)"))
        guard Plots.findExecutable("gnuplot") != nil else { return }
        let dir = try reportsTemporaryFolder("plots-instant")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try set.write(folder: dir + "/result")
        let written = try Plots.make(from: dir + "/result", to: dir + "/plots")
        #expect(written.contains { $0.hasSuffix("success_ratio-rate=100_s.svg") })
    }
}
