import Foundation

// What an SQS queue costs: the API requests its producers and consumers make.

extension MessageQueue {
    /// SQS bills "each 64 KB chunk of a payload" as one request ("Amazon SQS pricing").
    static let chunkBytes = 64 << 10

    /// Requests one SendMessage of a message of `workload.payload.request` bytes is billed.
    var requestsPerMessage: Int { max(1, (sim.scenario.workload.requestBytes + Self.chunkBytes - 1) / Self.chunkBytes) }

    /// Requests one ReceiveMessage that returns `n` messages is billed (the batch's payload in
    /// 64 KB chunks).
    func chunks(messages n: Int) -> Int {
        max(1, (n * sim.scenario.workload.requestBytes + Self.chunkBytes - 1) / Self.chunkBytes)
    }

    /// A parked poller is woken (or stopped): the empty receives it made since it was parked,
    /// one every `interval`, are counted, and those within the measured window billed.
    func countEmptyReceives(poller p: Int, every interval: SimTime) {
        emptyReceives += Int((sim.now - pollers[p].parkedAt) / interval)
        if sim.metrics.measuring { billedEmptyReceives += emptyReceivesInWindow(poller: p, every: interval, until: sim.now) }
    }

    /// The empty receives of poller `p`, parked since `parkedAt` and asking every `interval`,
    /// that fall within the measured window before `end`.
    func emptyReceivesInWindow(poller p: Int, every interval: SimTime, until end: SimTime) -> Int {
        let w = sim.measuredWindow
        let parked = pollers[p].parkedAt
        let from = max(parked, w.lowerBound), to = min(end, w.upperBound)
        guard to > from, interval > 0 else { return 0 }
        return Int((to - parked) / interval) - Int((from - parked) / interval)
    }

    /// The requests of the measured window, at the standard or FIFO price ("Amazon SQS
    /// pricing": every API action is a request, and "empty receives" are billed like others).
    ///
    /// The poll loop the model documents: a poller that finds the queue empty asks again at once
    /// with long polling (each empty receive lasts `wait`), and every receive round trip with
    /// short polling (at least 1 ms), so an idle queue costs pollers × window / wait requests
    /// with long polling and pollers × window / round trip with short polling. A batch is
    /// deleted with one DeleteMessageBatch. SNS's deliveries into the queue are not billed as
    /// SendMessage requests (deliveries from SNS to SQS are free, "Amazon SNS pricing").
    func bill(_ bill: inout Bill) {
        let n = billedRequests
        bill.charge(spec.type == .fifo ? "sqs.fifo" : "sqs.standard", Double(n.send + n.receive + n.empty + n.delete))
    }

    /// The requests by action (send, receive with messages, empty receive, delete), with the
    /// empty receives of the pollers still parked at the end, up to the end of the window.
    var billedRequests: (send: Int, receive: Int, empty: Int, delete: Int) {
        var empty = billedEmptyReceives
        for p in 0..<pollers.count where pollers[p].state == .waiting {
            let interval = spec.wait == 0 ? shortPollInterval(poller: p) : spec.wait
            empty += emptyReceivesInWindow(poller: p, every: interval, until: sim.measuredWindow.upperBound)
        }
        return (billedSends, billedReceives, empty, billedDeletes)
    }
}

extension MessageQueue {
    /// ApproximateNumberOfMessagesVisible, which target tracking on sqs_backlog_per_instance reads.
    var backlog: Int { visible }
}

extension QueueSpec {
    func priceKeys(in topology: Topology) -> [String] { [type == .fifo ? "sqs.fifo" : "sqs.standard"] }
}
