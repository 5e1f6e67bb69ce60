import Foundation
import PropertyBased
import Testing
@testable import TopoBench

/// Properties over random small scenarios, drawn with swift-property-based's generators from a
/// fixed seed (so every run of the suite checks the same cases, and a failure names its case):
/// conservation of requests and messages, determinism for any seed and any `--jobs`, and the
/// calibration of the confidence intervals against M/M/1.
@Suite("Properties")
struct PropertyTests {
    // MARK: random small scenarios

    enum Shape: String, CaseIterable, Sendable { case instances, alb, sqs }

    struct FaultPick: Sendable, CustomStringConvertible {
        var kind: Int, target: Int, atMs: Int, lengthMs: Int
        static let kinds = ["crash", "latency", "errors", "zombie", "zone_outage", "stochastic crash", "reboot"]
        var description: String { "\(Self.kinds[kind]) t\(target) @\(atMs)ms/\(lengthMs)ms" }
    }

    /// A small scenario: instances alone, behind an ALB, or with an SQS queue between two tiers.
    struct Small: Sendable, CustomStringConvertible {
        var shape: Shape
        var count: Int, workers: Int, queue: Int, serviceMs: Double
        var rate: Int, timeoutMs: Int, attempts: Int
        var faults: [FaultPick]
        var seed: UInt64

        var description: String {
            "\(shape) count \(count) workers \(workers) queue \(queue) service \(serviceMs)ms rate \(rate)/s timeout \(timeoutMs)ms attempts \(attempts) seed \(seed) faults \(faults)"
        }

        func yaml(replications: Int = 1) -> String {
            let queueText = queue < 0 ? "unbounded" : String(queue)
            let instance = "kind: instances, count: \(count), zones: [a, b], workers: \(workers), queue: \(queueText), service: { dist: exponential, mean: \(String(format: "%.3f", serviceMs))ms }"
            var components: [String]
            let entry: String
            switch shape {
            case .instances:
                entry = "web"
                components = ["web: { \(instance), calls: backend, timeout: 200ms }", "backend: { \(instance) }"]
            case .alb:
                entry = "lb"
                components = [
                    "lb: { kind: alb, targets: web, health_check: { interval: 5s, timeout: 2s, healthy: 2, unhealthy: 2 } }",
                    "web: { \(instance) }", "asg: { kind: autoscaling, group: web, grace: 1s, launch: 300ms }",
                ]
            case .sqs:
                entry = "web"
                components = [
                    "web: { \(instance), calls: orders }",
                    "orders: { kind: sqs, visibility_timeout: 1s, max_receive_count: 2, retention: 60s, consumers: backend, batch: 5, wait: 1s }",
                    "backend: { \(instance) }",
                ]
            }
            let targets = shape == .alb ? ["web", "web"] : ["web", "backend"]
            let faultLines = faults.map { f -> String in
                let target = targets[f.target]
                let at = "\(f.atMs)ms", length = "\(f.lengthMs)ms"
                switch FaultPick.kinds[f.kind] {
                case "crash": return "{ kind: crash, target: \(target), instance: 0, at: \(at), duration: \(length) }"
                case "latency": return "{ kind: latency, target: \(target), at: \(at), duration: \(length), multiplier: 20 }"
                case "errors": return "{ kind: errors, target: \(target), at: \(at), duration: \(length), probability: 0.5 }"
                case "zombie": return "{ kind: zombie, target: \(target), at: \(at), duration: \(length) }"
                case "zone_outage": return "{ kind: zone_outage, zone: a, at: \(at), duration: \(length) }"
                case "stochastic crash":
                    return "{ kind: crash, target: \(target), mtbf: { dist: exponential, mean: \(at) }, mttr: { dist: exponential, mean: \(length) } }"
                default: return "{ kind: \"aws:ec2:reboot-instances\", target: \(target), at: \(at) }"
                }
            }
            return """
                name: property
                duration: 2s
                warmup: 0s
                window: 500ms
                replications: \(replications)
                seed: \(seed)
                workload:
                  arrival: { dist: exponential, rate: \(rate)/s }
                  timeout: \(timeoutMs == 0 ? "none" : "\(timeoutMs)ms")
                  retry: { max_attempts: \(attempts), base: 10ms, cap: 100ms }
                faults: [\(faultLines.joined(separator: ", "))]
                topologies:
                  t:
                    entry: \(entry)
                    components:
                \(components.map { "      " + $0 }.joined(separator: "\n"))
                """
        }
    }

    static let faultGenerator = zip(Gen.int(in: 0...6), Gen.int(in: 0...1), Gen.int(in: 1...1_900), Gen.int(in: 1...800))
        .map { (t: (Int, Int, Int, Int)) -> FaultPick in FaultPick(kind: t.0, target: t.1, atMs: t.2, lengthMs: t.3) }

    static let systemGenerator = zip(Gen<Shape>.case, Gen.int(in: 1...4), Gen.int(in: 1...8), Gen.int(in: -1...30), Gen.double(in: 0.2...20))

    static let loadGenerator = zip(
        Gen.int(in: 20...3_000), Gen.int(in: 0...1_000), Gen.int(in: 1...4), faultGenerator.array(of: 0...4),
        Gen.uint64(in: 0...UInt64(Int.max)))

    static let smallGenerator = zip(systemGenerator, loadGenerator).map {
        (t: ((Shape, Int, Int, Int, Double), (Int, Int, Int, [FaultPick], UInt64))) -> Small in
        Small(
            shape: t.0.0, count: t.0.1, workers: t.0.2, queue: t.0.3, serviceMs: t.0.4, rate: t.1.0, timeoutMs: t.1.1,
            attempts: t.1.2, faults: t.1.3, seed: t.1.4)
    }

    /// `count` values of `generator`, always the same ones (a fixed seed: the suite is deterministic).
    static func draw<T, S>(_ generator: Generator<T, S>, count: Int, seed: UInt64) -> [T] {
        var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
        return (0..<count).map { _ in generator.run(using: &rng) }
    }

    static func run(_ text: String, jobs: Int = 1) throws -> ResultSet {
        let points = try ScenarioLoader.parse(text: text, file: "property.yaml")
        return try Runner.run(points, options: RunOptions(jobs: jobs))
    }

    // MARK: conservation

    /// Every request offered after the warm-up is succeeded, an error, a timeout, throttled,
    /// rejected, or still in flight at the hard stop: the columns of `replications.csv` add up.
    /// And every message stored in a queue is deleted after processing, dead-lettered, expired,
    /// or still stored at the end.
    @Test func requestsAndMessagesAreConserved() throws {
        for small in Self.draw(Self.smallGenerator, count: 60, seed: 1) {
            let text = small.yaml()
            let result = try Self.run(text)
            let broken = Hostile.conservationViolations(result.replications)
            #expect(broken.isEmpty, "\(small): \(broken)")
            let offered = try result.replications.number(row: 0, column: result.replications.requireColumn("offered")) ?? 0
            #expect(offered > 0, "\(small): no request offered")

            // Messages, inside the model: per queue, and no message slot leaked.
            let scenario = try #require(try ScenarioLoader.parse(text: text, file: "property.yaml").first)
            let sim = Simulation(scenario: scenario, topology: scenario.topologies[0], replication: 1)
            _ = sim.runKeepingModels()
            var stored = 0
            for q in sim.queues {
                #expect(q.sent == q.deleted + q.deadLettered + q.expired + q.visible + q.inflight,
                        "\(small): sent \(q.sent) ≠ deleted \(q.deleted) + dead-lettered \(q.deadLettered) + expired \(q.expired) + visible \(q.visible) + in flight \(q.inflight)")
                stored += q.visible + q.inflight
            }
            let inUse = (0..<sim.messages.count).filter { sim.messages[$0].inUse }.count
            #expect(inUse == stored, "\(small): \(inUse) message slots in use, \(stored) messages stored")
        }
    }

    // MARK: determinism

    /// For any seed, two runs give identical tables, whether one thread runs the replications
    /// or two.
    @Test func anySeedGivesTheSameTablesWithOneOrTwoJobs() throws {
        for small in Self.draw(Self.smallGenerator, count: 12, seed: 2) {
            let text = small.yaml(replications: 3)
            let a = try Self.run(text, jobs: 1)
            let b = try Self.run(text, jobs: 2)
            let c = try Self.run(text, jobs: 2)
            for (name, x, y, z) in [
                ("replications", a.replications, b.replications, c.replications), ("summary", a.summary, b.summary, c.summary),
                ("timeseries", a.timeseries, b.timeseries, c.timeseries), ("faults", a.faults, b.faults, c.faults),
                ("latency", a.latency, b.latency, c.latency),
            ] {
                #expect(x == y, "\(small): \(name) differs between --jobs 1 and --jobs 2")
                #expect(y == z, "\(small): \(name) differs between two runs")
            }
        }
    }

    // MARK: calibration

    /// Over 100 independent seeds, the 95 % Student-t interval of the M/M/1 mean response time
    /// (5 replications of 20 s at ρ = 0.5) covers the exact value 1/(μ − λ) about 95 times.
    /// The band is wide (85 to 99), so the test checks calibration without being fragile; the
    /// seeds are fixed, so it gives the same answer every time.
    @Test func intervalsOfMM1CoverTheExactMeanAbout95PercentOfTheTime() throws {
        let lambda = 500.0, mu = 1_000.0
        let exact = QueueingTheory.mm1MeanWait(arrivalRate: lambda, serviceRate: mu) + 1 / mu
        let seeds = Self.draw(Gen.uint64(in: 1...UInt64(Int.max)), count: 100, seed: 3)
        var covered = 0
        var misses: [String] = []
        for seed in seeds {
            let text = """
                name: mm1
                duration: 20s
                warmup: 1s
                window: 20s
                replications: 5
                seed: \(seed)
                network: none
                workload:
                  arrival: { dist: exponential, rate: \(Int(lambda))/s }
                  timeout: none
                  retry: none
                topologies:
                  mm1:
                    entry: server
                    components:
                      server: { kind: instances, count: 1, workers: 1, service: { dist: exponential, mean: \(1e3 / mu)ms } }
                """
            let result = try Self.run(text, jobs: 2)
            let column = try result.replications.requireColumn("latency_mean_ms")
            let means = try (0..<result.replications.rows.count).map { try result.replications.number(row: $0, column: column) ?? .nan }
            #expect(means.count == 5)
            let (mean, halfWidth) = StudentT.interval(means.map { $0 / 1e3 })
            if abs(mean - exact) <= halfWidth { covered += 1 } else { misses.append("seed \(seed): \(mean) ± \(halfWidth)") }
        }
        print("calibration: the M/M/1 interval covered the exact mean for \(covered) of 100 seeds")
        #expect((85...99).contains(covered), "covered \(covered) of 100 (exact \(exact) s); misses: \(misses.prefix(20))")
    }
}
