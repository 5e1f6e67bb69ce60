import Foundation
import Testing

@testable import TopoBench

/// `merge` proves that its inputs are the whole run, each part once: every shard's run.json
/// says which part of which whole it is.
@Suite("Merge proves completeness")
struct MergeCompletenessTests {
    /// Two topologies × three replications: six work units.
    static let scenario = """
        name: parts
        duration: 3s
        replications: 3
        seed: 5
        window: 1s
        workload:
          arrival: { dist: exponential, rate: 100/s }
        topologies:
          one:
            entry: web
            components:
              web: { kind: instances, count: 1, workers: 4, service: 5ms }
          two:
            entry: web
            components:
              web: { kind: instances, count: 2, workers: 4, service: 5ms }
        """

    /// Runs `text` whole (`shard == nil`) or as shard K/N and writes it to `folder`.
    static func run(_ text: String = scenario, shard: (k: Int, n: Int)?, to folder: String) throws -> ResultSet {
        let result = try Runner.run(
            try ScenarioLoader.parse(text: text, file: "parts.yaml"), options: RunOptions(jobs: 1, shard: shard))
        try result.write(folder: folder)
        return try ResultSet.read(folder: folder)
    }

    /// Runs `body`, expecting a `ScenarioError`, and returns it.
    static func scenarioError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
        do {
            try body()
            Issue.record("expected a ScenarioError, got none", sourceLocation: sourceLocation)
        } catch let error as ScenarioError {
            return error
        } catch {
            Issue.record("expected a ScenarioError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test func everyShardSaysWhichPartOfWhichWholeItIs() throws {
        let dir = Repo.temporaryFolder("parts")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = try Self.run(shard: nil, to: dir + "/whole")
        let s1 = try Self.run(shard: (1, 2), to: dir + "/s1")
        let s2 = try Self.run(shard: (2, 2), to: dir + "/s2")
        #expect(whole.info.shard == nil && whole.info.workUnits == 6 && whole.info.workUnitsHeld == "0-5")
        #expect(s1.info.shard == "1/2" && s1.info.workUnits == 6 && s1.info.workUnitsHeld == "0,2,4")
        #expect(s2.info.shard == "2/2" && s2.info.workUnitsHeld == "1,3,5")
        #expect(s1.info.scenarioHash == whole.info.scenarioHash)
        // Both halves merge into the whole run, byte for byte, and the merge holds every unit.
        let merged = try ResultSet.merge([s2, s1])
        try merged.write(folder: dir + "/merged")
        for name in ["summary.csv", "replications.csv", "timeseries.csv", "faults.csv", "latency.csv"] {
            #expect(
                FileManager.default.contents(atPath: dir + "/whole/" + name)
                    == FileManager.default.contents(atPath: dir + "/merged/" + name), "\(name)")
        }
        #expect(merged.info.shard == nil && merged.info.workUnitsHeld == "0-5")
        // A whole run's folder still merges (alone) as before.
        _ = try Merge.run(inputs: [dir + "/whole"], out: dir + "/again")
        #expect(
            FileManager.default.contents(atPath: dir + "/whole/summary.csv")
                == FileManager.default.contents(atPath: dir + "/again/summary.csv"))
    }

    @Test func aMissingDuplicateOrForeignShardExits65() throws {
        let dir = Repo.temporaryFolder("parts-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.run(shard: (1, 2), to: dir + "/sh1")
        _ = try Self.run(shard: (2, 2), to: dir + "/sh2")
        _ = try Self.run(shard: (1, 3), to: dir + "/third")
        _ = try Self.run(Self.scenario.replacingOccurrences(of: "seed: 5", with: "seed: 6"), shard: (2, 2), to: dir + "/seed")
        _ = try Self.run(Self.scenario.replacingOccurrences(of: "rate: 100/s", with: "rate: 120/s"), shard: (2, 2), to: dir + "/hash")
        _ = try Self.run(shard: nil, to: dir + "/whole")
        let cases: [([String], String)] = [
            (["sh1"], "sh1/run.json: shard: shard 2/2 of parts is missing (given: 1/2)"),
            (["sh2"], "shard 1/2 of parts is missing"),
            (["sh1", "sh1"], "shard 1/2 of parts is given twice"),
            (["sh1", "sh2", "sh2"], "shard 2/2 of parts is given twice"),
            (["sh1", "seed"], "seed/run.json: seed: expected the same value as in"),
            (["sh1", "hash"], "hash/run.json: scenario_hash: expected the same value as in"),
            (["sh1", "third"], "third/run.json: shard: expected a shard K/2"),
            (["sh1", "whole"], "cannot be merged with"),
            (["whole", "whole"], "cannot be merged with another whole run"),
        ]
        for (inputs, message) in cases {
            let exit = try SafeOutputTests.cli(["merge"] + inputs.map { dir + "/" + $0 } + ["--out", dir + "/m"])
            #expect(exit.status == 65, "\(inputs): exit \(exit.status) \(exit.stderr)")
            #expect(exit.stderr.contains(message), "\(inputs): \(exit.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/m"), "\(inputs) wrote a merge")
        }
        let ok = try SafeOutputTests.cli(["merge", dir + "/sh2", dir + "/sh1", "--out", dir + "/m"])
        #expect(ok.status == 0, "\(ok.stderr)")
        // A different version is another run too.
        var other = try ResultSet.read(folder: dir + "/sh2")
        other.info.version = "0.0.9"
        let version = Self.scenarioError { _ = try ResultSet.merge([try ResultSet.read(folder: dir + "/sh1"), other]) }
        #expect(version?.keyPath == "version")
    }

    /// A shard cut short (Ctrl-C) holds only part of its share: its run.json says so and the
    /// merge names what is missing.
    @Test func aShardThatHoldsPartOfItsShareIsRefused() throws {
        let dir = Repo.temporaryFolder("parts-short")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s1 = try Self.run(shard: (1, 2), to: dir + "/s1")
        var s2 = try Self.run(shard: (2, 2), to: dir + "/s2")
        // As if interrupted after its first two units (1 and 3): unit 5 is two/3.
        let rep = try s2.replications.requireColumn("replication")
        let top = try s2.replications.requireColumn("topology")
        s2.replications.rows.removeAll { $0[top] == "two" && $0[rep] == "3" }
        s2.info.workUnitsHeld = "1,3"
        let short = Self.scenarioError { _ = try ResultSet.merge([s1, s2]) }
        #expect(short?.keyPath == "work_units_held")
        #expect(short?.problem?.contains("work unit 5 (topology 'two', replication 3) is in no input") == true, "\(String(describing: short))")
        #expect(short?.problem?.contains("shard 2/2 holds only part of its share") == true)

        // Rows that run.json does not account for, either way.
        var lying = try ResultSet.read(folder: dir + "/s2")
        lying.info.workUnitsHeld = "1,3"
        let extra = Self.scenarioError { _ = try ResultSet.merge([s1, lying]) }
        #expect(extra?.keyPath == "replication")
        #expect(extra?.found?.contains("a row for topology 'two', replication 3, which it does not hold") == true)
        var thin = try ResultSet.read(folder: dir + "/s2")
        thin.replications.rows.removeAll { $0[top] == "two" && $0[rep] == "3" }
        let gap = Self.scenarioError { _ = try ResultSet.merge([s1, thin]) }
        #expect(gap?.found == "none for work unit 5 (topology 'two', replication 3)")

        // Overlapping claims.
        var greedy = try ResultSet.read(folder: dir + "/s2")
        greedy.info.workUnitsHeld = "0-5"
        #expect(Self.scenarioError { _ = try ResultSet.merge([s1, greedy]) }?.problem?.contains("is also held by") == true)
        var malformed = try ResultSet.read(folder: dir + "/s2")
        malformed.info.workUnitsHeld = "5-1"
        #expect(Self.scenarioError { _ = try ResultSet.merge([s1, malformed]) }?.keyPath == "work_units_held")
    }

    /// Shards written before 0.2 have no work units in run.json: K/N alone is checked.
    @Test func shardsWithoutWorkUnitsAreCheckedByKOfN() throws {
        let dir = Repo.temporaryFolder("parts-old")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var s1 = try Self.run(shard: (1, 2), to: dir + "/s1")
        var s2 = try Self.run(shard: (2, 2), to: dir + "/s2")
        (s1.info.workUnits, s1.info.workUnitsHeld) = (nil, nil)
        (s2.info.workUnits, s2.info.workUnitsHeld) = (nil, nil)
        let merged = try ResultSet.merge([s1, s2])
        #expect(merged.replications.rows.count == 6)
        #expect(merged.info.workUnits == nil)
        #expect(Self.scenarioError { _ = try ResultSet.merge([s1]) }?.problem?.contains("shard 2/2 of parts is missing") == true)
    }

    @Test func workUnitSetsReadWhatTheyWrite() {
        for units in [[], [0], [0, 1, 2, 3], [1, 3, 5], [0, 1, 2, 5, 7, 8, 9]] as [[Int]] {
            let set = WorkUnitSet(units)
            #expect(WorkUnitSet.parse(set.text) == set, "\(set.text)")
        }
        #expect(WorkUnitSet([0, 1, 2, 5, 7, 8, 9]).text == "0-2,5,7-9")
        for bad in ["x", "-1", "3-1", "1,1", "2,1", "1,,2", "1-2-3"] {
            #expect(WorkUnitSet.parse(bad) == nil, "\(bad)")
        }
    }
}
