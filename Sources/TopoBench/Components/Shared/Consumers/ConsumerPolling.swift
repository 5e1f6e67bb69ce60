// How a kind consumes from a queue, shared by the queue (SQS) and its consumers (instances,
// Lambda), which is why it lives here and not in either's folder.

/// How a consumer polls a queue (``ComponentModel/consumerPolling(queueSetting:)``).
struct ConsumerPolling {
    /// Pollers per consumer instance.
    var pollers: Int
    /// How many of them poll at a time, when that varies (Lambda's event source mapping);
    /// nil: all of them, from the start.
    var scaling: PollerScaling? = nil
    /// Each received batch is one invocation of the consumer, whose start and end the queue
    /// reports (``ComponentModel/batchStarts(_:)``, ``ComponentModel/batchEnds(_:)``).
    var batchIsInvocation = false
}

/// Pollers that scale with the backlog, as Lambda's event source mapping for SQS does: `initial`
/// poll from the start; every `interval` while messages are visible, up to `step` more start
/// (up to all of them); while none are visible, those that have waited a whole `interval`
/// without a message stop (down to `initial`).
struct PollerScaling {
    var initial: Int
    var step: Int
    var interval: SimTime
}
