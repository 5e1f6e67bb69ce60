extension MessageBook {
    /// The free lists of messages and publishes hold free slots only, each once, and every
    /// free slot.
    func checkInvariants() {
        #if TOPOBENCH_INVARIANTS
        Simulation.checkFreeList(freeMessages, count: messages.count, "messages") { !messages[$0].inUse }
        // A publish is free once every copy is resolved.
        Simulation.checkFreeList(freePublish, count: publishes.count, "publishes") { publishes[$0].remaining <= 0 }
        #endif
    }
}
