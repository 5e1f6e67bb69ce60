import Foundation
import Testing

@testable import TopoBench

// Tests of the scenario reading layer: documents, typed readers, units, key paths.
// Every test builds its own documents and temporary files: nothing is shared,
// so Swift Testing may run them concurrently.

/// Parses `text` as the file `checkout.yaml`.
private func parse(_ text: String, file: String = "checkout.yaml") throws -> ScenarioNode {
    try ScenarioDocument.parse(text: text, file: file)
}

/// The root of `text` as a checked map.
private func root(_ text: String) throws -> MapReader {
    try NodeReader(node: parse(text), file: "checkout.yaml").map()
}

/// Runs `body` and returns the `ScenarioError` it throws (recording an issue if it throws nothing else).
private func scenarioError(_ body: () throws -> Void) -> ScenarioError? {
    do {
        try body()
        Issue.record("expected a ScenarioError, got none")
        return nil
    } catch let error as ScenarioError {
        return error
    } catch {
        Issue.record("expected a ScenarioError, got \(error)")
        return nil
    }
}

/// A scalar node with no line, for building documents by hand.
private func scalar(_ text: String) -> ScenarioNode { .scalar(text, line: nil, quoted: false) }

/// Writes `contents` to a new temporary file named `name` in a folder of its own and returns its path.
private func temporaryFile(_ name: String, _ contents: Data) throws -> String {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("topobench-scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try contents.write(to: url)
    return url.path
}

/// Removes a file made by `temporaryFile` and its folder.
private func removeTemporaryFile(_ path: String) {
    try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
}

// MARK: - Units

@Suite("Units")
struct ScenarioUnitsTests {
    @Test(arguments: [
        ("30s", Int64(30_000_000_000)),
        ("5ms", 5_000_000),
        ("250us", 250_000),
        ("250µs", 250_000),
        ("250μs", 250_000),
        ("1.5h", 5_400_000_000_000),
        ("2d", 172_800_000_000_000),
        ("10m", 600_000_000_000),
        ("100ns", 100),
        ("0", 0),
        ("0.0", 0),
        ("0.5s", 500_000_000),
        (".5s", 500_000_000),
        ("1 s", 1_000_000_000),
        ("-5s", -5_000_000_000),
        ("+2m", 120_000_000_000),
        ("0.0000000015s", 2),  // 1.5 ns rounds half away from zero
        ("-0.0000000015s", -2),
        ("1.0000000004s", 1_000_000_000),
        ("0.333333333333333333333h", 1_200_000_000_000),
        ("36525d", Units.maxDuration),
    ])
    func parsesDurations(text: String, nanoseconds: Int64) {
        #expect(Units.parseDuration(text) == nanoseconds)
    }

    @Test(arguments: [
        "30", "-5", "s", "", "5 sec", "5S", "5Ms", "1e3ms", "5x", "inf", ".infs", "1.2.3s", "--5s", "- 5s",
        "5s5", "0x10s", "1_000s", "five seconds", "9223372036854775808ns", "106752d",
    ])
    func rejectsMalformedDurations(text: String) {
        #expect(Units.parseDuration(text) == nil)
    }

    @Test func tellsMissingUnitFromOverflow() {
        #expect(Units.scanDuration("30") == .missingUnit)
        #expect(Units.scanDuration("106752d") == .overflow)
        #expect(Units.scanDuration("99999999999999999999999s") == .overflow)
        #expect(Units.scanDuration("5 parsecs") == .malformed)
    }

    @Test(arguments: [
        (Int64(30_000_000_000), "30s"), (1_500_000, "1500us"), (0, "0s"), (5_400_000_000_000, "90m"),
        (3_600_000_000_000, "1h"), (172_800_000_000_000, "2d"), (1, "1ns"), (-250_000_000, "-250ms"),
        (Units.maxDuration, "36525d"),
    ])
    func formatsDurationsExactly(nanoseconds: Int64, text: String) {
        #expect(Units.format(nanoseconds: nanoseconds) == text)
    }

    @Test(arguments: [Int64(1), 999, 1_000, 1_001, 1_500_000, 59_999_999_999, 86_400_000_000_001, Int64.max, -Int64.max])
    func formatRoundTrips(nanoseconds: Int64) {
        #expect(Units.parseDuration(Units.format(nanoseconds: nanoseconds)) == nanoseconds)
    }

    @Test(arguments: [
        ("200/s", 200), ("5/m", 5.0 / 60), ("10/h", 10.0 / 3600), ("3/d", 3.0 / 86400), ("1/ms", 1000),
        ("0.5/s", 0.5), ("2e3/s", 2000), ("1 / s", 1), ("250/us", 250e6), ("1/µs", 1e6), ("-5/s", -5),
    ] as [(String, Double)])
    func parsesRates(text: String, perSecond: Double) throws {
        let parsed = try #require(Units.parseRate(text))
        #expect(abs(parsed - perSecond) <= 1e-12 * abs(perSecond))
    }

    @Test(arguments: ["200", "200/", "/s", "200/sec", "200/S", "a/s", "1/2/s", "inf/s", ".nan/s", "1e400/s", "0x10/s", "200 per second"])
    func rejectsMalformedRates(text: String) {
        #expect(Units.parseRate(text) == nil)
    }
}

// MARK: - Typed readers

@Suite("Typed readers")
struct ScenarioTypedReaderTests {
    private func reader(_ text: String, quoted: Bool = false) -> NodeReader {
        NodeReader(node: .scalar(text, line: 7, quoted: quoted), file: "f.yaml", path: "a.b")
    }

    @Test(arguments: [
        ("10", 10), ("1_000", 1000), ("0x10", 16), ("-3", -3), ("+7", 7), ("010", 10), ("0o17", 15), ("0b101", 5),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func readsIntegers(text: String, value: Int) throws {
        #expect(try reader(text).int() == value)
    }

    @Test(arguments: ["1.5", "abc", "1e3", "", "_1", "1_", "0x", "0xG", ".inf", "1 000", "0b102", "99999999999999999999", "-9223372036854775809"])
    func rejectsNonIntegers(text: String) {
        let error = scenarioError { _ = try reader(text).int() }
        #expect(error?.keyPath == "a.b")
        #expect(error?.line == 7)
        #expect(error?.expected.hasPrefix("an integer") == true)
    }

    @Test func integerRangeIsInTheMessage() throws {
        let error = scenarioError { _ = try reader("0").int(min: 1, max: 1000) }
        #expect(error?.description == "f.yaml:7: a.b: expected an integer from 1 to 1000; found \"0\"")
        let tooBig = scenarioError { _ = try reader("99999999999999999999").int(min: 1) }
        #expect(tooBig?.expected == "an integer from 1 to 9223372036854775807")
        #expect(try reader("5", quoted: true).int(min: 1, max: 5) == 5)
    }

    @Test(arguments: [("0.5", 0.5), ("5", 5.0), ("-2.5e-3", -0.0025), ("1_000.5", 1000.5), ("0x10", 16.0), ("1e-400", 0.0)])
    func readsNumbers(text: String, value: Double) throws {
        #expect(try reader(text).double() == value)
    }

    @Test(arguments: [".inf", "-.inf", ".nan", "NaN", "inf", "1e400", "-1e400"])
    func rejectsInfinityAndNaN(text: String) {
        let error = scenarioError { _ = try reader(text).double() }
        #expect(error?.expected == "a finite number (infinity and NaN are not allowed)")
    }

    @Test(arguments: ["abc", "0x1p3", "1.2.3", "", "1e", "--1"])
    func rejectsNonNumbers(text: String) {
        let error = scenarioError { _ = try reader(text).double(min: 0, max: 1) }
        #expect(error?.expected == "a number from 0 to 1")
    }

    @Test func readsFlagsAndRefusesYAML11Words() throws {
        #expect(try reader("true").bool() == true)
        #expect(try reader("FALSE").bool() == false)
        let yes = scenarioError { _ = try reader("yes").bool() }
        #expect(yes?.suggestion == "true")
        let off = scenarioError { _ = try reader("off").bool() }
        #expect(off?.suggestion == "false")
        #expect(scenarioError { _ = try reader("1").bool() }?.expected == "true or false")
    }

    @Test func durationErrorsMatchTheContract() {
        let bare = scenarioError { _ = try reader("30").duration() }
        #expect(bare?.description == "f.yaml:7: a.b: expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"30\"")
        let negative = scenarioError { _ = try reader("-5s").duration() }
        #expect(negative?.expected == "a duration of at least 0s")
        let huge = scenarioError { _ = try reader("99999999999999999999d").duration() }
        #expect(huge?.expected == "a duration of at most 36525d (100 years)")
        let aboveMax = scenarioError { _ = try reader("2h").duration(max: 3_600_000_000_000) }
        #expect(aboveMax?.expected == "a duration of at most 1h")
        #expect(scenarioError { _ = try reader("1e400s").duration() }?.found == "\"1e400s\"")
    }

    @Test func negativeDurationsWhenAllowed() throws {
        #expect(try reader("-5s").duration(min: -Units.maxDuration) == -5_000_000_000)
        #expect(try reader("0").duration() == 0)
    }

    @Test func rateErrors() throws {
        #expect(try reader("200/s").rate() == 200)
        #expect(scenarioError { _ = try reader("0/s").rate() }?.expected == "a rate above zero, such as 200/s")
        #expect(scenarioError { _ = try reader("1e400/s").rate() }?.expected == "a finite rate, such as 200/s")
        #expect(scenarioError { _ = try reader("200").rate() }?.found == "\"200\"")
    }

    @Test func choiceSuggestsTheNearestOption() throws {
        let options = ["round_robin", "least_outstanding"]
        #expect(try reader("round_robin").choice(options) == "round_robin")
        let error = scenarioError { _ = try reader("round_robn").choice(options) }
        #expect(error?.suggestion == "round_robin")
        #expect(error?.expected == "one of: round_robin, least_outstanding")
    }

    @Test func probabilityIsBetweenZeroAndOne() throws {
        #expect(try reader("0.3").probability() == 0.3)
        #expect(try reader("1").probability() == 1)
        #expect(scenarioError { _ = try reader("1.5").probability() }?.expected == "a probability from 0 to 1")
        #expect(scenarioError { _ = try reader(".nan").probability() } != nil)
    }

    @Test func wrongShapesAreErrors() throws {
        let map = NodeReader(node: .map([(key: "x", value: scalar("1"))], line: 3), file: "f.yaml", path: "p")
        #expect(scenarioError { _ = try map.string() }?.found == "a map")
        #expect(scenarioError { _ = try map.list() }?.expected == "a list")
        let null = NodeReader(node: .null(line: 4), file: "f.yaml", path: "q")
        #expect(null.isNull)
        #expect(scenarioError { _ = try null.int() }?.found == "nothing (null)")
        #expect(scenarioError { _ = try null.map() }?.description == "f.yaml:4: q: expected a map (key: value pairs); found nothing (null)")
    }
}

// MARK: - Documents and key-path errors

@Suite("Scenario documents")
struct ScenarioDocumentTests {
    @Test func wrongTypeAtANestedKeyPath() throws {
        let text = """
            name: checkout
            topologies:
              alb:
                components:
                  web: { kind: instances, count: many }
            """
        let topologies = try #require(try root(text).map("topologies"))
        let alb = try #require(try topologies.map("alb"))
        let web = try #require(try alb.map("components")?.map("web"))
        let error = scenarioError { _ = try web.int("count", min: 1) }
        #expect(error?.keyPath == "topologies.alb.components.web.count")
        #expect(error?.line == 5)
        #expect(error?.description == "checkout.yaml:5: topologies.alb.components.web.count: expected an integer of at least 1; found \"many\"")
    }

    @Test func healthCheckIntervalWithoutUnit() throws {
        let text = """
            topologies:
              alb:
                components:
                  web_lb:
                    kind: alb
                    health_check: { interval: 30, timeout: 5s }
            """
        let lb = try #require(try root(text).map("topologies")?.map("alb")?.map("components")?.map("web_lb"))
        let check = try #require(try lb.map("health_check"))
        #expect(try check.duration("timeout") == 5_000_000_000)
        let error = scenarioError { _ = try check.duration("interval") }
        #expect(error?.description == "checkout.yaml:6: topologies.alb.components.web_lb.health_check.interval: expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"30\"")
    }

    @Test func unknownKeySuggestsTheNearest() throws {
        let map = try root("name: checkout\nreplicatons: 10\nseed: 1\n")
        _ = try map.string("name")
        _ = try map.string("description")
        _ = try map.duration("duration", default: 0)
        _ = try map.int("replications", default: 10)
        _ = try map.int("seed")
        let error = scenarioError { try map.finish() }
        #expect(error?.keyPath == "replicatons")
        #expect(error?.line == 2)
        #expect(error?.suggestion == "replications")
        #expect(error?.description == "checkout.yaml:2: replicatons: unknown key 'replicatons'; did you mean 'replications'? (valid keys here: name, description, duration, replications, seed)")
    }

    @Test func unknownKeyWithoutAnyNearKey() throws {
        let map = try root("name: x\nzzzzzz: 1\n")
        map.allow(["name"])
        let error = scenarioError { try map.finish() }
        #expect(error?.suggestion == nil)
        #expect(error?.description == "checkout.yaml:2: zzzzzz: unknown key 'zzzzzz' (valid keys here: name)")
    }

    @Test func unknownKeyHoldingABlockMapPointsAtTheKey() throws {
        let map = try root("name: x\ntopologis:\n  alb:\n    entry: web\n")
        _ = try map.string("name")
        _ = try map.map("topologies")
        let error = scenarioError { try map.finish() }
        #expect(error?.line == 2)
        #expect(error?.suggestion == "topologies")
        #expect(try map.map("topologis")?.reader.line == 2)
    }

    @Test func finishAcceptsKeysThatWereAskedFor() throws {
        let map = try root("a: 1\nb: 2\nc: ~\nd: [1]\n")
        #expect(map.has("a"))
        #expect(map.optional("c")?.isNull == true)
        #expect(map.optional("missing") == nil)
        map.allow(["b"])
        #expect(try map.list("d")?.count == 1)
        try map.finish()
        #expect(map.keys == ["a", "b", "c", "d"])
    }

    @Test func contractChecksNameTheKey() throws {
        // `duration: -` is a YAML syntax error; the key is recovered from the text.
        let dash = scenarioError { _ = try parse("name: x\nduration: -\nseed: 1\n") }
        #expect(dash?.keyPath == "duration")
        #expect(dash?.line == 2)
        #expect(dash?.description.contains("durati") == true)

        let negative = scenarioError { _ = try root("duration: -5s\n").duration("duration") }
        #expect(negative?.description == "checkout.yaml:1: duration: expected a duration of at least 0s; found \"-5s\"")

        let seven = scenarioError { _ = try root("name: x\ntopologies: 7\n").map("topologies") }
        #expect(seven?.description == "checkout.yaml:2: topologies: expected a map (key: value pairs); found \"7\"")
    }

    @Test func syntaxErrorsNameANestedKeyPath() {
        let text = """
            workload:
              arrival: { dist: exponential, rate: [1, 2 }
            faults:
              - kind: crash
                at: 30m
              - kind: zombie
                at: [oops
            """
        let error = scenarioError { _ = try parse(text) }
        #expect(error?.problem?.hasPrefix("invalid YAML") == true)
        #expect(error?.keyPath == "workload.arrival")
        let listError = scenarioError { _ = try parse("faults:\n  - kind: crash\n  - kind: zombie\n    at: 30m: x\n") }
        #expect(listError?.keyPath == "faults[1].at")
    }

    @Test func missingRequiredKey() throws {
        let arrival = try #require(try root("workload:\n  arrival: { dist: exponential }\n").map("workload")?.map("arrival"))
        let error = scenarioError { _ = try arrival.required("rate") }
        #expect(error?.description == "checkout.yaml:2: workload.arrival: missing required key 'rate'")
    }

    @Test func listItemPaths() throws {
        let text = """
            faults:
              - { kind: crash, target: backend, at: 30m }
              - { kind: zone_outage, zone: a, at: soon }
            """
        let faults = try #require(try root(text).list("faults"))
        #expect(faults.map(\.path) == ["faults[0]", "faults[1]"])
        #expect(try faults[0].map().duration("at") == 1_800_000_000_000)
        let error = scenarioError { _ = try faults[1].map().duration("at") }
        #expect(error?.keyPath == "faults[1].at")
        #expect(error?.line == 3)
    }

    @Test func nullListsAndMapsReadAsEmpty() throws {
        let map = try root("faults:\ncomponents: ~\nwarmup:\n")
        #expect(try map.list("faults")?.isEmpty == true)
        #expect(try map.map("components")?.keys.isEmpty == true)
        let error = scenarioError { _ = try map.duration("warmup", default: 0) }
        #expect(error?.keyPath == "warmup")
        #expect(error?.found == "nothing (null)")
    }

    @Test func duplicateKeys() throws {
        let top = scenarioError { _ = try parse("name: a\nseed: 1\nname: b\n") }
        #expect(top?.problem == "duplicate key 'name' (first on line 1)")
        #expect(top?.line == 3)
        #expect(top?.keyPath == "")

        let nested = """
            topologies:
              alb:
                components:
                  web: { kind: instances }
                  backend: { kind: instances }
                  web: { kind: alb }
            """
        let error = scenarioError { _ = try parse(nested) }
        #expect(error?.keyPath == "topologies.alb.components")
        #expect(error?.line == 6)
        #expect(error?.description == "checkout.yaml:6: topologies.alb.components: duplicate key 'web' (first on line 4)")

        // Yams tells 1 and "1" apart; the scenario reader does not.
        let mixed = scenarioError { _ = try parse("m:\n  1: x\n  \"1\": y\n") }
        #expect(mixed?.problem == "duplicate key '1' (first on line 2)")
        #expect(mixed?.keyPath == "m")
    }

    @Test func aliasesRepeatTheirAnchorsNode() throws {
        let node = try parse("base: &web { kind: instances, count: 2 }\nother: *web\nn: &n 5\nm: *n\n")
        // The alias gives the same entries; the map takes the line of the key that uses it, and
        // its scalars keep the line where they are written.
        #expect(node["other"] == .map([
            (key: "kind", value: .scalar("instances", line: 1, quoted: false)),
            (key: "count", value: .scalar("2", line: 1, quoted: false)),
        ], line: 2))
        #expect(node["base"]?.line == 1)
        // A scalar reached through an alias is located where it is used.
        #expect(node["m"] == .scalar("5", line: 4, quoted: false))
        #expect(node["n"] == .scalar("5", line: 3, quoted: false))
    }

    @Test func mergeKeysBringEntriesThatAreNotWritten() throws {
        let node = try parse("""
            base: &b { x: 1, y: 2 }
            other: &o { y: 20, z: 30 }
            one:
              <<: *b
              y: 3
            two:
              w: 0
              <<: [*b, *o]
            quoted:
              "<<": 1
            """)
        guard case let .map(one, _) = node["one"], case let .map(two, _) = node["two"] else {
            Issue.record("not maps")
            return
        }
        // Written keys win; merged ones come in at the place of '<<', with their own lines.
        #expect(one.map(\.key) == ["x", "y"])
        #expect(node["one"]?["x"] == .scalar("1", line: 1, quoted: false))
        #expect(node["one"]?["y"] == .scalar("3", line: 5, quoted: false))
        // In a list of maps, the first map that has a key gives it.
        #expect(two.map(\.key) == ["w", "x", "y", "z"])
        #expect(node["two"]?["y"]?.text == "2")
        #expect(node["two"]?["z"]?.text == "30")
        // A quoted "<<" is an ordinary key.
        #expect(node["quoted"]?["<<"]?.text == "1")

        let scalar = scenarioError { _ = try parse("a: &a 1\nm:\n  <<: *a\n") }
        #expect(scalar?.problem == "a merge key ('<<') found \"1\"")
        #expect(scalar?.keyPath == "m")
        #expect(scalar?.line == 3)
        let listOfScalars = scenarioError { _ = try parse("a: &a { k: 1 }\nm: { <<: [*a, 2] }\n") }
        #expect(listOfScalars?.problem?.contains("in its list") == true)
        let twice = scenarioError { _ = try parse("a: &a { k: 1 }\nm: { <<: *a, k: 2, k: 3 }\n") }
        #expect(twice?.problem?.hasPrefix("duplicate key 'k'") == true)
    }

    @Test func undefinedAliasesAreNamed() {
        let undefined = scenarioError { _ = try parse("a: 1\nb: *nothing\n") }
        #expect(undefined?.problem == "undefined alias")
        #expect(undefined?.found == "\"*nothing\"")
        #expect(undefined?.keyPath == "b")
        #expect(undefined?.line == 2)
        #expect(undefined?.expected.contains("'&nothing'") == true)
    }

    @Test func aBillionLaughsIsRefusedQuickly() throws {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            laughs += "a\(level): &a\(level) [\(previous)]\n"
        }
        // As a value: 9^10 nodes once expanded; the walk stops at the bound.
        let expanded = scenarioError { _ = try parse(laughs + "boom: *a9\n") }
        #expect(expanded?.problem == "the document expands to more than \(ScenarioDocument.maxNodes) nodes through its aliases")
        // The definitions alone expand past the bound: a6 stands for 9^7 nodes.
        #expect(scenarioError { _ = try parse(laughs) }?.line == 7)
        // As a key Yams would hash it whole; it never sees the alias, and a key that is an
        // alias is refused, however it is written.
        laughs = laughs.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
        let start = Date()
        for (tail, problem) in [
            ("? *a4\n: boom\n", "an alias cannot be a key"),
            ("*a4 : boom\n", "an alias cannot be a key"),
            ("x-k: {*a4}\n", "an alias cannot be a key"),
            ("x-k: {*a4 ,}\n", "an alias cannot be a key"),
            ("[*a4, *a4]: boom\n", "a map or list cannot be a key"),
        ] {
            let error = scenarioError { _ = try parse(laughs + tail) }
            #expect(error?.problem == problem, "\(tail)")
            #expect(error?.line == 6, "\(tail)")
        }
        // Glued to a colon in a flow collection, '*a4:1' is one plain scalar (a key of text
        // here, where Yams would have taken an alias and hashed it).
        let glued = try parse(laughs + "x-k: {*a4:1}\nx-l: [*a4:1]\n")
        #expect(glued["x-k"] == .map([(key: "*a4:1", value: .null(line: 6))], line: 6))
        #expect(glued["x-l"]?.foundDescription == "a list")
        #expect(Date().timeIntervalSince(start) < 5, "the keys took \(Date().timeIntervalSince(start)) s")
        // A '*' in a quoted or plain text is text, whatever follows it.
        let texts = try parse("a: \"see *web, 2*b\"\nb: 2*x*y\nc: '*web'\n")
        #expect(texts["a"]?.text == "see *web, 2*b")
        #expect(texts["b"]?.text == "2*x*y")
        #expect(texts["c"] == .scalar("*web", line: 3, quoted: true))
        #expect(scenarioError { _ = try parse("a: \u{E000}\n") }?.problem?.contains("U+E000") == true)
        // Without aliases the same document is fine.
        #expect((try? parse("a: [lol, lol]\nb: { c: [1, 2] }\n")) != nil)
    }

    @Test func ampersandsInTextAreFine() throws {
        let node = try parse("# anchors &like this in a comment line are fine\ndescription: R&D, A & B\n")
        #expect(node["description"]?.text == "R&D, A & B")
    }

    @Test func scalarsKeepTextQuotingAndLines() throws {
        let node = try parse("a: \"5\"\nb: 5\nc: |\n  text\nd: ~\n1: one\ntrue: yes\n")
        guard case let .map(entries, _) = node else {
            Issue.record("not a map")
            return
        }
        #expect(entries.map(\.key) == ["a", "b", "c", "d", "1", "true"])
        #expect(node["a"] == .scalar("5", line: 1, quoted: true))
        #expect(node["b"] == .scalar("5", line: 2, quoted: false))
        #expect(node["c"] == .scalar("text\n", line: 3, quoted: true))
        #expect(node["d"] == .null(line: 5))
        let map = try NodeReader(node: node, file: "f").map()
        #expect(try map.int("a") == 5)
        #expect(try map.int("b") == 5)
    }

    @Test func flowListsOfRates() throws {
        let rates = try #require(try root("sweep:\n  workload.arrival.rate: [50/s, 100/s, 5/m]\n").map("sweep"))
        let values = try #require(try rates.list("workload.arrival.rate"))
        #expect(try values.map { try $0.rate() } == [50, 100, 5.0 / 60])
        #expect(values[2].path == "sweep[\"workload.arrival.rate\"][2]")
    }

    @Test func emptyAndOddDocuments() throws {
        #expect(try parse("") == .null(line: nil))
        #expect(try parse("# only a comment\n") == .null(line: nil))
        #expect(scenarioError { _ = try parse("a: 1\n---\nb: 2\n") }?.problem?.contains("second YAML document") == true)
        #expect(scenarioError { _ = try NodeReader(node: parse("- a\n"), file: "f").map() }?.found == "a list")
        #expect(scenarioError { _ = try parse("? [a, b]\n: 1\n") }?.problem == "a map or list cannot be a key")
    }

    @Test func nestingLimit() throws {
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        _ = try parse(nested(64))
        let error = scenarioError { _ = try parse(nested(65)) }
        #expect(error?.problem == "nesting deeper than 64 levels")
        #expect(error?.keyPath == String(repeating: "[0]", count: 64))
        // libyaml stops at 1,000 levels, before Yams' recursive composer could overflow the stack.
        #expect(scenarioError { _ = try parse(nested(100_000)) }?.problem?.hasPrefix("invalid YAML") == true)
        let blocks = (0..<200).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        #expect(scenarioError { _ = try parse(blocks) }?.problem == "nesting deeper than 64 levels")
    }

    @Test func nodeAndSizeLimits() throws {
        let many = "[" + Array(repeating: "0", count: ScenarioDocument.maxNodes).joined(separator: ",") + "]"
        #expect(scenarioError { _ = try parse(many) }?.problem == "the document has more than 1000000 nodes")
        let big = String(repeating: "#", count: ScenarioDocument.maxBytes + 1)
        #expect(scenarioError { _ = try parse(big) }?.problem?.contains("larger than 8 MiB") == true)
    }
}

// MARK: - Files

@Suite("Scenario files")
struct ScenarioFileTests {
    @Test func readsJSON() throws {
        let json = """
            {
            \t"name": "checkout \\ud83d\\uded2",
            \t"duration": "2h",
            \t"replications": 10,
            \t"workload": {"arrival": {"dist": "exponential", "rate": "200/s"}},
            \t"faults": [
            \t\t{"kind": "crash", "at": "30m"},
            \t\t{"kind": "latency", "at": "40m", "multiplier": 1e1}
            \t],
            \t"topologies": {"tight": {"entry": "web", "components": {"web": {"kind": "instances", "count": 1, "zones": ["a"]}}}},
            \t"note": null
            }
            """
        let path = try temporaryFile("checkout.json", Data(json.utf8))
        defer { removeTemporaryFile(path) }
        let node = try ScenarioDocument.load(path: path)
        let map = try NodeReader(node: node, file: path).map()
        #expect(try map.string("name") == "checkout 🛒")
        #expect(try map.duration("duration") == 7_200_000_000_000)
        #expect(try map.int("replications") == 10)
        #expect(try map.map("workload")?.map("arrival")?.rate("rate") == 200)
        let faults = try #require(try map.list("faults"))
        #expect(faults.count == 2)
        #expect(try faults[1].map().double("multiplier") == 10)
        #expect(faults[1].line == 8)
        let web = try #require(try map.map("topologies")?.map("tight")?.map("components")?.map("web"))
        #expect(try web.list("zones")?.map { try $0.string() } == ["a"])
        #expect(map.optional("note")?.isNull == true)
        let count = scenarioError { _ = try web.int("count", min: 2) }
        #expect(count?.keyPath == "topologies.tight.components.web.count")
        #expect(count?.file == path)
        #expect(count?.line == 10)
    }

    @Test func fileErrorsNameTheFile() throws {
        let missing = scenarioError { _ = try ScenarioDocument.load(path: "/nonexistent/checkout.yaml") }
        #expect(missing?.description == "/nonexistent/checkout.yaml: cannot read the file: no such file")
        let directory = FileManager.default.temporaryDirectory.path
        #expect(scenarioError { _ = try ScenarioDocument.load(path: directory) }?.problem == "cannot read the file: it is a directory")
        let latin1 = try temporaryFile("latin1.yaml", Data("name: ok\ndescription: caf".utf8) + Data([0xE9, 0x0A]))
        defer { removeTemporaryFile(latin1) }
        let notUTF8 = scenarioError { _ = try ScenarioDocument.load(path: latin1) }
        #expect(notUTF8?.line == 2)
        #expect(notUTF8?.problem?.hasPrefix("the file is not UTF-8 text") == true)
        let yaml = try temporaryFile("ok.yaml", Data("\u{FEFF}name: ok\n".utf8))
        defer { removeTemporaryFile(yaml) }
        #expect(try ScenarioDocument.load(path: yaml)["name"]?.text == "ok")
    }
}

// MARK: - Key paths

@Suite("Key paths")
struct ScenarioKeyPathTests {
    private let scenario = """
        workload:
          arrival: { dist: exponential, rate: 200/s }
        faults:
          - { kind: crash, at: 30m }
          - { kind: latency, at: 40m }
        topologies:
          tight:
            components:
              web: { kind: instances, count: 1 }
              backend: { kind: instances, count: 1 }
          alb:
            components:
              web: { kind: instances, count: 3 }
              backend: { kind: instances }
          lambda:
            components:
              web: { kind: lambda }
        """

    @Test func wildcardReplacesInEveryMapThatHasThePath() throws {
        let node = try parse(scenario)
        let replaced = try KeyPath.replacing(
            "topologies.*.components.backend.count", in: node, with: scalar("6"), file: "checkout.yaml")
        let topologies = try #require(replaced["topologies"])
        #expect(topologies["tight"]?["components"]?["backend"]?["count"]?.text == "6")
        #expect(topologies["alb"]?["components"]?["backend"]?["count"]?.text == "6")  // added: the file left it out
        #expect(topologies["tight"]?["components"]?["web"]?["count"]?.text == "1")
        #expect(topologies["lambda"] == node["topologies"]?["lambda"])  // no backend: skipped
        #expect(replaced["faults"] == node["faults"])
    }

    @Test func numericSegmentsIndexLists() throws {
        let node = try parse(scenario)
        let replaced = try KeyPath.replacing("faults.1.at", in: node, with: scalar("45m"), file: "f")
        let faults = try NodeReader(node: replaced, file: "f").map().list("faults") ?? []
        #expect(try faults.map { try $0.map().duration("at") } == [1_800_000_000_000, 2_700_000_000_000])
        let rate = try KeyPath.replacing("workload.arrival.rate", in: node, with: scalar("400/s"), file: "f")
        #expect(rate["workload"]?["arrival"]?["rate"]?.text == "400/s")
    }

    @Test func pathsThatMatchNothingAreErrors() throws {
        let node = try parse(scenario)
        let typo = scenarioError {
            _ = try KeyPath.replacing("topologies.*.components.backnd.count", in: node, with: scalar("2"), file: "checkout.yaml")
        }
        #expect(typo?.keyPath == "topologies.*.components.backnd.count")
        #expect(typo?.suggestion == "topologies.*.components.backend.count")
        #expect(typo?.problem?.hasPrefix("this key path matches nothing in the scenario") == true)
        let range = scenarioError { _ = try KeyPath.replacing("faults.5.at", in: node, with: scalar("1s"), file: "f") }
        #expect(range?.problem?.contains("index 5 is out of range") == true)
        let throughScalar = scenarioError { _ = try KeyPath.replacing("workload.arrival.rate.x", in: node, with: scalar("1"), file: "f") }
        #expect(throughScalar?.keyPath == "workload.arrival.rate.x")
        #expect(scenarioError { _ = try KeyPath.replacing("a..b", in: node, with: scalar("1"), file: "f") }?.problem == "not a valid key path")
    }

    @Test(arguments: [
        ("replicatons", "replications"), ("durtaion", "duration"), ("Seed", "seed"), ("warmpu", "warmup"),
        ("wndw", "window"), ("xyz", nil), ("topologies", "topologies"), ("repl", nil),
    ] as [(String, String?)])
    func nearestKey(word: String, expected: String?) {
        let keys = ["name", "description", "duration", "warmup", "replications", "seed", "window", "topologies"]
        #expect(KeyPath.nearest(word, in: keys) == expected)
    }

    @Test func damerauLevenshteinDistance() {
        #expect(KeyPath.distance("ab", "ba") == 1)
        #expect(KeyPath.distance("kitten", "sitting") == 3)
        #expect(KeyPath.distance("", "abc") == 3)
        #expect(KeyPath.distance("same", "same") == 0)
    }

    @Test func keysThatNeedQuotingInPaths() {
        #expect(KeyPath.appending(key: "web", to: "") == "web")
        #expect(KeyPath.appending(key: "web", to: "components") == "components.web")
        #expect(KeyPath.appending(key: "a.b", to: "sweep") == "sweep[\"a.b\"]")
        #expect(KeyPath.appending(index: 2, to: "faults") == "faults[2]")
    }
}

// MARK: - Error formatting

@Suite("Error messages")
struct ScenarioErrorTests {
    @Test func formatsEachPart() {
        let plain = ScenarioError(file: "f.yaml", keyPath: "", expected: "a map")
        #expect(plain.description == "f.yaml: expected a map")
        let full = ScenarioError(file: "f.yaml", keyPath: "a.b", line: 3, expected: "one of: x, y", found: "\"z\"", suggestion: "y")
        #expect(full.description == "f.yaml:3: a.b: expected one of: x, y; found \"z\"; did you mean 'y'?")
    }

    @Test func quotesAndTruncatesFoundText() {
        #expect(ScenarioError.quote("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
        let long = ScenarioError.quote(String(repeating: "x", count: 100))
        #expect(long.count == 60 + 3)
        #expect(long.hasSuffix("…\""))
    }
}
