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

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if jobs < 1 || jobs > 4096 { throw ValidationError("--jobs takes 1 to 4096; got \(jobs)") }
    }
}

/// A simulated duration given on the command line (`--duration 30m`), parsed once, when the
/// arguments are.
struct SimulatedDuration: ExpressibleByArgument {
    let nanoseconds: SimTime

    /// Parses a duration with a unit, above zero and at most 100 years; the error says so.
    init(parsing text: String) throws {
        guard let d = Units.parseDuration(text), d > 0, d <= Units.maxDuration else {
            throw ValidationError("takes a duration with a unit (ns, us, ms, s, m, h, d), such as 5m")
        }
        nanoseconds = d
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

extension CompareFormat: @retroactive ExpressibleByArgument {}
