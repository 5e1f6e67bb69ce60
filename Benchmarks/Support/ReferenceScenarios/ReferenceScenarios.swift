import Foundation
import TopoBench

/// The scenario files of `Benchmarks/reference/`, loaded through the public scenario path
/// (`ScenarioLoader.parse(text:file:)`) and run through `Simulation.run()`, as `topobench run`
/// does for one replication on one core.
public enum ReferenceScenarios {
    /// `Benchmarks/reference/`, found from this source file so that the benchmarks read the same
    /// files as `compare.sh` and the CLI, whatever the working directory.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReferenceScenarios/
        .deletingLastPathComponent()  // Support/
        .deletingLastPathComponent()  // Benchmarks/ (this package)
        .appendingPathComponent("reference")

    /// Loads `reference/<name>.yaml`, optionally with another simulated duration. Exits with a
    /// message (the benchmark cannot run without its scenario) rather than trapping.
    public static func load(_ name: String, duration: SimTime? = nil) -> Scenario {
        load(url: directory.appendingPathComponent("\(name).yaml"), duration: duration)
    }

    /// Loads a scenario file given by its path (one scenario with one topology).
    public static func load(url: URL, duration: SimTime? = nil) -> Scenario {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            let points = try ScenarioLoader.parse(
                text: text, file: url.path, overrides: ScenarioOverrides(duration: duration))
            guard let first = points.first, first.topologies.count == 1 else {
                fail("\(url.path): expected one scenario with one topology")
            }
            return first
        } catch {
            fail("\(error)")
        }
    }

    /// What one replication produced and how long it took.
    public struct Timed {
        public var outcome: ReplicationOutcome
        public var seconds: Double
        /// A figure of the replication (`.offered`, `.messagesProcessed`, …), 0 when it has none.
        public func metric(_ figure: Figure) -> Double {
            let v = outcome.metrics[figure]
            return v.isFinite ? v : 0
        }
        /// `count` per second of wall time, rounded.
        public func perSecond(_ count: Double) -> Int { Int((count / seconds).rounded()) }
    }

    /// Builds and runs replication 1 of the scenario's only topology, timing both.
    public static func run(_ scenario: Scenario, replication: Int = 1) -> Timed {
        let start = ContinuousClock.now
        let simulation = Simulation(scenario: scenario, topology: scenario.topologies[0], replication: replication)
        let outcome = simulation.run()
        return Timed(outcome: outcome, seconds: seconds(ContinuousClock.now - start))
    }

    public static func seconds(_ d: Duration) -> Double {
        let c = d.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("ReferenceScenarios: \(message)\n".utf8))
        exit(70)
    }
}
