import Foundation

/// A scenario after loading and checking: one workload, one fault schedule, the topologies to
/// compare, all in simulation units (nanoseconds, per-second rates, component indices).
///
/// Built by ``ScenarioLoader`` from a file; a sweep turns one file into several `Scenario`
/// values that differ only in the swept keys (``sweep``).
public struct Scenario: Sendable {
    public var name: String
    public var description: String
    public var file: String
    public var duration: SimTime
    public var warmup: SimTime
    public var window: SimTime
    public var replications: Int
    public var seed: UInt64
    /// The success ratio a window must reach to count as available (`time_availability`).
    public var slo: Double
    public var workload: Workload
    public var network: NetworkModel
    /// The prices the bill uses (`pricing`).
    public var prices: PriceList = .usEast1
    public var faults: [FaultSpec]
    public var topologies: [Topology]
    /// The swept key paths and their values for this point, in file order (empty without a sweep).
    public var sweep: [SweepValue]
    /// The index of this point among the sweep's points (0 without a sweep).
    public var sweepIndex: Int
    /// A hash of the scenario file's text and of the overrides given on the command line.
    public var hash: String
}

/// One swept key at one value: the column name is the key path as written in the file.
public struct SweepValue: Sendable, Hashable {
    public var column: String
    public var value: String
}

/// The clients: how requests arrive, how long clients wait, how they retry.
public struct Workload: Sendable {
    public enum Mode: Sendable {
        /// Open loop: requests arrive whatever the system does.
        case open(OpenArrivals)
        /// Closed loop: `users` users, each sending a request, waiting for its answer, thinking.
        case closed(users: Int, think: Distribution)
    }
    public var mode: Mode
    /// How many distinct users the requests belong to (open loop: each request picks one at random).
    public var users: Int
    /// The client's timeout for one attempt; `nil` waits for ever.
    public var timeout: SimTime?
    public var retry: RetryPolicy
    /// Requests per login session (`session.requests`); `nil` means a session never ends by itself.
    public var sessionRequests: Int?
    /// How long a client waits for a TCP connection to an address that does not answer before it
    /// tries the next one (an ALB node in a zone without power, still in its DNS cache).
    public var connectTimeout: SimTime = AwsDefaults.clientConnectTimeout
    /// The shortest time the clients' resolvers keep a DNS answer (`dns_cache.min`).
    public var dnsCacheMin: SimTime = 0
    /// The clients' circuit breaker (`circuit_breaker`), nil without one.
    public var circuitBreaker: CircuitBreakerSpec? = nil
    /// The bytes of every request and of every answer (`payload`).
    public var requestBytes = 2048
    public var responseBytes = 8192
}

/// An open-loop arrival process: inter-arrival times from a distribution, optionally modulated.
public struct OpenArrivals: Sendable {
    /// Inter-arrival time distribution (seconds).
    public var interArrival: Distribution
    /// The base rate in requests per second (1 / mean inter-arrival time).
    public var rate: Double
    public var profile: RateProfile?
}

/// A multiplier of the arrival rate over time.
public enum RateProfile: Sendable {
    /// Piecewise constant: `(from, multiplier)` pairs sorted by time, the first at 0.
    case steps([(at: SimTime, multiplier: Double)])
    /// `1 + amplitude · cos(2π (t − peak) / period)`.
    case diurnal(period: SimTime, amplitude: Double, peakAt: SimTime)

    /// The multiplier in force at `t`.
    public func multiplier(at t: SimTime) -> Double {
        switch self {
        case .steps(let steps):
            var m = 1.0
            for s in steps {
                if s.at <= t { m = s.multiplier } else { break }
            }
            return m
        case .diurnal(let period, let amplitude, let peak):
            let phase = Double((t - peak) % period) / Double(period)
            return 1 + amplitude * cos(2 * Double.pi * phase)
        }
    }

    /// An upper bound of the multiplier over all time (used to thin a Poisson process).
    public var maximum: Double {
        switch self {
        case .steps(let steps): return max(1e-300, steps.map(\.multiplier).max() ?? 1)
        case .diurnal(_, let amplitude, _): return 1 + amplitude
        }
    }
}

/// The AWS SDK's retry behaviour (standard mode unless the file says otherwise).
public struct RetryPolicy: Sendable {
    public enum Jitter: String, Sendable, CaseIterable { case none, full, equal, decorrelated }
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    public var base: SimTime
    /// The base after a throttling error (429), when it differs from `base` (`sdk_2026`: 1 s).
    public var throttleBase: SimTime? = nil
    public var cap: SimTime
    public var jitter: Jitter
    /// The retry quota (token bucket); `nil` turns it off (naive retries).
    public var quota: RetryQuota?
    /// A retry budget (`budget`): retries at most a share of the caller's recent requests.
    public var budget: RetryBudget? = nil
}

/// A retry budget, as Finagle's `RetryBudget` and the SRE book's per-client budget ("Handling
/// Overload": retries at most 10 % of requests): within a sliding window, the retries may not
/// exceed `ratio` × the requests (first attempts) plus `minPerSecond` × the window, so that a
/// caller with little traffic can still retry.
public struct RetryBudget: Sendable, Equatable {
    public var ratio: Double
    public var window: SimTime
    public var minPerSecond: Double
}

/// The standard-mode retry quota: retries spend tokens, successes give some back.
public struct RetryQuota: Sendable {
    public var capacity: Int
    public var retryCost: Int
    public var timeoutRetryCost: Int
    public var successIncrement: Int
    /// The cost of a retry after a throttling error, when it differs from `retryCost`
    /// (`sdk_2026`: 5).
    public var throttleCost: Int? = nil
}

/// Network delay of one hop between components.
public struct NetworkModel: Sendable {
    /// `nil` when the network is free (as in the queueing-theory validation cases).
    public var intraZone: Distribution?
    public var crossZone: Distribution?
    /// Between zones of different regions (drawn only when a topology spans regions).
    public var crossRegion: Distribution? = nil
    public var isFree: Bool { intraZone == nil && crossZone == nil && crossRegion == nil }
}

/// One topology: named components wired by `calls:`, `targets:` and friends.
public struct Topology: Sendable {
    public var name: String
    /// The component that receives the clients' requests (the first one of a traffic mix).
    public var entry: Int
    /// A traffic mix (`entry: { web_lb: 0.8, api: 0.2 }`): each entry component and the share
    /// of the requests it receives, in file order; empty for a single entry.
    public var entryShares: [(component: Int, share: Double)] = []
    /// Components that nothing reaches from the entries (no `calls:`, `targets:`, `consumers:`,
    /// subscription or record names them), with their lines: the loader's warnings.
    public var unreached: [(name: String, file: String, line: Int?)] = []
    public var components: [Component]
    /// Zone names used anywhere in the scenario, index = zone id.
    public var zoneNames: [String]
    /// The regions of the scenario (index 0: the scenario's `region`, where clients and every
    /// zone or service without a region of its own are), and the region of each zone.
    public var regionNames: [String] = [ScenarioLoader.defaultRegion]
    public var zoneRegions: [Int] = []

    /// The region of zone `z` (0 for a zone the list does not know).
    public func region(ofZone z: Int) -> Int { z >= 0 && z < zoneRegions.count ? zoneRegions[z] : 0 }
    /// Whether the topology's zones span more than one region.
    public var spansRegions: Bool { Set(zoneRegions).count > 1 }

    public func index(of name: String) -> Int? { components.firstIndex { $0.name == name } }

    /// The keys of every price the topology's bill may use, in component order.
    public var priceKeys: [String] {
        var keys = ["transfer.inter_az"] + (spansRegions ? ["transfer.inter_region"] : [])
        for c in components { keys += c.kind.spec.priceKeys(in: self) }
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}

public struct Component: Sendable {
    public var name: String
    public var kind: ComponentKind
}


/// A fault to inject, as written in the file (resolved against each topology at run time).
public struct FaultSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case crash, stop, terminate, reboot, zoneOutage = "zone_outage", latency, errors, zombie, partition
        case regionOutage = "region_outage"
        /// A database's standby takes over from its primary (``DatabaseSpec``).
        case failover

        /// The faults that act on an EC2 instance rather than on the process it runs: EC2 status
        /// checks see them (``AutoscalingSpec/healthCheckType``).
        public var isInstanceLevel: Bool { self == .stop || self == .terminate || self == .reboot }
    }
    public var kind: Kind
    /// The name the file used (a kind or an AWS FIS action name).
    public var writtenKind: String
    public var target: String?
    public var instance: Int?
    public var zone: Int?
    /// Region outage: the region (an index into the topology's `regionNames`).
    public var region: Int? = nil
    /// Partition: the other side.
    public var peer: String?
    public var at: SimTime?
    /// How long it lasts (`duration`, or `recover_after` for a crash); `nil` = until the end.
    public var length: SimTime?
    public var mtbf: Distribution?
    public var mttr: Distribution?
    public var multiplier: Double
    public var probability: Double
    /// The HTTP status an `errors` fault answers with (500, 503 or 429).
    public var errorCode: Int
    /// A database reboot conducted through a failover (`aws:rds:reboot-db-instances` with
    /// `force_failover`, RebootDBInstance's ForceFailover).
    public var forceFailover: Bool = false
    public var isStochastic: Bool { mtbf != nil }
}
