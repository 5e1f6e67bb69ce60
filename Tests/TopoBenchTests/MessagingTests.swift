import Foundation
import Testing

@testable import TopoBench

// Amazon SQS and Amazon SNS against their documented behaviour (AWS_SEMANTICS.md §2, §3). The
// client sends straight to the queue or topic (SendMessage / Publish); `network: none` and
// constant times make every count exact.

/// A queue `orders` consumed by `backend` (one instance, one worker unless said otherwise).
private func queueScenario(
    queue: String, arrival: String, duration: String, faults: String = "[]",
    consumer: String = "{ kind: instances, count: 1, zones: [a], workers: 1, service: 10ms }",
    workload: String = "retry: none", network: String = "none"
) -> String {
    """
    name: sqs
    duration: \(duration)
    replications: 1
    seed: 3
    network: \(network)
    workload:
      arrival: \(arrival)
      \(workload)
    faults: \(faults)
    topologies:
      sqs:
        entry: orders
        components:
          orders: { kind: sqs\(queue) }
          backend: \(consumer)
    """
}

/// The largest end-to-end latency recorded, in seconds.
private func maxEndToEnd(_ sim: Simulation) -> Double {
    Double(sim.metrics.e2e.histogram.valueAtPercentile(100)) / 1e6
}

@Suite("SQS")
struct QueueTests {
    /// A consumer that dies while it holds a message never deletes it: the message comes back
    /// when its visibility timeout (30 s from the receive) expires and is processed a second
    /// time. Messages at 100, 200 and 300 s; the consumer dies at 105 s for 5 s.
    @Test(arguments: [(true, 1), (false, 0)])
    func consumerDyingMidMessageCausesOneDuplicate(_ crash: Bool, _ duplicates: Int) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", consumers: backend, wait: 20s", arrival: "{ dist: constant, value: 100s }", duration: "350s",
            faults: crash ? "[{ kind: crash, target: backend, at: 105s, recover_after: 5s }]" : "[]",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 1, service: 10s }"))
        #expect(sim.metrics.duplicates == duplicates)
        #expect(sim.metrics.messagesProcessed == 3)
        #expect(sim.metrics.messagesLost == 0)
        #expect(sim.queues[0].received == 3 + duplicates)
        // Redelivered at 130 s, done at 140 s: 40 s end to end instead of 10 s.
        #expect(abs(maxEndToEnd(sim) - (crash ? 40 : 10)) < 0.05)
    }

    /// Work longer than the visibility timeout: the message is received again every time the
    /// timeout expires, until its receive count reaches `max_receive_count` and the redrive
    /// policy moves it to the dead-letter queue.
    @Test func visibilityTimeoutShorterThanTheWorkRedelivers() throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", consumers: backend, wait: 20s, visibility_timeout: 30s, max_receive_count: 3",
            arrival: "{ dist: constant, value: 100s }", duration: "150s",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 1, service: 40s }"))
        #expect(sim.queues[0].received == 3)
        #expect(sim.metrics.duplicates == 2)
        #expect(sim.queues[0].deadLettered == 1)
        #expect(sim.metrics.messagesLost == 1)
    }

    /// A consumer that fails every message (a zombie) never deletes it: each message is
    /// received `max_receive_count` times (5), then dead-lettered and counted lost. None of
    /// those receives is a duplicate: the work failed every time, so nothing was done twice.
    @Test func poisonMessagesEndInTheDeadLetterQueue() throws {
        let yaml = queueScenario(
            queue: ", consumers: backend, wait: 20s, max_receive_count: 5", arrival: "{ dist: constant, value: 100s }",
            duration: "550s", faults: "[{ kind: zombie, target: backend, at: 0s }]",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 1, service: 1s }")
        let sim = try ComponentBench.simulate(yaml)
        // The same figures in replications.csv.
        let rs = try ComponentBench.run(yaml)
        #expect(try ComponentBench.column(rs, "duplicates") == [0])
        #expect(try ComponentBench.column(rs, "messages_lost") == [5])
        #expect(sim.queues[0].sent == 5)
        #expect(sim.queues[0].received == 25)
        #expect(sim.metrics.duplicates == 0)
        #expect(sim.queues[0].deadLettered == 5)
        #expect(sim.metrics.messagesLost == 5)
        #expect(sim.metrics.messagesProcessed == 0)
    }

    /// Messages older than the retention period (here the minimum, 60 s) are deleted. The
    /// consumers are down from 0 to 150.5 s while a message arrives every second (1…99 s):
    /// those sent up to 90 s expire, the 9 others are processed. If the consumers never come
    /// back, the replication ends at 100 s with the 40 messages sent up to 40 s expired (even
    /// though no consumer polled to find them) and 59 still stored.
    @Test(arguments: [(", recover_after: 150.5s", 90, 9, 0), ("", 40, 0, 59)])
    func messagesPastTheRetentionPeriodAreLost(_ recovery: String, _ lost: Int, _ processed: Int, _ stored: Int) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", consumers: backend, wait: 20s, retention: 60s", arrival: "{ dist: constant, value: 1s }", duration: "100s",
            faults: "[{ kind: crash, target: backend, at: 0s\(recovery) }]"))
        #expect(sim.queues[0].sent == 99)
        #expect(sim.metrics.messagesLost == lost)
        #expect(sim.queues[0].expired == lost)
        #expect(sim.metrics.messagesProcessed == processed)
        #expect(sim.queues[0].visible == stored)
    }

    /// Long polling (`wait` up to 20 s) waits for a message, so an idle consumer makes no empty
    /// receive while messages come every 10 s; short polling (`wait: 0`, the default) asks again
    /// every round trip and piles up empty receives (`NumberOfEmptyReceives`).
    @Test func longPollingAvoidsEmptyReceives() throws {
        func run(_ wait: String) throws -> Simulation {
            try ComponentBench.simulate(queueScenario(
                queue: ", consumers: backend\(wait)", arrival: "{ dist: constant, value: 10s }", duration: "100s"))
        }
        let long = try run(", wait: 20s"), short = try run("")
        #expect(long.queues[0].emptyReceives == 0)
        #expect(short.queues[0].emptyReceives > 80_000, "\(short.queues[0].emptyReceives)")
        #expect(long.metrics.messagesProcessed == 9 && short.metrics.messagesProcessed == 9)
        // A long poll returns as soon as a message arrives: end to end is the service time.
        #expect(abs(maxEndToEnd(long) - 0.010) < 0.0001)
        #expect(maxEndToEnd(short) >= maxEndToEnd(long))
    }

    /// ReceiveMessage returns up to `batch` messages, all invisible from the receive on: with
    /// 10 messages of 4 s each in one batch, the last three are still unprocessed when the
    /// 30 s visibility timeout expires, so they are delivered again. One at a time, never.
    @Test(arguments: [(10, 3), (1, 0)])
    func batchReceiveSharesOneVisibilityTimeout(_ batch: Int, _ duplicates: Int) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", consumers: backend, wait: 20s, batch: \(batch)", arrival: "{ dist: constant, value: 1s }",
            duration: "10500ms", faults: "[{ kind: crash, target: backend, at: 0s, recover_after: 20s }]",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 1, service: 4s }"))
        #expect(sim.queues[0].sent == 10)
        #expect(sim.metrics.duplicates == duplicates)
        #expect(sim.metrics.messagesProcessed == 10)
        #expect(sim.queues[0].deleted == 10)
    }

    /// A FIFO queue hands out the messages of one message group one at a time, in order: with
    /// one group, four consumers work like one.
    @Test(arguments: [("fifo", 23.0), ("standard", 8.3)])
    func fifoProcessesOneGroupAtATime(_ type: String, _ lastEndToEnd: Double) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", type: \(type), message_groups: 1, consumers: backend, wait: 20s", arrival: "{ dist: constant, value: 100ms }",
            duration: "2050ms", faults: "[{ kind: crash, target: backend, at: 0s, recover_after: 5s }]",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 4, service: 1s }"))
        #expect(sim.metrics.messagesProcessed == 20)
        #expect(abs(maxEndToEnd(sim) - lastEndToEnd) < 0.05, "\(maxEndToEnd(sim))")
    }

    /// "Amazon SQS first attempts to return as many messages with the same message group ID as
    /// possible": a receive of up to 10 from a FIFO queue with one group returns 10 messages of
    /// it, in order. With a 1 s receive round trip and 1 s of work per message, 20 messages
    /// take 2 receives (done at 27 s) instead of 20 (done at 45 s).
    @Test(arguments: [(10, 25.0), (1, 43.0)])
    func fifoBatchReturnsSeveralMessagesOfOneGroup(_ batch: Int, _ lastEndToEnd: Double) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", type: fifo, message_groups: 1, consumers: backend, wait: 20s, batch: \(batch)",
            arrival: "{ dist: constant, value: 100ms }", duration: "2050ms",
            faults: "[{ kind: crash, target: backend, at: 0s, recover_after: 5s }]",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 1, service: 1s }",
            network: "{ intra_zone: 500ms, cross_zone: 500ms }"))
        #expect(sim.metrics.messagesProcessed == 20)
        #expect(sim.metrics.duplicates == 0)
        #expect(abs(maxEndToEnd(sim) - lastEndToEnd) < 0.05, "\(maxEndToEnd(sim))")
    }

    /// In a FIFO queue a message whose consumer died blocks its group until it is redelivered:
    /// the next message of the group waits for it. A standard queue gives the next message to
    /// another consumer at once, out of order.
    @Test(arguments: ["fifo", "standard"])
    func fifoKeepsGroupOrderAcrossARedelivery(_ type: String) throws {
        // Messages at 25, 50, 75, 100 s; instance 0 takes the first and dies at 30 s.
        let yaml = queueScenario(
            queue: ", type: \(type), message_groups: 1, consumers: backend, wait: 20s", arrival: "{ dist: constant, value: 25s }",
            duration: "101s", faults: "[{ kind: crash, target: backend, instance: 0, at: 30s, recover_after: 5s }]",
            consumer: "{ kind: instances, count: 2, zones: [a, b], workers: 1, service: 10s }")
        let sim = try ComponentBench.make(yaml)
        sim.testBegin()
        sim.testAdvance(to: .s(64.9))
        // FIFO: the first message comes back at 55 s (done at 65 s); the second waits.
        // Standard: the second message is done at 60 s, before the first.
        #expect(sim.metrics.messagesProcessed == (type == "fifo" ? 0 : 1))
        sim.testAdvance(to: .s(65.1))
        #expect(sim.metrics.messagesProcessed == (type == "fifo" ? 1 : 2))
        sim.testComplete()
        #expect(sim.metrics.messagesProcessed == 4)
        #expect(sim.metrics.duplicates == 1)
    }

    /// A SendMessage the client retried (its acknowledgement came after the client's 1 s
    /// timeout) is deduplicated by a FIFO queue within 5 minutes; a standard queue stores every
    /// copy. Each of the 9 requests makes 3 attempts.
    @Test(arguments: [("fifo", 9), ("standard", 27)])
    func fifoDeduplicatesRetriedSends(_ type: String, _ stored: Int) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", type: \(type), consumers: backend, wait: 20s", arrival: "{ dist: constant, value: 10s }", duration: "100s",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 10, service: 10ms }",
            workload: "timeout: 1s\n  retry: { max_attempts: 3, quota: false }",
            network: "{ intra_zone: 600ms, cross_zone: 600ms }"))
        #expect(sim.metrics.offered == 9)
        #expect(sim.metrics.timeouts == 9)
        #expect(sim.queues[0].sent == stored)
        #expect(sim.metrics.messagesProcessed == stored)
    }

    /// A FIFO queue accepts 300 sends per second without batching; beyond that SendMessage is
    /// throttled. 600/s for 10 s: 5,999 sends, of which 300/s (and one second's worth at the
    /// start) are accepted.
    @Test func fifoThroughputLimitThrottles() throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", type: fifo", arrival: "{ dist: constant, rate: 600/s }", duration: "10s"))
        #expect(sim.metrics.offered == 5999)
        #expect(abs(sim.metrics.succeeded - 3300) <= 2, "\(sim.metrics.succeeded)")
        #expect(sim.metrics.throttled == sim.metrics.offered - sim.metrics.succeeded)
        #expect(sim.queues[0].sent == sim.metrics.succeeded)
    }

    /// No more than `inflight_limit` messages are in flight at once: with a limit of 2, ten
    /// consumers take 2 messages at a time (10 s each), so the 20th finishes 100 s after start.
    @Test(arguments: [(", inflight_limit: 2", 103.1), ("", 23.9)])
    func inflightLimitCapsConcurrentReceives(_ limit: String, _ lastEndToEnd: Double) throws {
        let sim = try ComponentBench.simulate(queueScenario(
            queue: ", consumers: backend, wait: 20s\(limit)", arrival: "{ dist: constant, value: 100ms }", duration: "2050ms",
            faults: "[{ kind: crash, target: backend, at: 0s, recover_after: 5s }]",
            consumer: "{ kind: instances, count: 1, zones: [a], workers: 10, service: 10s }"))
        #expect(sim.metrics.messagesProcessed == 20)
        #expect(abs(maxEndToEnd(sim) - lastEndToEnd) < 0.05, "\(maxEndToEnd(sim))")
    }
}

/// A topic `events` published to by the client.
private func topicScenario(subscribers: String, components: String, arrival: String, duration: String, faults: String = "[]", topicExtra: String = "") -> String {
    """
    name: sns
    duration: \(duration)
    replications: 1
    seed: 3
    network: none
    workload:
      arrival: \(arrival)
      retry: none
    faults: \(faults)
    topologies:
      sns:
        entry: events
        components:
          events: { kind: sns, subscribers: \(subscribers)\(topicExtra) }
    \(components)
    """
}

@Suite("SNS")
struct TopicTests {
    /// Without a filter policy every subscription receives every message: each SQS subscriber's
    /// consumers and the Lambda subscriber process all 99 messages. (No cold start, so that the
    /// slowest subscriber takes exactly 50 ms.)
    @Test func fanOutReachesEverySubscriber() throws {
        let yaml = topicScenario(
            subscribers: "[billing, shipping, audit]",
            components: """
                      billing: { kind: sqs, consumers: b1, wait: 20s }
                      shipping: { kind: sqs, consumers: b2, wait: 20s }
                      audit: { kind: lambda, service: 50ms, concurrency: 10, cold_start: 0s }
                      b1: { kind: instances, count: 1, zones: [a], workers: 2, service: 10ms }
                      b2: { kind: instances, count: 1, zones: [a], workers: 2, service: 20ms }
                """,
            arrival: "{ dist: constant, value: 1s }", duration: "100s")
        let sim = try ComponentBench.simulate(yaml)
        #expect(sim.topics[0].published == 99)
        #expect(sim.metrics.duplicates == 0)
        #expect(sim.queues.map(\.deleted) == [99, 99])
        #expect(sim.metrics.messagesProcessed == 3 * 99)
        #expect(sim.metrics.messagesLost == 0)
        // End to end is the slowest subscriber's work, as replications.csv reports it.
        #expect(abs(maxEndToEnd(sim) - 0.050) < 0.001)
        let rs = try ComponentBench.run(yaml)
        #expect(try abs(ComponentBench.column(rs, "e2e_p99_ms")[0] - 50) < 0.1)
        #expect(try ComponentBench.column(rs, "messages_lost") == [0])
    }

    /// Stream independence: whether a consumer's work on a message fails is drawn from the
    /// queue's own stream (`<queue>.consumers`), so a second queue consumed by the same group
    /// does not shift the first queue's draws. With an `errors` fault on the consumers for the
    /// whole run, every processing draws once, and the first queue's receives (deliveries plus
    /// redeliveries of failed work) depend on its stream alone.
    @Test func aSecondQueueOnTheSameConsumersLeavesTheFirstQueuesFailuresAlone() throws {
        func billingReceives(subscribers: String, shipping: String) throws -> (received: Int, deleted: Int) {
            let sim = try ComponentBench.simulate(topicScenario(
                subscribers: subscribers,
                components: """
                          billing: { kind: sqs, consumers: backend, wait: 20s, visibility_timeout: 5s }
                    \(shipping)
                          backend: { kind: instances, count: 1, zones: [a], workers: 4, service: 10ms }
                    """,
                arrival: "{ dist: constant, value: 1s }", duration: "200s",
                faults: "[{ kind: errors, target: backend, at: 0s, duration: 1000s, probability: 0.4 }]"))
            return (sim.queues[0].received, sim.queues[0].deleted)
        }
        let alone = try billingReceives(subscribers: "[billing]", shipping: "")
        let shared = try billingReceives(
            subscribers: "[billing, shipping]",
            shipping: "      shipping: { kind: sqs, consumers: backend, wait: 20s, visibility_timeout: 5s }")
        // About 0.4 / 0.6 of the work is redone: far more receives than messages.
        #expect(alone.received > alone.deleted + 60)
        #expect(shared.received == alone.received)
        #expect(shared.deleted == alone.deleted)
    }

    /// The default HTTP/S delivery policy: the first attempt and up to 3 retries, 20 s apart.
    /// The endpoint is down from 99 s for `down`; the message is published at 100 s, so
    /// attempts are at 100, 120, 140 and 160 s: an endpoint back by 160 s gets it, a later one
    /// never does and the message is lost (dead-lettered when the subscription has a DLQ).
    @Test(arguments: [("30s", 2, true), ("55s", 3, true), ("65s", 3, false), ("120s", 3, false)])
    func httpDefaultPolicyGivesUpAfterThreeRetries(_ down: String, _ retries: Int, _ delivered: Bool) throws {
        for dlq in [false, true] {
            let sim = try ComponentBench.simulate(topicScenario(
                subscribers: dlq ? "[{ target: partner, dead_letter: dlq }]" : "[partner]",
                components: """
                          partner: { kind: http_endpoint, target: papi, retry_policy: aws_default }
                          papi: { kind: instances, count: 1, zones: [a], workers: 2, service: 10ms }
                          dlq: { kind: sqs }
                    """,
                arrival: "{ dist: constant, value: 100s }", duration: "101s",
                faults: "[{ kind: crash, target: papi, at: 99s, recover_after: \(down) }]"))
            let e = sim.endpoints[0]
            #expect(e.retried == retries)
            #expect(e.delivered == (delivered ? 1 : 0))
            #expect(sim.metrics.messagesLost == (delivered ? 0 : 1))
            #expect(e.deadLettered == (dlq && !delivered ? 1 : 0))
            #expect(sim.metrics.messagesDeadLettered == (dlq && !delivered ? 1 : 0))
            // The dead letter is kept in the subscription's queue.
            #expect(sim.queues[0].sent == (dlq && !delivered ? 1 : 0))
            if delivered { #expect(abs(maxEndToEnd(sim) - Double(20 * retries)) < 0.05) }
        }
    }

    /// An asynchronously invoked Lambda function (an SNS subscriber) whose invocation fails is
    /// retried twice, 1 minute and then 2 minutes later, then the event is discarded. The
    /// function fails from 100 s for `failing`; the message is published at 100 s (no cold start,
    /// so that each attempt takes exactly 10 ms).
    @Test(arguments: [("90s", true), ("200s", false)])
    func lambdaRetriesAnAsynchronousEventTwice(_ failing: String, _ processed: Bool) throws {
        let sim = try ComponentBench.simulate(topicScenario(
            subscribers: "[audit]",
            components: "      audit: { kind: lambda, service: 10ms, concurrency: 10, cold_start: 0s }",
            arrival: "{ dist: constant, value: 100s }", duration: "101s",
            faults: "[{ kind: errors, target: audit, at: 100s, duration: \(failing), probability: 1 }]"))
        #expect(sim.lambdas[0].asyncProcessed == (processed ? 1 : 0))
        #expect(sim.metrics.messagesLost == (processed ? 0 : 1))
        // Attempts at 100, 160 and 280 s (each 10 ms long).
        if processed { #expect(abs(maxEndToEnd(sim) - 180.03) < 0.01, "\(maxEndToEnd(sim))") }
    }

    /// The AWS-managed policy (for SQS and Lambda endpoints, here asked for explicitly) keeps
    /// retrying for 23 days: an endpoint down for 10 minutes gets the message at most 20 s
    /// after it is back (post-backoff phase, 20 s apart).
    @Test func managedPolicyOutlastsALongOutage() throws {
        let sim = try ComponentBench.simulate(topicScenario(
            subscribers: "[partner]",
            components: """
                      partner: { kind: http_endpoint, target: papi, retry_policy: managed }
                      papi: { kind: instances, count: 1, zones: [a], workers: 2, service: 10ms }
                """,
            arrival: "{ dist: constant, value: 100s }", duration: "101s",
            faults: "[{ kind: crash, target: papi, at: 99s, recover_after: 600s }]"))
        #expect(sim.endpoints[0].delivered == 1)
        #expect(sim.metrics.messagesLost == 0)
        let e2e = maxEndToEnd(sim)
        #expect(e2e >= 599 && e2e <= 620, "\(e2e)")
        // 3 immediate, 2 pre-backoff, 10 backoff (1 → 20 s, 68 s in all), then one every 20 s.
        #expect(sim.endpoints[0].retried >= 40 && sim.endpoints[0].retried <= 44, "\(sim.endpoints[0].retried)")
    }
}
