#if TOPOBENCH_INVARIANTS
extension InstanceGroup {
    /// Each instance's waiting room and in-service list: linked both ways, of the length they
    /// count (in service = busy workers), holding calls to this group in the right phase.
    func checkInvariants() {
        precondition(work.count == fleet_.count, "\(index): \(work.count) work slots for \(fleet_.count) instances")
        for k in 0..<fleet_.count {
            work[k].queue.check(in: sim.calls, CalleeLinks.self, "group \(index) instance \(k) queue") { c in
                let call = sim.calls[Int(c)]
                return call.phase == .queued && call.callee == index && call.instance == Int32(k)
            }
            work[k].service.check(in: sim.calls, CalleeLinks.self, "group \(index) instance \(k) in service") { c in
                sim.calls[Int(c)].phase == .inService || sim.calls[Int(c)].phase == .waitingChild
            }
            precondition(work[k].service.count == Int(fleet_.members[k].busy),
                         "group \(index) instance \(k): \(work[k].service.count) in service, busy \(fleet_.members[k].busy)")
            precondition(fleet_.members[k].busy <= Int32(spec.workers), "group \(index) instance \(k): busy beyond its workers")
        }
    }
}
#endif
