#if TOPOBENCH_INVARIANTS
extension MessageQueue {
    /// The visible and in-flight lists: linked both ways, of the length they count, their
    /// messages in use, in this queue, and flagged in flight only in the in-flight list; FIFO
    /// group counts match the in-flight messages; pollers' batches within bounds.
    func checkInvariants() {
        var n = 0
        var prev: Int32 = -1
        var m = visibleHead
        while m >= 0 {
            let msg = book.messages[Int(m)]
            precondition(msg.inUse && !msg.inflight && msg.prev == prev && msg.queue == index, "queue \(index): visible message \(m) badly linked")
            n += 1
            precondition(n <= visible, "queue \(index): visible list longer than its count")
            prev = m
            m = msg.next
        }
        precondition(prev == visibleTail && n == visible, "queue \(index): visible count or tail")
        n = 0
        prev = -1
        m = inflightHead
        var perGroup = Array(repeating: Int32(0), count: groupInflight.count)
        while m >= 0 {
            let msg = book.messages[Int(m)]
            precondition(msg.inUse && msg.inflight && msg.tprev == prev, "queue \(index): in-flight message \(m) badly linked")
            if spec.type == .fifo { perGroup[Int(msg.group)] += 1 }
            n += 1
            precondition(n <= inflight, "queue \(index): in-flight list longer than its count")
            prev = m
            m = msg.tnext
        }
        precondition(prev == inflightTail && n == inflight, "queue \(index): in-flight count or tail")
        if spec.type == .fifo { precondition(perGroup == groupInflight, "queue \(index): FIFO in-flight counts per group") }
        for p in 0..<pollers.count {
            precondition(pollers[p].position <= pollers[p].batchCount && pollers[p].batchCount <= spec.batch,
                         "queue \(index): poller \(p) batch position")
        }
        precondition(waitingHead <= waiting.count, "queue \(index): waiting head beyond the list")
    }
}
#endif
