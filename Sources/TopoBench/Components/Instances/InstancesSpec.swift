// The `instances` kind as the loader reads it (keys: `InstancesDeclaration.swift`).

/// Where an instance keeps its users' sessions.
public enum SessionPolicy: Sendable, Equatable {
    case none
    /// On the instance: lost when it dies (and sticky routing behind an ALB).
    case local
    /// In a `session_store` component (its index).
    case store(Int)
}

/// Which instance of the callee a direct call (`calls:` to an `instances` group) reaches.
public enum Pairing: String, Sendable, CaseIterable {
    /// Any instance, drawn per call (a name or service discovery in front of the group).
    case random
    /// Instance i of the caller calls instance i of the callee (modulo its size): an instance
    /// that talks to another by its address, the tight coupling of the article.
    case sameIndex = "same_index"
}

/// An EC2 group: `count` identical instances spread over zones.
public struct InstancesSpec: Sendable {
    public var count: Int
    public var zones: [Int]
    /// Concurrency of one instance.
    public var workers: Int
    /// Waiting room of one instance; `nil` is unbounded.
    public var queue: Int?
    public var service: Distribution
    /// The synchronous downstream (`calls:`), a component index.
    public var calls: Int?
    /// Timeout of the downstream call.
    public var callTimeout: SimTime?
    public var sessions: SessionPolicy
    public var circuitBreaker: CircuitBreakerSpec?
    /// Retries of the downstream call (`retry`): the SDK's standard mode for an AWS API, none
    /// for a plain HTTP call; each instance holds its own retry quota.
    public var callRetry: RetryPolicy = AwsDefaults.noRetry
    public var pairing: Pairing = .random
    /// `slowdown.per_busy`: a service time is multiplied by 1 + this × the other requests in
    /// service on the instance when it starts (nil: no slowdown).
    public var slowdownPerBusy: Double? = nil
    public var queueDiscipline: QueueDiscipline = .fifo
    /// A queued request that waited longer is dropped before its service (nil: never).
    public var queueTimeout: SimTime? = nil
    /// The EC2 instance type, which sets the price of an instance-hour.
    public var instanceType = "m5.large"
    /// Adaptive admission (nil: none).
    public var concurrencyLimit: ConcurrencyLimitSpec? = nil
}

/// The order in which an instance's waiting room is served.
public enum QueueDiscipline: String, Sendable, CaseIterable {
    case fifo, lifo
}



extension InstancesSpec {
    /// Reads an `instances` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let count = try cm.int("count", default: 1) ?? 1
        t.totalInstances += count
        if t.totalInstances > ScenarioLoader.Limits.maxInstancesTotal {
            throw (cm.optional("count") ?? cm.reader).error(expected: "at most \(ScenarioLoader.Limits.maxInstancesTotal) instances in a topology")
        }
        let workers = try cm.int("workers", default: 1) ?? 1
        var queue: Int? = nil
        if let q = cm.optional("queue") {
            if q.isScalar, (try? q.string()) == "unbounded" { queue = nil } else { queue = try q.int() }
        }
        let service = try ScenarioLoader.parseDistribution(try cm.required("service")).0
        let calls = try t.ref(cm, "calls")
        if calls == t.index {
            throw (cm.optional("calls") ?? cm.reader).error(expected: "another component (a group cannot call itself)")
        }
        let timeout = try cm.duration("timeout", default: calls == nil ? nil : AwsDefaults.callTimeout)
        var sessions = SessionPolicy.none
        if let s = cm.optional("sessions") {
            let v = try s.string()
            if v == "local" { sessions = .local } else if v == "none" { sessions = .none } else {
                guard let i = t.names.firstIndex(of: v), t.kinds[v] == "session_store" else {
                    throw s.error(expected: "'local', 'none' or the name of a session_store component", found: "\"\(v)\"",
                        suggestion: KeyPath.nearest(v, in: ["local", "none"] + t.names.filter { t.kinds[$0] == "session_store" }))
                }
                sessions = .store(i)
            }
        }
        var breaker: CircuitBreakerSpec? = nil
        if let b = try cm.map("circuit_breaker") {
            breaker = try CircuitBreakerSpec.read(b)
            if calls == nil { throw b.reader.error(expected: "a circuit breaker only on a group that has 'calls'") }
        }
        let retry = try t.callRetry(cm, calls: calls, owner: "a group")
        let pairing = Pairing(rawValue: try cm.choice("pairing", default: "random") ?? "random") ?? .random
        if pairing == .sameIndex, calls.map({ t.kinds[t.names[$0]] }) != "instances" {
            throw (cm.optional("pairing") ?? cm.reader).error(expected: "same_index only on a group whose calls: names an instances group")
        }
        var perBusy: Double? = nil
        if let sd = try cm.map("slowdown") {
            perBusy = try sd.double("per_busy")
            try sd.finish()
        }
        let discipline = QueueDiscipline(rawValue: try cm.choice("queue_discipline", default: "fifo") ?? "fifo") ?? .fifo
        let queueTimeout = try cm.duration("queue_timeout")
        return InstancesSpec(
            count: count, zones: try t.zones(cm, default: [0]), workers: workers, queue: queue, service: service,
            calls: calls, callTimeout: timeout, sessions: sessions, circuitBreaker: breaker, callRetry: retry, pairing: pairing,
            slowdownPerBusy: perBusy, queueDiscipline: discipline, queueTimeout: queueTimeout,
            instanceType: try cm.choice("instance_type", default: "m5.large") ?? "m5.large",
            concurrencyLimit: try readConcurrencyLimit(cm))
    }

    static func readConcurrencyLimit(_ cm: MapReader) throws -> ConcurrencyLimitSpec? {
        guard let m = try cm.map("concurrency_limit") else { return nil }
        guard let algorithm = try m.choice("algorithm").flatMap(ConcurrencyLimitSpec.Algorithm.init(rawValue:)) else {
            throw m.reader.error(expected: "'algorithm': aimd or gradient", suggestion: "algorithm")
        }
        let spec = ConcurrencyLimitSpec(
            algorithm: algorithm,
            initial: try m.int("initial", default: 20) ?? 20, min: try m.int("min", default: 20) ?? 20,
            max: try m.int("max", default: 200) ?? 200, backoff: try m.double("backoff", default: 0.9) ?? 0.9,
            timeout: try m.duration("timeout", default: 5 * Time.second) ?? 5 * Time.second,
            tolerance: try m.double("tolerance", default: 1.5) ?? 1.5, smoothing: try m.double("smoothing", default: 0.2) ?? 0.2,
            queueSize: try m.int("queue_size", default: 4) ?? 4)
        if spec.max < spec.min { throw (m.optional("max") ?? m.reader).error(expected: "max ≥ min (\(spec.min))", found: "\(spec.max)") }
        let algorithmKeys: [ConcurrencyLimitSpec.Algorithm: [String]] = [.aimd: ["backoff", "timeout"], .gradient: ["tolerance", "smoothing", "queue_size"]]
        for (algorithm, keys) in algorithmKeys where algorithm != spec.algorithm {
            for k in keys { if let r = m.optional(k) { throw r.error(expected: "no \(k) with algorithm \(spec.algorithm.rawValue) (it is \(algorithm.rawValue)'s)") } }
        }
        try m.finish()
        return spec
    }

    /// The kinds a call reaches through an AWS API (an SDK call), whose edge retries by default.
    /// Not `database`: a query goes over the engine's driver (the MySQL or PostgreSQL protocol to
    /// the instance's endpoint), not an AWS SDK, and retries only if the application does.
}


