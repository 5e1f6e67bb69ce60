/// The answer a callee gives to a call, as the caller sees it.
public enum CallStatus: UInt8, Sendable {
    case pending
    case ok
    /// The connection was refused or reset (a dead process); an ALB turns it into a 502.
    case refused
    case serverError      // 500
    case badGateway       // 502
    case unavailable      // 503 (no registered target, breaker open)
    case gatewayTimeout   // 504
    case throttled        // 429
    /// The instance's waiting room was full (503).
    case rejected
    /// Nothing ever comes back (a powered-off zone, a partition): the caller's timeout decides.
    case noResponse
    /// A 4xx other than 429: the callee refuses this request for good (access denied, endpoint
    /// deleted). Only an `errors` fault with a 4xx `code` answers it.
    case clientError

    var isSuccess: Bool { self == .ok }

    /// Whether a caller that retries should try again: every failure but a client error (4xx
    /// other than 429). Amazon SNS: "all 5XX errors and 429 (too many requests sent) errors
    /// [are] retryable ... All other errors are considered as permanent failures"; a timeout or
    /// a connection failure is a failed attempt too.
    var isRetryable: Bool { self != .ok && self != .clientError }
}

/// Where a call is in its life.
enum CallPhase: UInt8 {
    case free
    /// On the wire towards the callee.
    case sent
    /// Waiting in an instance's queue.
    case queued
    /// Being served by a worker.
    case inService
    /// Served; the worker waits for a downstream call.
    case waitingChild
    /// A load balancer waits for its target.
    case forwarded
    /// The callee answered; the answer is on the wire.
    case replied
    /// The callee will never answer.
    case dropped
}

/// One synchronous request/response exchange on an edge of the topology.
///
/// Calls live in a slab (``Simulation/calls``) and are recycled through a free list, so the
/// number of slots follows the number of calls *in flight*, never the number of requests. Events
/// name a call by `(slot, gen)`; `gen` changes when the slot is freed, so an event about a call
/// that no longer exists is dropped.
struct Call {
    var gen: UInt32 = 0
    var phase: CallPhase = .free
    var status: CallStatus = .pending
    /// The caller is no longer waiting (its timeout fired, or it failed).
    var abandoned: Bool = false
    /// The component that serves the call.
    var callee: Int32 = -1
    /// Instance index (instances) or target index (ALB) chosen for it.
    var instance: Int32 = -1
    /// The call that made this one (-1: a client attempt).
    var parent: Int32 = -1
    var parentGen: UInt32 = 0
    /// The request (client attempt) the call belongs to.
    var request: Int32 = -1
    var user: Int32 = -1
    /// The child call this one waits for (-1 none).
    var child: Int32 = -1
    /// Zones of both ends, for the network delay of the answer (-1 regional).
    var callerZone: Int8 = -1
    var calleeZone: Int8 = -1
    /// Attempts made on the call's own downstream edge (a worker's retried `calls:`), and the
    /// quota tokens its last retry cost (refunded if that retry succeeds).
    var attempts: UInt8 = 0
    var retryCost: UInt8 = 0
    /// The component that made the call (-1 the client).
    var caller: Int32 = -1
    /// The logical request's start time (end-to-end latency of asynchronous work).
    var origin: SimTime = 0
    /// When the call entered its caller's timeout list.
    var sentAt: SimTime = 0
    /// Links of the callee-side list (an instance's queue or its in-service list).
    var prev: Int32 = -1
    var next: Int32 = -1
    /// Links of the caller-side timeout list.
    var tprev: Int32 = -1
    var tnext: Int32 = -1
    var timeoutList: Int32 = -1
}

/// What a timeout list guards, so that its timer knows what to do with an expired entry.
enum TimeoutOwner {
    /// Client attempts (entries are requests).
    case client
    /// A component's downstream calls (`timeout` of `calls:`; ALB idle timeout).
    case calls(component: Int32)
    /// A component's connection attempts to peers that do not answer: an expiry is a connect
    /// timeout (an ALB's targets in a zone without power).
    case connect(component: Int32)
}

/// A FIFO of entries that all expire `delay` after they were added, guarded by one timer.
///
/// Entries are appended in time order, so the oldest expires first: one pending event per list
/// replaces one event per entry, and a completed entry is unlinked in O(1). This keeps the event
/// list as small as the number of things that will really happen.
struct TimeoutList {
    var owner: TimeoutOwner
    var delay: SimTime
    /// Calls or requests (by ``TimeoutOwner``), oldest first.
    var entries = ListHead()
    /// The time the timer event is set for, or -1.
    var armedAt: SimTime = -1
}

