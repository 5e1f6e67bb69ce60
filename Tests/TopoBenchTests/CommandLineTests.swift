import ArgumentParser
import Foundation
import Testing

@testable import TopoBench
@testable import topobench

/// The command line's parsing, through its command types: every flag parsed once, when the
/// arguments are, into typed values; the options `run` and `suite` share; `--format`; `schema`.
@Suite("Command line")
struct CommandLineTests {
    /// The error a parse throws, with the message and exit code the command would print.
    func refusal<C: ParsableCommand>(_ command: C.Type, _ arguments: [String]) -> (message: String, code: Int32)? {
        do {
            _ = try command.parse(arguments)
            Issue.record("\(arguments) was accepted")
            return nil
        } catch {
            return (command.message(for: error), command.exitCode(for: error).rawValue)
        }
    }

    @Test func runAndSuiteShareTheirRunOptions() throws {
        let shared = ["--seed", "7", "--jobs", "3", "--shard", "2/4", "--quiet"]
        let run = try Run.parse(["a.yaml"] + shared)
        let suite = try SuiteCommand.parse(["default"] + shared)
        for options in [run.options, suite.options] {
            #expect(options.seed == 7)
            #expect(options.jobs == 3)
            #expect(options.shard?.value.k == 2 && options.shard?.value.n == 4)
            #expect(options.quiet)
        }
        #expect(try Run.parse(["a.yaml"]).options.shard == nil)
        #expect(refusal(SuiteCommand.self, ["--jobs", "0"])?.code == 64)
        #expect(refusal(Run.self, ["a.yaml", "--jobs", "5000"])?.message.contains("--jobs takes 1 to 4096") == true)
    }

    @Test func durationsAndShardsAreParsedWithTheArguments() throws {
        #expect(try Run.parse(["a.yaml", "--duration", "30m"]).duration?.nanoseconds == 30 * Time.minute)
        #expect(try Run.parse(["a.yaml", "--duration", "1.5h", "--replications", "4"]).duration?.nanoseconds == 90 * Time.minute)
        // The words a file's `duration:` gets for the same value (issue 16).
        for (bad, expected) in [
            ("10", "expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"10\""),
            ("0s", "expected a duration of at least 1ns; found \"0s\""),
            ("5 parsecs", "expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"5 parsecs\""),
            ("36526d", "expected a duration of at most 36525d (100 years); found \"36526d\""),
        ] {
            let error = refusal(Run.self, ["a.yaml", "--duration", bad])
            #expect(error?.code == 64, "\(bad)")
            #expect(error?.message.hasSuffix(": " + expected) == true, "\(error?.message ?? "")")
        }
        for bad in ["5/4", "0/3", "x", "1/100001"] {
            let error = refusal(SuiteCommand.self, ["--shard", bad])
            #expect(error?.code == 64, "\(bad)")
            #expect(error?.message.contains("--shard takes K/N") == true, "\(error?.message ?? "")")
        }
    }

    @Test func formatIsAChoice() throws {
        #expect(try Compare.parse(["a", "b"]).format == .table)
        #expect(try Compare.parse(["a", "b", "--format", "junit"]).format == .junit)
        #expect(try Compare.parse(["a", "b", "--format", "markdown"]).format == .markdown)
        let error = refusal(Compare.self, ["a", "b", "--format", "xml"])
        #expect(error?.code == 64)
        #expect(error?.message.contains("'table'") == true && error?.message.contains("'junit'") == true, "\(error?.message ?? "")")
        #expect(Compare.helpMessage().contains("values: table, markdown, junit"))
    }

    /// The flags the contract names (and the ones added since) keep their names.
    @Test(arguments: [
        (Run.helpMessage(), ["--out", "--seed", "--replications", "--duration", "--jobs", "--shard", "--quiet", "--max-events", "--progress"]),
        (SuiteCommand.helpMessage(), ["--quick", "--out", "--plots", "--no-plots", "--shard", "--shard-count", "--jobs", "--suites", "--seed", "--quiet", "--max-events", "--progress"]),
        (Check.helpMessage(), ["--duration", "--replications", "--seed", "--jobs", "--max-events"]),
        (Compare.helpMessage(), ["--max-latency-regression", "--max-availability-drop", "--format", "--strict", "--html"]),
        (Merge.helpMessage(), ["--out"]),
        (Plot.helpMessage(), ["--out"]),
        (Report.helpMessage(), ["--out"]),
        (Validate.helpMessage(), ["--replications", "--case", "--write-cases", "--jobs"]),
        (List.helpMessage(), ["--suites"]),
    ])
    func flagsKeepTheirNames(help: String, flags: [String]) {
        for flag in flags { #expect(help.contains(flag + " ") || help.contains(flag + "\n"), "\(flag) is missing from:\n\(help)") }
    }

    @Test func reportIsASubcommand() throws {
        let command = try TopoBenchCommand.parseAsRoot(["report", "results/default", "--out", "/tmp/r"])
        let report = try #require(command as? Report)
        #expect(report.folder == "results/default")
        #expect(report.out == "/tmp/r")
        #expect(TopoBenchCommand.commandNames.contains("report"))
    }

    @Test func schemaIsASubcommand() throws {
        let command = try TopoBenchCommand.parseAsRoot(["schema"])
        #expect(command is Schema)
        #expect(TopoBenchCommand.configuration.subcommands.contains { ObjectIdentifier($0) == ObjectIdentifier(Schema.self) })
        #expect(Schema.helpMessage().contains("yaml-language-server"))
    }
}
