import Foundation
import Testing

@testable import TopoBench

/// Issue 13, point 5: a suite defines its topologies once, and its scenarios hold only what
/// varies.
@Suite("Suites: topologies once")
struct SuiteTopologiesTests {
    static let overrides = ScenarioOverrides(replications: 2, duration: 4 * Time.minute)

    static func csv(_ points: [Scenario]) throws -> [String: Data] {
        let folder = Repo.temporaryFolder("topologies")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Runner.run(points, options: RunOptions(jobs: 2)).write(folder: folder)
        return Repo.files(in: folder)
    }

    /// The suite's topologies block, as text.
    static func suiteTopologiesText() throws -> String {
        let suite = try String(contentsOfFile: Repo.path("Benchmarks/suites/default.yaml"), encoding: .utf8)
        let start = try #require(suite.range(of: "\ntopologies:\n"))
        let end = try #require(suite.range(of: "\n# `topobench suite --quick`", range: start.upperBound..<suite.endIndex))
        return String(suite[start.lowerBound..<end.lowerBound]) + "\n"
    }

    /// The same scenario with the suite's topologies inlined, taken from the suite, and found by
    /// `run` on its own: byte-identical CSVs.
    @Test func inlinedAndSharedTopologiesGiveIdenticalResults() throws {
        let file = Repo.path("Benchmarks/suites/default/az_outage.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(!text.contains("\ntopologies:"), "the scenario holds only what varies")
        let inline = try ScenarioLoader.parse(text: text + (try Self.suiteTopologiesText()), file: file, overrides: Self.overrides)
        let suite = try SuiteSpec.load("default", directory: Repo.path("Benchmarks/suites"))
        var shared = Self.overrides
        shared.topologies = suite.topologies
        let fromSuite = try ScenarioLoader.load(path: file, overrides: shared)
        let alone = try ScenarioLoader.load(path: file, overrides: Self.overrides)
        #expect(inline.first?.topologies.map(\.name) == ["tight", "tight_x3", "alb", "sqs", "sns"])
        let a = try Self.csv(inline), b = try Self.csv(fromSuite), c = try Self.csv(alone)
        #expect(a.count == 5 && a.values.allSatisfy { !$0.isEmpty })
        for (name, data) in a {
            #expect(data == b[name], "\(name): inline and from the suite differ")
            #expect(data == c[name], "\(name): inline and found by run differ")
        }
    }

    /// `topologies: [sqs, tight]` picks two of the suite's, in that order; an unknown name is an
    /// error that names the suite's; a scenario's own map overrides the suite's.
    @Test func aScenarioPicksOrOverridesTheSuitesTopologies() throws {
        let suite = try SuiteSpec.load("default", directory: Repo.path("Benchmarks/suites"))
        var o = Self.overrides
        o.topologies = suite.topologies
        let file = Repo.path("Benchmarks/suites/default/zombie.yaml")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let picked = try ScenarioLoader.parse(text: text + "topologies: [sqs, tight]\n", file: file, overrides: o)
        #expect(picked[0].topologies.map(\.name) == ["sqs", "tight"])
        do {
            _ = try ScenarioLoader.parse(text: text + "topologies: [sqs, albb]\n", file: file, overrides: o)
            Issue.record("an unknown topology was accepted")
        } catch let e as ScenarioError {
            #expect(e.keyPath == "topologies[1]")
            #expect(e.description.contains("did you mean 'alb'"), "\(e)")
        }
        let own = try ScenarioLoader.parse(
            text: text + "topologies:\n  solo: { entry: web, components: { web: { kind: instances, count: 1, service: 5ms } } }\n",
            file: file, overrides: o)
        #expect(own[0].topologies.map(\.name) == ["solo"])
        // Without a suite, a list of names has nothing to pick from.
        #expect(throws: ScenarioError.self) { _ = try ScenarioLoader.parse(text: text + "topologies: [sqs]\n", file: "x.yaml") }
    }

    /// An error in a topology the suite defines names the suite file and its line.
    @Test func anErrorInASharedTopologyNamesTheSuiteFile() throws {
        let folder = Repo.temporaryFolder("suite-error")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = (folder as NSString).appendingPathComponent("s.yaml")
        try "name: s\nduration: 2m\nworkload: { arrival: { dist: exponential, rate: 10/s } }\n".write(toFile: scenario, atomically: true, encoding: .utf8)
        let suiteFile = (folder as NSString).appendingPathComponent("suite.yaml")
        try """
            name: mine
            scenarios: [s.yaml]
            topologies:
              one:
                entry: web
                components:
                  web: { kind: instances, count: 1, servce: 5ms }
            """.write(toFile: suiteFile, atomically: true, encoding: .utf8)
        let suite = try SuiteSpec.load(suiteFile, directory: folder)
        do {
            _ = try suite.loadScenarios(quick: false)
            Issue.record("a misspelt key was accepted")
        } catch let e as ScenarioError {
            #expect(e.file == suiteFile && e.line == 7, "\(e)")
            #expect(e.keyPath == "topologies.one.components.web.servce")
        }
    }
}
