#if TOPOBENCH_INVARIANTS
extension LambdaFunction {
    /// The asynchronous backlog ends at its tail, holds messages in use and not running, and
    /// no more invocations run than the concurrency allows.
    func checkInvariants() {
        var last: Int32 = -1
        var m = backlogHead
        var n = 0
        while m >= 0 {
            precondition(book.messages[Int(m)].inUse && !book.messages[Int(m)].inflight, "lambda \(index): backlog message \(m)")
            n += 1
            precondition(n <= book.messages.count, "lambda \(index): backlog cycle")
            last = m
            m = book.messages[Int(m)].next
        }
        precondition(last == backlogTail, "lambda \(index): backlog tail")
        precondition(running >= 0 && running <= Int32(spec.concurrency), "lambda \(index): \(running) running")
    }
}
#endif
