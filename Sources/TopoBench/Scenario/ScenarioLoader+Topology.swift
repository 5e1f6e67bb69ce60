/// Topologies, components and faults.
extension ScenarioLoader {
    /// The component kinds (``ComponentKinds``), in the order `topobench list` shows them.
    public static let componentKinds = ComponentKinds.names

    static func parseTopology(name: String, _ r: NodeReader, zoneNames: [String]) throws -> Topology {
        let m = try r.map()
        let compsReader = try m.required("components").map()
        let entries = compsReader.entries()
        if entries.isEmpty { throw compsReader.reader.error(expected: "at least one component") }
        if entries.count > Limits.maxComponents { throw compsReader.reader.error(expected: "at most \(Limits.maxComponents) components") }
        let names = entries.map(\.key)
        var kinds: [String: String] = [:]
        var maps: [(String, MapReader)] = []
        for (cname, cr) in entries {
            try checkName(cname, cr)
            let cm = try cr.map()
            kinds[cname] = try cm.discriminator()
            maps.append((cname, cm))
        }
        let entryReader = try m.required("entry")
        let entryName = try entryReader.string()
        guard let entry = names.firstIndex(of: entryName) else {
            throw entryReader.error(expected: "the name of one of this topology's components", found: "\"\(entryName)\"", suggestion: KeyPath.nearest(entryName, in: names))
        }
        if try !m.referenceKinds("entry").contains(kinds[entryName] ?? "") {
            throw entryReader.error(expected: "a component that answers requests (instances, alb, api_gateway, lambda, sqs or sns)", found: "\(entryName) (\(kinds[entryName] ?? ""))")
        }
        /// Resolves a reference to another component of a kind the key's declaration allows.
        func ref(_ cm: MapReader, _ key: String) throws -> Int? {
            let allowed = try cm.referenceKinds(key)
            guard let rr = cm.optional(key) else { return nil }
            let target = try rr.string()
            guard let i = names.firstIndex(of: target) else {
                throw rr.error(expected: "the name of a component of topology '\(name)'", found: "\"\(target)\"", suggestion: KeyPath.nearest(target, in: names))
            }
            let k = kinds[target] ?? ""
            if !allowed.contains(k) {
                throw rr.error(expected: "a component of kind \(allowed.joined(separator: " or "))", found: "\(target) (\(k))")
            }
            return i
        }
        func zones(_ cm: MapReader, default d: [Int]) throws -> [Int] {
            guard let list = try cm.list("zones") else { return d }
            if list.isEmpty { throw (cm.optional("zones") ?? cm.reader).error(expected: "at least one zone") }
            return try list.map { z in
                let s = try z.string()
                guard let i = zoneNames.firstIndex(of: s) else { throw z.error(expected: "a zone name") }
                // Zones are small integers in the model (an instance's zone is an Int8).
                if i >= Limits.maxZones { throw z.error(expected: "at most \(Limits.maxZones) zone names in a scenario", found: "\"\(s.prefix(40))\"") }
                return i
            }
        }
        var components: [Component] = []
        var totalInstances = 0
        // Which instance groups keep sessions locally (their ALB then uses sticky sessions).
        var localSessions: Set<String> = []
        for (cname, cm) in maps where kinds[cname] == "instances" {
            if let s = cm.optional("sessions"), (try? s.string()) == "local" { localSessions.insert(cname) }
        }
        for (cname, cm) in maps {
            let kind: ComponentKind
            switch kinds[cname] ?? "" {
            case "instances":
                let count = try cm.int("count", default: 1) ?? 1
                totalInstances += count
                if totalInstances > Limits.maxInstancesTotal {
                    throw (cm.optional("count") ?? cm.reader).error(expected: "at most \(Limits.maxInstancesTotal) instances in a topology")
                }
                let workers = try cm.int("workers", default: 1) ?? 1
                var queue: Int? = nil
                if let q = cm.optional("queue") {
                    if q.isScalar, (try? q.string()) == "unbounded" { queue = nil } else { queue = try q.int() }
                }
                let service = try parseDistribution(try cm.required("service")).0
                let calls = try ref(cm, "calls")
                if calls == components.count + 0 && calls == names.firstIndex(of: cname) {
                    throw (cm.optional("calls") ?? cm.reader).error(expected: "another component (a group cannot call itself)")
                }
                let timeout = try cm.duration("timeout", default: calls == nil ? nil : AwsDefaults.callTimeout)
                var sessions = SessionPolicy.none
                if let s = cm.optional("sessions") {
                    let v = try s.string()
                    if v == "local" { sessions = .local } else if v == "none" { sessions = .none } else {
                        guard let i = names.firstIndex(of: v), kinds[v] == "session_store" else {
                            throw s.error(expected: "'local', 'none' or the name of a session_store component", found: "\"\(v)\"",
                                suggestion: KeyPath.nearest(v, in: ["local", "none"] + names.filter { kinds[$0] == "session_store" }))
                        }
                        sessions = .store(i)
                    }
                }
                var breaker: CircuitBreakerSpec? = nil
                if let b = try cm.map("circuit_breaker") {
                    breaker = CircuitBreakerSpec(
                        errorThreshold: try b.double("error_threshold", default: 0.5) ?? 0.5,
                        minimumCalls: try b.int("minimum_calls", default: 20) ?? 20,
                        window: try b.duration("window", default: 10 * Time.second) ?? 10 * Time.second,
                        openFor: try b.duration("open", default: 30 * Time.second) ?? 30 * Time.second,
                        halfOpenProbes: try b.int("half_open_probes", default: 5) ?? 5)
                    try b.finish()
                    if calls == nil { throw b.reader.error(expected: "a circuit breaker only on a group that has 'calls'") }
                }
                kind = .instances(InstancesSpec(
                    count: count, zones: try zones(cm, default: [0]), workers: workers, queue: queue, service: service,
                    calls: calls, callTimeout: timeout, sessions: sessions, circuitBreaker: breaker))
            case "alb":
                guard let targets = try ref(cm, "targets") else {
                    throw cm.reader.error(expected: "'targets': the instances group behind the load balancer", suggestion: "targets")
                }
                let alg = try cm.choice("algorithm", default: "round_robin") ?? "round_robin"
                var hc = HealthCheckSpec(
                    interval: AwsDefaults.albHealthInterval, timeout: AwsDefaults.albHealthTimeout,
                    healthyThreshold: AwsDefaults.albHealthyThreshold, unhealthyThreshold: AwsDefaults.albUnhealthyThreshold)
                if let h = try cm.map("health_check") {
                    hc.interval = try h.duration("interval", default: hc.interval) ?? hc.interval
                    hc.timeout = try h.duration("timeout", default: hc.timeout) ?? hc.timeout
                    hc.healthyThreshold = try h.int("healthy", default: hc.healthyThreshold) ?? hc.healthyThreshold
                    hc.unhealthyThreshold = try h.int("unhealthy", default: hc.unhealthyThreshold) ?? hc.unhealthyThreshold
                    if hc.timeout >= hc.interval {
                        throw (h.optional("timeout") ?? h.reader).error(expected: "a timeout shorter than the interval (AWS requires it)")
                    }
                    try h.finish()
                }
                let targetName = names[targets]
                kind = .alb(LoadBalancerSpec(
                    targets: targets, algorithm: BalancingAlgorithm(rawValue: alg) ?? .roundRobin, healthCheck: hc,
                    idleTimeout: try cm.duration("idle_timeout", default: AwsDefaults.albIdleTimeout) ?? AwsDefaults.albIdleTimeout,
                    connectTimeout: try cm.duration("connect_timeout", default: AwsDefaults.albConnectTimeout) ?? AwsDefaults.albConnectTimeout,
                    deregistrationDelay: try cm.duration("deregistration_delay", default: AwsDefaults.albDeregistrationDelay) ?? AwsDefaults.albDeregistrationDelay,
                    sticky: try cm.bool("sticky", default: localSessions.contains(targetName)) ?? false))
            case "session_store":
                let engine = try cm.choice("engine", default: "redis") ?? "redis"
                let e = SessionEngine(rawValue: engine) ?? .redis
                let replicas = try cm.int("replicas", default: e == .redis ? AwsDefaults.redisReplicas : 0) ?? 0
                if e == .memcached && replicas > 0 {
                    throw (cm.optional("replicas") ?? cm.reader).error(expected: "0 replicas for memcached (it has no replication)")
                }
                kind = .sessionStore(SessionStoreSpec(
                    engine: e, nodes: try cm.int("nodes", default: 1) ?? 1, replicas: replicas,
                    failover: try cm.duration("failover", default: AwsDefaults.redisFailover) ?? AwsDefaults.redisFailover,
                    zones: try zones(cm, default: zoneNames.count > 1 ? [0, 1] : [0]),
                    replace: try cm.duration("replace", default: AwsDefaults.storeReplace) ?? AwsDefaults.storeReplace))
            case "api_gateway":
                guard let target = try ref(cm, "target") else {
                    throw cm.reader.error(expected: "'target': the integration behind the API", suggestion: "target")
                }
                let rate = try cm.rate("rate", default: AwsDefaults.apiRate) ?? AwsDefaults.apiRate
                kind = .apiGateway(APIGatewaySpec(
                    target: target, rate: rate, burst: try cm.int("burst", default: AwsDefaults.apiBurst) ?? AwsDefaults.apiBurst,
                    timeout: try cm.duration("timeout", default: AwsDefaults.apiTimeout) ?? AwsDefaults.apiTimeout))
            case "sqs":
                let type = try cm.choice("type", default: "standard") ?? "standard"
                let consumers = try ref(cm, "consumers")
                kind = .sqs(QueueSpec(
                    type: QueueType(rawValue: type) ?? .standard,
                    visibilityTimeout: try cm.duration("visibility_timeout", default: AwsDefaults.sqsVisibilityTimeout) ?? AwsDefaults.sqsVisibilityTimeout,
                    maxReceiveCount: try cm.int("max_receive_count"),
                    retention: try cm.duration("retention", default: AwsDefaults.sqsRetention) ?? AwsDefaults.sqsRetention,
                    consumers: consumers,
                    batch: try cm.int("batch", default: AwsDefaults.sqsBatch) ?? 1,
                    wait: try cm.duration("wait", default: AwsDefaults.sqsWait) ?? 0,
                    inflightLimit: try cm.int("inflight_limit", default: AwsDefaults.sqsInflightLimit) ?? AwsDefaults.sqsInflightLimit,
                    pollers: try cm.int("pollers"),
                    messageGroups: try cm.int("message_groups", default: 100) ?? 100,
                    fifoThroughput: try cm.rate("throughput", default: AwsDefaults.sqsFifoThroughput) ?? AwsDefaults.sqsFifoThroughput,
                    dedupWindow: AwsDefaults.sqsFifoDedupWindow))
            case "sns":
                let subscriberKinds = try cm.referenceKinds("subscribers")
                guard let subs = try cm.list("subscribers"), !subs.isEmpty else {
                    throw cm.reader.error(expected: "'subscribers': a list of sqs, lambda or http_endpoint components", suggestion: "subscribers")
                }
                var indices: [Int] = []
                for s in subs {
                    let v = try s.string()
                    guard let i = names.firstIndex(of: v) else {
                        throw s.error(expected: "the name of a component of topology '\(name)'", found: "\"\(v)\"", suggestion: KeyPath.nearest(v, in: names))
                    }
                    guard subscriberKinds.contains(kinds[v] ?? "") else {
                        throw s.error(expected: "an sqs, lambda or http_endpoint component", found: "\(v) (\(kinds[v] ?? ""))")
                    }
                    if indices.contains(i) { throw s.error(expected: "each subscriber once", found: "\(v) twice") }
                    indices.append(i)
                }
                kind = .sns(TopicSpec(subscribers: indices, deadLetter: try cm.bool("dead_letter_queue", default: false) ?? false))
            case "http_endpoint":
                guard let target = try ref(cm, "target") else {
                    throw cm.reader.error(expected: "'target': the instances or alb that receives the deliveries", suggestion: "target")
                }
                kind = .httpEndpoint(HTTPEndpointSpec(
                    target: target, policy: try parseDeliveryPolicy(cm.optional("retry_policy")),
                    timeout: try cm.duration("timeout", default: AwsDefaults.snsHTTPTimeout) ?? AwsDefaults.snsHTTPTimeout))
            case "lambda":
                kind = .lambda(LambdaSpec(
                    service: try parseDistribution(try cm.required("service")).0,
                    concurrency: try cm.int("concurrency", default: AwsDefaults.lambdaConcurrency) ?? AwsDefaults.lambdaConcurrency))
            default:  // autoscaling
                guard let group = try ref(cm, "group") else {
                    throw cm.reader.error(expected: "'group': the instances group it manages", suggestion: "group")
                }
                var count = 1
                if let gm = maps.first(where: { $0.0 == names[group] })?.1,
                    let n = try? gm.int("count", default: 1)
                {
                    count = n
                }
                let lo = try cm.int("min", default: count) ?? count
                let hi = try cm.int("max", default: max(count, lo)) ?? count
                if hi < lo { throw (cm.optional("max") ?? cm.reader).error(expected: "max ≥ min (\(lo))", found: "\(hi)") }
                var tt: TargetTrackingSpec? = nil
                if let t = try cm.map("target_tracking") {
                    tt = TargetTrackingSpec(
                        metric: try t.choice("metric", default: "cpu") ?? "cpu",
                        target: try t.double("target", default: 50) ?? 50,
                        warmup: try t.duration("warmup", default: 300 * Time.second) ?? 300 * Time.second)
                    try t.finish()
                }
                let launch = try cm.optional("launch").map { try parseDistribution($0).0 }
                    ?? (try Distribution.uniform(min: 60, max: 180))
                kind = .autoscaling(AutoscalingSpec(
                    group: group, min: lo, max: hi,
                    grace: try cm.duration("grace", default: AwsDefaults.asgGrace) ?? AwsDefaults.asgGrace,
                    launch: launch, targetTracking: tt))
            }
            try cm.finish()
            components.append(Component(name: cname, kind: kind))
        }
        try m.finish()
        try checkFootprint(components, maps.map(\.1), compsReader)
        let topo = Topology(name: name, entry: entry, components: components, zoneNames: zoneNames)
        try checkCycles(topo, compsReader)
        try checkAutoscalers(topo, compsReader)
        return topo
    }

    /// What one replication of the topology allocates up front, bounded before anything is:
    /// instances (an auto-scaling group counts with its `max`) and SQS consumers (a poller per
    /// worker of every consuming instance unless `pollers` says otherwise).
    static func checkFootprint(_ components: [Component], _ readers: [MapReader], _ r: MapReader) throws {
        var size: [Int: Int] = [:]
        for (i, c) in components.enumerated() { if case .instances(let s) = c.kind { size[i] = s.count } }
        for (i, c) in components.enumerated() {
            guard case .autoscaling(let a) = c.kind else { continue }
            size[a.group] = max(size[a.group] ?? 0, a.max)
            if size.values.reduce(0, +) > Limits.maxInstancesTotal {
                throw (readers[i].optional("max") ?? readers[i].reader).error(
                    expected: "at most \(Limits.maxInstancesTotal) instances in a topology, an auto-scaling group counting with its max")
            }
        }
        var pollers = 0
        for (i, c) in components.enumerated() {
            guard case .sqs(let q) = c.kind, let consumer = q.consumers else { continue }
            switch components[consumer].kind {
            case .instances(let s): pollers += s.count * (q.pollers ?? s.workers)
            case .lambda(let l): pollers += q.pollers ?? l.concurrency
            default: break
            }
            if pollers > Limits.maxPollers {
                throw (readers[i].optional("pollers") ?? readers[i].optional("consumers") ?? readers[i].reader).error(
                    expected: "at most \(Limits.maxPollers) queue consumers in a topology (instances × pollers, each instance polling with one poller per worker unless 'pollers' is set)",
                    found: "\(pollers)")
            }
        }
    }

    /// Synchronous edges (calls, ALB targets, API targets, HTTP endpoint targets) must not loop.
    static func checkCycles(_ t: Topology, _ r: MapReader) throws {
        func next(_ c: Int) -> [Int] {
            switch t.components[c].kind {
            case .instances(let s): return s.calls.map { [$0] } ?? []
            case .alb(let s): return [s.targets]
            case .apiGateway(let s): return [s.target]
            case .httpEndpoint(let s): return [s.target]
            case .sns(let s): return s.subscribers
            case .sqs(let s): return s.consumers.map { [$0] } ?? []
            default: return []
            }
        }
        var state = Array(repeating: 0, count: t.components.count)  // 0 new, 1 on stack, 2 done
        func visit(_ c: Int, _ path: [String]) throws {
            state[c] = 1
            for n in next(c) {
                if state[n] == 1 {
                    let cycle = (path + [t.components[c].name, t.components[n].name]).joined(separator: " → ")
                    throw ScenarioError(
                        file: r.reader.file, keyPath: KeyPath.appending(key: t.components[c].name, to: r.reader.path),
                        line: r.reader.line, expected: "components that do not call each other in a circle", found: cycle)
                }
                if state[n] == 0 { try visit(n, path + [t.components[c].name]) }
            }
            state[c] = 2
        }
        for c in 0..<t.components.count where state[c] == 0 { try visit(c, []) }
    }

    static func checkAutoscalers(_ t: Topology, _ r: MapReader) throws {
        var seen: Set<Int> = []
        for c in t.components {
            if case .autoscaling(let s) = c.kind {
                if !seen.insert(s.group).inserted {
                    throw ScenarioError(file: r.reader.file, keyPath: KeyPath.appending(key: c.name, to: r.reader.path),
                        expected: "one autoscaling group per instances group", found: "a second one for \(t.components[s.group].name)")
                }
            }
        }
    }

    static func parseDeliveryPolicy(_ r: NodeReader?) throws -> DeliveryPolicy {
        guard let r else { return AwsDefaults.snsHTTPPolicy }
        if r.isScalar {
            switch try r.choice() {
            case "managed": return AwsDefaults.snsManagedPolicy
            default: return AwsDefaults.snsHTTPPolicy
            }
        }
        let m = try r.map()
        var p = AwsDefaults.snsHTTPPolicy
        p.immediateRetries = try m.int("immediate_retries", default: 0) ?? 0
        p.preBackoffRetries = try m.int("pre_backoff_retries", default: 0) ?? 0
        p.preBackoffDelay = try m.duration("pre_backoff_delay", default: p.minDelay) ?? p.minDelay
        p.backoffRetries = try m.int("num_retries", default: 3) ?? 3
        p.minDelay = try m.duration("min_delay", default: 20 * Time.second) ?? 20 * Time.second
        p.maxDelay = try m.duration("max_delay", default: p.minDelay) ?? p.minDelay
        p.postBackoffRetries = try m.int("post_backoff_retries", default: 0) ?? 0
        p.postBackoffDelay = try m.duration("post_backoff_delay", default: p.maxDelay) ?? p.maxDelay
        if p.maxDelay < p.minDelay { throw (m.optional("max_delay") ?? m.reader).error(expected: "max_delay ≥ min_delay") }
        // SNS caps an HTTP/S policy's total retry time at 3,600 s.
        let total = SimTime(p.preBackoffRetries) * p.preBackoffDelay + SimTime(p.backoffRetries) * p.maxDelay
            + SimTime(p.postBackoffRetries) * p.postBackoffDelay
        if total > AwsDefaults.snsMaxRetryTime {
            throw m.reader.error(expected: "a policy whose retries take at most 3,600 s in all (an SNS limit)", found: Units.format(nanoseconds: total))
        }
        try m.finish()
        return p
    }

    // MARK: faults

    static func parseFault(_ r: NodeReader, topologies: [Topology], zoneNames: [String], duration: SimTime) throws -> FaultSpec {
        // The map's declaration is its kind's (``Variants/fault``): keys that do not apply to
        // the kind are refused as unknown when it is opened.
        let m = try r.map()
        let written = try m.discriminator()
        guard let kind = FaultSpec.Kind(rawValue: written) ?? fisActions[written] else {
            throw DeclarationError(message: "fault kind '\(written)' is declared but the loader does not know it")
        }
        let allNames = Set(topologies.flatMap { $0.components.map(\.name) })
        func component(_ key: String) throws -> String? {
            guard let t = m.optional(key) else { return nil }
            let v = try t.string()
            if !allNames.contains(v) {
                throw t.error(expected: "a component that at least one topology has", found: "\"\(v)\"", suggestion: KeyPath.nearest(v, in: allNames.sorted()))
            }
            return v
        }
        var spec = FaultSpec(
            kind: kind, writtenKind: written, target: nil, instance: nil, zone: nil, peer: nil, at: nil, length: nil,
            mtbf: nil, mttr: nil, multiplier: 10, probability: 1, errorCode: 500)
        var effectiveKind = kind
        if written == MapDeclaration.disruptConnectivityName && m.has("zone") { effectiveKind = .zoneOutage }
        spec.kind = effectiveKind
        if effectiveKind == .zoneOutage {
            let zr = try m.required("zone")
            let z = try zr.string()
            guard let i = zoneNames.firstIndex(of: z) else { throw zr.error(expected: "a zone used by the topologies", found: "\"\(z)\"", suggestion: KeyPath.nearest(z, in: zoneNames)) }
            spec.zone = i
        } else {
            guard let t = try component("target") else { throw m.reader.error(expected: "'target': the component the fault hits", suggestion: "target") }
            spec.target = t
        }
        if effectiveKind == .partition {
            guard let p = try component("peer") else { throw m.reader.error(expected: "'peer': the other side of the partition", suggestion: "peer") }
            spec.peer = p
        }
        spec.instance = try m.int("instance")
        spec.at = try m.duration("at")
        let dur = try m.duration("duration")
        let rec = try m.duration("recover_after")
        if dur != nil && rec != nil { throw (m.optional("recover_after") ?? m.reader).error(expected: "either 'duration' or 'recover_after', not both") }
        spec.length = dur ?? rec
        if written == "aws:ec2:reboot-instances" && spec.length == nil { spec.length = Time.minute }
        if let b = m.optional("mtbf") { spec.mtbf = try parseDistribution(b).0 }
        if let r2 = m.optional("mttr") { spec.mttr = try parseDistribution(r2).0 }
        if (spec.mtbf == nil) != (spec.mttr == nil) {
            throw m.reader.error(expected: "both 'mtbf' and 'mttr' for a stochastic fault", suggestion: spec.mtbf == nil ? "mtbf" : "mttr")
        }
        if spec.mtbf != nil {
            if spec.at != nil || spec.length != nil {
                throw m.reader.error(expected: "a stochastic fault (mtbf/mttr) without 'at', 'duration' or 'recover_after'")
            }
            if (spec.mtbf?.mean ?? 0) < 1e-3 || (spec.mttr?.mean ?? 0) <= 0 {
                throw (m.optional("mtbf") ?? m.reader).error(expected: "an mtbf of at least 1ms on average and an mttr above 0")
            }
        } else if spec.at == nil {
            throw m.reader.error(expected: "'at' (when the fault starts) or 'mtbf' and 'mttr' (a stochastic fault)", suggestion: "at")
        }
        switch effectiveKind {
        case .latency:
            spec.multiplier = try m.double("multiplier", default: 10) ?? 10
        case .errors:
            spec.probability = try m.double("probability", default: 1) ?? 1
            let defaultCode = written.hasSuffix("throttle-error") ? 429 : written.hasSuffix("unavailable-error") ? 503 : 500
            let code = try m.int("code", default: defaultCode) ?? defaultCode
            if ![429, 500, 503].contains(code) { throw (m.optional("code") ?? m.reader).error(expected: "429, 500 or 503", found: "\(code)") }
            spec.errorCode = code
        default: break
        }
        try m.finish()
        return spec
    }
}
