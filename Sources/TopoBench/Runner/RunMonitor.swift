import Foundation

/// How far a run has got, for a progress line: the units finished and how far each running
/// replication is through its simulated time.
///
/// A replication reports at each of its windows (``Simulation/handleWindowTick()``), which is
/// at most once every `window` of simulated time, never per event; a run without a monitor
/// reports nothing.
public final class RunMonitor: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = 0
    private var total = 0
    private var finishedEvents: UInt64 = 0
    /// Per worker: share of the running unit's simulated time done, and its events so far.
    private var running: [Int: (fraction: Double, events: UInt64)] = [:]

    public init() {}

    /// A snapshot: units done and in all, the share of the work done (finished units plus the
    /// running units' shares), and the events processed.
    public struct Snapshot: Sendable {
        public var finished: Int
        public var total: Int
        public var workDone: Double
        public var events: UInt64
    }

    public func snapshot() -> Snapshot {
        lock.lock()
        defer { lock.unlock() }
        let partial = running.values.reduce(0.0) { $0 + $1.fraction }
        let events = running.values.reduce(finishedEvents) { $0 &+ $1.events }
        let share = total > 0 ? min(1, (Double(finished) + partial) / Double(total)) : 0
        return Snapshot(finished: finished, total: total, workDone: share, events: events)
    }

    func begin(total: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.total = total
        finished = 0
        finishedEvents = 0
        running = [:]
    }

    func report(worker: Int, fraction: Double, events: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        running[worker] = (min(1, max(0, fraction)), events)
    }

    func finish(worker: Int, events: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        running[worker] = nil
        finished += 1
        finishedEvents &+= events
    }
}
