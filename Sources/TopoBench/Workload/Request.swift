/// One logical client request, retried as the retry policy allows.
struct Request {
    var gen: UInt32 = 0
    var active: Bool = false
    var user: Int32 = -1
    var start: SimTime = 0
    var attempt: Int32 = 0
    /// The current attempt's root call and its generation.
    var call: Int32 = -1
    var callGen: UInt32 = 0
    /// Counted in the statistics (started after the warm-up).
    var counted: Bool = false
    var lastCost: Int32 = 0
    var lastBackoff: SimTime = 0
    var attemptStart: SimTime = 0
    var tprev: Int32 = -1
    var tnext: Int32 = -1
    var inTimeoutList: Bool = false
    /// The entry component its attempts go to (a traffic mix draws it once per request).
    var entry: Int32 = -1
}

/// One user: where its session lives.
struct UserState {
    /// The instance (group component, index, incarnation) holding the session; -1 none.
    var sessionGroup: Int32 = -1
    var sessionInstance: Int32 = -1
    var sessionIncarnation: UInt32 = 0
    /// Session in a store: which node and its incarnation.
    var storeNode: Int32 = -1
    var storeIncarnation: UInt32 = 0
    var hasSession: Bool = false
    var requestsLeft: Int32 = 0
}

/// A client attempt's links in the client's timeout list.
enum RequestTimeoutLinks: ListLinks {
    @inline(__always) static func prev(_ n: Request) -> Int32 { n.tprev }
    @inline(__always) static func next(_ n: Request) -> Int32 { n.tnext }
    @inline(__always) static func setPrev(_ n: inout Request, _ v: Int32) { n.tprev = v }
    @inline(__always) static func setNext(_ n: inout Request, _ v: Int32) { n.tnext = v }
}
