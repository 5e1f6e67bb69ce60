#if TOPOBENCH_INVARIANTS
extension InstanceGroup {
    /// Each instance's waiting room and in-service list: linked both ways, of the length they
    /// count (in service = busy workers), holding calls to this group in the right phase.
    func checkInvariants() {
        precondition(work.count == fleet_.count, "\(index): \(work.count) work slots for \(fleet_.count) instances")
        for k in 0..<fleet_.count {
            var n: Int32 = 0
            var prev: Int32 = -1
            var c = work[k].queueHead
            while c >= 0 {
                let call = sim.calls[Int(c)]
                precondition(call.phase == .queued && call.prev == prev && call.callee == index && call.instance == Int32(k),
                             "group \(index) instance \(k): queued call \(c) badly linked")
                n += 1
                precondition(n <= work[k].queueLength, "group \(index) instance \(k): queue longer than its length")
                prev = c
                c = call.next
            }
            precondition(prev == work[k].queueTail && n == work[k].queueLength, "group \(index) instance \(k): queue length or tail")
            n = 0
            prev = -1
            c = work[k].serviceHead
            while c >= 0 {
                let call = sim.calls[Int(c)]
                precondition((call.phase == .inService || call.phase == .waitingChild) && call.prev == prev,
                             "group \(index) instance \(k): call \(c) in service badly linked")
                n += 1
                precondition(n <= fleet_.members[k].busy, "group \(index) instance \(k): more in service than busy")
                prev = c
                c = call.next
            }
            precondition(n == fleet_.members[k].busy, "group \(index) instance \(k): \(n) in service, busy \(fleet_.members[k].busy)")
            precondition(fleet_.members[k].busy <= Int32(spec.workers), "group \(index) instance \(k): busy beyond its workers")
        }
    }
}
#endif
