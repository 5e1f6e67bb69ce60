/// The future-event list: a 4-ary min-heap of ``Event`` keyed by `(time, seq)`.
///
/// A d-ary heap with d = 4 halves the depth of a binary heap and keeps the four children of a
/// node in one or two cache lines, which is what matters once the list holds 10⁵ pending events
/// (Larkin, Sen and Tarjan, "A Back-to-Basics Empirical Study of Priority Queues", ALENEX 2014).
/// Storage is one manually managed buffer that only grows, so scheduling and popping never
/// allocate once the list has reached its working size; memory follows the number of *pending*
/// events, never the simulated duration.
///
/// Besides the heap, one event may wait in a *side slot* (``scheduleAside(at:_:target:slot:gen:)``):
/// the open-loop client's next arrival, of which there is exactly one at any time. It takes its
/// sequence number like any other event and `pop` compares it with the heap's top by the same
/// `(time, seq)` key, so the order of events is exactly what it would be in the heap, while the
/// most frequent event of an open workload costs no heap operation.
///
/// - Complexity: `schedule` and `pop` are O(log₄ n); `scheduleAside` is O(1).
public struct EventQueue {
    @usableFromInline var storage: UnsafeMutablePointer<Event>
    @usableFromInline var capacity: Int
    @usableFromInline var count_: Int = 0
    @usableFromInline var nextSeq: UInt64 = 0
    @usableFromInline var aside = Event(time: 0, seq: 0, kind: .arrival, target: -1, slot: -1, gen: 0)
    @usableFromInline var hasAside = false

    public init(capacity: Int = 1024) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    /// Frees the buffer; the queue must not be used afterwards. (A struct cannot have a deinit,
    /// and the owner, ``Simulation``, is a class that calls this once.)
    public mutating func deallocate() {
        storage.deallocate()
        capacity = 0
        count_ = 0
    }

    public var count: Int { count_ + (hasAside ? 1 : 0) }
    @inlinable public var isEmpty: Bool { count_ == 0 && !hasAside }
    /// The number of events ever scheduled (the next sequence number).
    public var scheduledTotal: UInt64 { nextSeq }

    /// The time of the earliest pending event, if any.
    @inlinable public var nextTime: SimTime? {
        if hasAside && (count_ == 0 || aside.key < storage[0].key) { return aside.time }
        return count_ > 0 ? storage[0].time : nil
    }

    /// Puts an event in the side slot, which must be empty; it fires in the same order as if
    /// it had been scheduled with ``schedule(at:_:target:slot:gen:)``.
    @inlinable @inline(__always)
    public mutating func scheduleAside(
        at time: SimTime, _ kind: EventKind, target: Int32 = -1, slot: Int32 = -1, gen: UInt32 = 0
    ) {
        precondition(!hasAside, "the side slot holds an event already")
        aside = Event(time: time, seq: nextSeq, kind: kind, target: target, slot: slot, gen: gen)
        nextSeq &+= 1
        hasAside = true
    }

    /// Adds an event at `time`; ties fire in scheduling order.
    @inlinable @inline(__always)
    public mutating func schedule(
        at time: SimTime, _ kind: EventKind, code: UInt8 = 0, target: Int32 = -1, slot: Int32 = -1, gen: UInt32 = 0
    ) {
        if count_ == capacity { grow() }
        let e = Event(time: time, seq: nextSeq, kind: kind, code: code, target: target, slot: slot, gen: gen)
        nextSeq &+= 1
        siftUp(e, from: count_)
        count_ += 1
    }

    /// Removes and returns the earliest event. The queue must not be empty.
    @inlinable @inline(__always)
    public mutating func pop() -> Event {
        if hasAside && (count_ == 0 || aside.key < storage[0].key) {
            hasAside = false
            return aside
        }
        let top = storage[0]
        count_ -= 1
        if count_ > 0 {
            let last = storage[count_]
            siftDownFromRoot(last)
        }
        return top
    }

    @usableFromInline
    mutating func grow() {
        let newCapacity = capacity * 2
        let newStorage = UnsafeMutablePointer<Event>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count_)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    @inlinable @inline(__always)
    mutating func siftUp(_ e: Event, from index: Int) {
        var i = index
        let key = e.key
        while i > 0 {
            let parent = (i - 1) >> 2
            if !(key < storage[parent].key) { break }
            storage[i] = storage[parent]
            i = parent
        }
        storage[i] = e
    }

    /// Refills the root's hole with `e` (the former last element) as Floyd's bottom-up variant
    /// does: the hole first descends to a leaf along the smallest children, without comparing
    /// with `e` (a late event, which belongs near the bottom), then `e` climbs back up the few
    /// levels it needs. Fewer comparisons and fewer mispredicted branches than the plain descent.
    @inlinable @inline(__always)
    mutating func siftDownFromRoot(_ e: Event) {
        var i = 0
        let n = count_
        while true {
            let first = (i << 2) + 1
            var best: Int
            if first + 3 < n {
                let k0 = storage[first].key, k1 = storage[first + 1].key
                let k2 = storage[first + 2].key, k3 = storage[first + 3].key
                let a = k1 < k0 ? first + 1 : first
                let ka = k1 < k0 ? k1 : k0
                let b = k3 < k2 ? first + 3 : first + 2
                let kb = k3 < k2 ? k3 : k2
                best = kb < ka ? b : a
            } else {
                if first >= n { break }
                best = first
                var bestKey = storage[first].key
                var c = first + 1
                while c < n {
                    let k = storage[c].key
                    if k < bestKey {
                        best = c
                        bestKey = k
                    }
                    c += 1
                }
            }
            storage[i] = storage[best]
            i = best
        }
        siftUp(e, from: i)
    }
}
