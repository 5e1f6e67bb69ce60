#if TOPOBENCH_INVARIANTS
extension MessageQueue {
    /// The visible and in-flight lists: linked both ways, of the length they count, their
    /// messages in use, in this queue, and flagged in flight only in the in-flight list; FIFO
    /// group counts match the in-flight messages; pollers' batches within bounds.
    func checkInvariants() {
        visibleList.check(in: book.messages, MessageLinks.self, "queue \(index) visible") { m in
            book.messages[Int(m)].inUse && !book.messages[Int(m)].inflight && book.messages[Int(m)].queue == index
        }
        var perGroup = Array(repeating: Int32(0), count: groupInflight.count)
        inflightList.check(in: book.messages, InflightLinks.self, "queue \(index) in flight") { m in
            if spec.type == .fifo { perGroup[Int(book.messages[Int(m)].group)] += 1 }
            return book.messages[Int(m)].inUse && book.messages[Int(m)].inflight
        }
        if spec.type == .fifo { precondition(perGroup == groupInflight, "queue \(index): FIFO in-flight counts per group") }
        for p in 0..<pollers.count {
            precondition(pollers[p].position <= pollers[p].batchCount && pollers[p].batchCount <= spec.batch,
                         "queue \(index): poller \(p) batch position")
        }
        precondition(waitingHead <= waiting.count, "queue \(index): waiting head beyond the list")
        // The pollers that poll are counted; only a scaling consumer's are ever off, and at
        // least its initial number poll.
        var off = 0
        for p in 0..<pollers.count where pollers[p].state == .off { off += 1 }
        precondition(activePollers == pollers.count - off, "queue \(index): \(activePollers) pollers counted on, \(pollers.count - off) are")
        if let s = scaling {
            precondition(activePollers >= min(s.initial, pollers.count), "queue \(index): fewer pollers than the initial \(s.initial)")
        } else {
            precondition(off == 0, "queue \(index): \(off) pollers off for a consumer that does not scale")
        }
    }
}
#endif
