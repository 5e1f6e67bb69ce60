/// One client's cached DNS answer for a name: the addresses in the order DNS gave them.
///
/// An address is a node index (0–15) of whoever owns the name (an ALB's nodes, one per zone);
/// up to eight are kept, 4 bits each, the first address in the lowest bits.
struct DNSAnswer {
    /// When the answer expires; a client resolves again at its first call from then on.
    var expires: SimTime = 0
    var order: UInt32 = 0
    var count: UInt8 = 0

    static let maxAddresses = 8

    /// The address at `position` (0 = the first the client tries).
    @inline(__always) func address(_ position: Int) -> Int { Int((order >> (4 * UInt32(position))) & 0xF) }
}

/// The clients' cached answers for one DNS name: one per end user, and one per instance of each
/// component that calls the name (the SDK or HTTP client of one process).
///
/// The model follows a client that resolves the name when its cached answer has expired, tries
/// the answer's first address, and on a connect timeout the next one, with no memory of failed
/// addresses between calls (getaddrinfo and a sequential connect, as libcurl does). The answer's
/// order is a seeded rotation of the addresses DNS returns, as Route 53 rotates an ELB name's
/// records.
struct ClientDNSCache {
    var ttl: SimTime
    private var users: Slab<DNSAnswer> = []
    private var callers: [Int32] = []
    private var instances: [Slab<DNSAnswer>] = []

    /// With `ttl` 0 the answers are kept only when `keepAnswers` says so (a client then resolves
    /// at every call, but still walks the addresses of its answer on connect timeouts).
    init(ttl: SimTime, users: Int, keepAnswers: Bool = false) {
        self.ttl = ttl
        if ttl > 0 || keepAnswers { self.users = Slab(repeating: DNSAnswer(), count: users) }
    }

    mutating func deallocate() {
        users.deallocate()
        for i in instances.indices { instances[i].deallocate() }
    }

    /// The answer held by the client of call `call`: its end user, or the instance of its
    /// caller that serves the call's parent.
    @inline(__always)
    mutating func withAnswer<R>(for call: Int32, in sim: Simulation, _ body: (inout DNSAnswer) -> R) -> R {
        let c = sim.calls[Int(call)]
        let instance = c.caller >= 0 && c.parent >= 0 ? sim.calls[Int(c.parent)].instance : -1
        return withAnswer(user: c.user, caller: c.caller, instance: instance, body)
    }

    /// The answer a call's client holds: the end user's for a call from outside (`caller` -1),
    /// otherwise that of the calling instance (`instance` -1 for a component without instances).
    @inline(__always)
    mutating func withAnswer<R>(user: Int32, caller: Int32, instance: Int32, _ body: (inout DNSAnswer) -> R) -> R {
        if caller < 0 { return body(&users[Int(max(0, user))]) }
        let k = Int(max(0, instance))
        var c = 0
        while c < callers.count && callers[c] != caller { c += 1 }
        if c == callers.count {
            callers.append(caller)
            instances.append(Slab(repeating: DNSAnswer(), count: k + 1))
        }
        while instances[c].count <= k { instances[c].append(DNSAnswer()) }
        return body(&instances[c][k])
    }
}

/// A client's connect to an address that does not answer (a node or an instance without
/// power): the client waits for its connect timeout (`workload.connect_timeout`), then tries
/// another address of its cached answer. Shared by the kinds that clients reach through DNS
/// (an ALB's nodes, a Route 53 name's addresses).
extension Simulation {
    /// The call waits for its client's connect timeout; `marker` (which addresses were tried)
    /// is kept in its `instance` until `component`'s timer `code` fires.
    func awaitConnectTimeout(_ call: Int32, marker: Int32, after carry: SimTime, component: Int32, code: UInt8) {
        let i = Int(call)
        calls[i].phase = .dropped
        calls[i].status = .noResponse
        calls[i].instance = marker
        scheduleTimer(after: carry + scenario.workload.connectTimeout, for: component, code: code, slot: call, gen: calls[i].gen)
    }

    /// The connect timed out: unless the caller has given up (or the call is gone), the call is
    /// on its way again. Returns the marker and the delay of the client's next hop.
    func resumeAfterConnectTimeout(_ call: Int32, gen: UInt32) -> (marker: Int32, carry: SimTime)? {
        let i = Int(call)
        guard calls[i].gen == gen, calls[i].phase == .dropped, !calls[i].abandoned else { return nil }
        let marker = calls[i].instance
        calls[i].phase = .sent
        calls[i].status = .pending
        calls[i].instance = -1
        return (marker, hopDelay(calls[i].callerZone, calls[i].calleeZone, sender: calls[i].caller))
    }
}
