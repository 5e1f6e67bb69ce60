/// One figure of `replications.csv` and `summary.csv`: its column, how replications aggregate,
/// whether a higher or a lower value is better, its unit and the threshold `compare` holds it to.
///
/// The cases are in column order: ``ResultColumns/metrics`` is `Figure.allCases`, so the CSV
/// header, the summary, the per-replication values (``FigureValues``) and the figures that
/// `topobench compare` gates all come from this one list. A new column is one new case: the
/// compiler then asks for its value in `ReplicationMetrics.summary(faultStarts:)` (an exhaustive
/// `switch`) and for its properties here, and `compare` gates it as soon as it has a direction
/// and a threshold. A misspelt figure does not compile.
public enum Figure: String, CaseIterable, Sendable, Hashable {
    case offered
    case succeeded
    case availability
    case firstTryAvailability = "first_try_availability"
    /// Attempts the end users made per logical request that ended: the load amplification
    /// their retries cause (1 without retries).
    case attemptsPerRequest = "attempts_per_request"
    case timeAvailability = "time_availability"
    case latencyMean = "latency_mean_ms"
    case latencyP50 = "latency_p50_ms"
    case latencyP90 = "latency_p90_ms"
    case latencyP99 = "latency_p99_ms"
    case latencyP999 = "latency_p999_ms"
    case latencyMax = "latency_max_ms"
    /// Percentiles of every request that ended, successful or not: a failure counts at the
    /// moment its client learned of it (after its retries), a timeout at its timeout.
    case latencyAllP50 = "latency_all_p50_ms"
    case latencyAllP99 = "latency_all_p99_ms"
    case latencyAllP999 = "latency_all_p999_ms"
    case e2eP99 = "e2e_p99_ms"
    case errors5xx = "errors_5xx"
    case timeouts
    case throttled
    case rejected
    case messagesLost = "messages_lost"
    case duplicates
    case sessionsLost = "sessions_lost"
    case recovery = "recovery_s"
    case events
    /// Requests still in flight at the hard stop: with them, `offered` is the sum of
    /// succeeded, errors_5xx, timeouts, throttled, rejected and unfinished.
    case unfinished
    case messagesProcessed = "messages_processed"
    /// Faults of the scenario that act on nothing in this topology (``Topology/whyIgnored(_:)``):
    /// not 0 means the topology ran without them, so its figures are not comparable with the
    /// others'.
    case faultsIgnored = "faults_ignored"
    /// Messages that ended in a dead-letter queue: an SQS queue's redrive policy
    /// (`max_receive_count`) or an SNS subscription's `dead_letter` queue. A part of
    /// `messages_lost` (the work behind them was not done).
    case messagesDeadLettered = "messages_dead_lettered"
    /// Successful requests per second of the measured time.
    case goodputPerS = "goodput_per_s"
    /// The share of instance workers' time (from taking a request to answering it) spent on
    /// requests whose caller had already given up (timed out): work nobody waits for.
    case wastedWork = "wasted_work"
    /// 1 when the success ratio was back at the SLO after the last fault ended, before the run
    /// ended; 0 when it was not (a metastable failure: the trigger is gone, the failure stays);
    /// empty without a fault, or when the last one lasts until the end. The summary's mean is
    /// the share of replications that recovered.
    case recovered
    /// What the measured window cost on AWS's on-demand prices (``Bill``; `cost.csv` has its
    /// lines), in US dollars.
    case costUSD = "cost_usd"
    /// The same at the run's rates for a month of 730 hours: cost_usd × 730 h / the measured window.
    case costUSDMonth = "cost_usd_month"
    /// cost_usd per million requests offered.
    case costPerMillionRequests = "cost_per_million_requests"

    /// How the replications of one row become its `summary.csv` figure.
    public enum Aggregation: Sendable, Equatable {
        /// The mean of the replications' non-empty values (empty when all are empty).
        case mean
        /// The largest non-empty value (empty when all are empty).
        case max
    }

    /// Which way a figure gets worse.
    public enum Direction: String, Sendable, Equatable {
        /// A drop is a regression (availability).
        case higherIsBetter = "higher is better"
        /// A rise is a regression (latency, losses, errors).
        case lowerIsBetter = "lower is better"
        /// Neither: a property of the workload or of the simulation (offered load, events).
        case neutral
    }

    /// The unit of a figure, which decides how its threshold is written.
    public enum Unit: String, Sendable, Equatable {
        /// A share from 0 to 1. A threshold is an absolute change: `0.001`, or `0.1%`
        /// (percentage points).
        case fraction
        /// Milliseconds. A threshold is relative to the baseline (`10%`) or a duration (`5ms`).
        case milliseconds = "ms"
        /// Seconds. A threshold is relative to the baseline (`10%`) or a duration (`30s`).
        case seconds = "s"
        /// A count per replication. A threshold is relative to the baseline (`10%`) or a count
        /// per replication (`5`).
        case count
        /// US dollars. A threshold is relative to the baseline (`5%`) or an amount (`0.50`).
        case usd
    }

    /// How much worse than the baseline a figure may get before `compare` calls it a regression.
    public enum Threshold: Sendable, Equatable {
        /// A share of the baseline's magnitude: `.relative(0.1)` allows +10 % (or −10 % for a
        /// figure where higher is better).
        case relative(Double)
        /// An amount in the figure's unit (milliseconds, seconds, a count, a fraction).
        case absolute(Double)

        /// The change allowed from `baseline`, in the figure's unit (never negative).
        public func allowance(baseline: Double) -> Double {
            switch self {
            case .relative(let r): return r * abs(baseline)
            case .absolute(let a): return a
            }
        }
    }

    /// The column name in `replications.csv` and `summary.csv`.
    public var column: String { rawValue }

    /// The suffix of a confidence-interval column.
    public static let ciSuffix = "_ci95"

    /// The name of the confidence-interval column, `<column>_ci95`.
    public var ciColumn: String { column + Self.ciSuffix }

    /// Whether `summary.csv` has a `<column>_ci95` half-width column right after this one.
    public var hasConfidenceInterval: Bool {
        switch self {
        case .availability, .firstTryAvailability, .timeAvailability, .latencyP50, .latencyP99, .latencyP999,
            .latencyAllP50, .latencyAllP99, .latencyAllP999, .e2eP99, .recovery, .goodputPerS, .costUSDMonth:
            return true
        case .offered, .succeeded, .latencyMean, .latencyP90, .latencyMax, .errors5xx, .timeouts, .throttled,
            .rejected, .messagesLost, .duplicates, .sessionsLost, .events, .unfinished, .messagesProcessed,
            .faultsIgnored, .attemptsPerRequest, .messagesDeadLettered, .recovered, .wastedWork, .costUSD,
            .costPerMillionRequests:
            return false
        }
    }

    /// How the summary figure is formed from the replications.
    public var aggregation: Aggregation {
        self == .latencyMax ? .max : .mean
    }

    /// Which way the figure gets worse.
    public var direction: Direction {
        switch self {
        case .succeeded, .availability, .firstTryAvailability, .timeAvailability, .goodputPerS, .recovered:
            return .higherIsBetter
        case .latencyMean, .latencyP50, .latencyP90, .latencyP99, .latencyP999, .latencyMax, .latencyAllP50,
            .latencyAllP99, .latencyAllP999, .e2eP99, .errors5xx, .timeouts, .throttled, .rejected, .messagesLost,
            .duplicates, .sessionsLost, .recovery, .unfinished, .faultsIgnored, .attemptsPerRequest, .messagesDeadLettered,
            .wastedWork, .costUSD, .costUSDMonth, .costPerMillionRequests:
            return .lowerIsBetter
        // The workload (offered), the simulator's own work (events) and the messages a topology
        // carries (messages_processed: a fan-out processes more, which is neither good nor bad).
        case .offered, .events, .messagesProcessed:
            return .neutral
        }
    }

    /// The unit of the figure's values.
    public var unit: Unit {
        switch self {
        case .availability, .firstTryAvailability, .timeAvailability, .recovered, .wastedWork: return .fraction
        case .latencyMean, .latencyP50, .latencyP90, .latencyP99, .latencyP999, .latencyMax, .latencyAllP50,
            .latencyAllP99, .latencyAllP999, .e2eP99:
            return .milliseconds
        case .recovery: return .seconds
        case .costUSD, .costUSDMonth, .costPerMillionRequests: return .usd
        case .offered, .succeeded, .errors5xx, .timeouts, .throttled, .rejected, .messagesLost, .duplicates,
            .sessionsLost, .events, .unfinished, .messagesProcessed, .faultsIgnored, .attemptsPerRequest,
            .messagesDeadLettered, .goodputPerS:
            return .count
        }
    }

    /// The threshold `compare` uses when none is given; `nil` for a figure it does not gate
    /// by default.
    ///
    /// - availability and first-try availability: a drop of 0.001 (0.1 point), the 0.1 default;
    /// - time availability: 0.01, since it moves by whole windows (1/159 in the quick suite);
    /// - latencies (mean, percentiles, end to end) and recovery time: +10 %, the 0.1 default;
    /// - succeeded and goodput: −1 %;
    /// - recovered: a drop of 0.1 (one replication in ten that no longer recovers);
    /// - wasted work: a rise of 0.01 (one point of the workers' time);
    /// - counts of failures and losses: +10 % of the baseline, so any significant rise from a
    ///   baseline of 0 (no lost session becoming 3,105) is a regression;
    /// - attempts per request: +10 % (retries amplify the load);
    /// - cost (per window, per month, per million requests): +5 %, a change of instance type or
    ///   of polling that an architect would notice on the bill;
    /// - `faults_ignored`: any rise (a topology that runs without a fault its baseline had);
    /// - `latency_max_ms`: none. It is one request of one replication, with no interval; gate it
    ///   with `--threshold latency_max_ms=VALUE` if wanted (judged on the threshold alone);
    /// - neutral figures: none (they have no worse side).
    public var defaultThreshold: Threshold? {
        switch self {
        case .availability, .firstTryAvailability: return .absolute(0.001)
        case .timeAvailability: return .absolute(0.01)
        case .succeeded, .goodputPerS: return .relative(0.01)
        case .recovered: return .absolute(0.1)
        case .wastedWork: return .absolute(0.01)
        case .latencyMean, .latencyP50, .latencyP90, .latencyP99, .latencyP999, .latencyAllP50, .latencyAllP99,
            .latencyAllP999, .e2eP99, .recovery:
            return .relative(0.10)
        case .faultsIgnored: return .absolute(0)
        case .costUSD, .costUSDMonth, .costPerMillionRequests: return .relative(0.05)
        case .errors5xx, .timeouts, .throttled, .rejected, .messagesLost, .duplicates, .sessionsLost, .unfinished,
            .attemptsPerRequest, .messagesDeadLettered:
            return .relative(0.10)
        case .latencyMax, .offered, .events, .messagesProcessed:
            return nil
        }
    }

    /// The figure whose column is `name`, if any.
    public init?(column name: String) {
        self.init(rawValue: name)
    }

    /// The position of the figure in `allCases` (its column order).
    var position: Int { Self.positions[self] ?? 0 }

    private static let positions: [Figure: Int] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}

/// The figures of one replication, one per ``Figure``; NaN where a figure does not exist (no
/// successful request, no fault, no asynchronous path).
public struct FigureValues: Sendable {
    private var values: [Double]

    /// Every figure NaN.
    public init() {
        values = Array(repeating: .nan, count: Figure.allCases.count)
    }

    /// Each figure's value from `value`, visited in column order.
    public init(_ value: (Figure) -> Double) {
        values = Figure.allCases.map(value)
    }

    /// The value of one figure.
    public subscript(_ figure: Figure) -> Double {
        get { values[figure.position] }
        set { values[figure.position] = newValue }
    }
}
