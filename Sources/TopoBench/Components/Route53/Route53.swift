/// Codes of a Route 53 name's own events.
enum Route53Timer: UInt8 {
    /// A health checker probes an address (`slot` = address × checkers + checker).
    case probe
    /// A client's connect to an address that does not answer timed out (`slot` = the call,
    /// `gen` = its generation): it tries the next address of its cached answer.
    case clientConnect
}

/// One address a Route 53 name can answer: a record's target, or one instance of it.
struct Route53Address {
    var record: Int32
    var target: Int32
    /// The instance (-1: the target as a whole, an alias).
    var instance: Int32
    /// The target's instances, when it is an instances group (read on every connect: held
    /// unmanaged, as the component table owns it).
    var fleet: Unmanaged<Fleet>?
}

/// A DNS name in Route 53, with its records, routing policy and health checks.
///
/// DNS is not on the data path: a client (an end user, or an instance that calls the name)
/// resolves the name when its cached answer has expired, keeps the answer for the TTL (or
/// `workload.dns_cache.min`, if longer), and connects to the answer's first address itself. So
/// a call to the name is sent on to the address's target in the same step
/// (``Simulation/retarget(_:to:toZone:after:)``): it adds no hop and no event, and the answer
/// goes straight back to the caller. An address that does not answer (an instance without
/// power, stopped or cut off) keeps the client waiting for its connect timeout
/// (`workload.connect_timeout`) before it tries the next one, as with an ALB's nodes
/// (``ClientDNSCache``); a client whose addresses are all spent fails the call.
///
/// Health checks (Amazon Route 53 Developer Guide, "How Amazon Route 53 determines whether a
/// health check is healthy"): `checkers` health checkers, one per checker region, each probe the
/// target every `interval` at a seeded phase of its own; each changes its view of the target
/// after `failure_threshold` probes in a row that disagree with it, and the record is healthy
/// while more than 18 % of the checkers report it healthy. A new health check starts healthy.
/// With `evaluate_target_health`, an alias record is also unhealthy while its target says so
/// (an ALB without a healthy target). The status Route 53 acts on is the checkers' at the moment
/// of the query (the propagation to Route 53's name servers is taken as instant: AWS gives no
/// figure).
///
/// Routing: `simple` answers every address, in a seeded rotation, without health checks;
/// `multivalue` up to eight healthy addresses (up to eight of all when none is healthy);
/// `failover` the primary record while healthy, else the secondary if healthy, else the primary;
/// `weighted` one record drawn by weight among the healthy ones (among all when none is);
/// `latency` the healthy record in the clients' region, else the first healthy one in the order
/// written (the clients are all in the scenario's `region`).
final class Route53: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: Route53Spec
    let streams: ComponentStreams
    /// Every address the name can answer, record by record (at most 16).
    var addresses: Slab<Route53Address> = []
    /// Each address's health checkers (`checkers` of them per address with a health check).
    var checkers: Slab<TargetHealth> = []
    /// Checkers per address with a check (0: the record has none).
    var checkersPer: Slab<Int32> = []
    /// How many of its checkers report each address healthy.
    var healthyCheckers: Slab<Int32> = []
    /// The clients' cached answers.
    var dns: ClientDNSCache
    /// How long a client keeps an answer (read while `dns` is being updated, so kept apart).
    let answerTTL: SimTime
    /// The region of each record (its `region:` or its target's), for latency routing.
    var recordRegions: [Int] = []
    /// Answers given, per record (the share that went to each: where the traffic went).
    var answers: Slab<Int> = []
    /// Queries answered while the run measured (each resolution by a client's resolver).
    var billedQueries = 0
    /// When the checkers' verdict on an address changed (rare: a few per fault).
    struct StatusChange: Equatable {
        var at: SimTime
        var address: Int32
        var healthy: Bool
    }
    var statusLog: [StatusChange] = []

    static var handlesCallsAsSent: Bool { true }
    static let maxAddresses = 16

    init(_ sim: Simulation, index: Int32, spec: Route53Spec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        let ttl = max(spec.ttl, sim.scenario.workload.dnsCacheMin)
        answerTTL = ttl
        dns = ClientDNSCache(ttl: ttl, users: max(1, sim.scenario.workload.users), keepAnswers: true)
    }

    deinit {
        dns.deallocate()
        addresses.deallocate()
        checkers.deallocate()
        checkersPer.deallocate()
        healthyCheckers.deallocate()
        answers.deallocate()
    }

    func link() {
        var list: [Route53Address] = []
        for (r, record) in spec.records.enumerated() {
            let fleet = sim.components.fleet(record.target)
            let n = fleet?.count ?? 0
            if n == 0 {
                list.append(Route53Address(record: Int32(r), target: Int32(record.target), instance: -1, fleet: nil))
            } else {
                for k in 0..<n {
                    list.append(Route53Address(record: Int32(r), target: Int32(record.target), instance: Int32(k), fleet: fleet.map { .passUnretained($0) }))
                }
            }
        }
        // The loader bounds the addresses (``Route53Spec/addressCount(in:)``).
        addresses = Slab(Array(list.prefix(Route53.maxAddresses)))
        let per = addresses.indices.map { a in Int32(spec.records[Int(addresses[a].record)].healthCheck?.checkers ?? 0) }
        checkersPer = Slab(per)
        checkers = Slab(repeating: TargetHealth(), count: Int(per.reduce(0, +)))
        healthyCheckers = Slab(per)
        answers = Slab(repeating: 0, count: spec.records.count)
        recordRegions = spec.records.map { $0.region ?? sim.topology.region(of: $0.target) }
    }

    func start() {
        for a in 0..<addresses.count {
            guard let hc = spec.records[Int(addresses[a].record)].healthCheck else { continue }
            for c in 0..<hc.checkers {
                // Each checker probes at a seeded phase of its own: they are not coordinated.
                let phase = SimTime(streams.misc.uniform() * Double(hc.interval))
                sim.scheduleTimer(at: phase, for: index, code: Route53Timer.probe.rawValue, slot: Int32(a * Route53.maxCheckerSlots + c))
            }
        }
    }

    /// Slot numbering of the probes: address × this + checker.
    static let maxCheckerSlots = 8

    /// The offset of address `a`'s first checker in `checkers`.
    func checkerBase(_ a: Int) -> Int {
        var base = 0
        for b in 0..<a { base += Int(checkersPer[b]) }
        return base
    }

    // MARK: resolving and connecting

    func receive(call: Int32, after carry: SimTime) {
        tryAddress(call, tried: 0, after: carry)
    }

    /// The call's client connects to the first address of its cached answer that it has not
    /// tried yet (`tried`: a mask of addresses), resolving the name first when the answer has
    /// expired. (The mask, not a position: another call of the same client may have resolved
    /// afresh while this one waited.)
    func tryAddress(_ call: Int32, tried: UInt32, after carry: SimTime) {
        let i = Int(call)
        let a = dns.withAnswer(for: call, in: sim) { answer -> Int in
            if tried == 0 && answer.expires <= sim.now { resolve(&answer) }
            for p in 0..<Int(answer.count) where tried & (1 << UInt32(answer.address(p))) == 0 { return answer.address(p) }
            return -1
        }
        if a < 0 {
            // Every address of the answer failed: the client gives up on this call.
            sim.reply(call, .noResponse, after: carry)
            return
        }
        let address = addresses[a]
        if let fleet = address.fleet, !fleet._withUnsafeGuaranteedRef({ f in
            Int(address.instance) >= f.count || f.members[Int(address.instance)].reachable
        }) {
            // No answer to the connection: the client waits for its connect timeout.
            sim.awaitConnectTimeout(call, marker: Int32(bitPattern: tried | (1 << UInt32(a))), after: carry,
                                    component: index, code: Route53Timer.clientConnect.rawValue)
            return
        }
        sim.calls[i].instance = address.instance
        let zone = sim.components.zone(ofCallTo: Int(address.target), call: call)
        sim.retarget(call, to: address.target, toZone: zone, after: carry)
    }

    /// A client's connect timed out: unless its caller has given up, it tries another address.
    func clientConnectTimedOut(_ call: Int32, gen: UInt32) {
        guard let (tried, carry) = sim.resumeAfterConnectTimeout(call, gen: gen) else { return }
        tryAddress(call, tried: UInt32(bitPattern: tried), after: carry)
    }

    /// Whether address `a` is healthy now: its checkers (more than 18 % of them report it
    /// healthy) and, with `evaluate_target_health`, its target.
    func healthy(_ a: Int) -> Bool {
        if checkersPer[a] == 0 { return true }
        let address = addresses[a]
        guard let hc = spec.records[Int(address.record)].healthCheck else { return true }
        if !checkersSayHealthy(a, hc) { return false }
        if hc.evaluateTargetHealth {
            return sim.components.dnsHealth(Int(address.target), instance: Int(address.instance), evaluatingTarget: true)
        }
        return true
    }

    /// Route 53's answer now, by the routing policy, in a seeded rotation; valid for the TTL.
    /// (No allocation: the addresses are packed 4 bits each, as the answer keeps them.)
    func resolve(_ answer: inout DNSAnswer) {
        if sim.metrics.measuring { billedQueries &+= 1 }
        var list: UInt32 = 0
        var m = 0
        @inline(__always) func add(_ a: Int) {
            if m < DNSAnswer.maxAddresses {
                list |= UInt32(a) << (4 * UInt32(m))
                m += 1
            }
        }
        switch spec.routing {
        case .simple:
            for a in 0..<addresses.count { add(a) }
        case .multivalue:
            for a in 0..<addresses.count where healthy(a) { add(a) }
            if m == 0 { for a in 0..<addresses.count { add(a) } }
        case .failover, .weighted, .latency:
            let r = Int32(chooseRecord())
            for a in 0..<addresses.count where addresses[a].record == r && healthy(a) { add(a) }
            if m == 0 { for a in 0..<addresses.count where addresses[a].record == r { add(a) } }
        }
        let start = m > 1 ? streams.route.uniformInt(m) : 0
        var order: UInt32 = 0
        for p in 0..<m {
            let from = (start + p) % m
            order |= ((list >> (4 * UInt32(from))) & 0xF) << (4 * UInt32(p))
        }
        answer.order = order
        answer.count = UInt8(m)
        answer.expires = sim.now + answerTTL
        if m > 0 { answers[Int(addresses[answer.address(0)].record)] += 1 }
    }

    func recordHealthy(_ r: Int) -> Bool {
        for a in 0..<addresses.count where addresses[a].record == Int32(r) && healthy(a) { return true }
        return false
    }

    /// The record a failover, weighted or latency name answers with now.
    func chooseRecord() -> Int {
        let records = spec.records
        switch spec.routing {
        case .failover:
            let primary = records.firstIndex { $0.role == .primary } ?? 0
            let secondary = records.firstIndex { $0.role == .secondary } ?? primary
            if recordHealthy(primary) { return primary }
            if recordHealthy(secondary) { return secondary }
            return primary
        case .weighted:
            // Among the healthy records with a weight; else the healthy ones; else all weighted.
            for pass in 0..<3 {
                var total = 0
                for r in records.indices where eligible(r, pass: pass) { total += max(1, records[r].weight) }
                guard total > 0 else { continue }
                var pick = streams.route.uniformInt(total)
                for r in records.indices where eligible(r, pass: pass) {
                    pick -= max(1, records[r].weight)
                    if pick < 0 { return r }
                }
            }
            return 0
        case .latency:
            // The clients are in the scenario's region (region 0).
            for r in records.indices where recordRegions[r] == 0 && recordHealthy(r) { return r }
            for r in records.indices where recordHealthy(r) { return r }
            for r in records.indices where recordRegions[r] == 0 { return r }
            return 0
        case .simple, .multivalue:
            return 0
        }
    }

    /// Weighted routing's candidates: pass 0 the healthy records with a weight above 0, pass 1
    /// any healthy record, pass 2 every record with a weight.
    func eligible(_ r: Int, pass: Int) -> Bool {
        let w = spec.records[r].weight
        switch pass {
        case 0: return w > 0 && recordHealthy(r)
        case 1: return recordHealthy(r)
        default: return w > 0
        }
    }

    // MARK: health checks

    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {
        switch Route53Timer(rawValue: code) {
        case .probe: probe(slot)
        case .clientConnect: clientConnectTimedOut(slot, gen: gen)
        case nil: break
        }
    }

    /// One checker probes one address; its next probe is an interval later.
    func probe(_ slot: Int32) {
        let a = Int(slot) / Route53.maxCheckerSlots
        let c = Int(slot) % Route53.maxCheckerSlots
        guard let hc = spec.records[Int(addresses[a].record)].healthCheck else { return }
        sim.scheduleTimer(after: hc.interval, for: index, code: Route53Timer.probe.rawValue, slot: slot)
        let address = addresses[a]
        let ok = sim.components.dnsHealth(Int(address.target), instance: Int(address.instance), evaluatingTarget: false)
        let k = checkerBase(a) + c
        let was = checkers[k].state == .healthy
        guard checkers[k].record(ok: ok, hc.thresholds) else { return }
        let now = checkers[k].state == .healthy
        guard was != now else { return }
        let before = checkersSayHealthy(a, hc)
        healthyCheckers[a] += now ? 1 : -1
        let after = checkersSayHealthy(a, hc)
        if before != after { statusLog.append(StatusChange(at: sim.now, address: Int32(a), healthy: after)) }
    }

    /// The checkers' verdict on address `a`: more than 18 % of them report it healthy.
    func checkersSayHealthy(_ a: Int, _ hc: Route53HealthCheckSpec) -> Bool {
        Double(healthyCheckers[a]) > AwsDefaults.route53HealthyShare * Double(hc.checkers)
    }

    // MARK: figures

    func checkInvariants() {
        for a in 0..<addresses.count {
            let base = checkerBase(a)
            var up: Int32 = 0
            for k in base..<(base + Int(checkersPer[a])) where checkers[k].state == .healthy { up += 1 }
            precondition(up == healthyCheckers[a], "route53 \(index): address \(a) counts \(healthyCheckers[a]) healthy checkers, \(up) are")
        }
    }
}
