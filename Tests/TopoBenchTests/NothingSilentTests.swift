import Foundation
import Testing

@testable import TopoBench

/// Issue 11, "nothing dropped silently" and "big runs": one timeline rule for `--duration` and
/// `--quick`, a fault past the end refused, a fault that acts on nothing reported three ways,
/// the latency of every request, `check`, `--max-events` and `--progress plain`.
@Suite("Nothing silent")
struct NothingSilentTests {
    /// Two topologies sharing a web tier; only `full` has a session store and a backend.
    static let scenario = """
        name: silent
        duration: 20m
        warmup: 2m
        window: 10s
        replications: 2
        workload:
          arrival: { dist: exponential, rate: 50/s, profile: { steps: [[0s, 1.0], [10m, 2.0]] } }
          timeout: 400ms
          retry: { max_attempts: 1 }
        topologies:
          full:
            entry: web
            components:
              web: { kind: instances, count: 2, workers: 8, service: 5ms, calls: backend, zones: [a, b] }
              backend: { kind: instances, count: 2, workers: 8, service: 5ms, zones: [a, b] }
              sessions: { kind: session_store, engine: redis }
          bare:
            entry: web
            components:
              web: { kind: instances, count: 2, workers: 8, service: 5ms, zones: [a] }
        faults:
          - { kind: crash, target: backend, at: 6m, duration: 2m }
          - { kind: latency, target: sessions, at: 12m, duration: 1m, multiplier: 5 }
          - { kind: zone_outage, zone: b, at: 14m, duration: 1m }
        """

    static func load(_ text: String = scenario, _ overrides: ScenarioOverrides = .init()) throws -> Scenario {
        try #require(try ScenarioLoader.parse(text: text, file: "silent.yaml", overrides: overrides).first)
    }

    // MARK: one timeline rule

    @Test func durationAndQuickStretchTheTimelineAlike() throws {
        let file = try Self.load()
        let short = try Self.load(Self.scenario, ScenarioOverrides(duration: 2 * Time.minute))
        let quick = try Self.load(Self.scenario, ScenarioOverrides(timeScale: 0.1))
        for s in [short, quick] {
            #expect(s.duration == 2 * Time.minute)
            #expect(s.warmup == 12 * Time.second, "the warm-up keeps its share of the run (2m of 20m)")
            #expect(s.faults.map(\.at) == [36 * Time.second, 72 * Time.second, 84 * Time.second])
            #expect(s.faults.map(\.length) == [12 * Time.second, 6 * Time.second, 6 * Time.second])
            guard case .open(let a) = s.workload.mode, case .steps(let steps)? = a.profile else {
                Issue.record("no steps profile"); continue
            }
            #expect(steps.map(\.at) == [0, 60 * Time.second])
            #expect(s.window == 6 * Time.second, "at most a twentieth of the run")
        }
        // A longer run stretches the same way; the file unchanged keeps its own times.
        let long = try Self.load(Self.scenario, ScenarioOverrides(duration: 40 * Time.minute))
        #expect(long.faults.map(\.at) == [12 * Time.minute, 24 * Time.minute, 28 * Time.minute])
        #expect(long.warmup == 4 * Time.minute)
        #expect(file.faults.map(\.at) == [6 * Time.minute, 12 * Time.minute, 14 * Time.minute])
        #expect(file.warmup == 2 * Time.minute && file.window == 10 * Time.second)
    }

    /// v0.1.0: `run --duration 3m` on faults at 6 and 12 minutes wrote an empty faults.csv.
    @Test func aShorterRunStillInjectsItsFaults() throws {
        let s = try Self.load(Self.scenario, ScenarioOverrides(duration: 3 * Time.minute))
        let full = try #require(s.topologies.first { $0.name == "full" })
        let outcome = Simulation(scenario: s, topology: full, replication: 1).run()
        let injected = outcome.faults.filter { $0.start != nil }
        #expect(injected.map(\.kind) == ["crash", "zone_outage"], "\(outcome.faults)")
        #expect(injected.first?.start == 54 * Time.second)
    }

    @Test func aFaultPastTheEndIsAnError() throws {
        let late = Self.scenario.replacingOccurrences(of: "at: 14m", with: "at: 25m")
        do {
            _ = try Self.load(late)
            Issue.record("a fault at 25m of a 20m run was accepted")
        } catch let e as ScenarioError {
            #expect(e.keyPath == "faults[2].at", "\(e)")
            #expect(e.line == 24, "\(e)")
            #expect(e.description.contains("a start before the end of the run (duration 20m)"), "\(e)")
            #expect(e.description.contains("found 25m"), "\(e)")
        }
        // At the end exactly is past it too (the run stops taking requests at 20m).
        #expect(throws: ScenarioError.self) { try Self.load(Self.scenario.replacingOccurrences(of: "at: 14m", with: "at: 20m")) }
    }

    // MARK: a fault that acts on nothing

    @Test func faultsThatActOnNothingAreNamedPerTopology() throws {
        let s = try Self.load()
        let full = try #require(s.topologies.first { $0.name == "full" })
        let bare = try #require(s.topologies.first { $0.name == "bare" })
        let inFull = s.faultsIgnored(in: full)
        #expect(inFull.map(\.fault) == [1])
        #expect(inFull.first?.reason == "a latency fault does not apply to 'sessions' (session_store); fault ignored")
        let inBare = s.faultsIgnored(in: bare)
        #expect(inBare.map(\.fault) == [0, 1, 2])
        #expect(inBare.map(\.reason) == [
            "topology 'bare' has no component 'backend'; fault ignored",
            "topology 'bare' has no component 'sessions'; fault ignored",
            "topology 'bare' has nothing in zone 'b'; fault ignored",
        ])
        let warnings = Scenario.ignoredFaultWarnings([s, s])
        #expect(warnings.count == 4, "each line once, whatever the number of points")
        #expect(warnings.first == "warning: silent.yaml: faults[1] (latency): a latency fault does not apply to 'sessions' (session_store); fault ignored; topology 'full' runs without it (faults_ignored)")
    }

    @Test func faultsIgnoredIsAFigureOfEveryReplication() throws {
        let s = try Self.load(Self.scenario, ScenarioOverrides(replications: 2, duration: 2 * Time.minute))
        let result = try Runner.run([s], options: RunOptions(jobs: 2))
        let column = try #require(result.summary.columnIndex("faults_ignored"))
        let topology = try #require(result.summary.columnIndex("topology"))
        let byTopology = Dictionary(uniqueKeysWithValues: result.summary.rows.map { ($0[topology], $0[column]) })
        #expect(byTopology == ["full": "1", "bare": "3"])
        let rendered = TerminalTable.render(result.summary)
        #expect(rendered.contains("faults ignored"))
        #expect(rendered.contains("3 !"))
        #expect(rendered.contains("! faults ignored: faults that act on nothing in that topology"))
        // Without an ignored fault the column is not shown.
        let clean = try Runner.run([try Self.load(SafeOutputTests.small)], options: RunOptions(jobs: 1))
        #expect(!TerminalTable.render(clean.summary).contains("faults ignored"))
    }

    @Test func compareCallsAFaultLessATopologyARegression() throws {
        #expect(Figure.faultsIgnored.direction == .lowerIsBetter)
        #expect(Figure.faultsIgnored.defaultThreshold == .absolute(0))
    }

    // MARK: the latency of every request

    /// A service that answers one request in 20 after 1 s and the others after 5 ms, behind a
    /// 400 ms timeout with no retry: the successful requests' percentiles are all 5 ms, and the
    /// p99 of every request is the timeout (the client learns of a timeout at 400 ms).
    @Test func latencyAllCountsAFailureWhenTheClientLearnedOfIt() throws {
        let text = """
            name: all
            duration: 2m
            replications: 1
            workload:
              arrival: { dist: exponential, rate: 200/s }
              timeout: 400ms
              retry: { max_attempts: 1 }
            network: { intra_zone: 0s, cross_zone: 0s }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 1, workers: 1000, service: { dist: empirical, values: [5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 5ms, 1s] } }
            """
        let s = try Self.load(text)
        let o = Simulation(scenario: s, topology: s.topologies[0], replication: 1).run()
        let m = o.metrics
        #expect(abs(m[.timeouts] / m[.offered] - 0.05) < 0.01, "\(m[.timeouts]) of \(m[.offered])")
        #expect(abs(m[.latencyP99] - 5) < 0.1, "successful requests only: \(m[.latencyP99])")
        #expect(abs(m[.latencyAllP50] - 5) < 0.1, "\(m[.latencyAllP50])")
        #expect(abs(m[.latencyAllP99] - 400) < 0.5, "every request: a timeout counts at 400 ms, got \(m[.latencyAllP99])")
        #expect(abs(m[.latencyAllP999] - 400) < 0.5, "\(m[.latencyAllP999])")
    }

    // MARK: big runs

    @Test func thePilotEstimatesTheEventsOfARun() throws {
        let s = try Self.load(SafeOutputTests.small.replacingOccurrences(of: "duration: 2s", with: "duration: 200s"))
        let estimate = RunEstimate.measure([s])
        let actual = try Runner.run([s], options: RunOptions(jobs: 2))
        let events = Double(actual.info.events)
        #expect(estimate.events > 0.8 * events && estimate.events < 1.25 * events, "estimate \(estimate.events), actual \(events)")
        #expect(estimate.requests > 0.8 * 2 * 100 * 200 && estimate.requests < 1.25 * 2 * 100 * 200, "\(estimate.requests)")
        #expect(estimate.wallSeconds(jobs: 2) > 0)
        // The pilot is short: about 2,000 requests, not the run's 20,000 a replication.
        #expect(RunEstimate.pilotScenario(s).0.duration == 20 * Time.second)
        // A profile that doubles the rate halfway counts the second half twice.
        let stepped = try Self.load(SafeOutputTests.small.replacingOccurrences(of: "duration: 2s", with: "duration: 200s")
            .replacingOccurrences(of: "rate: 100/s }", with: "rate: 100/s, profile: { steps: [[0s, 1.0], [100s, 2.0]] } }"))
        let doubled = RunEstimate.measure([stepped])
        #expect(doubled.requests > 0.8 * 60_000 && doubled.requests < 1.25 * 60_000, "\(doubled.requests)")
    }

    // MARK: the command line

    @Test func theCommandLineRefusesWarnsAndEstimates() throws {
        let dir = Repo.temporaryFolder("silent-cli")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A fault past the end: exit 65, naming the file, the line and the key path.
        let late = try SafeOutputTests.write(Self.scenario.replacingOccurrences(of: "at: 14m", with: "at: 25m"), to: dir, name: "late.yaml")
        let refused = try SafeOutputTests.cli(["run", late, "--out", dir + "/late", "--quiet"])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("\(late):24: faults[2].at: expected a start before the end of the run (duration 20m)"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/late"))

        // A fault that acts on nothing: a warning on stderr, even with --quiet, and the run goes on.
        let file = try SafeOutputTests.write(Self.scenario, to: dir, name: "silent.yaml")
        let run = try SafeOutputTests.cli(["run", file, "--out", dir + "/out", "--quiet", "--duration", "1m", "--replications", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(file): faults[1] (latency): a latency fault does not apply to 'sessions' (session_store); fault ignored; topology 'full' runs without it"), "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(file): faults[2] (zone_outage): topology 'bare' has nothing in zone 'b'"), "\(run.stderr)")
        let summary = try String(contentsOfFile: dir + "/out/summary.csv", encoding: .utf8)
        #expect(summary.split(separator: "\n").first?.contains("faults_ignored") == true)

        // --max-events: the pilot's estimate is held to it (exit 65, with the figures).
        let big = try SafeOutputTests.cli(["run", file, "--out", dir + "/big", "--quiet", "--max-events", "1000"])
        #expect(big.status == 65, "\(big.stderr)")
        #expect(big.stderr.contains("scenario 'silent' is estimated at"), "\(big.stderr)")
        #expect(big.stderr.contains("above --max-events 1000; shorten the run"), "\(big.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/big"))
        #expect(try SafeOutputTests.cli(["run", file, "--max-events", "lots"]).status == 64)

        // check: valid, with an estimate, and nothing written.
        let check = try SafeOutputTests.cli(["check", file, "--jobs", "2"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\(file): ok: scenario 'silent', 2 topologies × 2 replications = 4 replications of 20m"), "\(check.stdout)")
        #expect(check.stdout.contains("events,") && check.stdout.contains("simulated requests, about"), "\(check.stdout)")
        #expect(check.stderr.contains("warning: \(file): faults[1]"), "\(check.stderr)")
        let checkBig = try SafeOutputTests.cli(["check", file, "--max-events", "1e4"], in: dir)
        #expect(checkBig.status == 65)
        #expect(checkBig.stdout.contains("above --max-events 10000: `run` refuses it"), "\(checkBig.stdout)")
        let checkBad = try SafeOutputTests.cli(["check", late], in: dir)
        #expect(checkBad.status == 65 && checkBad.stderr.contains("faults[2].at"), "\(checkBad.stderr)")

        // --progress plain: lines for a log, the last one at the end of the run.
        let plain = try SafeOutputTests.cli(["run", file, "--out", dir + "/plain", "--duration", "1m", "--replications", "1", "--progress", "plain"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stderr.contains("progress: silent 2/2 replications, 100% of the work"), "\(plain.stderr)")
        let none = try SafeOutputTests.cli(["run", file, "--out", dir + "/none", "--duration", "1m", "--replications", "1", "--progress", "none"])
        #expect(!none.stderr.contains("progress:"))
        #expect(try SafeOutputTests.cli(["run", file, "--progress", "loud"]).status == 64)
    }
}
