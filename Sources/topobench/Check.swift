import ArgumentParser
import Foundation
import TopoBench

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validates scenario files and estimates what running them costs, without running them.",
        discussion: """
            Each file is read and checked as `run` would read it (an error names the file, the \
            line, the key path and what was expected, exit 65). Then every topology of every \
            sweep point is simulated for a short pilot of about 2,000 requests, and the pilot's \
            events and requests per simulated second are scaled to the run: the output gives \
            the events, the simulated requests and the wall time on --jobs threads. It is an \
            estimate of the order of magnitude: a pilot sees the run's start, not the retries \
            and backlogs its faults cause later.

            A file estimated above --max-events (the limit `run` and `suite` refuse) exits 65. \
            A fault that acts on nothing in a topology is a warning on standard error.

            Examples:
              topobench check Benchmarks/suites/default/*.yaml
              topobench check big.yaml --duration 2h --replications 30 --jobs 8
            """)

    @Argument(help: "Scenario files (YAML or JSON).")
    var files: [String]

    @Option(help: "Replications per topology (overrides the file's).")
    var replications: Int?

    @Option(help: ArgumentHelp("Simulated duration, such as 30m (overrides the file's, as `run --duration` does).", valueName: "duration"),
            transform: SimulatedDuration.init(parsing:))
    var duration: SimulatedDuration?

    @Option(help: "Seed of every random stream (overrides the files').")
    var seed: UInt64?

    @Option(help: "Threads the wall time is estimated for (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("The limit `run` would hold the estimate to, such as 1e12.", valueName: "N"),
            transform: EventCount.init(parsing:))
    var maxEvents = EventCount(value: EventCount.defaultLimit)

    func validate() throws {
        if let r = replications, r < 1 || r > 100_000 { throw ValidationError("--replications takes 1 to 100000; got \(r)") }
        if jobs < 1 || jobs > 4096 { throw ValidationError("--jobs takes 1 to 4096; got \(jobs)") }
    }

    func run() throws {
        try guarded {
            let overrides = ScenarioOverrides(seed: seed, replications: replications, duration: duration?.nanoseconds)
            // Every file is read first: a bad file fails before any pilot runs.
            let loaded = try files.map { try ScenarioLoader.load(path: $0, overrides: overrides) }
            try ScenarioNames.checkDistinct(zip(files, loaded).compactMap { file, points in points.first.map { (file, $0.name) } })
            var over: [String] = []
            for (file, points) in zip(files, loaded) {
                guard let first = points.first else { continue }
                warnIgnoredFaults(points)
                let estimate = RunEstimate.measure(points)
                let units = points.count * first.topologies.count * first.replications
                print("\(file): ok: scenario '\(first.name)', \(first.topologies.count) topologies × \(first.replications) replications" +
                      (points.count > 1 ? " × \(points.count) sweep points" : "") + " = \(units) replications of \(Units.format(nanoseconds: first.duration))")
                print("  estimate: \(Magnitude.format(estimate.events)) events, \(Magnitude.format(estimate.requests)) simulated requests, " +
                      "about \(Magnitude.duration(estimate.wallSeconds(jobs: jobs))) on \(jobs) thread\(jobs == 1 ? "" : "s")")
                if estimate.events > maxEvents.value {
                    over.append(file)
                    print("  above --max-events \(Magnitude.format(maxEvents.value)): `run` refuses it unless --max-events is raised")
                }
            }
            if !over.isEmpty {
                throw CLIRefusal(message: "\(over.joined(separator: ", ")): estimated above --max-events \(Magnitude.format(maxEvents.value))")
            }
        }
    }
}
