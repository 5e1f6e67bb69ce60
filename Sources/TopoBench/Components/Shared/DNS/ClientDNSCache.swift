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
