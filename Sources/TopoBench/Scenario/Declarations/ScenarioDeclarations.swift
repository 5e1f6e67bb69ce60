/// The maps of a scenario file outside the components: the top level, the workload and its
/// sub-maps, the network, the topologies and the sweep. Each component kind's keys are in a file
/// of their own (``ComponentKinds``), the faults' in `FaultDeclarations.swift`, the
/// distributions' in `DistributionDeclarations.swift`.
extension MapDeclaration {
    typealias Limits = ScenarioLoader.Limits

    /// The top level of a scenario file.
    public static let scenario = MapDeclaration(
        "scenario", "A scenario: one workload and one fault schedule run against one or more topologies.",
        keys: [
            KeyDeclaration("name", .name, default: .described("the file's name without its extension"), "Names the result folder and the rows of the CSV files."),
            KeyDeclaration("description", .text, default: "", "One line shown above the scenario's table."),
            KeyDeclaration("duration", .duration(1...Units.maxDuration), default: "1h", source: .assumption("an hour of simulated time"), "Simulated time of one replication."),
            KeyDeclaration("warmup", .duration(0...Units.maxDuration), default: "0s", source: .assumption("no warm-up"), "Start of the run excluded from every statistic; shorter than the duration."),
            KeyDeclaration("window", .duration(Time.millisecond...Units.maxDuration), default: "10s", source: .assumption("ten-second buckets"), "Width of a time-series bucket (timeseries.csv, time availability, recovery)."),
            KeyDeclaration("replications", .integer(1...Limits.maxReplications), default: "10", source: .assumption("enough for a Student-t interval"), "Independent replications per topology; overridden by --replications."),
            KeyDeclaration("seed", .integer(0...Int.max), default: "1", source: .assumption("any fixed seed"), "Seed of every random stream; overridden by --seed."),
            KeyDeclaration("region", .text, default: "us-east-1", source: .assumption("AWS's first region; pricing and the clients' latency routing start from it"),
                           "The region of the clients, and of every zone (a, b) and managed service that names none; a zone written us-west-2/a is in us-west-2."),
            KeyDeclaration("pricing", .map(.pricing), default: .described("the built-in us-east-1 on-demand prices"), nullable: true,
                           "Where the bill's prices come from (cost.csv, cost_usd)."),
            KeyDeclaration("slo", .number(0...1), default: "0.99", source: .assumption("SPEC: a window is available when 99 % of its requests succeed"), "Success ratio a window needs to count as available."),
            KeyDeclaration("workload", .map(.workload), required: true, "The clients: open-loop arrivals or a closed loop of users, their timeout and retries."),
            KeyDeclaration("network", .anyOf([.choice(["none", "free", "0"]), .map(.network)]),
                           default: .described("lognormal, median 250us and sigma 0.3 within a zone; median 1ms and sigma 0.3 across zones"),
                           source: .assumption("a few hundred microseconds within an AWS zone, about a millisecond across zones"),
                           "Delay of every hop between components; none (or free, or 0) for no delay."),
            KeyDeclaration("topologies", .anyOf([.map(.topologies), .text, .list(.name, minItems: 1)]), default: .described("the suite's topologies"),
                           "The architectures compared, by name, under the same workload and faults: a map of them, a file that holds that map, or (in a suite that defines its topologies) a list of the suite's topology names; left out, the suite's."),
            KeyDeclaration("faults", .list(.variants(.fault), minItems: 0), default: .described("no fault"), nullable: true, "Faults injected, the same in every topology of a replication."),
            KeyDeclaration("sweep", .map(.sweep), default: .described("no sweep"), nullable: true, "Values to sweep, by key path; each combination is run with the same seeds."),
        ])

    /// `workload`: the clients.
    public static let workload = MapDeclaration(
        "workload", "The clients: an open-loop arrival process, or a closed loop of users who think between requests.",
        keys: [
            KeyDeclaration("arrival", .variants(.arrival), "Open loop: the distribution of times between requests (rate: 200/s for exponential), with an optional rate profile."),
            KeyDeclaration("users", .integer(1...Limits.maxUsers), default: "10000", source: .aws("workload.users"), "Closed loop: the number of users; open loop: the users the requests belong to (sessions)."),
            KeyDeclaration("think", .timeDistribution, "Closed loop: a user's think time between the answer and the next request."),
            KeyDeclaration("timeout", .anyOf([.choice(["none"]), .duration(Time.microsecond...Limits.maxDelay)]), default: "none", source: .assumption("a client without a timeout"), nullable: true,
                           "How long a client waits for an answer to one attempt; none (or null) to wait for ever."),
            KeyDeclaration("retry", .anyOf([.choice(["none", "sdk", "sdk_2026"]), .map(.retry)]),
                           default: "none", source: .aws("workload.retry"),
                           "The end user's retries: none (one attempt), sdk (the standard mode before 2026), sdk_2026 (the SDKs' defaults since 10 Nov 2026: base 50ms, 1s after a throttle, quota costs 14 / 5), or the retry policy's keys."),
            KeyDeclaration("session", .map(.session), default: .described("no login sessions"), nullable: true, "Login sessions: requests per session, after which a user logs in again."),
            KeyDeclaration("circuit_breaker", .map(.circuitBreaker), default: .described("no circuit breaker"), nullable: true,
                           "A circuit breaker in the clients, shared by them all (as one client library in front of a service): while it is open a request fails at once (503), with no retry."),
            KeyDeclaration("dns_cache", .map(.dnsCache), default: .described("answers kept for their TTL"), nullable: true,
                           "How long the clients' resolvers keep DNS answers (Route 53 names and ALB names): min keeps them at least that long, as resolvers that ignore short TTLs do."),
            KeyDeclaration("payload", .map(.payload), default: .described("request 2KB, response 8KB"), nullable: true,
                           "The size of each request and answer: what SQS and SNS bill per 64 KB chunk, what the ALB processes, and what crosses zones and regions."),
            KeyDeclaration("connect_timeout", .duration(Time.millisecond...Limits.maxDelay), default: "127s", source: .aws("workload.connect_timeout"),
                           "How long a client waits for a connection to an address that does not answer (an ALB node without power, still in its DNS cache) before it tries the next address: 127s, the Linux kernel's SYN retries, for a client that sets none; 2s for the AWS SDK for Java 2.x."),
        ],
        alternatives: [[["arrival"], ["users", "think"]]],
        exclusive: [["arrival", "think"]])

    /// `workload.retry`: the end user's retry policy.
    public static let retry = MapDeclaration(
        "retry", "A retry policy: attempts, exponential backoff with jitter, and the SDK's retry quota.",
        keys: [
            KeyDeclaration("max_attempts", .integer(1...100), default: "3", source: .aws("workload.retry.max_attempts"), "Attempts in all, the first included."),
            KeyDeclaration("base", .duration(0...Limits.maxDelay), default: "100ms", source: .aws("workload.retry.base"), "Backoff before the first retry; doubles with each retry."),
            KeyDeclaration("throttle_base", .duration(0...Limits.maxDelay), default: .described("base"), source: .aws("workload.retry.sdk_2026"), "Backoff base after a throttling error (429), when it differs from base (1s in sdk_2026)."),
            KeyDeclaration("cap", .duration(0...Limits.maxDelay), default: "20s", source: .aws("workload.retry.cap"), "Longest backoff."),
            KeyDeclaration("jitter", .choice(RetryPolicy.Jitter.allCases.map(\.rawValue)), default: "full", source: .assumption("the AWS SDKs' standard retry mode uses full jitter"), "How a backoff is randomised (AWS's architecture blog: none, full, equal, decorrelated)."),
            KeyDeclaration("quota", .anyOf([.flag, .map(.retryQuota)]), default: .described("true: 500 tokens, 5 per retry, 10 per timeout retry, 1 back per success"),
                           source: .aws("workload.retry.quota"), "The SDK's retry quota, which stops retry storms: false for none, or its keys."),
            KeyDeclaration("budget", .anyOf([.number(0...10), .map(.retryBudget)]), default: .described("none"),
                           "A retry budget: retries at most this share of the caller's requests in the last 10 s, plus 10 a second (10%, or its keys), as Finagle's RetryBudget and the SRE book's per-client budget."),
        ])

    /// `retry.budget`: a share of recent requests that may be retried.
    public static let retryBudget = MapDeclaration(
        "retry.budget", "A retry budget over a sliding window (Finagle's RetryBudget).",
        keys: [
            KeyDeclaration("ratio", .number(0...10), required: true, "Retries allowed per request in the window (10% = one retry for ten requests)."),
            KeyDeclaration("window", .duration(Time.second...Time.hour), default: "10s", source: .assumption("Finagle's RetryBudget default ttl of 10 s"), "How far back requests and retries count."),
            KeyDeclaration("min_per_second", .number(0...1e6), default: "10", source: .assumption("Finagle's RetryBudget default of 10 retries a second"),
                           "Retries allowed a second whatever the traffic (a caller with few requests can still retry)."),
        ])

    /// `workload.retry.quota`: the SDK's retry token bucket.
    public static let retryQuota = MapDeclaration(
        "retry.quota", "The AWS SDKs' retry quota: a token bucket that a retry draws from and a success refills.",
        keys: [
            KeyDeclaration("capacity", .integer(0...1_000_000_000), default: "500", source: .aws("workload.retry.quota"), "Tokens in a full bucket."),
            KeyDeclaration("retry_cost", .integer(0...1_000_000), default: "5", source: .aws("workload.retry.quota"), "Tokens a retry after an error takes."),
            KeyDeclaration("timeout_cost", .integer(0...1_000_000), default: "10", source: .aws("workload.retry.quota"), "Tokens a retry after a timeout takes."),
            KeyDeclaration("success_increment", .integer(0...1_000_000), default: "1", source: .aws("workload.retry.quota"), "Tokens a first-try success gives back."),
            KeyDeclaration("throttle_cost", .integer(0...1_000_000), default: .described("retry_cost"), source: .aws("workload.retry.sdk_2026"), "Tokens a retry after a throttling error takes (5 in sdk_2026)."),
        ])

    /// `workload.payload`: the bytes of a request and of its answer.
    public static let payload = MapDeclaration(
        "payload", "The bytes of every request and of its answer, on every hop (an SQS message or SNS notification carries the request).",
        keys: [
            KeyDeclaration("request", .size(0...Limits.maxPayload), default: "2KB", source: .assumption("a small JSON request, SPEC 0.2's example"), "Bytes of a request (and of the message it becomes)."),
            KeyDeclaration("response", .size(0...Limits.maxPayload), default: "8KB", source: .assumption("a small JSON answer, SPEC 0.2's example"), "Bytes of an answer."),
        ])

    /// `pricing`: where the prices come from.
    public static let pricing = MapDeclaration(
        "pricing", "The prices a run's bill uses: the built-in us-east-1 on-demand prices, or a file's in their place.",
        keys: [
            KeyDeclaration("region", .text, default: "us-east-1", source: .assumption("the built-in prices are us-east-1's"),
                           "The region the prices are for; another than us-east-1 needs a file that prices everything the topologies use."),
            KeyDeclaration("file", .text, default: .described("none: the built-in prices"),
                           "A YAML file (relative to the scenario's folder) with prices: { KEY: USD, ... } in place of the built-in ones (the keys and units topobench list prints), and optionally region: and read: (the date the prices were read)."),
        ])

    /// A pricing file.
    public static let pricingFile = MapDeclaration(
        "pricing_file", "Prices in place of the built-in ones.",
        keys: [
            KeyDeclaration("region", .text, default: .described("the scenario's pricing.region"), "The region the prices are for; must be the scenario's pricing.region when both are given."),
            KeyDeclaration("read", .text, default: .described("the file's name"), "When the prices were read (shown as their date by topobench list and cost.csv's sources)."),
            KeyDeclaration("prices", .map(.pricingPrices), required: true, "The prices, by key (ec2.m5.large: 0.096), in US dollars per the built-in price's quantity and unit."),
        ])

    /// `prices` of a pricing file: any key of the built-in list.
    public static let pricingPrices = MapDeclaration(
        "pricing_file.prices", "Prices by key, in US dollars, per the quantity and unit of the built-in price of that key.",
        keys: [], otherKeys: KeyDeclaration("*", .number(0...1e9), "The price in US dollars."))

    /// `workload.dns_cache`: resolvers that keep answers longer than their TTL.
    public static let dnsCache = MapDeclaration(
        "dns_cache", "How long the clients' resolvers keep a DNS answer.",
        keys: [
            KeyDeclaration("min", .duration(0...Units.maxDuration), default: "0s", source: .assumption("resolvers honour the TTL"),
                           "The shortest time an answer is kept, whatever its TTL."),
        ])

    /// `workload.session`.
    public static let session = MapDeclaration(
        "session", "Login sessions of the users.",
        keys: [
            KeyDeclaration("requests", .integer(1...1_000_000_000), default: .described("no limit"), "Requests per login session; a user then logs in again."),
        ])

    /// `workload.arrival.profile`: a rate that changes over time.
    public static let profile = MapDeclaration(
        "profile", "Multiplies the arrival rate over time (a non-homogeneous Poisson process for exponential arrivals).",
        keys: [
            KeyDeclaration("steps", .list(.pair(.duration(0...Units.maxDuration), .number(0...1e6)), minItems: 1),
                           "[time, multiplier] pairs in increasing time, such as [[0s, 1.0], [30m, 4.0]]: each multiplier holds from its time on."),
            KeyDeclaration("diurnal", .map(.diurnal), nullable: true, "A daily cycle: the rate times 1 + amplitude × cos(2π (t − peak_at) / period)."),
        ],
        alternatives: [[["steps"], ["diurnal"]]],
        exclusive: [["steps", "diurnal"]])

    /// `workload.arrival.profile.diurnal`.
    public static let diurnal = MapDeclaration(
        "profile.diurnal", "A sinusoidal cycle of the arrival rate.",
        keys: [
            KeyDeclaration("period", .duration(Time.second...Units.maxDuration), default: "24h", source: .assumption("a day"), "Length of one cycle."),
            KeyDeclaration("amplitude", .number(0...1), default: "0.5", source: .assumption("the rate swings by half"), "Relative swing of the rate around its mean."),
            KeyDeclaration("peak_at", .duration(0...Units.maxDuration), default: "0s", source: .assumption("the peak at the start"), "Time of the first peak."),
        ])

    /// `network`: the delay of every hop.
    public static let network = MapDeclaration(
        "network", "The delay of every hop between components, drawn per message.",
        keys: [
            KeyDeclaration("intra_zone", .timeDistribution, default: .described("lognormal, median 250us, sigma 0.3"),
                           source: .assumption("a few hundred microseconds within an AWS zone"), "Delay between components in the same zone."),
            KeyDeclaration("cross_zone", .timeDistribution, default: .described("lognormal, median 1ms, sigma 0.3"),
                           source: .assumption("about a millisecond across AWS zones"), "Delay between components in different zones."),
            KeyDeclaration("cross_region", .timeDistribution, default: .described("lognormal, median 28ms, sigma 0.1"),
                           source: .aws("network.cross_region"), "Delay between components in zones of different regions (one way)."),
        ])

    /// `topologies`: the architectures, by name.
    public static let topologies = MapDeclaration(
        "topologies", "The architectures compared, each under a name of letters, digits, '-', '_' or '.'.",
        keys: [], otherKeys: KeyDeclaration("*", .map(.topology), "One architecture."), otherKeysAreNames: true)

    /// `topologies.NAME`: one architecture.
    public static let topology = MapDeclaration(
        "topology", "One architecture: its components and the one that receives the clients' requests.",
        keys: [
            KeyDeclaration("entry", .anyOf([.reference(ComponentKinds.entryKinds), .map(.entryShares)]), required: true,
                           "The component that receives the clients' requests, or several with the share of the requests each receives (entry: { web_lb: 0.8, api: 0.2 }): each logical request, retries included, goes to one, drawn from a stream of its own."),
            KeyDeclaration("components", .map(.components), required: true, "The components, by name."),
        ])

    /// `topologies.NAME.entry` as a traffic mix: entry components by name, and their shares.
    public static let entryShares = MapDeclaration(
        "entry_shares", "Entry components by name, each with its share of the requests; the shares add up to 1.",
        keys: [], otherKeys: KeyDeclaration("*", .probability, "The share of the logical requests that go to this component."),
        otherKeysAreNames: true)

    /// `topologies.NAME.components`: the components, by name, each picked by its `kind`.
    public static let components = MapDeclaration(
        "components", "The components of a topology, each under a name of letters, digits, '-', '_' or '.'.",
        keys: [], otherKeys: KeyDeclaration("*", .variants(.component), "One component; its kind decides its keys."), otherKeysAreNames: true)

    /// `sweep`: key paths and the values they take.
    public static let sweep = MapDeclaration(
        "sweep", "Key paths (such as workload.arrival.rate or topologies.*.components.backend.count) and the values each takes.",
        keys: [], otherKeys: KeyDeclaration("*", .list(.any, minItems: 1), "The values the key path takes, one run per combination."))
}

extension ValueType {
    /// A distribution of times: a duration (a constant) or a map picked by `dist:`.
    public static let timeDistribution: ValueType = .anyOf([.duration(0...Units.maxDuration), .variants(.distribution)])
}
