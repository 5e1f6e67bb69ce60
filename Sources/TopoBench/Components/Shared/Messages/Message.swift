/// One message in flight through SQS, SNS or Lambda's asynchronous queue.
///
/// Messages live in a slab recycled through a free list, like calls: memory follows the backlog,
/// not the simulated duration.
struct Message {
    var gen: UInt32 = 0
    var inUse = false
    var counted = false
    var processed = false
    var inflight = false
    /// The work of its last receive failed (a failed call, an error, a zombie consumer): its
    /// next receive repeats nothing and is not a duplicate.
    var workFailed = false
    /// The client request's start (end-to-end latency).
    var origin: SimTime = 0
    var enqueuedAt: SimTime = 0
    var receivedAt: SimTime = 0
    /// Receives so far (SQS `ApproximateReceiveCount`); delivery attempts for SNS endpoints.
    var receiveCount: Int32 = 0
    /// Bumped on every receive: a delete with an older receipt handle does not delete.
    var receipt: UInt32 = 0
    /// The queue (component) that stores it, -1 none.
    var queue: Int32 = -1
    var group: Int32 = 0
    var next: Int32 = -1
    var prev: Int32 = -1
    var tnext: Int32 = -1
    var tprev: Int32 = -1
    /// The SNS publish this message is a copy of (-1: none).
    var publish: Int32 = -1
    /// The dead-letter queue (an `sqs` component) of its SNS subscription, -1 none: a delivery
    /// that gives up is moved there (still counted lost: the work behind it was not done).
    var deadLetterQueue: Int32 = -1
    /// While an SNS topic retries a delivery to an SQS subscriber itself: that queue (-1 none).
    var deliverTo: Int32 = -1
    /// Its SNS subscription's own delivery policy (``MessageBook/policies``), -1: the endpoint's.
    var policy: Int32 = -1
}

/// One SNS publish: its copies still unresolved and the latest end of processing among them, so
/// that the end-to-end latency of a fan-out is the maximum over its subscribers.
struct Publish {
    var remaining: Int32 = 0
    var latest: SimTime = 0
    var origin: SimTime = 0
    var counted = false
    var anyProcessed = false
}

/// A message's links in a queue's visible list, or in a Lambda function's asynchronous backlog.
enum MessageLinks: ListLinks {
    @inline(__always) static func prev(_ n: Message) -> Int32 { n.prev }
    @inline(__always) static func next(_ n: Message) -> Int32 { n.next }
    @inline(__always) static func setPrev(_ n: inout Message, _ v: Int32) { n.prev = v }
    @inline(__always) static func setNext(_ n: inout Message, _ v: Int32) { n.next = v }
}

/// A message's links in a queue's in-flight list (received, within its visibility timeout).
enum InflightLinks: ListLinks {
    @inline(__always) static func prev(_ n: Message) -> Int32 { n.tprev }
    @inline(__always) static func next(_ n: Message) -> Int32 { n.tnext }
    @inline(__always) static func setPrev(_ n: inout Message, _ v: Int32) { n.tprev = v }
    @inline(__always) static func setNext(_ n: inout Message, _ v: Int32) { n.tnext = v }
}
