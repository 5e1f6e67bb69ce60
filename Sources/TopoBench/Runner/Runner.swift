import Foundation

/// How a run is carried out (not what is simulated): parallelism, sharding, progress.
public struct RunOptions: Sendable {
    /// Replications run at once (default: every core).
    public var jobs: Int
    /// Run only shard `k` of `n` (1-based) of the work units.
    public var shard: (k: Int, n: Int)?
    /// Called after each finished unit with (units done, units in all, events so far).
    public var progress: (@Sendable (Int, Int, UInt64) -> Void)?
    /// Told how far each replication has got, once per window of simulated time.
    public var monitor: RunMonitor?
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: (k: Int, n: Int)? = nil,
                progress: (@Sendable (Int, Int, UInt64) -> Void)? = nil, monitor: RunMonitor? = nil) {
        self.jobs = max(1, jobs)
        self.shard = shard
        self.progress = progress
        self.monitor = monitor
    }
}

/// Runs the points of one scenario file: every (sweep point, topology, replication) is a unit of
/// work, simulated independently and in parallel; results are assembled in a canonical order,
/// so the output does not depend on `jobs` or on how the units were sharded.
public enum Runner {
    public static var version: String { TopoBenchVersion.string }

    /// One unit of work.
    struct Unit: Sendable {
        let point: Int
        let topology: Int
        let replication: Int
    }

    /// Runs `points` (the expansion of one file) and returns the result set of the units run.
    public static func run(_ points: [Scenario], options: RunOptions = RunOptions()) throws -> ResultSet {
        guard let first = points.first else { throw ReportError(.invalidInput, "no scenario to run") }
        let start = Date()
        var units: [Unit] = []
        for p in 0..<points.count {
            for t in 0..<points[p].topologies.count {
                // `stride`, not `1...n`: a scenario built by hand with 0 replications runs nothing.
                for r in stride(from: 1, through: points[p].replications, by: 1) {
                    units.append(Unit(point: p, topology: t, replication: r))
                }
            }
        }
        // Unit i of the whole run is units[i]; shard K/N runs those with i ≡ K−1 (mod N).
        let total = units.count
        var numbers = Array(units.indices)
        if let (k, n) = options.shard {
            numbers = numbers.filter { $0 % n == k - 1 }
            units = numbers.map { units[$0] }
        }
        let outcomes = execute(units, points: points, options: options)
        // After Ctrl-C, the finished units are the first ones claimed (see `OutcomeBox`).
        let held = WorkUnitSet(numbers.prefix(outcomes.count))
        let sweepColumns = first.sweep.map(\.column)
        var records: [ReplicationRecord] = []
        records.reserveCapacity(outcomes.count)
        var events: UInt64 = 0
        for (u, o) in zip(units, outcomes) {
            records.append(ReplicationRecord(sweepValues: points[u.point].sweep.map(\.value), outcome: o))
            events &+= o.events
        }
        let info = RunInfo(
            scenario: first.name, scenarioHash: first.hash, seed: first.seed, version: version,
            replications: first.replications, topologies: first.topologies.map(\.name), sweepColumns: sweepColumns,
            sweepPoints: points.map { $0.sweep.map(\.value) }, wallTimeSeconds: Date().timeIntervalSince(start),
            events: Int64(clamping: events), shard: options.shard.map { "\($0.k)/\($0.n)" }, workUnits: total,
            workUnitsHeld: held.text)
        return try ResultSet.assemble(info: info, records: records)
    }

    /// Runs the units on `jobs` threads; each result lands at its unit's index.
    ///
    /// Units are claimed in order and a claimed unit always finishes, so after an interruption
    /// the results are those of a prefix of `units`.
    static func execute(_ units: [Unit], points: [Scenario], options: RunOptions) -> [ReplicationOutcome] {
        GSL.disableAbortOnError()
        let box = OutcomeBox(count: units.count)
        let workers = min(options.jobs, max(1, units.count))
        options.monitor?.begin(total: units.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while let i = box.claim() {
                let u = units[i]
                let scenario = points[u.point]
                let sim = Simulation(scenario: scenario, topology: scenario.topologies[u.topology], replication: u.replication)
                if let m = options.monitor { sim.monitor = (m, worker) }
                let outcome = sim.run()
                options.monitor?.finish(worker: worker, events: outcome.events)
                let (done, events) = box.store(outcome, at: i)
                options.progress?(done, units.count, events)
            }
        }
        return box.results()
    }
}

/// The shared state of a run's worker threads: the next unit to claim and the results.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private var events: UInt64 = 0
    private var outcomes: [ReplicationOutcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if Interrupt.requested || next >= outcomes.count { return nil }
        next += 1
        return next - 1
    }

    func store(_ o: ReplicationOutcome, at i: Int) -> (Int, UInt64) {
        lock.lock()
        defer { lock.unlock() }
        outcomes[i] = o
        done += 1
        events &+= o.events
        return (done, events)
    }

    func results() -> [ReplicationOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes.compactMap { $0 }
    }
}

/// Set by the CLI's SIGINT handler: no new unit starts; finished ones are kept.
public enum Interrupt {
    nonisolated(unsafe) public static var requested = false
}

/// The version recorded in `run.json` and printed by `--version`.
public enum TopoBenchVersion {
    public static let string = "0.1.0"
}
