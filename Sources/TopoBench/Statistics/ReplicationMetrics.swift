import Histogram

/// One row of `timeseries.csv`: what happened in one window of simulated time.
public struct WindowRow: Sendable, Equatable {
    public var start: SimTime
    /// Requests resolved (answered or given up) in the window.
    public var offered: Int
    public var succeeded: Int
    public var p99ms: Double
    public var queueDepth: Int
    public var healthyInstances: Int
    public var oldestMessageAge: Double
}

/// A snapshot of the system's state at the end of a window.
struct StateSample {
    var queueDepth: Int
    var healthy: Int
    var oldestAge: Double
}

/// Everything one replication observes after its warm-up: counts, latency histograms, windows.
///
/// Latencies are kept in HdrHistograms in microseconds (3 significant digits, up to 24 h), so
/// memory is fixed whatever the number of requests. The time series attributes each request to
/// the window in which it was resolved, so a window's success ratio is known when it closes and
/// only the current window's histogram is kept.
struct ReplicationMetrics {
    let windowWidth: SimTime
    let measureFrom: SimTime
    let measureTo: SimTime
    let slo: Double
    private(set) var measuring = false

    var offered = 0
    var succeeded = 0
    var firstTry = 0
    /// Attempts of the requests that ended (succeeded or failed after their retries).
    var attempts = 0
    var serverErrors = 0
    var timeouts = 0
    var throttled = 0
    var rejected = 0
    var messagesLost = 0
    /// The part of `messagesLost` that ended in a dead-letter queue.
    var messagesDeadLettered = 0
    /// Time instance workers held requests (from taking one to answering it), and the part
    /// spent on requests whose caller had already given up (`wasted_work`).
    var workerTime: SimTime = 0
    var wastedWorkerTime: SimTime = 0
    var duplicates = 0
    var sessionsLost = 0
    var unfinished = 0
    var messagesProcessed = 0
    var latencySum: Double = 0
    var latencyMax: SimTime = 0
    var latency: HistogramRecorder
    /// The failures, at the moment the client gave up; with ``latency`` (the successes) they
    /// make the histogram of every request that ended, summed when the figures are read, so a
    /// success is recorded once.
    var failureLatency: HistogramRecorder
    var faultsIgnored = 0
    /// The bill of the measured window (``Bill/total``), set when the replication ends.
    var costUSD: Double = .nan
    var e2e: HistogramRecorder
    var window: HistogramRecorder
    var windowOffered = 0
    var windowSucceeded = 0
    var windowStart: SimTime
    var windows: [WindowRow] = []

    static let highestMicros: UInt64 = 86_400_000_000

    init(windowWidth: SimTime, measureFrom: SimTime, measureTo: SimTime, slo: Double) {
        self.windowWidth = windowWidth
        self.measureFrom = measureFrom
        self.measureTo = measureTo
        self.slo = slo
        windowStart = measureFrom
        latency = HistogramRecorder(highestTrackableValue: Self.highestMicros, digits: .three)
        failureLatency = HistogramRecorder(highestTrackableValue: Self.highestMicros, digits: .three)
        e2e = HistogramRecorder(highestTrackableValue: Self.highestMicros, digits: .three)
        window = HistogramRecorder(highestTrackableValue: Self.highestMicros, digits: .two)
    }

    /// Frees the histograms' recording buffers (the owning simulation calls this once).
    mutating func deallocate() {
        latency.deallocate()
        failureLatency.deallocate()
        e2e.deallocate()
        window.deallocate()
    }

    /// Brings the latency histograms up to date; ``summary(faultStarts:)`` and
    /// ``latencyLadder()`` read them.
    mutating func flushHistograms() {
        latency.flush()
        failureLatency.flush()
        e2e.flush()
    }

    mutating func beginMeasuring(at t: SimTime) {
        measuring = true
        windowStart = t
    }

    @inline(__always)
    static func micros(_ t: SimTime) -> UInt64 {
        let us = UInt64(max(1, (t + 500) / 1000))
        return min(us, highestMicros)
    }

    @inline(__always)
    mutating func recordSuccess(latency t: SimTime, attempts n: Int32, at now: SimTime) {
        succeeded += 1
        attempts += Int(n)
        let first = n == 1
        if first { firstTry += 1 }
        latencySum += Double(t)
        if t > latencyMax { latencyMax = t }
        let us = Self.micros(t)
        latency.record(us)
        if now < measureTo {
            windowOffered += 1
            windowSucceeded += 1
            window.record(us)
        }
    }

    @inline(__always)
    mutating func recordFailure(_ cause: FailureCause, latency t: SimTime, attempts n: Int32, at now: SimTime) {
        attempts += Int(n)
        failureLatency.record(Self.micros(t))
        switch cause {
        case .serverError: serverErrors += 1
        case .timeout: timeouts += 1
        case .throttled: throttled += 1
        case .rejected: rejected += 1
        }
        if now < measureTo { windowOffered += 1 }
    }

    @inline(__always)
    mutating func recordEndToEnd(_ t: SimTime) {
        e2e.record(Self.micros(t))
    }

    /// Closes the current window at `t` with a snapshot of the state.
    mutating func closeWindow(at t: SimTime, sample: StateSample) {
        guard measuring, t > windowStart else { return }
        window.flush()
        let p99 = window.histogram.totalCount > 0 ? Double(window.histogram.valueAtPercentile(99)) / 1000 : .nan
        windows.append(WindowRow(
            start: windowStart, offered: windowOffered, succeeded: windowSucceeded, p99ms: p99,
            queueDepth: sample.queueDepth, healthyInstances: sample.healthy, oldestMessageAge: sample.oldestAge))
        windowOffered = 0
        windowSucceeded = 0
        window.reset()
        windowStart = t
    }


    /// The share of windows whose success ratio reached the SLO (an idle window counts as good).
    var timeAvailability: Double {
        guard !windows.isEmpty else { return .nan }
        let good = windows.filter { $0.offered == 0 || Double($0.succeeded) >= slo * Double($0.offered) }.count
        return Double(good) / Double(windows.count)
    }

    /// Mean time from each fault's start until the success ratio is back at the SLO: the end of
    /// the run of bad windows that begins at or after the fault's start (0 when the fault caused
    /// no bad window before it ended plus one window). A run that never recovers counts until
    /// the end of the measurement.
    func recovery(faultStarts: [(start: SimTime, end: SimTime)]) -> Double {
        guard !faultStarts.isEmpty, !windows.isEmpty else { return .nan }
        var total = 0.0
        for f in faultStarts {
            // A fault may end up to 100 years after the run and a window be 100 years wide:
            // the sum saturates instead of overflowing.
            let (sum, overflow) = f.end.addingReportingOverflow(2 * windowWidth)
            let horizon = overflow ? SimTime.max : sum
            var firstBad: Int? = nil
            for (i, w) in windows.enumerated() where w.start + windowWidth > f.start && w.start <= horizon {
                if w.offered > 0 && Double(w.succeeded) < slo * Double(w.offered) { firstBad = i; break }
            }
            guard let b = firstBad else { continue }
            var j = b
            while j < windows.count && windows[j].offered > 0
                && Double(windows[j].succeeded) < slo * Double(windows[j].offered) { j += 1 }
            let back = j < windows.count ? windows[j].start : measureTo
            total += max(0, Time.seconds(back - f.start))
        }
        return total / Double(faultStarts.count)
    }

    /// Whether the success ratio was back at the SLO after the last fault ended: 1 when the
    /// last windows of the run after that end (the last three, or fewer) all reach it, 0 when
    /// one does not; NaN without a fault, or when no window begins after the last fault's end
    /// (a fault that lasts until the end).
    func recovered(faultStarts: [(start: SimTime, end: SimTime)]) -> Double {
        guard let lastEnd = faultStarts.map(\.end).max() else { return .nan }
        let after = windows.filter { $0.start >= lastEnd }
        guard !after.isEmpty else { return .nan }
        let good = after.suffix(3).allSatisfy { $0.offered == 0 || Double($0.succeeded) >= slo * Double($0.offered) }
        return good ? 1 : 0
    }

    /// The per-replication figures, one per ``Figure``.
    ///
    /// `events` is left NaN: the simulation counts its events itself (`ReplicationOutcome.events`)
    /// and Reports writes that count.
    func summary(faultStarts: [(start: SimTime, end: SimTime)]) -> FigureValues {
        let latency = self.latency.histogram, e2e = self.e2e.histogram
        let ok = latency.totalCount > 0
        func pct(_ p: Double) -> Double { ok ? Double(latency.valueAtPercentile(p)) / 1000 : .nan }
        var all = latency
        all.add(failureLatency.histogram)
        func pctAll(_ p: Double) -> Double { all.totalCount > 0 ? Double(all.valueAtPercentile(p)) / 1000 : .nan }
        let n = Double(offered)
        let recovery = self.recovery(faultStarts: faultStarts)
        let recovered = self.recovered(faultStarts: faultStarts)
        return FigureValues { figure in
            switch figure {
            case .offered: return n
            case .succeeded: return Double(succeeded)
            case .availability: return offered > 0 ? Double(succeeded) / n : .nan
            case .firstTryAvailability: return offered > 0 ? Double(firstTry) / n : .nan
            case .attemptsPerRequest:
                let ended = succeeded + serverErrors + timeouts + throttled + rejected
                return ended > 0 ? Double(attempts) / Double(ended) : .nan
            case .timeAvailability: return timeAvailability
            case .latencyMean: return succeeded > 0 ? latencySum / Double(succeeded) / 1e6 : .nan
            case .latencyP50: return pct(50)
            case .latencyP90: return pct(90)
            case .latencyP99: return pct(99)
            case .latencyP999: return pct(99.9)
            case .latencyMax: return ok ? Double(latencyMax) / 1e6 : .nan
            case .latencyAllP50: return pctAll(50)
            case .latencyAllP99: return pctAll(99)
            case .latencyAllP999: return pctAll(99.9)
            case .e2eP99: return e2e.totalCount > 0 ? Double(e2e.valueAtPercentile(99)) / 1000 : .nan
            case .errors5xx: return Double(serverErrors)
            case .timeouts: return Double(timeouts)
            case .throttled: return Double(throttled)
            case .rejected: return Double(rejected)
            case .messagesLost: return Double(messagesLost)
            case .duplicates: return Double(duplicates)
            case .sessionsLost: return Double(sessionsLost)
            case .recovery: return recovery
            case .events: return .nan
            case .unfinished: return Double(unfinished)
            case .messagesProcessed: return Double(messagesProcessed)
            case .faultsIgnored: return Double(faultsIgnored)
            case .messagesDeadLettered: return Double(messagesDeadLettered)
            case .goodputPerS:
                let seconds = Time.seconds(measureTo - measureFrom)
                return seconds > 0 ? Double(succeeded) / seconds : .nan
            case .recovered: return recovered
            case .wastedWork: return workerTime > 0 ? Double(wastedWorkerTime) / Double(workerTime) : .nan
            case .costUSD: return costUSD
            case .costUSDMonth:
                let hours = Time.seconds(measureTo - measureFrom) / 3600
                return hours > 0 ? costUSD * Bill.hoursPerMonth / hours : .nan
            case .costPerMillionRequests: return offered > 0 ? costUSD / n * 1e6 : .nan
            }
        }
    }

    /// The percentile ladder of `latency.csv`.
    static let ladder: [Double] = [0, 1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100]

    func latencyLadder() -> [(percentile: Double, ms: Double)] {
        let latency = self.latency.histogram
        guard latency.totalCount > 0 else { return [] }
        return Self.ladder.map { p in
            (p, Double(p == 100 ? UInt64(max(1, (latencyMax + 500) / 1000)) : latency.valueAtPercentile(p)) / 1000)
        }
    }
}

/// What one replication of one topology produced.
public struct ReplicationOutcome: Sendable {
    public var scenario: String
    public var topology: String
    public var replication: Int
    /// The figures of `replications.csv` (`events` aside, which is ``events``).
    public var metrics: FigureValues
    public var windows: [WindowRow]
    public var latencyLadder: [(percentile: Double, ms: Double)]
    public var faults: [FaultRecord]
    public var events: UInt64
    /// The bill's lines (`cost.csv`).
    public var cost: [BillLine] = []
}
