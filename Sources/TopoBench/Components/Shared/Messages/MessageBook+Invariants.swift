extension MessageBook {
    /// The free lists of messages and publishes hold free slots only, each once.
    func checkInvariants() {
        #if TOPOBENCH_INVARIANTS
        Simulation.checkFreeList(freeMessages, count: messages.count, "messages") { !messages[$0].inUse }
        var seen = Set<Int32>()
        for p in freePublish {
            precondition(p >= 0 && Int(p) < publishes.count && seen.insert(p).inserted, "publishes: bad free slot \(p)")
        }
        #endif
    }
}
