import Foundation
import Testing

@testable import TopoBench
@testable import topobench

/// Issue 16, point 1: every problem of a file at once, in file order; unknown keys before missing
/// ones, each at its own line; suggestions for units, rates and commands; tabs and JSON named as
/// what they are; one message for one limit from a file and a flag; exit codes.
@Suite("Error reporting")
struct ErrorReportingTests {
    /// The error `text` gives, or `nil` (recorded as an issue) when it loads.
    func loadError(_ text: String, file: String = "s.yaml") -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(text: text, file: file)
            Issue.record("the scenario was accepted")
            return nil
        } catch let error as ScenarioError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// Three typos, on lines 2, 16 and 33 (the issue's file): all three, in file order.
    @Test func everyTypoIsReportedInFileOrder() throws {
        let text = """
            name: typos
            duraton: 10s
            replications: 2
            workload:
              arrival: { dist: exponential, rate: 100/s }
            topologies:
              t:
                entry: web
                components:
                  web:
                    kind: instances
                    count: 2
                    zones: [a, b]
                    workers: 4
                    service: 5ms
                    wrokers: 3
                  lb:
                    kind: alb
                    targets: web
              u:
                entry: web
                components:
                  web:
                    kind: instances
                    count: 2
                    zones: [a, b]
                    workers: 4
                    service: 5ms
            faults:
              - kind: crash
                target: web
                at: 5s
                duraton: 1s
            """
        let error = try #require(loadError(text))
        try #require(error.all.map(\.line) == [2, 16, 33], "\(error)")
        #expect(error.lines[0] == "s.yaml:2: duraton: unknown key 'duraton'; did you mean 'duration'? (valid keys here: name, description, duration, warmup, window, replications, seed, region, pricing, slo, workload, network, topologies, faults, sweep)")
        #expect(error.all.map(\.keyPath) == ["duraton", "topologies.t.components.web.wrokers", "faults[0].duraton"])
        #expect(error.all[1].suggestion == "workers")
        #expect(error.all[2].suggestion == "duration")
        #expect(error.description == error.lines.joined(separator: "\n"))
    }

    /// `entyr:` is named, with its suggestion, before the missing `entry` it causes; a misspelt
    /// nested key is at its own line.
    @Test func unknownKeyBeforeMissingKeyEachAtItsOwnLine() throws {
        let text = """
            name: entry
            duration: 10s
            workload:
              arival: { dist: exponential, rate: 100/s }
            topologies:
              t:
                entyr: web
                components:
                  web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms }
            """
        let error = try #require(loadError(text))
        try #require(error.lines.count == 3, "\(error)")
        #expect(error.lines[0].hasPrefix("s.yaml:4: workload.arival: unknown key 'arival'; did you mean 'arrival'? (valid keys here: arrival, users, think,"))
        #expect(error.lines[1].hasPrefix("s.yaml:7: topologies.t.entyr: unknown key 'entyr'; did you mean 'entry'? (valid keys here: entry, components)"))
        #expect(error.lines[2] == "s.yaml:6: topologies.t: missing required key 'entry'")
    }

    /// Wrong types and units are collected too, with the loader's own messages.
    @Test func wrongValuesAreCollectedWithTheirLines() throws {
        let text = """
            name: values
            duration: 10 sec
            replications: many
            workload:
              arrival: { dist: exponential, rate: 9000/min }
              timeout: 5 sec
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms }
            """
        let error = try #require(loadError(text))
        #expect(error.lines == [
            "s.yaml:2: duration: expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"10 sec\"; did you mean '10s'?",
            "s.yaml:3: replications: expected an integer from 1 to 100000; found \"many\"",
            "s.yaml:5: workload.arrival.rate: expected a rate such as 200/s (count per ns, us, ms, s, m, h or d); found \"9000/min\"; did you mean '150/s'?",
            "s.yaml:6: workload.timeout: expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"5 sec\"; did you mean '5s'?",
        ])
    }

    @Test func theReportIsBounded() throws {
        let keys = (1...30).map { "  wrokers\($0): 1" }.joined(separator: "\n")
        let text = """
            name: many
            workload:
              arrival: { dist: exponential, rate: 100/s }
            topologies:
              t:
                entry: web
                components:
                  web:
                    kind: instances
                    service: 5ms
            \(keys.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            """
        let error = try #require(loadError(text))
        #expect(error.all.count == ScenarioValidator.reportLimit)
        #expect(error.omitted == 10)
        #expect(error.lines.last == "s.yaml: and 10 more problems (the first 20 are shown)")
    }

    /// `5 sec` and `9000/min` get a suggestion; `3 s` (a unit topobench takes, after a space) is
    /// still accepted, and so is `1 / s`.
    @Test(arguments: [
        ("5 sec", "5s"), ("5sec", "5s"), ("1.5 hours", "1.5h"), ("90 min", "90m"), ("250 msec", "250ms"), ("2 days", "2d"),
        ("10S", "10s"),
    ])
    func durationSuggestions(text: String, suggestion: String) {
        #expect(Units.suggestDuration(text) == suggestion)
        #expect(Units.parseDuration(text) == nil)
    }

    @Test(arguments: [
        ("9000/min", "150/s"), ("200/sec", "200/s"), ("100/min", "100/m"), ("5 per second", "5/s"), ("3600/hour", "1/s"),
    ])
    func rateSuggestions(text: String, suggestion: String) {
        #expect(Units.suggestRate(text) == suggestion)
        #expect(Units.parseRate(text) == nil)
    }

    @Test func aSpaceBeforeAUnitIsStillAccepted() {
        #expect(Units.parseDuration("3 s") == 3 * Time.second)
        #expect(Units.parseRate("1 / s") == 1)
        #expect(Units.suggestDuration("3 s") == nil)
        #expect(Units.suggestDuration("3 months") == nil)
    }

    @Test func aTabIsNamedAsATab() throws {
        let text = "name: tabs\nworkload:\n\tarrival: { dist: exponential, rate: 100/s }\n"
        let error = try #require(loadError(text))
        #expect(error.description == "s.yaml:3: invalid YAML: a tab at column 1; YAML does not allow tabs for indentation (indent with spaces)")
    }

    @Test(arguments: [
        ("s.json", "{\n  \"name\": \"j\",\n  \"duration\": \"10s\",\n}\n",
         "s.json:4: invalid JSON at column 1: expected a key in double quotes (JSON allows no comma before '}'); found '}'"),
        ("s.json", "{\n  \"name\": \"j\"\n  \"duration\": \"10s\"\n}\n",
         "s.json:3: invalid JSON at column 3: expected ',' or '}' after a value in an object; found '\"'"),
        ("s.yaml", "{\n  \"name\": \"j\",\n  \"faults\": [1, 2,, 3]\n}\n",
         "s.yaml:3: invalid JSON at column 19: expected a value (an object, a list, a string, a number, true, false or null); found ','"),
    ])
    func badJSONIsReportedAsJSON(file: String, text: String, message: String) throws {
        let error = try #require(loadError(text, file: file))
        #expect(error.description == message)
    }

    /// The same limit gives the same words from a file and from `--duration`.
    @Test func oneLimitOneMessageFromAFileAndAFlag() throws {
        let fileError = try #require(loadError("""
            name: long
            duration: 36526d
            workload:
              arrival: { dist: exponential, rate: 100/s }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms }
            """))
        let phrase = "expected a duration of at most 36525d (100 years); found \"36526d\""
        #expect(fileError.description == "s.yaml:2: duration: " + phrase)
        do {
            _ = try Run.parse(["a.yaml", "--duration", "36526d"])
            Issue.record("--duration 36526d was accepted")
        } catch {
            #expect(Run.message(for: error).hasSuffix(": " + phrase), "\(Run.message(for: error))")
            #expect(Run.exitCode(for: error).rawValue == 64)
        }
        do {
            _ = try Run.parse(["a.yaml", "--duration", "5 sec"])
            Issue.record("--duration '5 sec' was accepted")
        } catch {
            #expect(Run.message(for: error).hasSuffix(": expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found \"5 sec\"; did you mean '5s'?"))
        }
    }

    @Test func mistypedCommandsAreSuggested() {
        #expect(TopoBenchCommand.refusal(of: ["runn", "x.yaml"]) == "error: unknown command 'runn'; did you mean 'run'? (commands: run, suite, check, compare, merge, plot, report, validate, list, schema, explain)")
        #expect(TopoBenchCommand.refusal(of: ["reprot", "results"])?.contains("did you mean 'report'?") == true)
        #expect(TopoBenchCommand.refusal(of: ["explian", "alb"])?.contains("did you mean 'explain'?") == true)
        #expect(TopoBenchCommand.refusal(of: ["x.yaml"])?.hasPrefix("error: unknown command 'x.yaml'; to run a scenario file: topobench run x.yaml") == true)
        #expect(TopoBenchCommand.refusal(of: ["run", "x.yaml"]) == nil)
        #expect(TopoBenchCommand.refusal(of: ["--version"]) == nil)
        #expect(TopoBenchCommand.refusal(of: ["help", "run"]) == nil)
        #expect(TopoBenchCommand.refusal(of: [])?.hasPrefix(TopoBenchCommand.helpMessage()) == true)
    }

    /// End to end: the exit codes and what is printed.
    @Test func theCommandLineExitsWithTheSysexitsCodes() throws {
        let none = try SafeOutputTests.cli([])
        #expect(none.status == 64)
        #expect(none.stderr.contains("USAGE: topobench <subcommand>"))
        #expect(none.stderr.contains("error: no command given"))
        let typo = try SafeOutputTests.cli(["runn", "x.yaml"])
        #expect(typo.status == 64)
        #expect(typo.stderr.hasPrefix("error: unknown command 'runn'; did you mean 'run'?"))

        let dir = Hostile.temporaryFolder("errors-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/two.yaml"
        try """
            name: two
            duratoin: 10s
            workload:
              arrival: { dist: exponential, rate: 100/s }
            topologies:
              t:
                entyr: web
                components:
                  web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let two = try SafeOutputTests.cli(["run", path, "--out", dir + "/out"])
        #expect(two.status == 65)
        let lines = two.stderr.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(two.stderr)")
        #expect(lines.first?.hasPrefix("error: \(path):2: duratoin: unknown key 'duratoin'; did you mean 'duration'?") == true)
        #expect(lines.dropFirst().first?.hasPrefix("error: \(path):7: topologies.t.entyr: unknown key 'entyr'; did you mean 'entry'?") == true)
        #expect(lines.last == "error: \(path):6: topologies.t: missing required key 'entry'")
    }
}
