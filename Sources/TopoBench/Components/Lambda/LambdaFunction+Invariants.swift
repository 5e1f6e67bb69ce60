#if TOPOBENCH_INVARIANTS
extension LambdaFunction {
    /// The asynchronous backlog is well linked and holds messages in use and not running; no
    /// more invocations run than the concurrency allows.
    func checkInvariants() {
        backlog.check(in: book.messages, MessageLinks.self, "lambda \(index) backlog") { m in
            book.messages[Int(m)].inUse && !book.messages[Int(m)].inflight
        }
        precondition(running >= 0 && running <= Int32(spec.concurrency), "lambda \(index): \(running) running")
    }
}
#endif
