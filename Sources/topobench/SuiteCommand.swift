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

    @Flag(help: "Shorter durations and fewer replications, for CI.")
    var quick = false

    @Option(help: ArgumentHelp("Results folder.", valueName: "DIR"))
    var out: String = "results"

    @Option(help: ArgumentHelp("Plots folder.", valueName: "DIR"))
    var plots: String = "plots"

    @Flag(help: "Do not make plots.")
    var noPlots = false

    @Option(help: "Number of shards when the shard index comes from JOB_COMPLETION_INDEX.")
    var shardCount: Int?

    @Option(help: ArgumentHelp("Folder of suite files.", valueName: "DIR"))
    var suites: String = "Benchmarks/suites"

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
            let folderName = quick ? "quick" : spec.name
            let base = (out as NSString).appendingPathComponent(folderName)
            for points in all {
                guard let scenario = points.first else { continue }
                let folder = (base as NSString).appendingPathComponent(scenario.name)
                let progress = Progress(quiet: options.quiet)
                progress.label = scenario.name
                // Ctrl-C during the previous scenario's plots: stop before this one starts.
                if Interrupt.requested { throw ExitCode(130) }
                let result = try Runner.run(points, options: RunOptions(jobs: options.jobs, shard: shardValue, progress: progress.callback()))
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
        abstract: "Compares two results and exits 1 on a significant regression.",
        discussion: """
            BASELINE and CURRENT are result folders (a scenario's, or a suite's with one folder \
            per scenario) or summary.csv files. A figure regresses when it is worse than the \
            threshold allows and the difference exceeds the two 95 % intervals combined.

            Example (a GitHub Actions step summary):
              topobench compare results/quick /tmp/quick --format markdown >> "$GITHUB_STEP_SUMMARY"
            """)

    @Argument(help: "The reference result.") var baseline: String
    @Argument(help: "The result to check.") var current: String

    @Option(help: "Largest tolerated latency increase, such as 10% or 0.1.")
    var maxLatencyRegression: String = "10%"

    @Option(help: "Largest tolerated availability drop (absolute), such as 0.001.")
    var maxAvailabilityDrop: String = "0.001"

    @Option(help: "Output format.")
    var format: CompareFormat = .table

    @Flag(help: "Count rows missing from CURRENT as regressions.")
    var strict = false

    func run() throws {
        try guarded {
            let options = CompareOptions(
                maxLatencyRegression: try CompareOptions.parseThreshold(maxLatencyRegression, option: "--max-latency-regression"),
                maxAvailabilityDrop: try CompareOptions.parseThreshold(maxAvailabilityDrop, option: "--max-availability-drop"),
                strict: strict)
            let report = try Comparison.run(baseline: baseline, current: current, options: options)
            print(report.render(format), terminator: "")
            if report.regressions > 0 { throw ExitCode(1) }
        }
    }
}

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merges shard outputs into one result, identical to an unsharded run.",
        discussion: """
            Each DIR is a scenario's result folder or a suite's folder of them.

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
            Latency CDF per topology, success ratio over time around each fault with a 95 % band, \
            p99 against offered load for a rate sweep, and queue depth and age of the oldest \
            message. A suite folder gets one picture folder per scenario.

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
