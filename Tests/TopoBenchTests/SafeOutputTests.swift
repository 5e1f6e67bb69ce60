import Foundation
import Testing
@testable import TopoBench

/// Safe output and the command line end to end: exit codes and messages for bad input, atomic
/// files, nothing written outside `--out`, and Ctrl-C that keeps the finished replications.
@Suite("Safe output and the command line")
struct SafeOutputTests {
    struct Exit {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs the built `topobench` with `arguments` in `directory`; `interruptAfter` sends SIGINT
    /// after that many seconds. The process is killed if it runs past `timeout`.
    static func cli(
        _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
        interruptAfter: Double? = nil, timeout: Double = 60
    ) throws -> Exit {
        let binary = try #require(Hostile.cliBinary(), "the topobench executable is not built next to the tests")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Without the batch systems' shard variables of the machine running the tests.
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") && $0.key != "JOB_COMPLETION_INDEX" }
        env.merge(environment) { $1 }
        process.environment = env
        let outFile = Hostile.temporaryFolder("cli-out") + "/stdout"
        let errFile = outFile + ".err"
        FileManager.default.createFile(atPath: outFile, contents: nil)
        FileManager.default.createFile(atPath: errFile, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errFile))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = Date()
        var interrupted = false
        var timedOut = false
        while process.isRunning {
            let elapsed = Date().timeIntervalSince(start)
            if let after = interruptAfter, !interrupted, elapsed >= after {
                process.interrupt()
                interrupted = true
            }
            if elapsed > timeout {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: (outFile as NSString).deletingLastPathComponent)
        return Exit(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    static let small = """
        name: small
        duration: 2s
        replications: 2
        window: 500ms
        workload:
          arrival: { dist: exponential, rate: 100/s }
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 2, workers: 4, service: 5ms }
        """

    static func write(_ text: String, to folder: String, name: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: exit codes

    @Test func invalidScenariosExit65NamingTheKeyPath() throws {
        let folder = Hostile.temporaryFolder("cli65")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [(String, String)] = [
            (Self.small.replacingOccurrences(of: "replications: 2", with: "replications: 0"), "replications"),
            (Self.small.replacingOccurrences(of: "count: 2", with: "count: 1000000000000"), "topologies.t.components.web.count"),
            (Self.small.replacingOccurrences(of: "service: 5ms", with: "service: { dist: lognormal, median: 5ms, sigma: .nan }"),
             "topologies.t.components.web.service.sigma"),
            (Self.small.replacingOccurrences(of: "service: 5ms", with: "service: 5ms, calls: nowhere"), "topologies.t.components.web.calls"),
            (Self.small.replacingOccurrences(of: "service: 5ms", with: "service: 5ms, calls: web"), "topologies.t.components.web.calls"),
            (Self.small.replacingOccurrences(of: "rate: 100/s", with: "rate: 100/fortnight"), "workload.arrival.rate"),
            (Self.small.replacingOccurrences(of: "window: 500ms", with: "window: 500ms\nwarmup: -1s"), "warmup"),
            (Self.small.replacingOccurrences(of: "name: small", with: "name: ../../escape"), "name"),
            (Self.small + "\nfaults:\n  - { kind: crash, target: web, at: -5m }\n", "faults[0].at"),
            (Self.small.replacingOccurrences(of: "kind: instances", with: "kind: instance"), "topologies.t.components.web.kind"),
        ]
        for (i, (text, keyPath)) in cases.enumerated() {
            let file = try Self.write(text, to: folder, name: "bad\(i).yaml")
            let exit = try Self.cli(["run", file, "--out", folder + "/out\(i)", "--quiet"])
            #expect(exit.status == 65, "case \(i): exit \(exit.status), stderr: \(exit.stderr)")
            #expect(exit.stderr.contains(keyPath) && exit.stderr.contains("bad\(i).yaml"), "case \(i): \(exit.stderr)")
            #expect(!exit.stderr.contains("Fatal error") && !exit.stderr.contains("Stack dump"), "case \(i): \(exit.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/out\(i)"), "case \(i) wrote output")
        }
        let missing = try Self.cli(["run", folder + "/no-such-file.yaml", "--quiet"])
        #expect(missing.status == 65 && missing.stderr.contains("no-such-file.yaml"))
        let directory = try Self.cli(["run", folder, "--quiet"])
        #expect(directory.status == 65)
    }

    @Test func badFlagsExit64() throws {
        let folder = Hostile.temporaryFolder("cli64")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.write(Self.small, to: folder, name: "small.yaml")
        for flags in [
            ["--jobs", "0"], ["--jobs", "-3"], ["--jobs", "99999999999999999999"], ["--shard", "3/2"], ["--shard", "0/2"],
            ["--shard", "1/0"], ["--shard", "x"], ["--replications", "0"], ["--replications", "1000000000"],
            ["--duration", "5"], ["--duration", "-1s"], ["--duration", "36526d"], ["--seed", "-1"], ["--no-such-flag"],
        ] {
            let exit = try Self.cli(["run", file, "--out", folder + "/out", "--quiet"] + flags)
            #expect(exit.status == 64, "\(flags): exit \(exit.status), stderr: \(exit.stderr)")
            #expect(!exit.stderr.contains("Fatal error"), "\(flags): \(exit.stderr)")
        }
        for flags in [["--jobs", "0"], ["--shard", "3/2"], ["--shard-count", "0"]] {
            let exit = try Self.cli(["suite", "default", "--out", folder + "/out", "--no-plots"] + flags, in: Hostile.root.path)
            #expect(exit.status == 64, "suite \(flags): exit \(exit.status), stderr: \(exit.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    /// A shard index from a batch system's environment is a command-line value too (64, not 70).
    @Test func badShardEnvironmentExits64() throws {
        let folder = Hostile.temporaryFolder("cli-env")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for environment in [["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "2"], ["JOB_COMPLETION_INDEX": "3"]] {
            let exit = try Self.cli(["suite", "default", "--quick", "--no-plots", "--out", folder + "/out"], in: Hostile.root.path, environment: environment)
            #expect(exit.status == 64, "\(environment): exit \(exit.status), stderr: \(exit.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    // MARK: atomic files

    /// A reader of the destination sees the old file or the new one, never part of the new one.
    @Test func aWriteInProgressIsNeverSeenHalfDone() throws {
        let folder = Hostile.temporaryFolder("atomic")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let destination = folder + "/summary.csv"
        try "old\n".write(toFile: destination, atomically: false, encoding: .utf8)
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 32 << 20)
        let done = DispatchSemaphore(value: 0)
        let writer = Thread {
            for _ in 0..<4 { try? AtomicFile.write(big, to: destination) }
            done.signal()
        }
        writer.start()
        var sizes: Set<Int> = []
        while done.wait(timeout: .now()) == .timedOut {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: destination),
                let size = attributes[.size] as? Int
            {
                sizes.insert(size)
            }
        }
        #expect(sizes.isSubset(of: [4, big.count]), "sizes seen: \(sizes.sorted())")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// A write that fails (here: the destination is a folder) leaves the destination as it was
    /// and no temporary file behind.
    @Test func aFailedWriteLeavesNothing() throws {
        let folder = Hostile.temporaryFolder("atomic-fail")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let blocked = folder + "/summary.csv"
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        #expect(throws: ReportError.self) { try AtomicFile.write(Array("a,b\n".utf8), to: blocked) }
        #expect(throws: ReportError.self) { try AtomicFile.write(Array("a,b\n".utf8), to: folder + "/missing/summary.csv") }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names == ["summary.csv"])
        #expect(FileManager.default.fileExists(atPath: blocked + "/inside"))
    }

    // MARK: nothing outside --out

    @Test func unsafeNamesAreRefused() throws {
        for name in ["../x", "..", ".", "", "a/b", "/etc", "x\u{0}y", "a b", "ä", String(repeating: "n", count: 101)] {
            let text = Self.small.replacingOccurrences(of: "name: small", with: "name: \"\(name.replacingOccurrences(of: "\u{0}", with: "\\0"))\"")
            #expect(throws: ScenarioError.self, "name \(name.debugDescription)") { _ = try ScenarioLoader.parse(text: text, file: "s.yaml") }
        }
        for topology in ["../up", "a/b", ".."] {
            let text = Self.small.replacingOccurrences(of: "\n  t:\n", with: "\n  \"\(topology)\":\n")
            #expect(throws: ScenarioError.self, "topology \(topology)") { _ = try ScenarioLoader.parse(text: text, file: "s.yaml") }
        }
        for name in ["../x", "..", ".", "", "a/b", "/abs"] {
            #expect(throws: ReportError.self) { _ = try AtomicFile.path(in: "out", name: name) }
        }
        // A file named after its scenario takes the name from the file when `name:` is absent.
        let folder = Hostile.temporaryFolder("names")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.write(Self.small.replacingOccurrences(of: "name: small\n", with: ""), to: folder, name: "has space.yaml")
        #expect(throws: ScenarioError.self) { _ = try ScenarioLoader.load(path: file) }
    }

    /// `run --out DIR` writes only inside DIR, and replaces a symbolic link planted there
    /// instead of writing through it.
    @Test func runWritesOnlyInsideOut() throws {
        let root = Hostile.temporaryFolder("out-root")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let victim = try Self.write("precious\n", to: root, name: "victim.txt")
        let out = root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out + "/summary.csv", withDestinationPath: victim)
        let file = try Self.write(Self.small, to: root, name: "small.yaml")
        let before = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        let exit = try Self.cli(["run", file, "--out", out, "--quiet", "--jobs", "1"])
        #expect(exit.status == 0, "\(exit.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == before)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        let written = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(written == ["cost.csv", "faults.csv", "latency.csv", "replications.csv", "run.json", "summary.csv", "timeseries.csv"])
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/summary.csv")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        // Two files: one folder per scenario inside DIR.
        let second = try Self.write(Self.small.replacingOccurrences(of: "name: small", with: "name: other"), to: root, name: "other.yaml")
        let both = try Self.cli(["run", file, second, "--out", root + "/both", "--quiet", "--jobs", "1"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/both").sorted() == ["other", "small"])
    }

    // MARK: Ctrl-C

    /// A run of 500 short replications, interrupted after a few: exit 130, the finished
    /// replications written (complete files, no temporary file), and a message saying so.
    static let long = """
        name: long
        duration: 5s
        replications: 500
        seed: 3
        window: 1s
        workload:
          arrival: { dist: exponential, rate: 20000/s }
          timeout: 1s
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 4, workers: 8, service: { dist: exponential, mean: 1ms } }
        """

    static func checkPartial(_ folder: String) throws -> Int {
        let replications = try ResultTable.read(path: folder + "/replications.csv")
        let summary = try ResultTable.read(path: folder + "/summary.csv")
        #expect(summary.rows.count == 1)
        #expect(Hostile.conservationViolations(replications).isEmpty)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.contains(".tmp-") }, "temporary files left: \(names)")
        #expect(names.contains("run.json"))
        return replications.rows.count
    }

    @Test func ctrlCDuringRunKeepsTheFinishedReplications() throws {
        let folder = Hostile.temporaryFolder("sigint-run")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = try Self.write(Self.long, to: folder, name: "long.yaml")
        let exit = try Self.cli(["run", file, "--out", folder + "/out", "--jobs", "1", "--quiet"], interruptAfter: 2.5)
        #expect(!exit.timedOut)
        #expect(exit.status == 130, "exit \(exit.status): \(exit.stderr)")
        #expect(exit.stderr.contains("interrupted"))
        let rows = try Self.checkPartial(folder + "/out")
        #expect(rows >= 1 && rows < 500, "\(rows) replications written")
    }

    @Test func ctrlCDuringSuiteStopsBeforeTheNextScenario() throws {
        let folder = Hostile.temporaryFolder("sigint-suite")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.write(Self.long, to: folder, name: "long.yaml")
        _ = try Self.write(Self.small, to: folder, name: "small.yaml")
        let suite = try Self.write("name: pair\nscenarios: [long.yaml, small.yaml]\n", to: folder, name: "pair.yaml")
        // An earlier result of the second scenario must survive.
        let earlier = folder + "/results/pair/small"
        try FileManager.default.createDirectory(atPath: earlier, withIntermediateDirectories: true)
        _ = try Self.write("earlier\n", to: earlier, name: "summary.csv")
        let exit = try Self.cli(
            ["suite", suite, "--out", folder + "/results", "--no-plots", "--jobs", "2", "--quiet"], interruptAfter: 2.5)
        #expect(!exit.timedOut)
        #expect(exit.status == 130, "exit \(exit.status): \(exit.stderr)")
        let rows = try Self.checkPartial(folder + "/results/pair/long")
        #expect(rows >= 1 && rows < 500)
        #expect(try String(contentsOfFile: earlier + "/summary.csv", encoding: .utf8) == "earlier\n")
    }
}
