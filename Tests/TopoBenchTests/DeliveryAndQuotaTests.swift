import Foundation
import Testing

@testable import TopoBench

// Issue 12, point 7: SNS subscriptions (dead-letter queue, retryable failures, jitter, SQS
// deliveries under the managed policy), SQS FIFO quotas per API action, API Gateway's account
// bucket, target tracking's alarms, and Memcached's remapping. Each test asserts the documented
// figure. `network: none` and constant times make the counts exact.

private func scenario(
    _ components: String, entry: String, arrival: String, duration: String, faults: String = "[]",
    workload: String = ""
) -> String {
    """
    name: point7
    duration: \(duration)
    replications: 1
    seed: 5
    network: none
    workload:
      arrival: \(arrival)
      retry: none
    \(workload)
    faults: \(faults)
    topologies:
      t:
        entry: \(entry)
        components:
    \(components)
    """
}

private func maxEndToEnd(_ sim: Simulation) -> Double {
    Double(sim.metrics.e2e.histogram.valueAtPercentile(100)) / 1e6
}

@Suite("SNS subscriptions")
struct SNSSubscriptionTests {
    /// A topic `events` with one SQS subscriber `billing` (consumed by `backend`), published to
    /// once at 100 s; `billing` answers every delivery with `code` from 99 s for `length`.
    func queueSubscription(code: Int, length: String, subscription: String = "billing") throws -> Simulation {
        try ComponentBench.simulate(scenario(
            """
                  events: { kind: sns, subscribers: [\(subscription)] }
                  billing: { kind: sqs, consumers: backend, wait: 20s }
                  backend: { kind: instances, count: 1, zones: [a], workers: 1, service: 10ms }
                  dlq: { kind: sqs }
            """, entry: "events", arrival: "{ dist: constant, value: 100s }", duration: "101s",
            faults: "[{ kind: errors, target: billing, at: 99s, duration: \(length), probability: 1, code: \(code) }]"))
    }

    /// SNS → SQS follows the AWS-managed policy and meets the queue's faults: a queue failing
    /// every delivery with 500 for 60 s gets the message at the first attempt after it is back
    /// (3 immediate retries, 2 one second apart, then the backoff phase); nothing is lost.
    @Test func sqsDeliveryIsRetriedUnderTheManagedPolicyUntilTheQueueIsBack() throws {
        let sim = try queueSubscription(code: 500, length: "60s")
        let t = sim.topics[0]
        #expect(t.queueDelivered == 1 && t.queueGivenUp == 0)
        #expect(sim.metrics.messagesProcessed == 1 && sim.metrics.messagesLost == 0)
        // Back at 159 s; the next attempt is at most 20 s later (backoff or post-backoff phase).
        let e2e = maxEndToEnd(sim)
        #expect(e2e >= 59 && e2e <= 80, "\(e2e)")
        // At least the 3 immediate and 2 pre-backoff retries, and some of the backoff phase.
        #expect(t.queueRetries >= 8, "\(t.queueRetries)")
    }

    /// The managed policy lasts 23 days (100,015 attempts): a queue failing for 10 minutes
    /// still gets the message, within 20 s of being back.
    @Test func managedPolicyOutlastsATenMinuteQueueOutage() throws {
        let sim = try queueSubscription(code: 503, length: "600s")
        #expect(sim.topics[0].queueDelivered == 1)
        #expect(sim.metrics.messagesLost == 0)
        let e2e = maxEndToEnd(sim)
        #expect(e2e >= 599 && e2e <= 620, "\(e2e)")
    }

    /// Only retryable failures are retried: a 4xx (here 403, a queue policy that denies SNS) is
    /// a permanent failure, given up at the first attempt, and goes to the subscription's
    /// dead-letter queue (or is discarded without one). A 429 is retried like a 5xx.
    @Test(arguments: [(403, true, 0), (403, false, 0), (429, true, 1)])
    func clientErrorsAreNotRetried(_ code: Int, _ withDLQ: Bool, _ delivered: Int) throws {
        let sim = try queueSubscription(
            code: code, length: "5s", subscription: withDLQ ? "{ target: billing, dead_letter: dlq }" : "billing")
        let t = sim.topics[0]
        #expect(t.queueDelivered == delivered)
        if delivered == 0 {
            #expect(t.queueRetries == 0)
            #expect(t.queueGivenUp == 1)
            #expect(sim.metrics.messagesLost == 1)
            #expect(sim.metrics.messagesDeadLettered == (withDLQ ? 1 : 0))
            // Kept in the dead-letter queue, not in the subscribed one.
            #expect(sim.queues[1].sent == (withDLQ ? 1 : 0))
            #expect(sim.queues[0].sent == 0)
        } else {
            #expect(t.queueRetries > 0)
            #expect(sim.metrics.messagesLost == 0)
        }
    }

    /// A partition between topic and queue: each attempt fails after SNS's 15 s request timeout,
    /// and the message gets through once the partition is over.
    @Test func partitionedQueueGetsTheMessageAfterThePartition() throws {
        let sim = try ComponentBench.simulate(scenario(
            """
                  events: { kind: sns, subscribers: [billing] }
                  billing: { kind: sqs, consumers: backend, wait: 20s }
                  backend: { kind: instances, count: 1, zones: [a], workers: 1, service: 10ms }
            """, entry: "events", arrival: "{ dist: constant, value: 100s }", duration: "101s",
            faults: "[{ kind: partition, target: events, peer: billing, at: 99s, duration: 120s }]"))
        #expect(sim.topics[0].queueDelivered == 1)
        #expect(maxEndToEnd(sim) >= 119)
    }

    /// "Amazon SNS applies jittering to delivery retries": each delay of the managed policy's
    /// backoff phase (10 retries, exponential from 1 s to 20 s) is drawn with equal jitter, in
    /// [max(1 s, d/2), d] around d, 0.75 d on average; the other phases are not jittered.
    @Test func backoffPhaseIsJittered() throws {
        let p = AwsDefaults.snsManagedPolicy
        let stream = RandomStream(seed: 1, replication: 1, name: "jitter-test")
        var ratios: [Double] = []
        for _ in 0..<200 {
            for retry in 1...(p.totalAttempts - 1) where retry <= 15 {
                let d = p.delay(beforeRetry: retry, jitter: stream.generator)
                if retry <= 3 { #expect(d == 0) } else if retry <= 5 { #expect(d == Time.second) } else {
                    let r = retry - 5
                    let full = 1e9 * pow(20.0, Double(r - 1) / 9)
                    #expect(Double(d) <= full + 1 && Double(d) >= max(1e9, full / 2) - 1)
                    ratios.append(Double(d) / full)
                }
            }
        }
        let mean = ratios.reduce(0, +) / Double(ratios.count)
        #expect(mean > 0.72 && mean < 0.80, "\(mean)")
        #expect(p.delay(beforeRetry: 16, jitter: stream.generator) == 20 * Time.second)
        // The HTTP/S default (20 s, linear) has nothing to jitter.
        #expect(AwsDefaults.snsHTTPPolicy.delay(beforeRetry: 2, jitter: stream.generator) == 20 * Time.second)
    }

    /// A subscription's own `retry_policy` (HTTP/S only) replaces the endpoint's: one retry
    /// instead of the default three, for an endpoint down for two minutes.
    @Test func subscriptionRetryPolicyOverridesTheEndpoints() throws {
        for (subscription, retries) in [("partner", 3), ("{ target: partner, retry_policy: { num_retries: 1 } }", 1)] {
            let sim = try ComponentBench.simulate(scenario(
                """
                      events: { kind: sns, subscribers: [\(subscription)] }
                      partner: { kind: http_endpoint, target: papi }
                      papi: { kind: instances, count: 1, zones: [a], workers: 2, service: 10ms }
                """, entry: "events", arrival: "{ dist: constant, value: 100s }", duration: "101s",
                faults: "[{ kind: crash, target: papi, at: 99s, recover_after: 120s }]"))
            #expect(sim.endpoints[0].retried == retries)
            #expect(sim.metrics.messagesLost == 1)
        }
    }

    /// `retry_policy` on an SQS subscription is refused: SNS's managed policy cannot be changed.
    @Test func retryPolicyOnAnSQSSubscriptionIsRefused() throws {
        let yaml = scenario(
            """
                  events: { kind: sns, subscribers: [{ target: billing, retry_policy: managed }] }
                  billing: { kind: sqs }
            """, entry: "events", arrival: "{ dist: constant, value: 1s }", duration: "10s")
        #expect(throws: ScenarioError.self) { try ComponentBench.scenarios(yaml) }
    }
}

@Suite("SQS FIFO quotas")
struct FIFOQuotaTests {
    /// High-throughput mode raises the per-action quota to 70,000 calls/s (us-east-1): 600
    /// sends a second, throttled past 300/s without it, all go through.
    @Test(arguments: [(false, 3300), (true, 5999)])
    func highThroughputRaisesTheSendQuota(_ high: Bool, _ accepted: Int) throws {
        let sim = try ComponentBench.simulate(scenario(
            "      orders: { kind: sqs, type: fifo, high_throughput: \(high) }", entry: "orders",
            arrival: "{ dist: constant, rate: 600/s }", duration: "10s"))
        #expect(sim.metrics.offered == 5999)
        #expect(abs(sim.metrics.succeeded - accepted) <= 2, "\(sim.metrics.succeeded)")
        #expect(sim.queues[0].throttledSends == sim.metrics.offered - sim.metrics.succeeded)
    }

    /// ReceiveMessage and DeleteMessage have their own quotas, counted in calls: 300 a second.
    /// 10 s of messages at 2,900/s (29,000, through SNS, whose deliveries are not SendMessage
    /// calls): with receives of 1 message the backlog drains at 300 messages/s, so the last
    /// is processed about (29,000 − 300) / 300 ≈ 96 s after the start; with batches of 10 the
    /// quota is 3,000 messages/s, above the arrivals, and no message waits.
    @Test(arguments: [(1, 94.0, 99.0), (10, 0.0, 1.0)])
    func receiveAndDeleteQuotasAreCountedInCalls(_ batch: Int, _ low: Double, _ high: Double) throws {
        let sim = try ComponentBench.simulate(scenario(
            """
                  events: { kind: sns, subscribers: [orders] }
                  orders: { kind: sqs, type: fifo, message_groups: 1000, consumers: backend, wait: 20s, batch: \(batch) }
                  backend: { kind: instances, count: 1, zones: [a], workers: 200, service: 1ms }
            """, entry: "events", arrival: "{ dist: constant, rate: 2900/s }", duration: "10s"))
        let q = sim.queues[0]
        #expect(sim.metrics.messagesProcessed == 28_999)
        if batch == 1 {
            // The last message (published just before 10 s) waits for the backlog.
            let lastDone = maxEndToEnd(sim) + 10
            #expect(lastDone >= low && lastDone <= high, "\(lastDone)")
            #expect(q.throttledReceives > 0)
        } else {
            // (Long-polling pollers woken one message at a time still meet the quota now and
            // then: those receives back off 100 ms at most.)
            #expect(maxEndToEnd(sim) <= high, "\(maxEndToEnd(sim))")
        }
    }
}

@Suite("API Gateway account bucket")
struct APIGatewayAccountTests {
    /// Every gateway of a topology takes from the account's bucket (10,000 requests/s, burst
    /// 5,000): two gateways in a row, each with stage limits of 8,000/s, pass at most
    /// 5,000 + 10,000/s × 10 s requests between them, though each alone would pass its 6,000/s.
    @Test func gatewaysShareTheAccountBucket() throws {
        let sim = try ComponentBench.simulate(scenario(
            """
                  edge: { kind: api_gateway, target: web, rate: 8000/s, burst: 8000 }
                  web: { kind: instances, count: 1, zones: [a], workers: 256, queue: 10000, service: 1ms, calls: inner }
                  inner: { kind: api_gateway, target: fn, rate: 8000/s, burst: 8000 }
                  fn: { kind: lambda, service: 1ms, concurrency: 1000, cold_start: 0s }
            """, entry: "edge", arrival: "{ dist: constant, rate: 6000/s }", duration: "10s"))
        let passed = sim.gateways.map(\.passed).reduce(0, +)
        // 59,999 requests offered, each needing two tokens: 120,000 wanted, 105,000 at most.
        #expect(passed <= 105_001 && passed >= 104_000, "\(passed)")
        #expect(sim.metrics.throttled > 7_000, "\(sim.metrics.throttled)")
    }

    /// The stage limits still apply on top: a stage of 100/s passes 100 a second (and its
    /// burst) of 300 offered, far under the account's 10,000.
    @Test func stageLimitsApplyOnTop() throws {
        let sim = try ComponentBench.simulate(scenario(
            """
                  edge: { kind: api_gateway, target: fn, rate: 100/s, burst: 100 }
                  fn: { kind: lambda, service: 1ms, concurrency: 1000, cold_start: 0s }
            """, entry: "edge", arrival: "{ dist: constant, rate: 300/s }", duration: "10s"))
        #expect(abs(sim.gateways[0].passed - 1100) <= 2, "\(sim.gateways[0].passed)")
    }
}

@Suite("Target tracking alarms")
struct TargetTrackingAlarmTests {
    /// A group `backend` of `count` instances under target tracking (target 50 %).
    func group(count: Int, arrival: String, duration: String) -> String {
        scenario(
            """
                  backend: { kind: instances, count: \(count), zones: [a], workers: 4, queue: 100000, service: 100ms }
                  asg: { kind: autoscaling, group: backend, min: 1, max: 8, grace: 0s, launch: { dist: constant, value: 60s },
                         target_tracking: { metric: cpu, target: 50, warmup: 0s } }
            """, entry: "backend", arrival: arrival, duration: duration)
    }

    /// The scale-out alarm needs 3 one-minute data points above the target: an overloaded group
    /// launches its first new instance at 180 s, not at the first data point (60 s), so it is
    /// in service at 240 s (launch time 60 s).
    @Test func scaleOutWaitsForThreeDataPoints() throws {
        let sim = try ComponentBench.simulate(group(count: 1, arrival: "{ dist: constant, rate: 100/s }", duration: "200s"))
        let s = sim.scalers[0]
        #expect(s.launchedAt.count > 1)
        #expect(s.launchedAt.dropFirst().min() == 240 * Time.second)
    }

    /// The scale-in alarm needs 15 one-minute data points under 90 % of the target: an idle
    /// group of 4 removes its first instance at 900 s, one a minute after that.
    @Test func scaleInWaitsForFifteenDataPointsClearlyBelowTarget() throws {
        let sim = try ComponentBench.simulate(group(count: 4, arrival: "{ dist: constant, value: 100s }", duration: "1000s"))
        let s = sim.scalers[0]
        #expect(s.firstScaleInAt == 900 * Time.second)
        #expect(s.scaleIns == 2)
    }
}

@Suite("Memcached remapping")
struct MemcachedRemapTests {
    /// Two Memcached nodes, node 0 down from 100 s to 200 s; 10 users, 10 requests a second.
    /// `next_node`: the client sends node 0's keys to node 1, so no request fails, and node 0's
    /// users (5) log in again twice, when it dies and when it is back. `none`: their requests
    /// fail while it is down (about half of 1,000), and they log in again once.
    @Test(arguments: [("next_node", 10), ("none", 5)])
    func remapIsTheClientsChoice(_ remap: String, _ sessionsLost: Int) throws {
        let sim = try ComponentBench.simulate(scenario(
            """
                  web: { kind: instances, count: 1, zones: [a], workers: 8, service: 1ms, sessions: cache }
                  cache: { kind: session_store, engine: memcached, nodes: 2, zones: [a], remap: \(remap) }
            """, entry: "web", arrival: "{ dist: constant, rate: 10/s }", duration: "300s",
            faults: "[{ kind: crash, target: cache, instance: 0, at: 100s, recover_after: 100s }]",
            workload: "  users: 10"))
        #expect(sim.metrics.sessionsLost == sessionsLost)
        if remap == "none" {
            #expect(sim.metrics.serverErrors > 400 && sim.metrics.serverErrors < 600, "\(sim.metrics.serverErrors)")
        } else {
            #expect(sim.metrics.serverErrors == 0)
        }
    }

    /// `remap` is Memcached's: refused for Redis.
    @Test func remapIsRefusedForRedis() throws {
        let yaml = scenario(
            """
                  web: { kind: instances, count: 1, zones: [a], workers: 8, service: 1ms, sessions: cache }
                  cache: { kind: session_store, engine: redis, remap: none }
            """, entry: "web", arrival: "{ dist: constant, rate: 10/s }", duration: "10s")
        #expect(throws: ScenarioError.self) { try ComponentBench.scenarios(yaml) }
    }
}
