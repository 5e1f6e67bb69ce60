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
            command-line arguments; 65 an invalid scenario or input file; 70 an internal error; \
            130 interrupted.
            """,
        version: TopoBenchVersion.string,
        subcommands: [Run.self, SuiteCommand.self, Compare.self, Merge.self, Plot.self, Validate.self, List.self, Schema.self]
    )
}

/// Runs a command body, turning the library's errors into messages and exit codes.
func guarded(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let e as ExitCode {
        throw e
    } catch let e as ScenarioError {
        printError("error: \(e)")
        throw ExitCode(65)
    } catch let e as ReportError {
        printError("error: \(e)")
        throw ExitCode(e.exitCode)
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

/// Progress on standard error while replications run, when it is a terminal.
final class Progress: @unchecked Sendable {
    let enabled: Bool
    let start = Date()
    let lock = NSLock()
    var label = ""

    init(quiet: Bool) { enabled = !quiet && isatty(STDERR_FILENO) != 0 }

    func callback() -> (@Sendable (Int, Int, UInt64) -> Void)? {
        guard enabled else { return nil }
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
