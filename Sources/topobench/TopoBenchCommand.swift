import ArgumentParser
import Foundation
import TopoBench

@main
struct TopoBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topobench",
        abstract: "Simulates AWS architectures event by event to show what decoupling buys.",
        discussion: """
            The same workload and the same failures run against a tightly-coupled design and \
            against decoupled ones (ALB, SQS, SNS, API Gateway, an external session store); \
            topobench reports latency percentiles, availability, lost data, lost sessions and \
            recovery time with 95 % confidence intervals, as CSV, plots and a table.

            Exit codes: 0 success; 1 a regression or a failed validation case; 2 (compare \
            --require-power) an underpowered comparison and no regression; 64 bad \
            command-line arguments (and no command at all); 65 an invalid scenario or input \
            file; 69 a program topobench needs (gnuplot) is not installed; 70 an internal error; \
            130 interrupted.
            """,
        version: TopoBenchVersion.string,
        subcommands: [Run.self, SuiteCommand.self, Check.self, Compare.self, Merge.self, Plot.self, Report.self, Validate.self, List.self, Schema.self, Explain.self]
    )

    /// Refuses no command and an unknown one before swift-argument-parser sees them: with no
    /// arguments it would print the help and exit 0, and for `runn x.yaml` it says "2 unexpected
    /// arguments".
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let refusal = refusal(of: arguments) {
            printError(refusal)
            Foundation.exit(64)
        }
        main(arguments)
    }

    /// What to print (and exit 64) for `arguments` that name no command or an unknown one; `nil`
    /// when swift-argument-parser should parse them.
    static func refusal(of arguments: [String]) -> String? {
        guard let first = arguments.first else {
            return helpMessage() + "\nerror: no command given; try 'topobench run FILE' or 'topobench --help'"
        }
        if first.hasPrefix("-") { return nil }  // --help, --version, or a flag the parser refuses itself
        let names = commandNames
        if names.contains(first) { return nil }
        var message = "error: unknown command '\(first)'"
        if let nearest = KeyPath.nearest(first, in: names) {
            message += "; did you mean '\(nearest)'?"
        } else if [".yaml", ".yml", ".json"].contains(where: { first.lowercased().hasSuffix($0) }) {
            message += "; to run a scenario file: topobench run \(first)"
        }
        return message + " (commands: " + names.filter { $0 != "help" }.joined(separator: ", ") + ")"
    }

    /// The subcommands' names, and `help`.
    static var commandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }
}

/// Runs a command body, turning the library's errors into messages and exit codes.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ScenarioError {
        // Every problem of the file, one line each.
        for line in e.lines { printError("error: \(line)") }
        throw ExitCode(65)
    } catch let e as ReportError {
        printError("error: \(e)")
        throw ExitCode(e.exitCode)
    } catch let e as CLIRefusal {
        printError("error: \(e.message)")
        throw ExitCode(65)
    } catch let e as CLIError {
        printError("error: \(e.message)")
        throw ExitCode(64)
    } catch let e as ValidationError {
        // Raised after `validate()`, e.g. for a shard read from SLURM_* or JOB_COMPLETION_INDEX.
        printError("error: \(e.message)")
        throw ExitCode(64)
    } catch {
        printError("internal error: \(error)")
        throw ExitCode(70)
    }
}

struct CLIError: Error { let message: String }

/// A valid input that the command refuses (a run estimated above `--max-events`): exit 65.
struct CLIRefusal: Error { let message: String }

func printError(_ s: String) {
    FileHandle.standardError.write((s + "\n").data(using: .utf8) ?? Data())
}

/// The shard from a Slurm array or a Kubernetes Indexed Job's environment, when `--shard` is not given.
func resolveShard(count: Int?) throws -> (k: Int, n: Int)? {
    do {
        return try Shard.resolve(flag: nil, count: count, environment: ProcessInfo.processInfo.environment)
    } catch let e as Shard.Problem {
        throw ValidationError(e.description)
    }
}

/// Progress on standard error while replications run.
///
/// `auto`: a line rewritten in place when standard error is a terminal, nothing otherwise.
/// `plain`: one line every ``plainInterval`` seconds (and one when the run ends), for CI logs,
/// with the share of the work done (finished replications and how far the running ones are
/// through their simulated time), events per second and the time left.
final class Progress: @unchecked Sendable {
    let mode: ProgressMode
    let start = Date()
    let lock = NSLock()
    var label = ""
    let monitor = RunMonitor()
    private var timer: DispatchSourceTimer?
    static let plainInterval = 5.0

    init(_ mode: ProgressMode, quiet: Bool) {
        if quiet || mode == .none {
            self.mode = .none
        } else if mode == .auto {
            self.mode = isatty(STDERR_FILENO) != 0 ? .auto : .none
        } else {
            self.mode = mode
        }
    }

    /// The run options' hooks for this mode.
    func options(jobs: Int, shard: (k: Int, n: Int)?) -> RunOptions {
        switch mode {
        case .none: return RunOptions(jobs: jobs, shard: shard)
        case .auto: return RunOptions(jobs: jobs, shard: shard, progress: liveLine())
        case .plain:
            startTimer()
            return RunOptions(jobs: jobs, shard: shard, monitor: monitor)
        }
    }

    /// Ends the periodic lines with a last one.
    func stop() {
        guard mode == .plain, let t = timer else { return }
        t.cancel()
        timer = nil
        printLine()
    }

    private func startTimer() {
        let t = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        t.schedule(deadline: .now() + Self.plainInterval, repeating: Self.plainInterval)
        t.setEventHandler { [self] in printLine() }
        timer = t
        t.resume()
    }

    private func printLine() {
        lock.lock()
        defer { lock.unlock() }
        let s = monitor.snapshot()
        let elapsed = Date().timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(s.events) / elapsed : 0
        let eta = s.workDone > 0 ? elapsed * (1 - s.workDone) / s.workDone : .nan
        let line = String(
            format: "progress: %@ %d/%d replications, %.0f%% of the work, %.2fM events/s, elapsed %@, ETA %@",
            label, s.finished, s.total, s.workDone * 100, rate / 1e6, clock(elapsed), eta.isFinite ? clock(eta) : "unknown")
        printError(line)
    }

    private func liveLine() -> (@Sendable (Int, Int, UInt64) -> Void) {
        return { [self] done, total, events in
            lock.lock()
            defer { lock.unlock() }
            let elapsed = Date().timeIntervalSince(start)
            let rate = elapsed > 0 ? Double(events) / elapsed : 0
            let eta = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
            let line = String(format: "\r%@ %d/%d replications  %.2fM events/s  ETA %@   ", label, done, total, rate / 1e6, clock(eta))
            FileHandle.standardError.write(line.data(using: .utf8) ?? Data())
            if done == total { FileHandle.standardError.write("\n".data(using: .utf8) ?? Data()) }
        }
    }

    func clock(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}

/// Prints a warning for every fault that acts on nothing in one of the topologies.
func warnIgnoredFaults(_ points: [Scenario]) {
    for line in Scenario.ignoredFaultWarnings(points) + Scenario.unreachedWarnings(points) { printError(line) }
}

/// Ctrl-C: finish nothing new, keep what is done, exit 130 (a second Ctrl-C exits at once).
func installInterruptHandler() {
    signal(SIGINT) { _ in
        if Interrupt.requested { _exit(130) }
        Interrupt.requested = true
    }
    // A parent may start us with SIGINT blocked (a thread of a test runner, a service manager):
    // it would then never reach the handler.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
