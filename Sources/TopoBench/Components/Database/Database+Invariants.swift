#if TOPOBENCH_INVARIANTS
extension Database {
    /// The queries in flight are well linked, each a call in service at this database; no more
    /// than `max_connections` of them, and none unless the database is up; every query received
    /// is served, refused, failed or unanswered, or still in flight; the outages alternate.
    func checkInvariants() {
        inFlight.check(in: sim.calls, CalleeLinks.self, "database \(index) queries in flight") { c in
            sim.calls[Int(c)].phase == .inService && sim.calls[Int(c)].callee == index
        }
        precondition(inFlight.count <= spec.maxConnections, "database \(index): \(inFlight.count) connections of \(spec.maxConnections)")
        precondition(state == .up || inFlight.isEmpty, "database \(index): \(inFlight.count) queries in flight while \(state)")
        let ended = served + refusedFull + refusedDown + failedInFlight + unanswered
        precondition(queries == ended + inFlight.count,
                     "database \(index): \(queries) queries ≠ \(served) served + \(refusedFull) + \(refusedDown) refused + \(failedInFlight) failed + \(unanswered) unanswered + \(inFlight.count) in flight")
        precondition(primary >= 0 && primary < spec.zones.count, "database \(index): primary \(primary) beyond its zones")
        precondition(state != .failingOver || (target != primary && target < spec.zones.count), "database \(index): failing over to \(target)")
        for (i, o) in outages.enumerated() {
            precondition(o.end >= o.start || (o.end == -1 && i == outages.count - 1), "database \(index): outage \(i) badly closed")
        }
        precondition((state == .up) == (outages.last.map { $0.end >= 0 } ?? true), "database \(index): \(state) with outages \(outages.suffix(1))")
    }
}
#endif
