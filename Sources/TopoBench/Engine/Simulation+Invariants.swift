#if TOPOBENCH_INVARIANTS
/// Consistency checks of the engine's tables, run after every event in debug builds (the
/// package defines `TOPOBENCH_INVARIANTS` for the debug configuration only, as swift-collections
/// does with `COLLECTIONS_INTERNAL_CHECKS`): the event list's heap order, the free lists of the
/// call and request slabs, every timeout list, and each component's own lists
/// (``ComponentModel/checkInvariants()``). A violation stops the run with the table and the entry.
extension Simulation {
    func _checkInvariants() {
        events._checkInvariants()
        Self.checkFreeList(freeCall, count: calls.count, "calls") { calls[$0].phase == .free }
        Self.checkFreeList(freeRequest, count: requests.count, "requests") { !requests[$0].active }
        for l in 0..<timeouts.count { checkTimeoutList(Int32(l)) }
        components.checkInvariants()
    }

    /// Every index in `free` is in range, listed once, and free; every free slot is listed.
    static func checkFreeList(_ free: Slab<Int32>, count: Int, _ what: String, isFree: (Int) -> Bool) {
        var seen = Array(repeating: false, count: count)
        for s in free {
            precondition(s >= 0 && Int(s) < count, "\(what): free slot \(s) out of range")
            precondition(!seen[Int(s)], "\(what): slot \(s) is on the free list twice")
            precondition(isFree(Int(s)), "\(what): slot \(s) is on the free list but in use")
            seen[Int(s)] = true
        }
        for i in 0..<count where isFree(i) {
            precondition(seen[i], "\(what): slot \(i) is free but not on the free list")
        }
    }

    /// A timeout list: links both ways, the count, each entry guarded by this list and in use,
    /// entries in the order they expire.
    func checkTimeoutList(_ list: Int32) {
        let l = Int(list)
        let what = "timeout list \(l)"
        var last: SimTime = .min
        if case .client = timeouts[l].owner {
            timeouts[l].entries.check(in: requests, RequestTimeoutLinks.self, what) { r in
                defer { last = requests[Int(r)].attemptStart }
                return requests[Int(r)].inTimeoutList && requests[Int(r)].active && requests[Int(r)].attemptStart >= last
            }
        } else {
            timeouts[l].entries.check(in: calls, CallTimeoutLinks.self, what) { c in
                defer { last = calls[Int(c)].sentAt }
                return calls[Int(c)].timeoutList == list && calls[Int(c)].phase != .free && calls[Int(c)].sentAt >= last
            }
        }
    }
}

extension EventQueue {
    /// Checks the heap property and the side slot; compiled only with `TOPOBENCH_INVARIANTS`.
    public func _checkInvariants() {
        precondition(count_ >= 0 && count_ <= capacity, "event list: count \(count_) beyond capacity \(capacity)")
        for i in stride(from: 1, to: count_, by: 1) {
            precondition(!Event.precedes(storage[i], storage[(i - 1) >> 2]), "event list: heap order violated at \(i)")
        }
        if hasAside { precondition(aside.seq < nextSeq, "event list: side slot from the future") }
    }
}
#endif
