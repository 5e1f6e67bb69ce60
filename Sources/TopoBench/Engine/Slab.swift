/// A growable buffer of elements with in-place access and no copy-on-write.
///
/// The event loop mutates its tables (calls, requests, instances, timeout lists) millions of
/// times a second; a Swift array checks that its storage is uniquely referenced on every
/// mutation. A `Slab` is a plain pointer, count and capacity: element access goes through
/// addressors straight to memory. It has reference semantics on purpose — copies share storage —
/// and its owner (``Simulation``) frees it once with ``deallocate()``.
///
/// - Complexity: access O(1); `append` amortized O(1).
public struct Slab<Element>: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    @usableFromInline var base: UnsafeMutablePointer<Element>
    @usableFromInline var count_: Int
    @usableFromInline var capacity: Int

    @inlinable public init(capacity: Int = 16) {
        self.capacity = Swift.max(1, capacity)
        base = .allocate(capacity: self.capacity)
        count_ = 0
    }

    @inlinable public init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        base.initialize(repeating: value, count: count)
        count_ = count
    }

    @inlinable public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }

    @inlinable public init<S: Sequence>(_ elements: S) where S.Element == Element {
        self.init(capacity: 16)
        for e in elements { append(e) }
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count_ }
    @inlinable public var count: Int { count_ }

    @inlinable public subscript(i: Int) -> Element {
        unsafeAddress { UnsafePointer(base + i) }
        nonmutating unsafeMutableAddress { base + i }
    }

    @inlinable @inline(__always) public mutating func append(_ e: Element) {
        if count_ == capacity { grow() }
        (base + count_).initialize(to: e)
        count_ += 1
    }

    /// Doubles the capacity (kept out of line: it runs a few times per simulation).
    @usableFromInline @inline(never) mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count_)
        base.deallocate()
        base = bigger
        capacity *= 2
    }

    /// Removes and returns the last element, or nil when empty.
    @inlinable public mutating func popLast() -> Element? {
        guard count_ > 0 else { return nil }
        count_ -= 1
        return (base + count_).move()
    }

    /// A slot for a new entity: the last one freed (from `free`, a free list of this slab's
    /// indices), or a new one at the end, initialised to `blank`. The caller fills it.
    @inlinable @inline(__always)
    public mutating func acquire(from free: inout Slab<Int32>, blank: @autoclosure () -> Element) -> Int32 {
        if let slot = free.popLast() { return slot }
        append(blank())
        return Int32(count_ - 1)
    }

    /// Removes the first `k` elements, moving the others to the front (O(count)).
    public mutating func removeFirst(_ k: Int) {
        precondition(k >= 0 && k <= count_, "removeFirst beyond the end")
        base.deinitialize(count: k)
        base.moveInitialize(from: base + k, count: count_ - k)
        count_ -= k
    }

    /// Frees the storage (every copy of this slab becomes invalid).
    public mutating func deallocate() {
        base.deinitialize(count: count_)
        base.deallocate()
        count_ = 0
        capacity = 0
    }
}
