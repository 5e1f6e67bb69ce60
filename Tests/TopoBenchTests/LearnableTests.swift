import Foundation
import Testing
@testable import TopoBench

/// What a new user learns from the tool alone: `explain`, the generated format reference, the
/// terminal table's legend, and suites found from any folder once installed.
@Suite("Learnable alone")
struct LearnableTests {
    static var root: String { FileManager.default.currentDirectoryPath }

    @Test func everyKindExplainsEveryKeyWithItsDefaultAndSource() throws {
        for kind in ComponentKinds.all {
            let topic = try #require(ScenarioReference.topic(kind.name))
            let text = ScenarioReference.text(topic)
            for key in kind.keys {
                #expect(text.contains("\n  \(key.name)"), "explain \(kind.name) lacks \(key.name)")
                if let d = key.defaultValue, case .literal(let value) = d, !value.isEmpty {
                    #expect(text.contains("default \(value)"), "explain \(kind.name): \(key.name)'s default \(value)")
                }
            }
        }
        // Nested maps are listed under their key paths, with their AWS sources.
        let alb = ScenarioReference.text(try #require(ScenarioReference.topic("alb")))
        #expect(alb.contains("\n  health_check.interval\n"))
        #expect(alb.contains("source: "))
        // A default that is not AWS's says so: instances sit in one zone unless told otherwise.
        let instances = ScenarioReference.text(try #require(ScenarioReference.topic("instances")))
        #expect(instances.contains("default the scenario's first zone\n      source: assumption: a single zone"))
        // slo: is documented, with what it changes.
        let scenario = ScenarioReference.text(try #require(ScenarioReference.topic("scenario")))
        #expect(scenario.contains("\n  slo"))
        #expect(scenario.contains("\n  x-NAME\n"))
        // The faults list each kind, and a kind or FIS action name is a topic of its own.
        let faults = ScenarioReference.text(try #require(ScenarioReference.topic("faults")))
        for kind in FaultSpec.Kind.allCases { #expect(faults.contains("kind: \(kind.rawValue)")) }
        #expect(ScenarioReference.topic("aws:ec2:stop-instances") != nil)
        #expect(ScenarioReference.topic("albb") == nil)
    }

    @Test func theFormatReferenceIsGeneratedFromTheDeclarations() throws {
        let path = Self.root + "/docs/scenario-format.md"
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == ScenarioReference.markdown(), "docs/scenario-format.md is stale: run `make schema`")
        for kind in ComponentKinds.names { #expect(committed.contains("## kind: \(kind)\n")) }
        // The README points at it (and at no SPEC.md, which the repository does not have).
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("docs/scenario-format.md"))
        #expect(!readme.contains("contract is in SPEC.md"))
    }

    @Test func explainOnTheCommandLine() throws {
        let alb = try SafeOutputTests.cli(["explain", "alb"])
        #expect(alb.status == 0)
        #expect(alb.stdout.hasPrefix("kind: alb\n"))
        let typo = try SafeOutputTests.cli(["explain", "sqss"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("did you mean 'sqs'?"))
        let markdown = try SafeOutputTests.cli(["explain", "--markdown"])
        #expect(markdown.stdout == ScenarioReference.markdown())
    }

    @Test func theTerminalTableExplainsItsColumns() throws {
        let table = ResultTable(header: ["scenario", "topology", "replications", "availability"], rows: [["s", "alb", "2", "0.99"]])
        let text = TerminalTable.render(table)
        #expect(text.contains("429/503"))
        #expect(text.contains("(throttled, rejected)"))
        #expect(text.contains("recovery s: from a fault's start"))
    }

    @Test func anInstalledBinaryFindsItsSuitesFromAnyFolder() throws {
        let binary = try #require(Hostile.cliBinary())
        let prefix = Hostile.temporaryFolder("install")
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "--no-print-directory", "-C", Self.root, "install-files", "PREFIX=\(prefix)", "BIN=\(binary)"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        #expect(make.terminationStatus == 0)
        let installed = prefix + "/bin/topobench"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/topobench/suites/default.yaml"))

        let elsewhere = Hostile.temporaryFolder("elsewhere")
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let list = try Self.run(installed, ["list"], in: elsewhere, environment: [:])
        #expect(list.status == 0)
        #expect(list.stdout.contains("Suites (\(prefix)/share/topobench/suites):\n  default\n"))
        // The suite is found and read (then refused by the event bound, before it runs).
        let suite = try Self.run(installed, ["suite", "default", "--quick", "--max-events", "1", "--no-plots"], in: elsewhere, environment: [:])
        #expect(suite.status == 65)
        #expect(suite.stderr.contains("events"))
        // TOPOBENCH_SUITES wins, and a folder that is not there is named.
        let missing = try Self.run(installed, ["suite", "default"], in: elsewhere, environment: ["TOPOBENCH_SUITES": elsewhere + "/none"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains(elsewhere + "/none"))
        #expect(missing.stderr.contains("TOPOBENCH_SUITES"))
    }

    /// Runs `binary` in `directory`, without TOPOBENCH_SUITES unless `environment` sets it.
    static func run(_ binary: String, _ arguments: [String], in directory: String, environment: [String: String]) throws -> SafeOutputTests.Exit {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment.filter { $0.key != SuiteLocation.environmentVariable }
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return SafeOutputTests.Exit(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                    stderr: String(decoding: stderr, as: UTF8.self), timedOut: false)
    }
}
