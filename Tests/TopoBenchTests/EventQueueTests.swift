import Testing

@testable import TopoBench

/// The event list against a plain reference: every pop must return the pending event with the
/// smallest (time, scheduling order), ties included, whatever mix of heap and side-slot events.
@Suite("EventQueue")
struct EventQueueTests {
    struct Pending: Equatable {
        var time: SimTime
        var order: Int
        var slot: Int32
    }

    /// Random interleavings of schedule, scheduleAside and pop, with many equal times.
    @Test("pops in (time, scheduling order), with and without the side slot",
          arguments: [(UInt32(1), 4), (2, 40), (3, 400), (4, 4_000)])
    func matchesReference(seed: UInt32, spread: Int) {
        let stream = RandomStream(derivedSeed: seed, name: "events")
        var queue = EventQueue(capacity: 16)
        defer { queue.deallocate() }
        var reference: [Pending] = []
        var now: SimTime = 0
        var order = 0
        var mismatches = 0
        var asidePending = false
        for step in 0..<60_000 {
            let action = stream.uniformInt(10)
            if action < 5 || reference.isEmpty {
                // Coarse times so that ties are frequent.
                let t = now + SimTime(stream.uniformInt(spread))
                let slot = Int32(truncatingIfNeeded: step)
                if action == 0 && !asidePending {
                    queue.scheduleAside(at: t, .arrival, slot: slot)
                    asidePending = true
                } else {
                    queue.schedule(at: t, .deliver, slot: slot)
                }
                reference.append(Pending(time: t, order: order, slot: slot))
                order += 1
            } else {
                let i = reference.indices.min { (reference[$0].time, reference[$0].order) < (reference[$1].time, reference[$1].order) }!
                let expected = reference.remove(at: i)
                let e = queue.pop()
                if e.time != expected.time || e.slot != expected.slot { mismatches += 1 }
                if e.kind == .arrival { asidePending = false }
                now = e.time
            }
            if queue.count != reference.count { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(queue.scheduledTotal == UInt64(order))
    }

    @Test("the side slot holds one event at a time; nextTime sees it")
    func sideSlot() {
        var queue = EventQueue()
        defer { queue.deallocate() }
        queue.schedule(at: 50, .deliver)
        queue.scheduleAside(at: 20, .arrival)
        #expect(queue.nextTime == 20)
        #expect(queue.count == 2)
        #expect(queue.pop().kind == .arrival)
        #expect(queue.nextTime == 50)
        queue.scheduleAside(at: 50, .arrival)  // same time, scheduled later: fires second
        #expect(queue.pop().kind == .deliver)
        #expect(queue.pop().kind == .arrival)
        #expect(queue.isEmpty)
    }
}
