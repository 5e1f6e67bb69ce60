#if TOPOBENCH_INVARIANTS
extension LambdaFunction {
    /// The asynchronous backlog is well linked and holds messages in use and not running; no
    /// more invocations run than the concurrency allows; the idle environments are in the order
    /// they became idle, none in the future, and every running invocation holds one.
    func checkInvariants() {
        backlog.check(in: book.messages, MessageLinks.self, "lambda \(index) backlog") { m in
            book.messages[Int(m)].inUse && !book.messages[Int(m)].inflight
        }
        precondition(running >= 0 && running <= Int32(spec.concurrency), "lambda \(index): \(running) running")
        precondition(busyEnvironments >= Int(running), "lambda \(index): \(busyEnvironments) busy environments for \(running) invocations")
        precondition(idleBottom >= 0 && idleBottom <= idleSince.count, "lambda \(index): idle environments' bottom beyond the list")
        var last = SimTime.min
        for i in idleBottom..<idleSince.count {
            precondition(idleSince[i] >= last && idleSince[i] <= sim.now, "lambda \(index): idle environment \(i) out of order")
            last = idleSince[i]
        }
    }
}
#endif
