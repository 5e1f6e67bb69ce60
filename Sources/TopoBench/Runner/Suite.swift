import Foundation

/// A benchmark suite: a list of scenario files run together (`Benchmarks/suites/NAME.yaml`).
///
/// ```yaml
/// name: default
/// description: What decoupling buys, fault by fault
/// scenarios: [examples/instance_crash.yaml, examples/az_outage.yaml]   # relative to this file
/// quick: { scale: 0.1, replications: 3 }    # what --quick does
/// ```
public struct SuiteSpec: Sendable {
    public var name: String
    public var description: String
    public var file: String
    public var scenarios: [String]
    public var quickScale: Double
    public var quickReplications: Int
    /// The topologies defined once for every scenario (`topologies:`), if the suite has them.
    public var topologies: SharedTopologies?

    /// Finds a suite by name in `directory` (or takes a path to a suite file) and reads it.
    public static func load(_ nameOrPath: String, directory: String) throws -> SuiteSpec {
        let path: String
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".json") {
            path = nameOrPath
        } else {
            path = (directory as NSString).appendingPathComponent(nameOrPath + ".yaml")
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw ScenarioError(
                    file: directory, keyPath: "", expected: "a folder of suite files (\(SuiteLocation.searched))",
                    found: "no such folder")
            }
            if !FileManager.default.fileExists(atPath: path) {
                let available = available(in: directory)
                throw ScenarioError(
                    file: path, keyPath: "", expected: "a suite in \(directory)" + (available.isEmpty ? "" : " (" + available.joined(separator: ", ") + ")"),
                    found: "no file \(nameOrPath).yaml", suggestion: KeyPath.nearest(nameOrPath, in: available))
            }
        }
        let root = try NodeReader(node: try ScenarioDocument.load(path: path).withoutExtensionKeys, file: path).map()
        let name = try root.string("name") ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try ScenarioLoader.checkName(name, root.optional("name") ?? root.reader)
        let description = try root.string("description") ?? ""
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        var scenarios: [String] = []
        for s in try root.list("scenarios") ?? [] {
            let rel = try s.string()
            let full = rel.hasPrefix("/") ? rel : base.appendingPathComponent(rel).path
            if !FileManager.default.fileExists(atPath: full) { throw s.error(expected: "a scenario file", found: "\"\(rel)\" (not found)") }
            scenarios.append(full)
        }
        if scenarios.isEmpty { throw root.reader.error(expected: "'scenarios': a non-empty list of scenario files", suggestion: "scenarios") }
        var topologies: SharedTopologies? = nil
        if let t = root.optional("topologies") {
            topologies = try SharedTopologies.read(t, text: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        }
        var scale = 0.1, reps = 3
        if let q = try root.map("quick") {
            scale = try q.double("scale", default: 0.1, min: 0.0001, max: 1) ?? 0.1
            reps = try q.int("replications", default: 3, min: 1, max: ScenarioLoader.Limits.maxReplications) ?? 3
            try q.finish()
        }
        try root.finish()
        return SuiteSpec(
            name: name, description: description, file: path, scenarios: scenarios, quickScale: scale, quickReplications: reps,
            topologies: topologies)
    }

    /// The suite that lists `scenario` and defines topologies, looked for in the scenario's folder
    /// and the one above it: what a scenario of such a suite takes when it is run on its own.
    public static func topologies(for scenario: String) -> SharedTopologies? {
        let file = URL(fileURLWithPath: scenario).standardizedFileURL
        let here = file.deletingLastPathComponent()
        for folder in [here, here.deletingLastPathComponent()] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            for n in names {
                let path = folder.appendingPathComponent(n).path
                guard path != file.path, let node = try? ScenarioDocument.load(path: path), node["scenarios"] != nil, node["topologies"] != nil,
                      let suite = try? load(path, directory: folder.path)
                else { continue }
                if suite.scenarios.contains(where: { URL(fileURLWithPath: $0).standardizedFileURL.path == file.path }) { return suite.topologies }
            }
        }
        return nil
    }

    /// The suite names in a directory.
    public static func available(in directory: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Loads every scenario of the suite (all errors surface before anything runs).
    public func loadScenarios(quick: Bool, seed: UInt64? = nil) throws -> [[Scenario]] {
        let overrides = ScenarioOverrides(
            seed: seed, replications: quick ? quickReplications : nil, timeScale: quick ? quickScale : 1, topologies: topologies)
        var all: [[Scenario]] = []
        var names: [(file: String, name: String)] = []
        for file in scenarios {
            let points = try ScenarioLoader.load(path: file, overrides: overrides)
            if let n = points.first?.name {
                names.append((file, n))
                try ScenarioNames.checkDistinct(names, in: "suite \(name)")
            }
            all.append(points)
        }
        return all
    }
}
