import Foundation
import Testing
@testable import TopoBench

/// A scenario whose size would exhaust memory or time is refused, with a message naming the key,
/// before anything is allocated; sizes at the limits are accepted. And no clock or counter can
/// overflow in a run the format accepts, however long.
@Suite("Resource bounds and long runs")
struct ResourceBoundsTests {
    /// A small valid scenario; `{{X}}` markers are replaced by each case.
    static func scenario(
        top: String = "", workload: String = "arrival: { dist: exponential, rate: 100/s }",
        web: String = "count: 2, zones: [a, b], workers: 4, service: 5ms",
        extra: String = "", faults: String = ""
    ) -> String {
        """
        name: bounds
        duration: 10s
        replications: 2
        \(top)
        workload:
          \(workload)
        \(faults.isEmpty ? "" : "faults:\n" + faults)
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, \(web) }
        \(extra)
        """
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let label: String
        let text: String
        /// The key path the error must name (or start with).
        let keyPath: String
        var overrides = ScenarioOverrides()
        var testDescription: String { label }
    }

    static let components = "      "  // indentation of a component line

    static let refused: [Case] = [
        Case(label: "10^12 instances", text: scenario(web: "count: 1000000000000, service: 5ms"), keyPath: "topologies.t.components.web.count"),
        Case(label: "a queue of 10^15", text: scenario(web: "queue: 1000000000000000, service: 5ms"), keyPath: "topologies.t.components.web.queue"),
        Case(label: "10^12 workers", text: scenario(web: "workers: 1000000000000, service: 5ms"), keyPath: "topologies.t.components.web.workers"),
        Case(label: "10^9 closed-loop users", text: scenario(workload: "users: 1000000000\n  think: 1s"), keyPath: "workload.users"),
        Case(label: "10^9 open-loop users", text: scenario(workload: "arrival: { dist: exponential, rate: 100/s }\n  users: 1000000000"), keyPath: "workload.users"),
        Case(label: "10^9 replications", text: scenario(top: "replications: 1000000000").replacingOccurrences(of: "replications: 2\n", with: ""), keyPath: "replications"),
        Case(label: "10^9 replications on the command line", text: scenario(), keyPath: "replications", overrides: ScenarioOverrides(replications: 1_000_000_000)),
        Case(label: "replications × topologies × points", text: scenario(top: "sweep: { topologies.t.components.web.count: [1, 2, 3] }"),
             keyPath: "replications", overrides: ScenarioOverrides(replications: 50_000)),
        Case(label: "10^10 windows", text: scenario(top: "window: 1ms").replacingOccurrences(of: "duration: 10s", with: "duration: 1000d"), keyPath: "window"),
        Case(label: "timeseries rows", text: scenario(top: "window: 1s").replacingOccurrences(of: "duration: 10s", with: "duration: 1d")
                .replacingOccurrences(of: "replications: 2", with: "replications: 100"), keyPath: "window"),
        Case(label: "a sweep of 27,000 points",
             text: scenario(top: "sweep:\n" + (0..<3).map { "  workload.x\($0): [" + (0..<30).map(String.init).joined(separator: ", ") + "]" }.joined(separator: "\n")),
             keyPath: "sweep"),
        Case(label: "101 hyperexponential branches",
             text: scenario(web: "service: { dist: hyperexponential, probabilities: [" + Array(repeating: "0.0099", count: 100).joined(separator: ", ") + ", 0.01], means: [" + Array(repeating: "1ms", count: 101).joined(separator: ", ") + "] }"),
             keyPath: "topologies.t.components.web.service.probabilities"),
        Case(label: "10,001 profile steps",
             text: scenario(workload: "arrival: { dist: exponential, rate: 100/s, profile: { steps: [" + (0...10_000).map { "[\($0)ms, 1]" }.joined(separator: ", ") + "] } }"),
             keyPath: "workload.arrival.profile.steps"),
        Case(label: "erlang k = 10^6", text: scenario(web: "service: { dist: erlang, k: 1000000, mean: 1ms }"), keyPath: "topologies.t.components.web.service.k"),
        Case(label: "health-check interval 1s", text: scenario(extra: components + "lb: { kind: alb, targets: web, health_check: { interval: 1s } }"),
             keyPath: "topologies.t.components.lb.health_check.interval"),
        Case(label: "health-check interval 1d", text: scenario(extra: components + "lb: { kind: alb, targets: web, health_check: { interval: 1d } }"),
             keyPath: "topologies.t.components.lb.health_check.interval"),
        Case(label: "health-check timeout 10^6 s", text: scenario(extra: components + "lb: { kind: alb, targets: web, health_check: { timeout: 1000000s } }"),
             keyPath: "topologies.t.components.lb.health_check.timeout"),
        Case(label: "health-check threshold 10^9", text: scenario(extra: components + "lb: { kind: alb, targets: web, health_check: { healthy: 1000000000 } }"),
             keyPath: "topologies.t.components.lb.health_check.healthy"),
        Case(label: "11 groups of 10^5 instances",
             text: scenario(extra: (0..<11).map { components + "g\($0): { kind: instances, count: 100000, service: 1ms }" }.joined(separator: "\n")),
             keyPath: "topologies.t.components.g9.count"),
        Case(label: "auto scaling to 10^5 in 11 groups",
             text: scenario(extra: (0..<11).map { components + "g\($0): { kind: instances, service: 1ms }\n" + components + "s\($0): { kind: autoscaling, group: g\($0), max: 100000 }" }.joined(separator: "\n")),
             keyPath: "topologies.t.components.s9.max"),
        Case(label: "10^6 queue pollers",
             text: scenario(web: "calls: q, service: 5ms", extra: components + "q: { kind: sqs, consumers: c }\n" + components + "c: { kind: instances, count: 1000, workers: 1000, service: 1ms }"),
             keyPath: "topologies.t.components.q.consumers"),
        Case(label: "a stochastic fault on 10^5 instances",
             text: scenario(web: "count: 100000, service: 5ms", faults: "  - { kind: crash, target: web, mtbf: 1d, mttr: 1m }"), keyPath: "faults[0].mtbf"),
        Case(label: "65 zones",
             text: scenario(web: "service: 5ms, zones: [" + (0..<65).map { "z\($0)" }.joined(separator: ", ") + "]"), keyPath: "topologies.t.components.web.zones[64]"),
        Case(label: "1,001 components",
             text: scenario(extra: (0..<1_000).map { components + "c\($0): { kind: instances, service: 1ms }" }.joined(separator: "\n")),
             keyPath: "topologies.t.components"),
        Case(label: "10,001 faults", text: scenario(faults: Array(repeating: "  - { kind: crash, target: web, at: 1s }", count: 10_001).joined(separator: "\n")),
             keyPath: "faults"),
        Case(label: "an arrival rate of 10^10/s", text: scenario(workload: "arrival: { dist: exponential, rate: 10000000000/s }"), keyPath: "workload.arrival"),
        Case(label: "a 101-year run", text: scenario().replacingOccurrences(of: "duration: 10s", with: "duration: 36891d"), keyPath: "duration"),
        Case(label: "a 101-year run on the command line", text: scenario(), keyPath: "duration",
             overrides: ScenarioOverrides(duration: Units.maxDuration + 1)),
        Case(label: "a timeout of 10 years", text: scenario(workload: "arrival: { dist: exponential, rate: 100/s }\n  timeout: 3650d"), keyPath: "workload.timeout"),
        Case(label: "10^9 retry attempts", text: scenario(workload: "arrival: { dist: exponential, rate: 100/s }\n  retry: { max_attempts: 1000000000 }"),
             keyPath: "workload.retry.max_attempts"),
        Case(label: "10^10 requests per session", text: scenario(workload: "arrival: { dist: exponential, rate: 100/s }\n  session: { requests: 10000000000 }"),
             keyPath: "workload.session.requests"),
        Case(label: "10^6 session-store nodes", text: scenario(extra: components + "s: { kind: session_store, nodes: 1000000 }"), keyPath: "topologies.t.components.s.nodes"),
        Case(label: "a lambda concurrency of 10^9", text: scenario(extra: components + "f: { kind: lambda, service: 1ms, concurrency: 1000000000 }"),
             keyPath: "topologies.t.components.f.concurrency"),
        Case(label: "an API burst of 10^12", text: scenario(extra: components + "api: { kind: api_gateway, target: web, burst: 1000000000000 }"),
             keyPath: "topologies.t.components.api.burst"),
        Case(label: "10^12 FIFO message groups", text: scenario(extra: components + "q: { kind: sqs, type: fifo, message_groups: 1000000000000 }"),
             keyPath: "topologies.t.components.q.message_groups"),
        Case(label: "an in-flight limit of 10^12", text: scenario(extra: components + "q: { kind: sqs, inflight_limit: 1000000000000 }"),
             keyPath: "topologies.t.components.q.inflight_limit"),
        Case(label: "a document of 2,000,000 nodes", text: scenario(top: "big: [" + String(repeating: "0,", count: 2_000_000) + "0]"), keyPath: "big"),
        Case(label: "a document over 8 MiB", text: scenario(top: "# " + String(repeating: "x", count: 9 << 20)), keyPath: ""),
    ]

    @Test(arguments: refused)
    func refusedBeforeAnythingIsAllocated(_ c: Case) throws {
        let start = Date()
        do {
            let points = try ScenarioLoader.parse(text: c.text, file: "bounds.yaml", overrides: c.overrides)
            Issue.record("accepted (\(points.count) points), but must be refused")
        } catch let e as ScenarioError {
            #expect(e.keyPath == c.keyPath || e.keyPath.hasPrefix(c.keyPath + ".") || e.keyPath.hasPrefix(c.keyPath + "["),
                    "error at \(e.keyPath), expected \(c.keyPath): \(e)")
            #expect(e.description.contains("bounds.yaml"))
        }
        // Refused without building what the size asks for (that would take minutes or run out of
        // memory). Parsing the 2,000,000-node document alone takes about 5 s on a loaded 2-core
        // machine, so the bound is loose: it is not a speed test.
        #expect(Date().timeIntervalSince(start) < 30, "took \(Date().timeIntervalSince(start)) s to refuse")
    }

    /// Sizes at the limits load (they are not run here).
    static let accepted: [(String, String)] = [
        ("10^5 instances", scenario(web: "count: 100000, service: 5ms")),
        ("a queue of 10^9", scenario(web: "queue: 1000000000, service: 5ms")),
        ("10^7 users", scenario(workload: "arrival: { dist: exponential, rate: 100/s }\n  users: 10000000")),
        ("100 years", scenario(top: "window: 1d").replacingOccurrences(of: "duration: 10s", with: "duration: 36525d")),
        ("100 branches", scenario(web: "service: { dist: hyperexponential, probabilities: [" + Array(repeating: "0.01", count: 100).joined(separator: ", ") + "], means: [" + Array(repeating: "1ms", count: 100).joined(separator: ", ") + "] }")),
        ("10^5 pollers", scenario(web: "calls: q, service: 5ms", extra: components + "q: { kind: sqs, consumers: c }\n" + components + "c: { kind: instances, count: 100, workers: 1000, service: 1ms }")),
        ("64 zones", scenario(web: "service: 5ms, zones: [" + (0..<64).map { "z\($0)" }.joined(separator: ", ") + "]")),
    ]

    @Test func sizesAtTheLimitsAreAccepted() throws {
        for (label, text) in Self.accepted {
            #expect(throws: Never.self, "\(label)") { _ = try ScenarioLoader.parse(text: text, file: "bounds.yaml") }
        }
    }

    /// A CSV column too long or a file too large for an empirical distribution.
    @Test func empiricalCSVBounds() throws {
        let folder = Hostile.temporaryFolder("empirical")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let long = folder + "/long.csv"
        try ("x\n" + String(repeating: "1\n", count: ScenarioLoader.Limits.maxEmpiricalValues + 1)).write(toFile: long, atomically: true, encoding: .utf8)
        let big = folder + "/big.csv"
        try ("x\n" + String(repeating: "1.000000000\n", count: 800_000)).write(toFile: big, atomically: true, encoding: .utf8)
        for csv in [long, big] {
            let text = Self.scenario(web: "service: { dist: empirical, csv: \(csv), column: x, unit: ms }")
            #expect {
                _ = try ScenarioLoader.parse(text: text, file: folder + "/s.yaml")
            } throws: { e in
                (e as? ScenarioError)?.keyPath == "topologies.t.components.web.service.csv"
            }
        }
    }

    // MARK: long runs

    /// The longest run accepted, with delays at their longest: a window as wide as the run, a
    /// crash from mid-run until 50 years after it, service times slowed a million times with a
    /// tail clamped at the clock's limit, day-long timeouts retried. Nothing overflows: the run
    /// ends, and every request is accounted for.
    @Test func aCenturyRunsWithoutOverflow() throws {
        let text = """
            name: century
            duration: 36525d
            window: 36525d
            replications: 1
            workload:
              arrival: { dist: exponential, rate: 1/d }
              timeout: 1d
              retry: { max_attempts: 3, base: 1d, cap: 1d }
            faults:
              - { kind: latency, target: web, at: 0s, duration: 36525d, multiplier: 1000000 }
              - { kind: crash, target: web, at: 18262d, duration: 36525d }
              - { kind: crash, target: db, mtbf: { dist: exponential, mean: 3652d }, mttr: { dist: exponential, mean: 365d } }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 1, workers: 100, service: { dist: pareto, shape: 0.5, scale: 1us },
                         calls: db, timeout: 1d }
                  db: { kind: instances, count: 1, workers: 100, service: { dist: exponential, mean: 1ms } }
            """
        let points = try ScenarioLoader.parse(text: text, file: "century.yaml")
        let scenario = try #require(points.first)
        let sim = Simulation(scenario: scenario, topology: scenario.topologies[0], replication: 1)
        #expect(sim.hardStop > sim.endOfArrivals)
        #expect(sim.hardStop - sim.endOfArrivals == Simulation.drainAllowance(scenario.workload))
        let result = try #require(Hostile.bounded(seconds: 30) { try? Runner.run(points, options: RunOptions(jobs: 1)) } ?? nil)
        #expect(Hostile.conservationViolations(result.replications).isEmpty)
        let offered = try #require(try result.replications.number(row: 0, column: result.replications.requireColumn("offered")))
        #expect(offered > 35_000 && offered < 38_000)  // one a day for 100 years (36,525 ± 3σ)
    }

    /// Where simulated time is added, the largest values the loader accepts leave room:
    /// `now` never passes the hard stop, and every delay added to it is at most 100 years.
    @Test func clockArithmeticHasHeadroom() throws {
        let worstDelay = max(Units.maxDuration, Distribution.maxNanoseconds, Time.fromSeconds(.infinity))
        let worstWorkload = Workload(
            mode: .open(OpenArrivals(interArrival: try .exponential(mean: 1), rate: 1, profile: nil)), users: 1,
            timeout: ScenarioLoader.Limits.maxDelay,
            retry: RetryPolicy(maxAttempts: 100, base: ScenarioLoader.Limits.maxDelay, cap: ScenarioLoader.Limits.maxDelay, jitter: .full, quota: nil),
            sessionRequests: nil)
        let hardStop = Units.maxDuration.addingReportingOverflow(Simulation.drainAllowance(worstWorkload))
        #expect(!hardStop.overflow)
        // now + delay at their largest (a fault's end plus two windows may not fit: the recovery
        // figure saturates that sum, see aFaultLongerThanTheRunWithAWideWindow).
        #expect(!hardStop.partialValue.addingReportingOverflow(worstDelay).overflow)
        #expect(!hardStop.partialValue.addingReportingOverflow(Units.maxDuration).overflow)  // a fault's end
        #expect(Time.fromSeconds(.nan) == 0 && Time.fromSeconds(-1) == 0 && Time.fromSeconds(1e300) <= worstDelay)
        #expect(Distribution.nanoseconds(fromSeconds: .infinity) == Distribution.maxNanoseconds)
    }

    /// A fault that outlasts a wide window (the recovery figure adds the two) used to trap.
    @Test func aFaultLongerThanTheRunWithAWideWindow() throws {
        let text = Self.scenario(top: "window: 36525d", faults: "  - { kind: crash, target: web, at: 1s, duration: 36525d }")
        let points = try ScenarioLoader.parse(text: text, file: "wide.yaml", overrides: ScenarioOverrides(replications: 1))
        let result = try #require(Hostile.bounded(seconds: 20) { try? Runner.run(points, options: RunOptions(jobs: 1)) } ?? nil)
        #expect(result.replications.rows.count == 1)
    }
}
