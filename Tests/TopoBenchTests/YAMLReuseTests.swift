import Foundation
import Testing
@testable import TopoBench

/// Anchors, aliases and merge keys in scenario files, and the top-level `x-` keys that hold them.
@Suite("YAML reuse")
struct YAMLReuseTests {
    static let written = """
        name: reuse
        duration: 10m
        replications: 2
        workload:
          arrival: { dist: exponential, rate: 100/s }
          timeout: 5s
        topologies:
          one:
            entry: lb
            components:
              lb: { kind: alb, targets: web }
              db: { kind: instances, count: 1, zones: [a], workers: 8, service: 10ms }
              web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms, calls: db }
          two:
            entry: lb
            components:
              lb: { kind: alb, targets: web }
              db: { kind: instances, count: 1, zones: [a], workers: 8, service: 10ms }
              web: { kind: instances, count: 4, zones: [a, b], workers: 4, service: 5ms, calls: db }
        """

    static let reused = """
        name: reuse
        x-web: &web { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms, calls: db }
        x-tier: &tier
          lb: { kind: alb, targets: web }
          db: { kind: instances, count: 1, zones: [a], workers: 8, service: 10ms }
        duration: 10m
        replications: 2
        workload:
          arrival: { dist: exponential, rate: 100/s }
          timeout: 5s
        topologies:
          one:
            entry: lb
            components:
              <<: *tier
              web: *web
          two:
            entry: lb
            components:
              <<: *tier
              web: { <<: *web, count: 4 }
        """

    func load(_ text: String) throws -> [Scenario] { try ScenarioLoader.parse(text: text, file: "reuse.yaml") }

    @Test func anchorsAndMergesReadAsTheWrittenOutFile() throws {
        let written = try #require(try load(Self.written).first)
        let reused = try #require(try load(Self.reused).first)
        #expect(reused.topologies.map(\.name) == ["one", "two"])
        // The same components in the same order (merged keys come in where '<<' is), with the
        // same parameters.
        for (a, b) in zip(written.topologies, reused.topologies) {
            let left = a.components.map { String(describing: $0) }
            let right = b.components.map { String(describing: $0) }
            #expect(left == right)
        }
        guard let web = reused.topologies[1].components.first(where: { $0.name == "web" })?.kind.spec as? InstancesSpec else {
            Issue.record("two.web is not instances")
            return
        }
        #expect(web.count == 4)
    }

    @Test func topLevelExtensionKeysAreIgnoredAndOnlyThere() throws {
        _ = try load(Self.written + "\nx-notes: { anything: [1, 2, 3] }\n")
        let nested = Self.written.replacingOccurrences(of: "  timeout: 5s", with: "  timeout: 5s\n  x-notes: 1")
        let error = try #require(scenarioError { _ = try load(nested) })
        #expect(error.keyPath == "workload.x-notes")
        #expect(error.problem == "unknown key 'x-notes'")
    }

    @Test func anErrorInAnAnchoredDefinitionIsLocatedThereAndNamedWhereUsed() throws {
        let broken = Self.reused.replacingOccurrences(of: "workers: 4, service: 5ms", with: "workers: -4, service: 5ms")
        let error = try #require(scenarioError { _ = try load(broken) })
        // The bad value is written on line 2, inside the anchor; the first use names it.
        #expect(error.line == 2)
        #expect(["topologies.one.components.web.workers", "topologies.two.components.web.workers"].contains(error.keyPath))
        let misspelt = Self.reused.replacingOccurrences(of: "count: 2,", with: "cuont: 2,")
        let unknown = try #require(scenarioError { _ = try load(misspelt) })
        #expect(unknown.line == 2)
        #expect(["topologies.one.components.web.cuont", "topologies.two.components.web.cuont"].contains(unknown.keyPath))
        #expect(unknown.suggestion == "count")
    }

    @Test func suitesIgnoreExtensionKeysToo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-suite-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.written.write(to: folder.appendingPathComponent("one.yaml"), atomically: true, encoding: .utf8)
        try "name: mine\nx-note: &n hello\ndescription: *n\nscenarios: [one.yaml]\n"
            .write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let suite = try SuiteSpec.load("mine", directory: folder.path)
        #expect(suite.description == "hello")
        #expect(suite.scenarios.count == 1)
    }

    private func scenarioError(_ body: () throws -> Void) -> ScenarioError? {
        MergeCompletenessTests.scenarioError(body)
    }
}
