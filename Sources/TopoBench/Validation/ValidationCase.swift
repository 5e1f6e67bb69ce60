import Foundation

/// One comparison of the simulator with an exact result from queueing or reliability theory.
///
/// Each case is a scenario file (kept here as text, written out by `topobench validate
/// --write-cases DIR`) that goes through the normal path: ``ScenarioLoader``, ``Runner``,
/// ``ResultSet``. The simulated figure is taken from the result set, per replication, and its
/// mean and Student-t 95 % interval are compared with the exact value.
public struct ValidationCase: Sendable {
    public let name: String
    /// What is compared, for people.
    public let quantity: String
    public let scenario: String
    /// The exact value, computed from the loaded scenario's parameters.
    public let exact: @Sendable (Scenario) -> Double
    /// The figure of one replication, from the result set.
    public let measure: @Sendable (ResultSet) throws -> [Double]
}

/// The result of one case.
public struct ValidationResult: Sendable {
    public let name: String
    public let quantity: String
    public let exact: Double
    public let mean: Double
    public let halfWidth: Double
    public let replications: Int
    public var relativeError: Double { abs(mean - exact) / abs(exact) }
    /// The exact value lies within the 95 % interval and the relative error is under 2 %.
    public var passed: Bool {
        mean.isFinite && abs(mean - exact) <= halfWidth && relativeError < ValidationSuite.maxRelativeError
    }
}

public enum ValidationSuite {
    public static let maxRelativeError = 0.02

    /// Runs one case.
    public static func run(_ c: ValidationCase, replications: Int? = nil, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> ValidationResult {
        let points = try ScenarioLoader.parse(text: c.scenario, file: "validation/\(c.name).yaml",
                                              overrides: ScenarioOverrides(replications: replications))
        guard let scenario = points.first else { throw ReportError(.invalidInput, "validation case \(c.name) has no scenario") }
        let result = try Runner.run(points, options: RunOptions(jobs: jobs))
        let values = try c.measure(result)
        let (mean, hw) = StudentT.interval(values)
        return ValidationResult(name: c.name, quantity: c.quantity, exact: c.exact(scenario), mean: mean, halfWidth: hw, replications: values.count)
    }

    /// A column of `replications.csv`, one value per replication.
    static func column(_ name: String, _ transform: @escaping @Sendable (Double) -> Double = { $0 }) -> @Sendable (ResultSet) throws -> [Double] {
        return { set in
            let t = set.replications
            let i = try t.requireColumn(name)
            return try (0..<t.rows.count).map { r in transform(try t.number(row: r, column: i) ?? .nan) }
        }
    }

    /// The share of window-end samples in which no instance was up, per replication.
    static let allDownShare: @Sendable (ResultSet) throws -> [Double] = { set in
        let t = set.timeseries
        let rep = try t.requireColumn("replication")
        let healthy = try t.requireColumn("healthy_instances")
        var down: [String: (all: Int, samples: Int)] = [:]
        var order: [String] = []
        for (r, row) in t.rows.enumerated() {
            let key = row[rep]
            var entry = down[key] ?? (0, 0)
            if entry.samples == 0 { order.append(key) }
            let h = try t.number(row: r, column: healthy) ?? 0
            entry.all += h == 0 ? 1 : 0
            entry.samples += 1
            down[key] = entry
        }
        return order.map { key in
            let e = down[key] ?? (0, 1)
            return Double(e.all) / Double(max(1, e.samples))
        }
    }

    static func rate(_ s: Scenario) -> Double {
        if case .open(let a) = s.workload.mode { return a.rate }
        return .nan
    }

    static func service(_ s: Scenario) -> (mean: Double, second: Double, workers: Int) {
        for t in s.topologies {
            for c in t.components {
                if let spec = c.kind.spec as? InstancesSpec {
                    return (spec.service.mean, spec.service.secondMoment, spec.workers)
                }
            }
        }
        return (.nan, .nan, 1)
    }

    /// M/G/1 mean response time (ms): service mean plus the Pollaczek–Khinchine mean wait.
    static let pollaczekKhinchineResponse: @Sendable (Scenario) -> Double = { s in
        let sv = service(s)
        return (QueueingTheory.pollaczekKhinchineMeanWait(arrivalRate: rate(s), serviceMean: sv.mean, serviceSecondMoment: sv.second) + sv.mean) * 1000
    }

    static func crash(_ s: Scenario) -> (mtbf: Double, mttr: Double) {
        guard let f = s.faults.first, let b = f.mtbf, let r = f.mttr else { return (.nan, .nan) }
        return (b.mean, r.mean)
    }

    static let queueing = """
        duration: DURATION
        warmup: 20s
        replications: 10
        seed: 2026
        window: 10s
        network: none
        workload:
          arrival: { dist: exponential, rate: RATE }
          retry: none
        topologies:
          single:
            entry: server
            components:
              server: { kind: instances, count: 1, workers: WORKERS, QUEUE service: SERVICE }
        """

    static func queueingScenario(name: String, rate: String, workers: Int, service: String, duration: String, queue: String = "") -> String {
        "name: \(name)\n" + queueing
            .replacingOccurrences(of: "DURATION", with: duration)
            .replacingOccurrences(of: "RATE", with: rate)
            .replacingOccurrences(of: "WORKERS", with: String(workers))
            .replacingOccurrences(of: "QUEUE ", with: queue)
            .replacingOccurrences(of: "SERVICE", with: service)
    }

    /// The cases SPEC names, in order.
    public static let cases: [ValidationCase] = [
        ValidationCase(
            name: "mm1", quantity: "M/M/1 mean response time (ms), ρ = 0.8",
            scenario: queueingScenario(name: "mm1", rate: "800/s", workers: 1, service: "{ dist: exponential, mean: 1ms }", duration: "1000s"),
            exact: { s in
                let λ = rate(s), μ = 1 / service(s).mean
                return (QueueingTheory.mm1MeanWait(arrivalRate: λ, serviceRate: μ) + 1 / μ) * 1000
            },
            measure: column("latency_mean_ms")),
        ValidationCase(
            name: "mmc", quantity: "M/M/4 mean response time (ms), Erlang C, ρ = 0.8",
            scenario: queueingScenario(name: "mmc", rate: "3200/s", workers: 4, service: "{ dist: exponential, mean: 1ms }", duration: "300s"),
            exact: { s in
                let λ = rate(s), sv = service(s), μ = 1 / sv.mean
                return (QueueingTheory.mmcMeanWait(arrivalRate: λ, serviceRate: μ, servers: sv.workers) + sv.mean) * 1000
            },
            measure: column("latency_mean_ms")),
        ValidationCase(
            name: "md1", quantity: "M/D/1 mean response time (ms), Pollaczek–Khinchine, ρ = 0.8",
            scenario: queueingScenario(name: "md1", rate: "800/s", workers: 1, service: "{ dist: constant, value: 1ms }", duration: "1000s"),
            exact: pollaczekKhinchineResponse,
            measure: column("latency_mean_ms")),
        ValidationCase(
            name: "mg1_lognormal", quantity: "M/G/1 (lognormal service) mean response time (ms), Pollaczek–Khinchine, ρ = 0.7",
            scenario: queueingScenario(name: "mg1_lognormal", rate: "700/s", workers: 1, service: "{ dist: lognormal, mean: 1ms, sd: 1ms }", duration: "1000s"),
            exact: pollaczekKhinchineResponse,
            measure: column("latency_mean_ms")),
        ValidationCase(
            name: "mmcc_erlang_b", quantity: "M/M/10/10 blocking probability, Erlang B, a = 8",
            scenario: queueingScenario(name: "mmcc_erlang_b", rate: "8000/s", workers: 10, service: "{ dist: exponential, mean: 1ms }", duration: "200s", queue: "queue: 0, "),
            exact: { s in
                let sv = service(s)
                return QueueingTheory.erlangB(servers: sv.workers, offeredLoad: rate(s) * sv.mean)
            },
            measure: column("availability") { 1 - $0 }),
        ValidationCase(
            name: "availability", quantity: "availability of one instance, MTBF/(MTBF+MTTR), exponential failures and repairs",
            scenario: """
                name: availability
                duration: 7d
                warmup: 2h
                replications: 10
                seed: 2026
                window: 1h
                network: none
                workload:
                  arrival: { dist: exponential, rate: 2/s }
                  retry: none
                faults:
                  - { kind: crash, target: server, mtbf: { dist: exponential, mean: 1h }, mttr: { dist: exponential, mean: 10m } }
                topologies:
                  single:
                    entry: server
                    components:
                      server: { kind: instances, count: 1, workers: 4, service: { dist: constant, value: 1ms } }
                """,
            exact: { s in
                let c = crash(s)
                return QueueingTheory.availability(mtbf: c.mtbf, mttr: c.mttr)
            },
            measure: column("availability")),
        ValidationCase(
            name: "alb_all_down", quantity: "P(all 2 instances behind an ALB are down), (1 − A)²",
            scenario: """
                name: alb_all_down
                duration: 60d
                warmup: 1d
                replications: 10
                seed: 2026
                window: 5m
                network: none
                workload:
                  arrival: { dist: exponential, rate: 0.01/s }
                  retry: none
                faults:
                  - { kind: crash, target: web, mtbf: { dist: exponential, mean: 1h }, mttr: { dist: exponential, mean: 1h } }
                topologies:
                  alb:
                    entry: lb
                    components:
                      lb: { kind: alb, targets: web }
                      web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: { dist: constant, value: 1ms } }
                """,
            exact: { s in
                let c = crash(s)
                return QueueingTheory.probabilityAllDown(instances: 2, mtbf: c.mtbf, mttr: c.mttr)
            },
            measure: allDownShare),
    ] + overloadCases

    /// The scenario of the retry cases: an instance failing each call with probability 0.3,
    /// clients making 3 attempts with no backoff and no quota.
    static let retries = """
        duration: 300s
        warmup: 10s
        replications: 10
        seed: 2026
        window: 10s
        network: none
        workload:
          arrival: { dist: exponential, rate: 500/s }
          retry: { max_attempts: 3, base: 0s, cap: 0s, jitter: none, quota: false }
        faults:
          - { kind: errors, target: server, at: 0s, probability: 0.3 }
        topologies:
          single:
            entry: server
            components:
              server: { kind: instances, count: 1, workers: 64, service: { dist: constant, value: 1ms } }
        """

    static func retryParameters(_ s: Scenario) -> (p: Double, n: Int) {
        (s.faults.first?.probability ?? .nan, s.workload.retry.maxAttempts)
    }

    /// The overload cases (issue 15): retries and a queue timeout against their closed forms.
    public static let overloadCases: [ValidationCase] = [
        ValidationCase(
            name: "retries_success", quantity: "success with 3 naive attempts, independent failures p = 0.3: 1 − p³",
            scenario: "name: retries_success\n" + retries,
            exact: { s in let r = retryParameters(s); return QueueingTheory.naiveRetries(failure: r.p, attempts: r.n).success },
            measure: column("availability")),
        ValidationCase(
            name: "retries_attempts", quantity: "attempts per request with 3 naive attempts, p = 0.3: 1 + p + p²",
            scenario: "name: retries_attempts\n" + retries,
            exact: { s in let r = retryParameters(s); return QueueingTheory.naiveRetries(failure: r.p, attempts: r.n).attempts },
            measure: column("attempts_per_request")),
        ValidationCase(
            name: "mm1_queue_timeout", quantity: "M/M/1+D share dropped by queue_timeout 5ms, saturated (ρ = 1.2): Barrer 1957",
            scenario: queueingScenario(
                name: "mm1_queue_timeout", rate: "1200/s", workers: 1, service: "{ dist: exponential, mean: 1ms }", duration: "300s",
                queue: "queue_timeout: 5ms, "),
            exact: { s in
                var τ = 0.0
                for t in s.topologies { for c in t.components { if let spec = c.kind.spec as? InstancesSpec, let q = spec.queueTimeout { τ = Time.seconds(q) } } }
                return QueueingTheory.mm1DeterministicTimeoutDropProbability(arrivalRate: rate(s), serviceRate: 1 / service(s).mean, timeout: τ)
            },
            measure: column("availability") { 1 - $0 }),
    ]

    /// Renders results as an aligned table.
    public static func render(_ results: [ValidationResult]) -> String {
        let header = ["case", "exact", "simulated", "± 95 % CI", "rel. error", "result", "quantity"]
        let rows = results.map { r in
            [r.name, TerminalTable.fixed(r.exact, 5), TerminalTable.fixed(r.mean, 5), TerminalTable.fixed(r.halfWidth, 5),
             TerminalTable.fixed(r.relativeError * 100, 2) + " %", r.passed ? "ok" : "FAIL", r.quantity]
        }
        var widths = header.map(\.count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in i == 0 || i == r.count - 1 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0) : String(repeating: " ", count: widths[i] - c.count) + c }
                .joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
