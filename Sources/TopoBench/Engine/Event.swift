/// Simulated time: an integer count of nanoseconds since the start of a replication.
///
/// `Int64` nanoseconds reach 292 years; the scenario loader refuses durations above
/// ``Units/maxDuration`` so that no clock arithmetic in a run can overflow.
public typealias SimTime = Int64

/// Conversions between simulated nanoseconds and the units people read.
public enum Time {
    public static let nanosecond: SimTime = 1
    public static let microsecond: SimTime = 1_000
    public static let millisecond: SimTime = 1_000_000
    public static let second: SimTime = 1_000_000_000
    public static let minute: SimTime = 60 * second
    public static let hour: SimTime = 60 * minute
    public static let day: SimTime = 24 * hour

    @inline(__always) public static func seconds(_ t: SimTime) -> Double { Double(t) / 1e9 }
    @inline(__always) public static func milliseconds(_ t: SimTime) -> Double { Double(t) / 1e6 }
    /// Seconds (a distribution draw) to nanoseconds, rounded and clamped to a quarter of the clock's
    /// range so that `now + delay` can never overflow.
    @inline(__always) public static func fromSeconds(_ s: Double) -> SimTime {
        let ns = (s * 1e9).rounded()
        if !(ns >= 0) { return 0 }  // also catches NaN
        if ns >= 2.0e18 { return 2_000_000_000_000_000_000 }
        return SimTime(ns)
    }
}

/// What an event does when it fires. One byte; the engine dispatches on it with a `switch`.
///
/// The engine knows no component kind: everything a component schedules for itself is a
/// ``component`` event, addressed to the component (`target`) with a code of the kind's own
/// (each kind names its codes in an enum, `ALBTimer`, `QueueTimer`, …).
public enum EventKind: UInt8, Sendable {
    /// The open-loop arrival process produces its next request.
    case arrival
    /// A closed-loop user finishes thinking and sends a request (`slot` = user).
    case userWake
    /// A client retry's back-off has elapsed (`slot` = request).
    case retry
    /// A call reaches its callee after the network hop (`slot` = call).
    case deliver
    /// A call's response reaches the caller after the network hop (`slot` = call).
    case respond
    /// The oldest entry of a timeout list is due (`slot` = list).
    case timeouts
    /// A component's own event (`target` = component, `code` = the kind's timer code).
    case component
    /// A fault begins (`slot` = fault index, `gen` = instance or -1 as a bit pattern).
    case faultStart
    /// A fault ends.
    case faultEnd
    /// The end of a time-series window.
    case windowTick
    /// The end of the warm-up period: statistics reset.
    case warmupEnd
}

/// One scheduled event: a small value type, 32 bytes, no references.
///
/// Events are ordered by `(time, seq)`: `seq` is the insertion counter, so ties at the same
/// nanosecond fire in the order they were scheduled, which makes every run reproducible.
public struct Event: Sendable {
    public var time: SimTime
    public var seq: UInt64
    public var kind: EventKind
    /// For a ``EventKind/component`` event, the kind's own timer code.
    public var code: UInt8
    /// The component the event is for (its index in the topology), or -1.
    public var target: Int32
    /// An entity slot: a call, a request, a user, a fault, a target.
    public var slot: Int32
    /// The generation of the slot when scheduled: a stale event (the slot was reused or the
    /// work was cancelled) is recognised and dropped when it fires.
    public var gen: UInt32

    @inlinable @inline(__always)
    public init(time: SimTime, seq: UInt64, kind: EventKind, code: UInt8 = 0, target: Int32, slot: Int32, gen: UInt32) {
        self.time = time
        self.seq = seq
        self.kind = kind
        self.code = code
        self.target = target
        self.slot = slot
        self.gen = gen
    }

    /// The ordering key `(time, seq)` as one 128-bit integer: one branch-free comparison
    /// instead of two data-dependent branches (times are never negative).
    @inlinable @inline(__always)
    var key: UInt128 { UInt128(UInt64(bitPattern: time)) << 64 | UInt128(seq) }

    @inlinable @inline(__always)
    static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.key < b.key
    }
}
