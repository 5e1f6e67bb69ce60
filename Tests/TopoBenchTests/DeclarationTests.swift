import Foundation
import Testing

@testable import TopoBench

// The declarations of the scenario format (Sources/TopoBench/Scenario/Declarations) and the
// loader reading through them: every file of the repository loads, the declarations hold
// together, a misuse by the loader is a bug that throws, and unknown keys come first.

/// Files of the repository, read from the source tree.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `Benchmarks/suites/**/*.yaml` and `Benchmarks/reference/*.yaml`, sorted.
    static func scenarioAndSuiteFiles() -> [String] {
        var files: [String] = []
        for folder in ["Benchmarks/suites", "Benchmarks/reference"] {
            let base = root.appendingPathComponent(folder)
            let walker = FileManager.default.enumerator(atPath: base.path)
            while let relative = walker?.nextObject() as? String {
                if relative.hasSuffix(".yaml") { files.append(base.appendingPathComponent(relative).path) }
            }
        }
        return files.sorted()
    }

    /// Whether the file is a suite (it lists `scenarios`) rather than a scenario.
    static func isSuite(_ path: String) throws -> Bool {
        try ScenarioDocument.load(path: path)["scenarios"] != nil
    }

    /// Valid scenarios the tests define in code: the validation cases and the fixtures that
    /// use what the example files leave out.
    static let fixtures: [(name: String, text: String)] =
        ValidationSuite.cases.map { ($0.name, $0.scenario) } + MutationTests.extraBases.map { ($0.0, $0.1) }
        + [("loader_base", ScenarioLoaderTests.base), ("fanout", EndToEndTests.scenario), ("found", MutationTests.plain)]
}

/// Runs `body` and returns the error it throws, of type `E` (recording an issue otherwise).
private func thrown<E: Error>(_ type: E.Type, _ body: () throws -> Void) -> E? {
    do {
        try body()
        Issue.record("expected \(E.self), nothing was thrown")
    } catch let error as E {
        return error
    } catch {
        Issue.record("expected \(E.self), got \(error)")
    }
    return nil
}

@Suite("Scenario declarations")
struct DeclarationTests {
    @Test func everyFileOfTheRepositoryLoads() throws {
        let files = RepositoryFiles.scenarioAndSuiteFiles()
        #expect(files.count >= 12, "found only \(files)")
        for file in files {
            do {
                if try RepositoryFiles.isSuite(file) {
                    let suite = try SuiteSpec.load(file, directory: (file as NSString).deletingLastPathComponent)
                    _ = try suite.loadScenarios(quick: true)
                } else {
                    #expect(try !ScenarioLoader.load(path: file).isEmpty)
                }
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test func everyFixtureLoads() {
        for (name, text) in RepositoryFiles.fixtures {
            #expect(throws: Never.self, "\(name)") { _ = try ScenarioLoader.parse(text: text, file: name + ".yaml") }
        }
    }

    static let small = MapDeclaration(
        "small", "A map for the tests.",
        keys: [
            KeyDeclaration("interval", .duration(Time.second...Time.minute), default: "30s", source: .assumption("a test"), "An interval."),
            KeyDeclaration("count", .integer(1...10), "A count."),
            KeyDeclaration("mode", .choice(["a", "b"]), default: "a", "A mode."),
        ])

    func open(_ text: String) throws -> MapReader {
        try NodeReader(node: ScenarioDocument.parse(text: text, file: "t.yaml"), file: "t.yaml").map(Self.small)
    }

    @Test func readingAnUndeclaredKeyIsABug() throws {
        let error = thrown(DeclarationError.self) { _ = try open("count: 2\n").int("counts") }
        #expect(error?.message.contains("'counts'") == true)
        // A read that cannot throw keeps the bug for finish().
        let map = try open("count: 2\n")
        _ = try map.int("count")
        _ = map.optional("colour")
        #expect(thrown(DeclarationError.self) { try map.finish() } != nil)
    }

    @Test func aDefaultOtherThanTheDeclaredOneIsABug() throws {
        #expect(try open("{}").duration("interval", default: 30 * Time.second) == 30 * Time.second)
        #expect(thrown(DeclarationError.self) { _ = try open("{}").duration("interval", default: 20 * Time.second) } != nil)
        #expect(thrown(DeclarationError.self) { _ = try open("{}").duration("interval") } != nil)
        #expect(thrown(DeclarationError.self) { _ = try open("{}").int("count", default: 3) } != nil)
        #expect(thrown(DeclarationError.self) { _ = try open("{}").choice("mode", default: "b") } != nil)
    }

    @Test func rangesAndChoicesComeFromTheDeclaration() throws {
        #expect(try open("count: 10\n").int("count") == 10)
        let error = thrown(ScenarioError.self) { _ = try open("count: 11\n").int("count") }
        #expect(error?.expected == "an integer from 1 to 10")
        #expect(thrown(ScenarioError.self) { _ = try open("interval: 2m\n").duration("interval", default: 30 * Time.second) }?.keyPath == "interval")
        #expect(thrown(ScenarioError.self) { _ = try open("mode: c\n").choice("mode", default: "a") }?.expected == "one of: a, b")
        // Bounds or choices written in code for a declared key are a bug: the declaration is the one place.
        #expect(thrown(DeclarationError.self) { _ = try open("count: 2\n").int("count", min: 1) } != nil)
        #expect(thrown(DeclarationError.self) { _ = try open("mode: a\n").choice("mode", ["a"], default: "a") } != nil)
        #expect(thrown(DeclarationError.self) { _ = try open("count: 2\n").duration("count") } != nil)
    }

    @Test func aDeclaredKeyThatIsNotReadDoesNotApply() throws {
        let map = try open("count: 2\nmode: b\n")
        _ = try map.int("count")
        let error = thrown(ScenarioError.self) { try map.finish() }
        #expect(error?.problem == "key 'mode' does not apply here")
        #expect(error?.line == 2)
    }

    /// Every map reachable from the scenario and suite files, and every variant's map.
    static func everyDeclaration() -> [MapDeclaration] {
        var out: [MapDeclaration] = []
        var seen: [String: [String]] = [:]
        func visit(_ type: ValueType) {
            switch type {
            case .map(let d): visit(d)
            case .variants(let v):
                visit(v.union)
                for c in v.cases { visit(c.declaration) }
            case .list(let t, _): visit(t)
            case .pair(let a, let b): visit(a); visit(b)
            case .anyOf(let ts): ts.forEach(visit)
            default: break
            }
        }
        func visit(_ d: MapDeclaration) {
            if let keys = seen[d.name] {
                #expect(keys == d.keyNames, "two declarations are named \(d.name)")
                return
            }
            seen[d.name] = d.keyNames
            out.append(d)
            for k in d.keys { visit(k.type) }
            if let other = d.otherKeys { visit(other.type) }
        }
        visit(.scenario)
        visit(.suite)
        return out
    }

    @Test func declarationsHoldTogether() {
        let all = Self.everyDeclaration()
        #expect(all.count > 40)
        for d in all {
            #expect(!d.summary.isEmpty, "\(d.name) has no summary")
            #expect(Set(d.keyNames).count == d.keyNames.count, "\(d.name) declares a key twice")
            for rule in d.alternatives { for set in rule { for k in set { #expect(d.key(k) != nil, "\(d.name): alternative names \(k)") } } }
            for group in d.exclusive { for k in group { #expect(d.key(k) != nil, "\(d.name): exclusive names \(k)") } }
            for k in d.keys + (d.otherKeys.map { [$0] } ?? []) {
                #expect(!k.summary.isEmpty, "\(d.name).\(k.name) has no summary")
                #expect(k.source?.resolves ?? true, "\(d.name).\(k.name): \(k.source?.text ?? "")")
                if case .literal(let text)? = k.defaultValue {
                    #expect(Self.reads(text, as: k.type), "\(d.name).\(k.name): default '\(text)' is not a valid value of its type")
                }
                #expect(!(k.required && k.defaultValue != nil), "\(d.name).\(k.name) is required and has a default")
            }
        }
    }

    /// Whether `text` is a valid value of `type`, range included.
    static func reads(_ text: String, as type: ValueType) -> Bool {
        switch type {
        case .duration(let r): return Units.parseDuration(text).map(r.contains) ?? false
        case .rate(let max): return Units.parseRate(text).map { $0 > 0 && $0 <= (max ?? .infinity) } ?? false
        case .size(let r): return Units.parseSize(text).map(r.contains) ?? false
        case .integer(let r): if case .value(let v) = NodeReader.scanInt(text) { return r.contains(v) } else { return false }
        case .number(let r): if case .value(let v) = NodeReader.scanDouble(text) { return r?.contains(v) ?? true } else { return false }
        case .probability: if case .value(let v) = NodeReader.scanDouble(text) { return (0...1).contains(v) } else { return false }
        case .flag: return text == "true" || text == "false"
        case .choice(let options): return options.contains(text)
        case .text: return true
        case .anyOf(let types): return types.contains { reads(text, as: $0) }
        default: return false
        }
    }

    @Test func componentKindsAreListedOnce() {
        #expect(ScenarioLoader.componentKinds == ComponentKinds.names)
        #expect(ComponentKinds.names == ["instances", "alb", "api_gateway", "sqs", "sns", "http_endpoint", "lambda", "session_store", "autoscaling", "database", "route53"])
        #expect(Variants.component.names == ComponentKinds.names)
        for kind in ComponentKinds.all {
            guard case .choice(let names)? = kind.key("kind")?.type else { Issue.record("\(kind.name) has no kind key"); continue }
            #expect(names == [kind.name])
        }
    }

    @Test func faultVariantsCoverEveryKindAndFISAction() {
        for kind in FaultSpec.Kind.allCases { #expect(Variants.fault.variant(named: kind.rawValue) != nil, "\(kind)") }
        for action in ScenarioLoader.fisActions.keys {
            #expect(Variants.fault.cases.filter { $0.names.contains(action) }.count == 1, "\(action)")
        }
        // The error for an unknown kind lists them as before: the kinds, then the FIS names sorted.
        #expect(Variants.fault.names == FaultSpec.Kind.allCases.map(\.rawValue) + ScenarioLoader.fisActions.keys.sorted())
        #expect(Set(Variants.fault.names) == Set(Variants.fault.cases.flatMap(\.names)))
    }

    @Test func distributionNamesAreTheVariants() {
        #expect(ScenarioLoader.distributionNames == [
            "constant", "uniform", "exponential", "normal", "lognormal", "gamma", "weibull", "pareto", "erlang",
            "hyperexponential", "empirical",
        ])
        #expect(Variants.arrival.names == Variants.distribution.names)
        for c in Variants.arrival.cases { #expect(c.declaration.key("rate") != nil && c.declaration.key("profile") != nil) }
        for c in Variants.distribution.cases { #expect(c.declaration.key("rate") == nil && c.declaration.key("profile") == nil) }
    }

    /// The suite file is read by `SuiteSpec` (Runner) without a declaration; its declaration,
    /// which the schema uses, must accept what it accepts and refuse what it refuses.
    @Test func theSuiteDeclarationMatchesTheSuiteReader() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("topobench-suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try ScenarioLoaderTests.base.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let keys = MapDeclaration.suite.keyNames
        #expect(keys == ["name", "description", "scenarios", "topologies", "quick"])
        #expect(MapDeclaration.suiteQuick.keyNames == ["scale", "replications"])
        let full = "name: s\ndescription: d\nscenarios: [a.yaml]\nquick: { scale: 0.5, replications: 2 }\n"
        try full.write(to: folder.appendingPathComponent("s.yaml"), atomically: true, encoding: .utf8)
        let suite = try SuiteSpec.load(folder.appendingPathComponent("s.yaml").path, directory: folder.path)
        #expect(suite.quickScale == 0.5 && suite.quickReplications == 2)
        try (full + "extra: 1\n").write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { _ = try SuiteSpec.load(folder.appendingPathComponent("bad.yaml").path, directory: folder.path) }
    }
}

/// A misspelt key is reported as unknown, at its own line, before anything else about its map:
/// before a missing required key and before a value of the wrong type.
@Suite("Unknown keys first")
struct UnknownKeysFirstTests {
    @Test(arguments: [
        ("service: 5ms, calls: db", "sevice: 5ms, calls: db", "topologies.alb.components.web.sevice", "service"),
        ("workers: 4, service: 5ms", "workers: many, sevice: 5ms", "topologies.alb.components.web.sevice", "service"),
        ("db: { kind: instances", "db: { kidn: instances", "topologies.alb.components.db.kidn", "kind"),
        ("dist: gamma", "dst: gamma", "topologies.alb.components.db.service.dst", "dist"),
        ("entry: lb", "entyr: lb", "topologies.alb.entyr", "entry"),
        ("    components:", "    componets:", "topologies.alb.componets", "components"),
        ("workload:", "wrkload:", "wrkload", "workload"),
        ("topologies:", "topologes:", "topologes", "topologies"),
        ("lb: { kind: alb, targets: web", "lb: { kind: alb, target: web", "topologies.alb.components.lb.target", "targets"),
        ("kind: crash, target: web", "kind: crash, taget: web", "faults[0].taget", "target"),
        ("{ kind: crash", "{ knd: crash", "faults[0].knd", "kind"),
        ("rate: 100/s", "rat: 100/s", "workload.arrival.rat", "rate"),
        ("interval: 30s", "intervl: 30s", "topologies.alb.components.lb.health_check.intervl", "interval"),
    ])
    func aMisspeltKeyIsUnknownAtItsLine(_ find: String, _ replace: String, _ keyPath: String, _ suggestion: String) throws {
        let text = ScenarioLoaderTests.base.replacingOccurrences(of: find, with: replace)
        #expect(text != ScenarioLoaderTests.base, "the mutation must apply")
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(replace.components(separatedBy: "\n")[0]) }) + 1
        do {
            _ = try ScenarioLoader.parse(text: text, file: "s.yaml")
            Issue.record("\(replace) was accepted")
        } catch let e as ScenarioError {
            let key = String(keyPath.split(separator: ".").last ?? "")
            #expect(e.problem == "unknown key '\(key)'", "\(e)")
            #expect(e.keyPath == keyPath)
            #expect(e.line == line)
            #expect(e.suggestion == suggestion)
            #expect(e.description.contains("s.yaml:\(line): \(keyPath): unknown key '\(key)'; did you mean '\(suggestion)'?"), "\(e)")
        }
    }

    @Test func aMissingRequiredKeyIsStillMissing() throws {
        let text = ScenarioLoaderTests.base.replacingOccurrences(of: "service: 5ms, calls: db", with: "calls: db")
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("web: { kind: instances") }) + 1
        do {
            _ = try ScenarioLoader.parse(text: text, file: "s.yaml")
            Issue.record("accepted")
        } catch let e as ScenarioError {
            #expect(e.description == "s.yaml:\(line): topologies.alb.components.web: missing required key 'service'")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func keysOfAnotherVariantAreUnknown() throws {
        // `zone` belongs to a zone outage, `multiplier` to a latency fault, `rate` to the arrivals.
        for (find, replace, path) in [
            ("at: 2m, recover_after", "at: 2m, zone: a, recover_after", "faults[0].zone"),
            ("at: 2m, recover_after", "at: 2m, multiplier: 3, recover_after", "faults[0].multiplier"),
            ("mean: 10ms, shape: 2", "mean: 10ms, shape: 2, rate: 5/s", "topologies.alb.components.db.service.rate"),
            ("targets: web,", "targets: web, service: 5ms,", "topologies.alb.components.lb.service"),
        ] {
            let text = ScenarioLoaderTests.base.replacingOccurrences(of: find, with: replace)
            #expect(text != ScenarioLoaderTests.base)
            do {
                _ = try ScenarioLoader.parse(text: text, file: "s.yaml")
                Issue.record("\(replace) was accepted")
            } catch let e as ScenarioError {
                #expect(e.keyPath == path && e.problem?.hasPrefix("unknown key") == true, "\(e)")
            }
        }
    }

    @Test func aDeclaredKeyThatDoesNotApplyIsRefused() {
        let text = ScenarioLoaderTests.base.replacingOccurrences(of: "service: 5ms, calls: db", with: "service: { dist: lognormal, median: 5ms, sigma: 0.4, sd: 1ms }, calls: db")
        do {
            _ = try ScenarioLoader.parse(text: text, file: "s.yaml")
            Issue.record("accepted")
        } catch let e as ScenarioError {
            #expect(e.keyPath == "topologies.alb.components.web.service.sd")
            #expect(e.problem == "key 'sd' does not apply here", "\(e)")
        } catch {
            Issue.record("\(error)")
        }
    }
}
