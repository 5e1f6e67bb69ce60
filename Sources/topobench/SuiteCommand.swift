import ArgumentParser
import Foundation
import TopoBench

struct SuiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite",
        abstract: "Runs a benchmark suite from Benchmarks/suites and makes its plots.",
        discussion: """
            Results go to OUT/NAME/<scenario>/ (OUT/quick/<scenario>/ with --quick) and pictures \
            to PLOTS/NAME/<scenario>/. --shard K/N runs one share of every scenario's work (also \
            read from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or from Kubernetes' \
            JOB_COMPLETION_INDEX with --shard-count); merge the shards with `topobench merge`, \
            then `topobench plot`.

            Examples:
              topobench suite                 # the default suite
              topobench suite --quick         # a short version for CI
              topobench suite default --shard 2/4 --out shards/2
            """)

    @Argument(help: "Suite name (a file NAME.yaml in --suites) or path to a suite file.")
    var name: String = "default"

    @Flag(help: "Shorter durations and fewer replications, for CI: each scenario's timeline (duration, warm-up, fault starts and lengths, profile steps) is scaled by the suite's quick.scale.")
    var quick = false

    @Option(help: ArgumentHelp("Results folder.", valueName: "DIR"))
    var out: String = "results"

    @Option(help: ArgumentHelp("Plots folder.", valueName: "DIR"))
    var plots: String = "plots"

    @Flag(help: "Do not make plots.")
    var noPlots = false

    @Option(help: "Number of shards when the shard index comes from JOB_COMPLETION_INDEX.")
    var shardCount: Int?

    @Option(name: .customLong("suites"), help: ArgumentHelp(
        "Folder of suite files (default: $TOPOBENCH_SUITES, ./Benchmarks/suites, or the one installed beside the binary).",
        valueName: "DIR"))
    var suitesFlag: String?

    var suites: String { SuiteLocation.directory(flag: suitesFlag) }

    @OptionGroup(title: "Run options")
    var options: RunFlags

    func validate() throws {
        if let c = shardCount, c < 1 { throw ValidationError("--shard-count takes a number ≥ 1") }
    }

    func run() throws {
        try guarded {
            installInterruptHandler()
            let spec = try SuiteSpec.load(name, directory: suites)
            let shardValue = try options.shard?.value ?? resolveShard(count: shardCount)
            let all = try spec.loadScenarios(quick: quick, seed: options.seed)
            for points in all {
                try options.checkSize(points, shard: shardValue)
                warnIgnoredFaults(points)
            }
            let folderName = quick ? "quick" : spec.name
            let base = (out as NSString).appendingPathComponent(folderName)
            for points in all {
                guard let scenario = points.first else { continue }
                let folder = (base as NSString).appendingPathComponent(scenario.name)
                let progress = Progress(options.progress, quiet: options.quiet)
                progress.label = scenario.name
                // Ctrl-C during the previous scenario's plots: stop before this one starts.
                if Interrupt.requested { throw ExitCode(130) }
                let result = try Runner.run(points, options: progress.options(jobs: options.jobs, shard: shardValue))
                progress.stop()
                if Interrupt.requested {
                    if result.replications.rows.isEmpty {
                        printError("interrupted: no replication of \(scenario.name) finished; nothing written")
                        throw ExitCode(130)
                    }
                    _ = try result.write(folder: folder)
                    printError("interrupted: the finished replications of \(scenario.name) are in \(folder)")
                    throw ExitCode(130)
                }
                _ = try result.write(folder: folder)
                if !options.quiet {
                    print("== \(scenario.name): \(scenario.description)")
                    print(TerminalTable.render(result.summary))
                }
                if !noPlots && shardValue == nil && !Interrupt.requested {
                    let pictures = ((plots as NSString).appendingPathComponent(folderName) as NSString).appendingPathComponent(scenario.name)
                    do {
                        _ = try Plots.make(from: folder, to: pictures)
                    } catch let e as ReportError {
                        printError("warning: plots of \(scenario.name) not made: \(e)")
                    }
                }
            }
            if Interrupt.requested {
                printError("interrupted while making the plots: the results are in \(base)")
                throw ExitCode(130)
            }
        }
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compares two results figure by figure and exits 1 on a significant regression.",
        discussion: """
            BASELINE and CURRENT are result folders (a scenario's, or a suite's with one folder \
            per scenario) or summary.csv files. Every figure that can get worse is compared: \
            availability (also first-try and over time), latencies, errors_5xx, timeouts, \
            throttled, rejected, messages_lost, duplicates, sessions_lost, recovery_s, \
            unfinished, succeeded. A figure regresses when it is worse than its threshold \
            allows and the 95 % interval of the difference lies entirely on the worse side.

            The interval: when both sides are result folders with the same seed and number of \
            replications (run.json), replication i of both saw the same arrivals and faults, \
            and compare uses the paired-t interval of the per-replication differences; \
            otherwise the two 95 % intervals combined, √(h_b² + h_c²). Every output says which.

            Default thresholds: availability and first_try_availability -0.001, \
            time_availability -0.01, latencies and recovery_s +10%, succeeded -1%, counts \
            +10% of the baseline (so any significant rise from 0 fails). A percentage is of \
            the baseline, except for availabilities where it is percentage points; a time \
            needs its unit (5ms, 30s); a count is per replication. latency_max_ms is not gated \
            unless given a threshold; `--threshold FIGURE=off` stops gating one.

            When an interval is wider than the threshold it guards, the run could not have \
            detected a change of that size: compare says so and how many replications would \
            (n₀·(h/δ)²).

            Exit status: 0 no regression; 1 a regression (or, with --strict, a missing row); \
            2 with --require-power, no regression but an underpowered comparison; 64 a bad \
            option; 65 an unreadable or malformed result.

            Examples:
              topobench compare results/quick /tmp/quick
              topobench compare results/quick /tmp/quick --threshold sessions_lost=0 --threshold latency_p99_ms=5ms
              topobench compare results/quick /tmp/quick --format markdown >> "$GITHUB_STEP_SUMMARY"
              topobench compare results/quick /tmp/quick --html /tmp/compare.html
            """)

    @Argument(help: "The reference result.") var baseline: String
    @Argument(help: "The result to check.") var current: String

    @Option(help: ArgumentHelp("Largest tolerated latency increase for every latency figure, such as 10% (default) or 5ms.", valueName: "LIMIT"))
    var maxLatencyRegression: String?

    @Option(help: ArgumentHelp("Largest tolerated availability drop, such as 0.001 (default) or 0.1% (points).", valueName: "LIMIT"))
    var maxAvailabilityDrop: String?

    @Option(name: .customLong("threshold"), help: ArgumentHelp("The threshold of one figure, such as sessions_lost=5, latency_p99_ms=10% or recovery_s=30s (repeatable; off stops gating it).", valueName: "FIGURE=VALUE"))
    var thresholds: [String] = []

    @Flag(help: "Exit 2 when a comparison cannot detect a change as large as its threshold (and nothing regressed).")
    var requirePower = false

    @Flag(help: "Use independent intervals even when the two results can be paired.")
    var independent = false

    @Option(help: "Output format.")
    var format: CompareFormat = .table

    @Flag(help: "List every comparison in the table, not only those that need attention.")
    var all = false

    @Flag(help: "Count rows missing from CURRENT as regressions.")
    var strict = false

    @Option(help: ArgumentHelp("Also write the comparison as a self-contained HTML page to FILE (verdicts, intervals, every comparison).", valueName: "FILE"))
    var html: String?

    func run() throws {
        try guarded {
            let options = try CompareOptions.fromCommandLine(
                maxLatencyRegression: maxLatencyRegression, maxAvailabilityDrop: maxAvailabilityDrop,
                thresholds: thresholds, strict: strict, requirePower: requirePower,
                pairing: independent ? .independent : .auto)
            let report = try Comparison.run(baseline: baseline, current: current, options: options)
            print(report.render(format, all: all), terminator: "")
            if let html { try AtomicFile.write(Array(report.renderHTML().utf8), to: html) }
            if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
        }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merges shard outputs into one result, identical to an unsharded run.",
        discussion: """
            Each DIR is a scenario's result folder or a suite's folder of them. Each shard's \
            run.json says which part of which run it is (scenario hash, seed, version, K/N, \
            work_units, work_units_held); merge first proves that the inputs are every shard \
            of one run, each once, and exits 65 naming what is wrong otherwise: a missing \
            shard, one given twice, one of another run, one cut short by Ctrl-C. A whole run's \
            folder merges alone (it is rewritten as it is).

            Example:
              topobench merge shards/1 shards/2 shards/3 shards/4 --out results/default
            """)

    @Argument(help: "Shard result folders.") var folders: [String]
    @Option(help: ArgumentHelp("Where to write the merged result.", valueName: "DIR")) var out: String

    func run() throws {
        try guarded {
            for f in try TopoBench.Merge.run(inputs: folders, out: out) { print(f) }
        }
    }
}

struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Makes the pictures (PNG and SVG, with their gnuplot scripts) from a result folder.",
        discussion: """
            The latency tail per topology (latency_cdf: the share of requests slower than x, \
            log-log), success ratio over time with a 95 % band and every fault shaded and \
            labelled, p99 against offered load for a rate sweep, queue depth and age of the \
            oldest message, and cost against availability and p99. Each topology has its own \
            colour and dash pattern; pictures of a sweep point are named by its values \
            (latency_cdf-rate=400_s.png). A suite folder gets one picture folder per scenario.

            Example:
              topobench plot results/default/instance_crash --out plots/default/instance_crash
            """)

    @Argument(help: "A result folder (or a suite's folder of them).") var folder: String
    @Option(help: ArgumentHelp("Where to write the pictures (default plots/<folder name>).", valueName: "DIR")) var out: String?

    func run() throws {
        try guarded {
            let target = out ?? ("plots" as NSString).appendingPathComponent((folder as NSString).lastPathComponent)
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("run.json")) {
                for f in try Plots.make(from: folder, to: target) { print(f) }
            } else {
                let subs = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
                let scenarios = subs.filter { FileManager.default.fileExists(atPath: "\(folder)/\($0)/run.json") }
                if scenarios.isEmpty {
                    throw ScenarioError(file: folder, keyPath: "", expected: "a result folder (with run.json) or a suite folder of them", found: "neither")
                }
                for s in scenarios {
                    for f in try Plots.make(from: "\(folder)/\(s)", to: (target as NSString).appendingPathComponent(s)) { print(f) }
                }
            }
        }
    }
}
