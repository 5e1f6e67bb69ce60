import Foundation
import Testing
@testable import TopoBench

/// Paths in the source tree, for golden files and example scenarios.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func temporaryFolder(_ label: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topobench-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }
    static func files(in folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in ["summary.csv", "replications.csv", "timeseries.csv", "faults.csv", "latency.csv"] {
            out[name] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
        }
        return out
    }
}

/// Same scenario, seed and version → byte-identical CSV files, whatever the number of threads
/// and however the work is sharded.
@Suite("Determinism")
struct DeterminismTests {
    static let overrides = ScenarioOverrides(replications: 3, duration: 6 * Time.minute)

    func run(_ file: String, jobs: Int, shard: (k: Int, n: Int)? = nil) throws -> ResultSet {
        let points = try ScenarioLoader.load(path: Repo.path(file), overrides: Self.overrides)
        return try Runner.run(points, options: RunOptions(jobs: jobs, shard: shard))
    }

    @Test func twoRunsAndJobsOneVersusTwoAreIdentical() throws {
        let a = try run("Benchmarks/suites/examples/checkout.yaml", jobs: 1)
        let b = try run("Benchmarks/suites/examples/checkout.yaml", jobs: 2)
        let c = try run("Benchmarks/suites/examples/checkout.yaml", jobs: 2)
        let (fa, fb, fc) = (Repo.temporaryFolder("a"), Repo.temporaryFolder("b"), Repo.temporaryFolder("c"))
        _ = try a.write(folder: fa)
        _ = try b.write(folder: fb)
        _ = try c.write(folder: fc)
        let (xa, xb, xc) = (Repo.files(in: fa), Repo.files(in: fb), Repo.files(in: fc))
        #expect(xa.count == 5)
        for (name, data) in xa {
            #expect(data == xb[name], "\(name) differs between --jobs 1 and --jobs 2")
            #expect(data == xc[name], "\(name) differs between two runs")
        }
        // Four topologies × three replications, every one with requests in it.
        #expect(a.replications.rows.count == 12)
        let offered = try a.replications.requireColumn("offered")
        for r in 0..<a.replications.rows.count { #expect((try a.replications.number(row: r, column: offered) ?? 0) > 10_000) }
    }

    @Test func mergedShardsEqualTheWholeRun() throws {
        let whole = try run("Benchmarks/suites/examples/checkout.yaml", jobs: 2)
        let shards = try (1...3).map { try run("Benchmarks/suites/examples/checkout.yaml", jobs: 1, shard: ($0, 3)) }
        #expect(shards.map { $0.replications.rows.count }.reduce(0, +) == whole.replications.rows.count)
        let merged = try ResultSet.merge(shards)
        let (fw, fm) = (Repo.temporaryFolder("whole"), Repo.temporaryFolder("merged"))
        _ = try whole.write(folder: fw)
        _ = try merged.write(folder: fm)
        let (w, m) = (Repo.files(in: fw), Repo.files(in: fm))
        for (name, data) in w { #expect(data == m[name], "\(name): merged shards differ from the unsharded run") }
    }

    /// Common random numbers: the arrival stream and the fault times are the same in every
    /// topology of a replication.
    @Test func topologiesShareArrivalsAndFaultTimes() throws {
        let r = try run("Benchmarks/suites/examples/checkout.yaml", jobs: 2)
        let t = r.replications
        let (topo, rep, offered) = (try t.requireColumn("topology"), try t.requireColumn("replication"), try t.requireColumn("offered"))
        var byRep: [String: Set<String>] = [:]
        for row in t.rows { byRep[row[rep], default: []].insert(row[offered]) }
        #expect(byRep.count == 3)
        for (_, values) in byRep { #expect(values.count == 1, "offered load differs between topologies of one replication") }
        _ = topo
    }

    /// Adding a component to a topology does not change another component's draws.
    @Test func addingAComponentLeavesOtherStreamsAlone() throws {
        func yaml(_ extra: String) -> String {
            """
            name: streams
            duration: 2m
            replications: 2
            network: none
            workload: { arrival: { dist: exponential, rate: 50/s }, retry: none }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 1, workers: 4, service: { dist: lognormal, median: 5ms, sigma: 0.5 } }
            \(extra)
            """
        }
        let plain = try Runner.run(try ScenarioLoader.parse(text: yaml(""), file: "a.yaml"), options: RunOptions(jobs: 1))
        let extra = try Runner.run(try ScenarioLoader.parse(text: yaml("      other: { kind: instances, count: 2, service: 7ms }"), file: "a.yaml"), options: RunOptions(jobs: 1))
        let col = try plain.replications.requireColumn("latency_mean_ms")
        for r in 0..<2 {
            #expect(try plain.replications.number(row: r, column: col) == (try extra.replications.number(row: r, column: col)))
        }
    }
}

/// Golden CSV output of a small scenario. Regenerate after a deliberate change with
/// `TOPOBENCH_UPDATE_GOLDEN=1 make test` and commit the files with the reason.
@Suite("Golden files")
struct GoldenTests {
    static let scenario = """
        name: golden
        description: tight vs alb, one crash
        duration: 4m
        warmup: 30s
        replications: 2
        seed: 7
        window: 30s
        workload:
          arrival: { dist: exponential, rate: 50/s }
          timeout: 2s
          session: { requests: 5 }
        faults:
          - { kind: crash, target: web, instance: 0, at: 90s, recover_after: 60s }
        topologies:
          tight:
            entry: web
            components:
              web: { kind: instances, count: 1, zones: [a], workers: 4, service: { dist: lognormal, median: 5ms, sigma: 0.4 }, sessions: local }
          alb:
            entry: lb
            components:
              lb: { kind: alb, targets: web }
              web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: { dist: lognormal, median: 5ms, sigma: 0.4 }, sessions: cache }
              cache: { kind: session_store, engine: redis }
        """

    @Test(arguments: ["summary.csv", "replications.csv", "faults.csv"])
    func matchesGolden(_ name: String) throws {
        let result = try Runner.run(try ScenarioLoader.parse(text: Self.scenario, file: "golden.yaml"), options: RunOptions(jobs: 2))
        let folder = Repo.temporaryFolder("golden")
        _ = try result.write(folder: folder)
        let produced = try #require(FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name)))
        let golden = Repo.path("Tests/TopoBenchTests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["TOPOBENCH_UPDATE_GOLDEN"] != nil {
            try produced.write(to: URL(fileURLWithPath: golden))
        }
        let expected = try #require(FileManager.default.contents(atPath: golden), "missing golden file \(golden)")
        #expect(produced == expected, "\(name) differs from its golden file (TOPOBENCH_UPDATE_GOLDEN=1 make test regenerates it)")
    }
}
