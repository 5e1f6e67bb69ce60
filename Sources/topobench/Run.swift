import ArgumentParser
import Foundation
import TopoBench

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs one or more scenario files and writes their results.",
        discussion: """
            Writes summary.csv, replications.csv, timeseries.csv, faults.csv, latency.csv and \
            run.json to DIR (default results/<scenario name>; with several files, DIR/<scenario \
            name>) and prints a table of the key figures with their 95 % intervals.

            Example:
              topobench run Benchmarks/suites/examples/checkout.yaml --replications 5 --duration 30m
            """)

    @Argument(help: "Scenario files (YAML or JSON).")
    var files: [String]

    @Option(help: ArgumentHelp("Output folder.", valueName: "DIR"))
    var out: String?

    @Option(help: "Replications per topology (overrides the file's).")
    var replications: Int?

    @Option(
        help: ArgumentHelp(
            "Simulated duration, such as 30m (overrides the file's). The file's timeline is stretched to it, as suite --quick does: the warm-up, each scheduled fault's start and length, and profile steps keep their share of the run.",
            valueName: "duration"),
        transform: SimulatedDuration.init(parsing:))
    var duration: SimulatedDuration?

    @OptionGroup(title: "Run options")
    var options: RunFlags

    func validate() throws {
        if let r = replications, r < 1 || r > 100_000 { throw ValidationError("--replications takes 1 to 100000; got \(r)") }
    }

    func run() throws {
        try guarded {
            installInterruptHandler()
            let overrides = ScenarioOverrides(seed: options.seed, replications: replications, duration: duration?.nanoseconds)
            // Load every file first: a bad file fails before anything runs.
            let loaded = try files.map { try ScenarioLoader.load(path: $0, overrides: overrides) }
            try ScenarioNames.checkDistinct(zip(files, loaded).compactMap { file, points in
                points.first.map { (file, $0.name) }
            })
            // Every file is sized before anything runs, and every fault that acts on nothing
            // somewhere is named.
            for points in loaded {
                try options.checkSize(points, shard: options.shard?.value)
                warnIgnoredFaults(points)
            }
            for points in loaded {
                guard let name = points.first?.name else { continue }
                let folder = out.map { files.count > 1 ? ($0 as NSString).appendingPathComponent(name) : $0 } ?? "results/\(name)"
                let progress = Progress(options.progress, quiet: options.quiet)
                progress.label = name
                if Interrupt.requested { throw ExitCode(130) }
                let result = try Runner.run(points, options: progress.options(jobs: options.jobs, shard: options.shard?.value))
                progress.stop()
                if Interrupt.requested && result.replications.rows.isEmpty {
                    // Nothing finished: leave whatever the folder held from an earlier run.
                    printError("interrupted: no replication of \(name) finished; nothing written")
                    throw ExitCode(130)
                }
                _ = try result.write(folder: folder)
                if !options.quiet {
                    print("\(name): \(folder)")
                    print(TerminalTable.render(result.summary))
                }
                if Interrupt.requested {
                    printError("interrupted: the finished replications are in \(folder)")
                    throw ExitCode(130)
                }
            }
        }
    }
}
