import ArgumentParser
import Foundation
import TopoBench

/// The options `run` and `suite` share: how the replications run and what they print.
struct RunFlags: ParsableArguments {
    @Option(help: "Seed of every random stream (overrides the files').")
    var seed: UInt64?

    @Option(help: "Replications run at once (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        help: ArgumentHelp("Run only shard K of N of the work (merge the shards with `topobench merge`).", valueName: "K/N"),
        transform: ShardArgument.init(parsing:))
    var shard: ShardArgument?

    @Flag(help: "Print nothing but errors and warnings.")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Refuse a run estimated above N events (its pilot: `topobench check`), such as 1e12.", valueName: "N"),
        transform: EventCount.init(parsing:))
    var maxEvents = EventCount(value: EventCount.defaultLimit)

    @Option(help: ArgumentHelp(
        "Progress on standard error: auto (a live line on a terminal, nothing otherwise), plain (a line every 5 s, for CI logs), none.",
        valueName: "auto|plain|none"))
    var progress: ProgressMode = .auto

    func validate() throws {
        if jobs < 1 || jobs > 4096 { throw ValidationError("--jobs takes 1 to 4096; got \(jobs)") }
    }

    /// Refuses `points` when their pilot estimates more events than `--max-events` allows.
    func checkSize(_ points: [Scenario], shard: (k: Int, n: Int)?) throws {
        guard let first = points.first else { return }
        let estimate = RunEstimate.measure(points, shard: shard)
        if estimate.events > maxEvents.value {
            throw CLIRefusal(message: """
                \(first.file): scenario '\(first.name)' is estimated at \(Magnitude.format(estimate.events)) events \
                (\(Magnitude.format(estimate.requests)) simulated requests, about \(Magnitude.duration(estimate.wallSeconds(jobs: jobs))) \
                on \(jobs) threads), above --max-events \(Magnitude.format(maxEvents.value)); shorten the run \
                (--duration, fewer replications, a lower rate) or raise --max-events
                """)
        }
    }
}

/// `--max-events N`: a count such as 100000000000 or 1e11, above zero.
struct EventCount: ExpressibleByArgument {
    /// About 10¹¹ events: some hours on one core at the engine's speed.
    static let defaultLimit = 1e11
    let value: Double

    init(value: Double) { self.value = value }

    init(parsing text: String) throws {
        guard let v = Double(text), v.isFinite, v >= 1 else {
            throw ValidationError("--max-events takes a count of events of at least 1, such as 1e12; got '\(text)'")
        }
        value = v
    }

    init?(argument: String) { try? self.init(parsing: argument) }

    var defaultValueDescription: String { "1e11" }
}

/// `--progress auto|plain|none`.
enum ProgressMode: String, ExpressibleByArgument, CaseIterable {
    case auto, plain, none
}

/// A simulated duration given on the command line (`--duration 30m`), parsed once, when the
/// arguments are.
struct SimulatedDuration: ExpressibleByArgument {
    let nanoseconds: SimTime

    /// Parses a duration with a unit, above zero and at most 100 years; the error is the one a
    /// file's `duration:` gets for the same value (`expected a duration of at most 36525d (100
    /// years); found "36526d"`).
    init(parsing text: String) throws {
        if let problem = Units.durationProblem(text, in: 1...Units.maxDuration) {
            let message = ScenarioError(
                file: "", keyPath: "", expected: problem.expected, found: ScenarioError.quote(text),
                suggestion: problem.suggestion).message
            throw ValidationError(String(message.dropFirst(": ".count)))
        }
        nanoseconds = Units.parseDuration(text) ?? 1
    }

    init?(argument: String) { try? self.init(parsing: argument) }
}

/// `--shard K/N` (K from 1 to N), parsed once, when the arguments are.
struct ShardArgument: ExpressibleByArgument {
    let value: (k: Int, n: Int)

    init(parsing text: String) throws {
        do { value = try Shard.parse(text) } catch let e as Shard.Problem { throw ValidationError(e.description) }
    }

    init?(argument: String) { try? self.init(parsing: argument) }
}

extension CompareFormat: ExpressibleByArgument {}
