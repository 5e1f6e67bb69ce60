import Foundation
import Testing

@testable import TopoBench

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Helpers over the committed quick results (`results/quick`, the CI baseline).
enum QuickResults {
    static var folder: String { Repo.path("results/quick") }

    /// A copy of one scenario's result folder (or of the whole suite's, for `nil`) in a fresh
    /// temporary folder.
    static func copy(_ scenario: String?, label: String) throws -> String {
        let dir = Repo.temporaryFolder(label)
        let source = scenario.map { folder + "/" + $0 } ?? folder
        let target = dir + "/" + (scenario ?? "quick")
        try FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    /// Adds `deltas[i]` to `figure` of replication i + 1 of `topology` in the result folder, and
    /// recomputes the summary: a consistently worse (or better) result.
    static func shift(_ folder: String, topology: String, _ figure: Figure, by deltas: [Double]) throws {
        var set = try ResultSet.read(folder: folder)
        let t = try set.replications.requireColumn("topology")
        let r = try set.replications.requireColumn("replication")
        let c = try set.replications.requireColumn(figure.column)
        var changed = 0
        for i in set.replications.rows.indices where set.replications.rows[i][t] == topology {
            let replication = Int(set.replications.rows[i][r]) ?? 0
            let value = try #require(try set.replications.number(row: i, column: c))
            set.replications.rows[i][c] = NumberFormat.format(value + deltas[replication - 1])
            changed += 1
        }
        #expect(changed > 0, "no row of \(topology) in \(folder)")
        try set.recomputingSummary().write(folder: folder)
    }

    /// Rewrites `run.json` of a result folder.
    static func editRun(_ folder: String, _ edit: (inout RunInfo) -> Void) throws {
        var info = try RunInfo.read(path: folder + "/run.json")
        edit(&info)
        try AtomicFile.write(try info.jsonText(), folder: folder, name: "run.json")
    }
}

/// `topobench compare` as a CI gate: every figure that can regress, paired differences under
/// common random numbers, thresholds with units, power.
@Suite("Compare as a CI gate")
struct CompareGateTests {
    /// The figures compare gated before 0.2.
    static let gatedBefore: Set<Figure> = [.availability, .latencyP50, .latencyP99, .latencyP999, .e2eP99]

    @Test func committedBaselinePassesAgainstItselfWithZeroWidthPairedIntervals() throws {
        let report = try Comparison.run(
            baseline: QuickResults.folder, current: QuickResults.folder, options: CompareOptions(requirePower: true))
        #expect(report.exitStatus == 0)
        #expect(report.tests.count == 12)
        #expect(report.tests.allSatisfy { $0.description.hasPrefix("paired differences under common random numbers") })
        let compared = report.cases.filter { $0.difference != nil }
        #expect(compared.count > 500)
        for c in compared {
            #expect(c.test == .paired && c.difference?.mean == 0 && c.difference?.halfWidth == 0, "\(c.rowLabel) \(c.metric)")
        }
        #expect(report.underpowered.isEmpty)
        #expect(report.cases.allSatisfy { $0.status != .notCompared })
    }

    /// The reproduction from the issue: sessions lost going from 0 to about 3,105 per
    /// replication, and lost messages, passed the old gate.
    @Test func lostSessionsAndMessagesAreRegressions() throws {
        let worse = try QuickResults.copy(nil, label: "worse")
        defer { try? FileManager.default.removeItem(atPath: (worse as NSString).deletingLastPathComponent) }
        try QuickResults.shift(worse + "/instance_crash", topology: "alb", .sessionsLost, by: [2905, 3105, 3305])
        try QuickResults.shift(worse + "/backend_outage", topology: "sqs", .messagesLost, by: [38, 40, 42])
        let report = try Comparison.run(baseline: QuickResults.folder, current: worse, options: CompareOptions())
        let failing = report.cases.filter { $0.status == .regression }
        #expect(failing.map { "\($0.scenario)/\($0.topology)/\($0.metric)" }.sorted() == [
            "backend_outage/sqs/messages_lost", "instance_crash/alb/sessions_lost",
        ])
        #expect(failing.allSatisfy { $0.test == .paired })
        // None of the figures compared before 0.2 moved: the old gate passed this.
        #expect(failing.allSatisfy { !Self.gatedBefore.contains($0.figure) })
        #expect(report.exitStatus == 1)
        let sessions = try #require(failing.first { $0.figure == .sessionsLost })
        #expect(sessions.baseline == 0 && sessions.current == 3105)
        #expect(sessions.difference?.mean == 3105)

        let cli = try SafeOutputTests.cli(["compare", QuickResults.folder, worse])
        #expect(cli.status == 1, "\(cli.stderr)")
        #expect(cli.stdout.contains("FAIL  instance_crash  alb"))
        #expect(cli.stdout.contains("sessions_lost") && cli.stdout.contains("paired n=3"))
        #expect(cli.stdout.contains("REGRESSION: "))
    }

    /// One figure at a time, made worse in every replication: each is a regression alone.
    @Test(arguments: [
        (Figure.timeouts, "az_outage", "alb", [600.0, 620, 640]),
        (.errors5xx, "instance_crash", "alb", [1000, 1100, 1200]),
        (.duplicates, "instance_crash", "sqs", [5, 6, 7]),
        (.sessionsLost, "yearly", "tight", [1000, 1100, 1200]),
        (.recovery, "instance_crash", "alb", [10, 10, 10]),
        (.timeAvailability, "instance_crash", "alb", [-0.02, -0.02, -0.02]),
        (.firstTryAvailability, "zombie", "alb", [-0.010, -0.011, -0.012]),
        (.latencyP90, "slow_backend", "tight", [10, 11, 12]),
        (.unfinished, "instance_crash", "tight", [3, 4, 5]),
    ])
    func eachFigureIsGated(_ figure: Figure, _ scenario: String, _ topology: String, _ deltas: [Double]) throws {
        let worse = try QuickResults.copy(scenario, label: "worse-\(figure.column)")
        defer { try? FileManager.default.removeItem(atPath: (worse as NSString).deletingLastPathComponent) }
        try QuickResults.shift(worse, topology: topology, figure, by: deltas)
        let report = try Comparison.run(
            baseline: QuickResults.folder + "/" + scenario, current: worse, options: CompareOptions())
        let failing = report.cases.filter { $0.status == .regression }
        #expect(failing.map(\.figure) == [figure], "\(failing.map { "\($0.topology) \($0.metric) \($0.note)" })")
        #expect(failing.first?.topology == topology)
        // Turned off, it passes.
        let off = try Comparison.run(
            baseline: QuickResults.folder + "/" + scenario, current: worse,
            options: CompareOptions(thresholds: [figure: Optional<Figure.Threshold>.none]))
        #expect(off.exitStatus == 0)
    }

    /// Common random numbers: a backend 10 % slower, with the seeds of the committed quick suite.
    /// Replication i of both runs sees the same arrivals and the same crash, so the per-replication
    /// differences vary far less than the replications themselves.
    @Test func pairedIntervalIsNarrowerThanTheIndependentOne() throws {
        let suite = try SuiteSpec.load("default", directory: Repo.path("Benchmarks/suites"))
        let file = Repo.path("Benchmarks/suites/default/instance_crash.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // The topologies are the suite's: make its backend slower there.
        let suiteText = try String(contentsOfFile: suite.file, encoding: .utf8)
        let slower = suiteText.replacingOccurrences(of: "mean: 20ms, shape: 2", with: "mean: 22ms, shape: 2")
        #expect(slower != suiteText)
        let topologies = try #require(try ScenarioDocument.parse(text: slower, file: suite.file)["topologies"])
        let overrides = ScenarioOverrides(
            replications: suite.quickReplications, timeScale: suite.quickScale,
            topologies: SharedTopologies(node: topologies, file: suite.file, text: slower))
        let result = try Runner.run(
            try ScenarioLoader.parse(text: text, file: file, overrides: overrides), options: RunOptions(jobs: 2))
        let dir = Repo.temporaryFolder("crn")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try result.write(folder: dir + "/instance_crash")
        let baseline = QuickResults.folder + "/instance_crash"
        let paired = try Comparison.run(baseline: baseline, current: dir + "/instance_crash", options: CompareOptions())
        let independent = try Comparison.run(
            baseline: baseline, current: dir + "/instance_crash", options: CompareOptions(pairing: .independent))
        #expect(paired.tests.map(\.description).allSatisfy { $0.hasPrefix("paired") })
        #expect(independent.tests.map(\.description).allSatisfy { $0.contains("--independent was given") })

        var lines = ["availability of instance_crash, backend 10 % slower (quick suite, 3 replications):"]
        for topology in ["tight", "alb", "sqs", "sns"] {
            func halfWidth(_ report: CompareReport) throws -> Double {
                let c = try #require(report.cases.first { $0.topology == topology && $0.figure == .availability })
                return try #require(c.difference?.halfWidth)
            }
            let p = try halfWidth(paired), i = try halfWidth(independent)
            let ratio = i > 0 ? p / i : .nan
            lines.append(
                "  \(topology): paired ±\(CompareReport.number(p)), independent ±\(CompareReport.number(i)), ratio \(CompareReport.number(ratio))"
            )
            #expect(p <= i, "\(topology): paired ±\(p) is wider than independent ±\(i)")
            if topology == "alb" {
                // Measured 0.029 (±0.00147 against ±0.0506).
                #expect(ratio < 0.25, "alb: ratio \(ratio)")
            }
        }
        print(lines.joined(separator: "\n"))
        // The slower backend lifts the tight topology's p99 by about 11 %: both tests see it.
        for report in [paired, independent] {
            #expect(report.cases.contains { $0.topology == "tight" && $0.figure == .latencyP99 && $0.status == .regression })
        }
    }

    /// Results of another scenario file or other overrides (a quick run against a full one) are
    /// still compared, and every format says the inputs differ.
    @Test func differentScenariosAreNamedInEveryFormat() throws {
        let other = try QuickResults.copy("instance_crash", label: "hash")
        defer { try? FileManager.default.removeItem(atPath: (other as NSString).deletingLastPathComponent) }
        try QuickResults.editRun(other) { $0.scenarioHash = "0123456789abcdef" }
        let baseline = QuickResults.folder + "/instance_crash"
        let report = try Comparison.run(baseline: baseline, current: other, options: CompareOptions())
        #expect(report.tests.count == 1)
        for format in CompareFormat.allCases {
            #expect(report.render(format).contains("the scenarios differ (scenario_hash "), "\(format)")
            #expect(report.render(format).contains(" and 0123456789abcdef)"), "\(format)")
        }
        let same = try Comparison.run(baseline: baseline, current: baseline, options: CompareOptions())
        #expect(!same.tests[0].description.contains("the scenarios differ"))
    }

    @Test func differentSeedsFallBackToIndependentAndSaySoInEveryFormat() throws {
        let other = try QuickResults.copy("instance_crash", label: "seed")
        defer { try? FileManager.default.removeItem(atPath: (other as NSString).deletingLastPathComponent) }
        try QuickResults.editRun(other) { $0.seed = 7 }
        let baseline = QuickResults.folder + "/instance_crash"
        let report = try Comparison.run(baseline: baseline, current: other, options: CompareOptions())
        #expect(report.tests.count == 1)
        #expect(report.tests[0].description.contains("independent intervals"))
        #expect(report.tests[0].description.contains("the seeds differ (2026 and 7)"))
        #expect(report.cases.allSatisfy { $0.difference == nil || $0.test == .independent })
        for format in CompareFormat.allCases {
            let text = report.render(format)
            #expect(text.contains("the seeds differ (2026 and 7)"), "\(format)")
        }
        #expect(report.render(.table, all: true).contains("  independent  "))

        let same = try Comparison.run(baseline: baseline, current: baseline, options: CompareOptions())
        for format in CompareFormat.allCases {
            #expect(same.render(format).contains("paired differences under common random numbers (seed 2026"), "\(format)")
        }
        #expect(same.render(.table, all: true).contains("paired n=3"))
        #expect(same.render(.junit).contains("<property name=\"test\" value=\"paired differences"))

        // A summary.csv on its own has no replications to pair.
        let lone = Repo.temporaryFolder("lone")
        defer { try? FileManager.default.removeItem(atPath: lone) }
        try FileManager.default.copyItem(atPath: baseline + "/summary.csv", toPath: lone + "/base.csv")
        let alone = try Comparison.run(baseline: lone + "/base.csv", current: baseline, options: CompareOptions())
        #expect(alone.tests.first?.description.contains("has no run.json and replications.csv next to it") == true)
        // …while a result folder's summary.csv is paired with its neighbours.
        let file = try Comparison.run(baseline: baseline + "/summary.csv", current: baseline, options: CompareOptions())
        #expect(file.tests.first?.description.hasPrefix("paired") == true)
    }

    @Test func aColumnMissingFromAnOlderBaselineIsNotCompared() throws {
        let older = try QuickResults.copy("instance_crash", label: "older")
        defer { try? FileManager.default.removeItem(atPath: (older as NSString).deletingLastPathComponent) }
        for name in ["summary.csv", "replications.csv"] {
            var table = try ResultTable.read(path: older + "/" + name)
            for column in ["first_try_availability_ci95", "first_try_availability"] {
                guard let i = table.columnIndex(column) else { continue }
                table.header.remove(at: i)
                for r in table.rows.indices { table.rows[r].remove(at: i) }
            }
            try AtomicFile.write(table.csvText(), folder: older, name: name)
        }
        let report = try Comparison.run(
            baseline: older, current: QuickResults.folder + "/instance_crash", options: CompareOptions())
        let cases = report.cases.filter { $0.figure == .firstTryAvailability }
        #expect(cases.count == 5)
        for c in cases {
            #expect(c.status == .notCompared)
            #expect(c.note == "not compared: no first_try_availability column in the baseline (an older result?)")
        }
        #expect(report.exitStatus == 0)
        let table = report.render(.table)
        #expect(table.contains("n/c  instance_crash  tight"))
        #expect(table.contains("5 not compared"))
        #expect(report.render(.markdown).contains("### Not compared"))
        #expect(report.render(.junit).contains("<skipped message=\"not compared: no first_try_availability column"))
    }

    /// A comparison whose interval is wider than its threshold says how many replications
    /// would detect that change, and `--require-power` makes it fail with exit 2.
    @Test func underpoweredComparisonSaysHowManyReplicationsWould() throws {
        let noisy = try QuickResults.copy("instance_crash", label: "noisy")
        defer { try? FileManager.default.removeItem(atPath: (noisy as NSString).deletingLastPathComponent) }
        try QuickResults.shift(noisy, topology: "tight", .availability, by: [-0.004, 0.003, 0])
        let baseline = QuickResults.folder + "/instance_crash"
        let report = try Comparison.run(baseline: baseline, current: noisy, options: CompareOptions())
        let c = try #require(report.cases.first { $0.topology == "tight" && $0.figure == .availability })
        #expect(c.status == .pass)
        // The paired differences, from the files; s and t₀.₉₇₅,₂ by hand.
        let b = try ResultTable.read(path: baseline + "/replications.csv")
        let n = try ResultTable.read(path: noisy + "/replications.csv")
        let col = try b.requireColumn("availability")
        let rows = b.rows.indices.filter { b.rows[$0][1] == "tight" }
        let d = try rows.map { try #require(try n.number(row: $0, column: col)) - #require(try b.number(row: $0, column: col)) }
        let mean = d.reduce(0, +) / 3
        let s = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()
        let h = DifferenceTests.t2 * s / 3.0.squareRoot()
        #expect(abs((c.difference?.halfWidth ?? 0) - h) < 1e-12)
        let needed = Int((3 * (h / 0.001) * (h / 0.001)).rounded(.up))
        #expect(needed > 100)
        #expect(c.power == .insufficient(needed: needed))
        #expect(c.note.contains("cannot detect a change of -0.001"))
        #expect(c.note.contains("≈\(needed) replications would"))
        #expect(report.exitStatus == 0)
        #expect(report.render(.table).contains("weak  instance_crash  tight"))

        let strict = try Comparison.run(baseline: baseline, current: noisy, options: CompareOptions(requirePower: true))
        #expect(strict.exitStatus == 2)
        #expect(strict.render(.table).contains("UNDERPOWERED: "))
        #expect(strict.render(.junit).contains("<failure type=\"underpowered\""))
        #expect(try SafeOutputTests.cli(["compare", baseline, noisy]).status == 0)
        let cli = try SafeOutputTests.cli(["compare", baseline, noisy, "--require-power"])
        #expect(cli.status == 2, "\(cli.stdout)\(cli.stderr)")
        #expect(cli.stdout.contains("≈\(needed) replications would"))
        let help = try SafeOutputTests.cli(["compare", "--help"])
        #expect(help.stdout.contains("--require-power") && help.stdout.contains("2 with --require-power"))
    }

    /// Thresholds name their figure and carry its unit.
    @Test(arguments: [
        (Figure.latencyP99, "10%", Figure.Threshold.relative(0.1)),
        (.latencyP99, "5ms", .absolute(5)),
        (.latencyP99, "0.25s", .absolute(250)),
        (.latencyP99, "0", .absolute(0)),
        (.recovery, "30s", .absolute(30)),
        (.recovery, "500ms", .absolute(0.5)),
        (.sessionsLost, "5", .absolute(5)),
        (.sessionsLost, "10%", .relative(0.1)),
        (.availability, "0.002", .absolute(0.002)),
        (.availability, "0.2%", .absolute(0.002)),
    ])
    func thresholdsWithUnits(_ figure: Figure, _ text: String, _ expected: Figure.Threshold) throws {
        #expect(try CompareOptions.parseThreshold(text, for: figure, option: "--threshold") == expected)
    }

    @Test(arguments: [
        (Figure.latencyP99, "5"), (.latencyP99, "0.1"), (.recovery, "30"), (.latencyP99, "5 parsecs"),
        (.availability, "2"), (.availability, "-0.1"), (.sessionsLost, "-1"), (.sessionsLost, "lots"),
        (.offered, "10%"), (.events, "5"),
    ])
    func thresholdsWithoutTheirUnitAreRefused(_ figure: Figure, _ text: String) {
        #expect(throws: ReportError.self) { try CompareOptions.parseThreshold(text, for: figure, option: "--threshold") }
    }

    @Test func commandLineThresholds() throws {
        let options = try CompareOptions.fromCommandLine(
            maxLatencyRegression: "20%", maxAvailabilityDrop: "0.01",
            thresholds: ["sessions_lost=5", "latency_p99_ms=5ms", "recovery_s=off"])
        #expect(options.threshold(for: .latencyP50) == .relative(0.2))
        #expect(options.threshold(for: .e2eP99) == .relative(0.2))
        #expect(options.threshold(for: .latencyP99) == .absolute(5))
        #expect(options.threshold(for: .availability) == .absolute(0.01))
        #expect(options.threshold(for: .sessionsLost) == .absolute(5))
        #expect(options.threshold(for: .recovery) == nil)
        #expect(!options.gatedFigures.contains(.recovery))
        #expect(options.threshold(for: .messagesLost) == .relative(0.1))

        func message(_ body: () throws -> Void) -> String {
            do {
                try body()
            } catch let error as ReportError {
                #expect(error.exitCode == 64)
                return error.message
            } catch {}
            Issue.record("no ReportError")
            return ""
        }
        let bare = message { _ = try CompareOptions.fromCommandLine(maxLatencyRegression: "5", maxAvailabilityDrop: nil, thresholds: []) }
        #expect(bare.contains("--max-latency-regression") && bare.contains("5%") && bare.contains("+500%"), "\(bare)")
        let typo = message { _ = try CompareOptions.parseAssignment("sesions_lost=3") }
        #expect(typo.contains("did you mean 'sessions_lost'?"), "\(typo)")
        let neutral = message { _ = try CompareOptions.parseAssignment("offered=10%") }
        #expect(neutral.contains("neutral"))
        let twice = message {
            _ = try CompareOptions.fromCommandLine(
                maxLatencyRegression: nil, maxAvailabilityDrop: "0.001", thresholds: ["availability=0.002"])
        }
        #expect(twice.contains("already has a threshold from --max-availability-drop"))
        #expect(message { _ = try CompareOptions.parseAssignment("sessions_lost") }.contains("FIGURE=VALUE"))

        let cli = try SafeOutputTests.cli(
            ["compare", QuickResults.folder, QuickResults.folder, "--max-latency-regression", "5"])
        #expect(cli.status == 64)
        #expect(cli.stderr.contains("write 5% for +5 % of the baseline") && cli.stderr.contains("+500%"), "\(cli.stderr)")
        let ok = try SafeOutputTests.cli(
            ["compare", QuickResults.folder, QuickResults.folder, "--max-latency-regression", "5%",
             "--max-availability-drop", "0.001", "--threshold", "sessions_lost=0", "--format", "junit"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let parser = XMLParser(data: Data(ok.stdout.utf8))
        #expect(parser.parse(), "junit output is not well-formed")
    }

    /// The maximum latency is gated only when asked, on its threshold alone: a maximum over
    /// replications has no interval.
    @Test func theMaximumLatencyIsJudgedOnItsThresholdAlone() throws {
        let worse = try QuickResults.copy("zombie", label: "max")
        defer { try? FileManager.default.removeItem(atPath: (worse as NSString).deletingLastPathComponent) }
        try QuickResults.shift(worse, topology: "alb", .latencyMax, by: [0, 0, 1000])
        let baseline = QuickResults.folder + "/zombie"
        #expect(try Comparison.run(baseline: baseline, current: worse, options: CompareOptions()).exitStatus == 0)
        let options = try CompareOptions.fromCommandLine(
            maxLatencyRegression: nil, maxAvailabilityDrop: nil, thresholds: ["latency_max_ms=50%"])
        let report = try Comparison.run(baseline: baseline, current: worse, options: options)
        let cases = report.cases.filter { $0.figure == .latencyMax }
        #expect(cases.count == 5)
        #expect(cases.allSatisfy { $0.test == .independent && $0.difference?.halfWidth == nil && $0.note.contains("threshold alone") })
        let failing = report.cases.filter { $0.status == .regression }
        #expect(failing.map(\.topology) == ["alb"] && failing.map(\.figure) == [.latencyMax])
        #expect(cases.filter { $0.status == .pass }.allSatisfy { $0.power == .unknown })
    }

    /// An absolute threshold lets a count rise by that much, and no more.
    @Test func anAbsoluteCountThreshold() throws {
        let worse = try QuickResults.copy("instance_crash", label: "abs")
        defer { try? FileManager.default.removeItem(atPath: (worse as NSString).deletingLastPathComponent) }
        try QuickResults.shift(worse, topology: "alb", .sessionsLost, by: [4, 4, 4])
        let baseline = QuickResults.folder + "/instance_crash"
        let five = try CompareOptions.fromCommandLine(
            maxLatencyRegression: nil, maxAvailabilityDrop: nil, thresholds: ["sessions_lost=5"])
        #expect(try Comparison.run(baseline: baseline, current: worse, options: five).exitStatus == 0)
        let three = try CompareOptions.fromCommandLine(
            maxLatencyRegression: nil, maxAvailabilityDrop: nil, thresholds: ["sessions_lost=3"])
        let report = try Comparison.run(baseline: baseline, current: worse, options: three)
        #expect(report.exitStatus == 1)
        #expect(report.cases.first { $0.status == .regression }?.note.contains("limit +3") == true)
    }
}
