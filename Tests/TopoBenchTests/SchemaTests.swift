import Foundation
import Testing

@testable import TopoBench

/// Runs check-jsonschema, the JSON Schema validator from PyPI that `make test` installs into
/// `.build/schema-venv` (or the one `TOPOBENCH_CHECK_JSONSCHEMA` names, or one on the PATH).
enum SchemaValidator {
    static func executable() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["TOPOBENCH_CHECK_JSONSCHEMA"], !named.isEmpty { return named }
        let venv = RepositoryFiles.root.appendingPathComponent(".build/schema-venv/bin/check-jsonschema").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/check-jsonschema"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Validates `files` against the schema at `schema`: the exit status and what it printed.
    static func run(schema: String, files: [String], json: Bool = false) throws -> (status: Int32, output: String)? {
        guard let executable = executable() else {
            Issue.record("check-jsonschema not found: `make test` installs it into .build/schema-venv (or set TOPOBENCH_CHECK_JSONSCHEMA)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = (json ? ["--output-format", "json"] : []) + ["--schemafile", schema] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// A temporary folder of its own, removed by `remove()`.
struct TemporaryFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("topobench-schema-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

@Suite("Scenario schema")
struct SchemaTests {
    static let committed = RepositoryFiles.root.appendingPathComponent("schema/topobench.schema.json")

    /// `TOPOBENCH_UPDATE_GOLDEN=1 make test` rewrites the committed copy.
    @Test func theCommittedSchemaIsInSync() throws {
        let generated = ScenarioSchema.json()
        if ProcessInfo.processInfo.environment["TOPOBENCH_UPDATE_GOLDEN"] == "1" {
            try generated.write(to: Self.committed, atomically: true, encoding: .utf8)
        }
        let text = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(text == generated, "schema/topobench.schema.json is out of date: run `make schema` (or TOPOBENCH_UPDATE_GOLDEN=1 make test)")
    }

    @Test func theSchemaIsWellFormed() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ScenarioSchema.json().utf8)) as? [String: Any])
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let defs = try #require(json["$defs"] as? [String: Any])
        // Every reference resolves.
        var references: [String] = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let ref = object["$ref"] as? String { references.append(ref) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        for ref in Set(references) {
            #expect(ref.hasPrefix("#/$defs/") && defs[String(ref.dropFirst(8))] != nil, "\(ref) does not resolve")
        }
        // Every component kind, fault kind and distribution has its own definition, closed.
        for name in ComponentKinds.names + FaultSpec.Kind.allCases.map { "fault." + $0.rawValue } + ScenarioLoader.distributionNames.map { "distribution." + $0 } {
            let def = defs[name] as? [String: Any]
            #expect(def?["additionalProperties"] as? Bool == false, "\(name)")
        }
    }

    @Test func everyScenarioAndSuiteFileValidates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let schema = try folder.write("schema.json", ScenarioSchema.json())
        var files = RepositoryFiles.scenarioAndSuiteFiles()
        for (name, text) in RepositoryFiles.fixtures { files.append(try folder.write(name + ".yaml", text)) }
        guard let result = try SchemaValidator.run(schema: schema, files: files) else { return }
        #expect(result.status == 0, "check-jsonschema refused a valid file:\n\(result.output)")
    }

    /// Wrong files: each must be refused by the validator and by the loader.
    static let wrong: [(label: String, find: String, replace: String)] = [
        ("a misspelt key", "service: { dist: gamma", "sevice: { dist: gamma"),
        ("a misspelt top-level key", "replications: 10", "replicatons: 10"),
        ("an unknown kind", "kind: session_store", "kind: session_stor"),
        ("a key of another kind", "{ kind: sns, subscribers", "{ kind: sns, workers: 2, subscribers"),
        ("a duration without a unit", "duration: 2h", "duration: 2"),
        ("a duration with an unknown unit", "warmup: 10m", "warmup: 10 minutes"),
        ("a rate without a unit", "rate: 200/s", "rate: 200"),
        ("a fractional count", "count: 3, zones: [a, b, c]", "count: 2.5, zones: [a, b, c]"),
        ("a count of zero", "count: 1, zones: [a], workers: 8, queue", "count: 0, zones: [a], workers: 8, queue"),
        ("an unknown algorithm", "algorithm: round_robin", "algorithm: random"),
        ("a health-check threshold of 20", "healthy: 5", "healthy: 20"),
        ("an unknown distribution", "dist: gamma", "dist: gama"),
        ("a distribution missing its parameter", "{ dist: exponential, mean: 24h }", "{ dist: exponential }"),
        ("a fault without a time", "{ kind: zombie, target: web, instance: 1, at: 20m, duration: 10m }", "{ kind: zombie, target: web, instance: 1, duration: 10m }"),
        ("a fault kind that is no FIS action", "kind: latency", "kind: aws:ec2:inject-latenc"),
        ("a multiplier on a crash", "instance: 0, at: 30m, recover_after: 5m }", "instance: 0, at: 30m, recover_after: 5m, multiplier: 2 }"),
        ("both duration and recover_after", "instance: 0, at: 30m, recover_after: 5m }", "instance: 0, at: 30m, recover_after: 5m, duration: 5m }"),
        ("a probability above 1", "probability: 0.3", "probability: 1.5"),
        ("a list for a map", "session: { requests: 20 }", "session: [20]"),
        ("a topology name with a space", "  sqs:\n    entry: web_lb", "  \"s q s\":\n    entry: web_lb"),
        ("no workload", "workload:\n  arrival", "workloads:\n  arrival"),
    ]

    @Test func wrongFilesAreRefusedByTheValidatorAndTheLoader() throws {
        let example = RepositoryFiles.root.appendingPathComponent("Benchmarks/suites/examples/checkout.yaml").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let schema = try folder.write("schema.json", ScenarioSchema.json())
        var files: [(label: String, path: String)] = []
        for (i, w) in Self.wrong.enumerated() {
            let changed = text.replacingOccurrences(of: w.find, with: w.replace)
            #expect(changed != text, "\(w.label): the change must apply")
            let file = try folder.write("wrong\(i).yaml", changed)
            #expect(throws: ScenarioError.self, "\(w.label): the loader accepted it") { _ = try ScenarioLoader.load(path: file) }
            files.append((w.label, file))
        }
        let suite = try folder.write("suite.yaml", "name: s\nscenarios: [wrong0.yaml]\nquick: { scale: 0.1, replicas: 2 }\n")
        files.append(("a suite with an unknown key", suite))
        // One run for all of them; its JSON report lists the errors by file.
        guard let result = try SchemaValidator.run(schema: schema, files: files.map(\.path), json: true) else { return }
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any], "not a JSON report:\n\(result.output)")
        let errors = (report["errors"] as? [[String: Any]]) ?? []
        let refused = Set(errors.compactMap { $0["filename"] as? String })
        #expect((report["parse_errors"] as? [Any])?.isEmpty ?? true, "\(report["parse_errors"] ?? "")")
        for (label, path) in files {
            #expect(refused.contains(path), "\(label): check-jsonschema did not refuse it")
        }
    }

    /// Each example and suite file names the schema for editors, by a path relative to itself.
    @Test func everyExampleAndSuiteFileNamesTheSchema() throws {
        for file in RepositoryFiles.scenarioAndSuiteFiles() {
            let first = try String(contentsOfFile: file, encoding: .utf8).prefix { $0 != "\n" }
            let prefix = "# yaml-language-server: $schema="
            guard first.hasPrefix(prefix) else {
                Issue.record("\(file) does not start with \(prefix)…")
                continue
            }
            let relative = String(first.dropFirst(prefix.count))
            let target = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL
            #expect(target.path == Self.committed.standardizedFileURL.path, "\(file): \(relative) is not the schema")
        }
    }
}
