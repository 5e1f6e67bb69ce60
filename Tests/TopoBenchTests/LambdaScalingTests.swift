import Foundation
import Testing

@testable import TopoBench

// Lambda behind SQS and Lambda's execution environments, against AWS's documentation:
//
// - Lambda Developer Guide, "Configuring scaling behavior for SQS event source mappings": "Lambda
//   starts processing five batches at a time with five concurrent invocations of your function.
//   If messages are still available, Lambda increases the number of processes that are reading
//   batches by up to 300 more instances per minute. The maximum number of batches that an event
//   source mapping can process simultaneously is 1,000. When traffic is low, Lambda scales back
//   the processing to five concurrent batches". The model takes the 300 a minute as 5 more every
//   second (AwsDefaults.lambdaSqsScaleStep / lambdaSqsScaleInterval).
// - CloudFormation ScalingConfig: MaximumConcurrency 2–1000.
// - A cold start (`cold_start`) is paid by an invocation that finds no idle environment; an
//   environment idle for `keep_warm` is recycled (assumption: AWS does not document how long).
//
// `network: none` and constant times make every figure exact; each figure below is derived in
// its comment.

/// A queue `orders` preloaded by a burst (one message every microsecond for `burst`) and
/// consumed by the Lambda function `fn` (1 s per message, batches of 1, no cold start unless
/// `fn` says otherwise). Long polling, so that a message wakes a parked poller at once.
private func backlogScenario(
    burst: String = "100001us", fn: String = "", coldStart: String = "0s", queue: String = "", arrival: String? = nil
) -> String {
    """
    name: lambda_ramp
    duration: \(burst)
    warmup: 0s
    replications: 1
    seed: 5
    network: none
    workload:
      arrival: \(arrival ?? "{ dist: constant, value: 1us }")
      retry: none
    topologies:
      t:
        entry: orders
        components:
          orders: { kind: sqs, consumers: fn, wait: 20s\(queue) }
          fn: { kind: lambda, service: 1s, cold_start: \(coldStart)\(fn) }
    """
}

/// The event source mapping's concurrency: batches being processed now.
private func batchesInProcess(_ q: MessageQueue) -> Int {
    q.pollers.reduce(0) { $0 + ($1.state == .processing ? 1 : 0) }
}

@Suite("Lambda scaling behind SQS")
struct LambdaScalingTests {
    /// A backlog of 100,000 messages drains on the documented ramp. Tick k (k seconds after the
    /// first message) brings the concurrency to 5 + 5k, and every poller stays busy while the
    /// backlog lasts, so at k + 0.5 s exactly 5 + 5k batches are in process: the staircase
    /// under the line 5 + 300·t/60, never more than one step (5 batches) below it — the only
    /// tolerance, from taking 300 a minute as 5 a second. A poller started at tick j has
    /// deleted n − j messages by n + 0.5 s, so 5·n(n+1)/2 are deleted then (the integral of
    /// 5 + 5t, 5n + 2.5n², within 2 % at 60 s). By tick n, 2.5(n+1)(n+2) messages have been
    /// received: 99,500 at tick 198, when 995 batches run; the last 500 are received in the
    /// next second, so the drain ends between 199 and 200 s (the integral of the line gives
    /// 199 s) and the concurrency peaks at 995, under AWS's maximum of 1,000.
    @Test func aBacklogDrainsOnTheFivePlusThreeHundredAMinuteRamp() throws {
        let sim = try ComponentBench.make(backlogScenario())
        sim.testBegin()
        let q = sim.queues[0]
        #expect(q.pollers.count == 1000)
        #expect(q.activePollers == 5)
        var most = 0
        for n in [1, 10, 30, 60, 120, 180] {
            sim.testAdvance(to: .s(Double(n) + 0.5))
            let expected = 5 + 5 * n
            let line = 5 + 300 * (Double(n) + 0.5) / 60
            #expect(batchesInProcess(q) == expected, "at \(n).5 s")
            #expect(q.activePollers == expected, "at \(n).5 s")
            #expect(Double(batchesInProcess(q)) <= line && line - Double(batchesInProcess(q)) <= 5)
            #expect(sim.lambdas[0].busyEnvironments == expected)
            #expect(q.deleted == 5 * n * (n + 1) / 2, "deleted by \(n).5 s")
            if n == 60 {
                let integral = 5.0 * 60 + 2.5 * 3600
                #expect(abs(Double(q.deleted) - integral) / integral < 0.02)
            }
            most = max(most, q.activePollers)
        }
        // Past the last tick before the drain, every 0.5 s: at most 1,000 batches.
        var t = 180.5
        while q.visible > 0 || q.inflight > 0 {
            t += 0.5
            sim.testAdvance(to: .s(t))
            most = max(most, batchesInProcess(q))
        }
        #expect(q.sent == 100_000)
        #expect(q.deleted == 100_000)
        #expect(most == 995)
        #expect(t >= 199 && t <= 200.5, "drained by \(t) s")
        sim.testComplete()
    }

    /// With `maximum_concurrency: 50`, the same ramp stops at 50 batches (tick 9) and never goes
    /// above; 10,000 messages then drain at 50 a second: 275 received by tick 9 (225 deleted,
    /// 50 in process), 50 more at each tick from 10 to 203 (9,975), the last 25 at 204, done at
    /// 205 s.
    @Test func maximumConcurrencyCapsTheRamp() throws {
        let sim = try ComponentBench.make(backlogScenario(burst: "10001us", fn: ", maximum_concurrency: 50"))
        sim.testBegin()
        let q = sim.queues[0]
        #expect(q.pollers.count == 50)
        var most = 0, t = 0.0
        repeat {
            t += 0.25
            sim.testAdvance(to: .s(t))
            most = max(most, batchesInProcess(q), q.activePollers)
            if t == 3.5 { #expect(batchesInProcess(q) == 20) }
            if t == 9.5 || t == 100.5 { #expect(batchesInProcess(q) == 50) }
        } while q.visible > 0 || q.inflight > 0
        #expect(most == 50)
        #expect(q.deleted == 10_000)
        #expect(t >= 205 && t <= 205.5, "drained by \(t) s")
        sim.testComplete()
    }

    /// The mapping's ceiling is the least of maximum_concurrency, the function's concurrency and
    /// 1,000: a function of concurrency 3 starts at 3 batches and stays there; one of 200 stops
    /// at 200 (tick 39); without a maximum, a concurrency of 5,000 still stops at 1,000 (tick
    /// 199, with a backlog of 150,000 so that it lasts: 100,500 are received by then).
    @Test(arguments: [(", concurrency: 3", 3, 3, 20_000), (", concurrency: 200", 5, 200, 20_000),
                      (", concurrency: 5000", 5, 1000, 150_000), (", concurrency: 200, maximum_concurrency: 300", 5, 200, 20_000),
                      (", maximum_concurrency: 2", 2, 2, 20_000)])
    func theCeilingIsTheLeastOfTheLimits(_ fn: String, _ initial: Int, _ ceiling: Int, _ backlog: Int) throws {
        let sim = try ComponentBench.make(backlogScenario(burst: "\(backlog + 1)us", fn: fn))
        sim.testBegin()
        let q = sim.queues[0]
        #expect(q.pollers.count == ceiling)
        sim.testAdvance(to: .s(0.5))
        #expect(batchesInProcess(q) == initial)
        let reached = Double(max(0, ceiling - 5) / 5)
        sim.testAdvance(to: .s(reached - 0.5))
        #expect(batchesInProcess(q) == max(initial, ceiling - 5))
        for t in [reached + 0.5, reached + 10.5] {
            sim.testAdvance(to: .s(t))
            #expect(batchesInProcess(q) == ceiling, "at \(t) s")
        }
    }

    /// When the queue is empty the concurrency shrinks back to 5: the pollers that waited a
    /// whole second without a message stop. 2,000 messages drain by about 28 s (2.5(n+1)(n+2)
    /// ≥ 2,000 at n = 27); within 2 s of the drain only 5 pollers poll. The environments stay
    /// warm: a second burst at 60 s ramps from 5 again, and its first batches pay no cold start.
    @Test func concurrencyShrinksBackToFiveWhenTheQueueIsEmpty() throws {
        let arrival = "{ dist: exponential, rate: 20000/s, profile: { steps: [[0s, 1.0], [100ms, 0.0], [60s, 1.0], [60100ms, 0.0]] } }"
        let sim = try ComponentBench.make(backlogScenario(burst: "61s", coldStart: "1s", arrival: arrival))
        sim.testBegin()
        let q = sim.queues[0], fn = sim.lambdas[0]
        var t = 0.0
        repeat {
            t += 0.25
            sim.testAdvance(to: .s(t))
        } while q.visible > 0 || q.inflight > 0
        let drained = t
        #expect(drained > 25 && drained < 32, "drained by \(drained) s")
        let peak = q.activePollers
        #expect(peak > 100)
        sim.testAdvance(to: .s(drained + 2.25))
        #expect(q.activePollers == 5)
        #expect(batchesInProcess(q) == 0)
        sim.testAdvance(to: .s(59.9))
        #expect(q.activePollers == 5)
        #expect(fn.idleEnvironments >= peak - 5, "environments kept warm")
        let cold = fn.coldStarts
        for k in [0, 5, 10] {
            sim.testAdvance(to: .s(60 + Double(k) + 0.5))
            #expect(batchesInProcess(q) == 5 + 5 * k, "at \(60 + k).5 s")
        }
        #expect(fn.coldStarts == cold, "the second burst reuses the warm environments")
        sim.testComplete()
    }

    /// `pollers:` on the queue keeps its meaning from before: that many pollers poll from the
    /// start, without scaling (at most `maximum_concurrency`).
    @Test(arguments: [("", 20), (", maximum_concurrency: 10", 10)])
    func pollersOnTheQueueTurnTheRampOff(_ fn: String, _ batches: Int) throws {
        let sim = try ComponentBench.make(backlogScenario(burst: "10001us", fn: fn, queue: ", pollers: 20"))
        sim.testBegin()
        let q = sim.queues[0]
        for t in [0.5, 10.5, 60.5] {
            sim.testAdvance(to: .s(t))
            #expect(batchesInProcess(q) == batches, "at \(t) s")
        }
        #expect(q.scaling == nil)
    }
}

/// Sends to `entry` every `gap` for `duration`: `fn` directly (synchronous invocation), a topic
/// subscribed by `fn` (asynchronous), or a queue consumed by `fn` (event source mapping).
private func invocationScenario(entry: String, fn: String, gap: String, duration: String) -> String {
    """
    name: cold_start
    duration: \(duration)
    warmup: 0s
    replications: 1
    seed: 9
    network: none
    workload:
      arrival: { dist: constant, value: \(gap) }
      retry: none
    topologies:
      t:
        entry: \(entry)
        components:
          topic: { kind: sns, subscribers: [fn] }
          orders: { kind: sqs, consumers: fn, wait: 20s }
          fn: \(fn)
    """
}

@Suite("Lambda cold starts")
struct LambdaColdStartTests {
    /// One request every 2 s (9 in 20 s), 100 ms each, cold start 1 s: the first invocation
    /// needs a new environment and takes 1.1 s; the others find it idle and take 0.1 s — on
    /// every invocation path (exact: constant times, no network).
    @Test(arguments: ["fn", "topic", "orders"])
    func theFirstInvocationOfAnEnvironmentPaysTheColdStart(_ entry: String) throws {
        let sim = try ComponentBench.simulate(invocationScenario(
            entry: entry, fn: "{ kind: lambda, service: 100ms, cold_start: 1s }", gap: "2s", duration: "20s"))
        let fn = sim.lambdas[0]
        #expect(fn.coldStarts == 1)
        if entry == "fn" {
            #expect(sim.metrics.succeeded == 9)
            #expect(sim.metrics.latencyMax == SimTime.s(1.1))
            let total: SimTime = SimTime.s(1.1) + 8 * SimTime.s(0.1)
            #expect(sim.metrics.latencySum == Double(total))
        } else {
            #expect(sim.metrics.messagesProcessed == 9)
            let e2e = sim.metrics.e2e.histogram
            #expect(abs(Double(e2e.valueAtPercentile(100)) / 1e6 - 1.1) < 0.002)
            #expect(abs(Double(e2e.valueAtPercentile(50)) / 1e6 - 0.1) < 0.001)
        }
        #expect(fn.busyEnvironments == 0 && fn.idleEnvironments == 1)
    }

    /// Each new environment pays once. One request every 100 ms, 1.03 s each, cold start
    /// 450 ms: the first environment is free again at 0.1 + 1.48 = 1.58 s, so the requests of
    /// 0.1 s to 1.5 s (15) each need a new one and take 1.48 s; from 1.6 s on a request always
    /// finds an idle one (at most 11 are busy at 1.03 s × 10/s) and takes 1.03 s.
    @Test func everyNewEnvironmentPaysOnce() throws {
        let sim = try ComponentBench.simulate(invocationScenario(
            entry: "fn", fn: "{ kind: lambda, service: 1030ms, cold_start: 450ms }", gap: "100ms", duration: "10s"))
        let fn = sim.lambdas[0]
        #expect(sim.metrics.succeeded == 99)
        #expect(fn.coldStarts == 15)
        #expect(sim.metrics.latencyMax == SimTime.s(1.48))
        let total: SimTime = 15 * SimTime.s(1.48) + 84 * SimTime.s(1.03)
        #expect(sim.metrics.latencySum == Double(total))
        #expect(fn.idleEnvironments == 15)
    }

    /// An environment idle longer than `keep_warm` is recycled: with requests 2 s apart, each
    /// 1.1 s (cold) or 0.1 s (warm), an environment waits 0.9 s or 1.9 s for the next one. Kept
    /// 10 minutes, only the first is cold; kept 500 ms, all 9 are.
    @Test(arguments: [("10m", 1), ("500ms", 9)])
    func idleEnvironmentsAreRecycledAfterKeepWarm(_ keep: String, _ cold: Int) throws {
        let sim = try ComponentBench.simulate(invocationScenario(
            entry: "fn", fn: "{ kind: lambda, service: 100ms, cold_start: 1s, keep_warm: \(keep) }", gap: "2s", duration: "20s"))
        #expect(sim.lambdas[0].coldStarts == cold)
        #expect(sim.lambdas[0].recycled == cold - 1)
        let coldTotal: SimTime = SimTime(cold) * SimTime.s(1.1)
        let warmTotal: SimTime = SimTime(9 - cold) * SimTime.s(0.1)
        #expect(sim.metrics.latencySum == Double(coldTotal + warmTotal))
    }

    /// An SQS batch is one invocation: a batch of 10 pays one cold start, before its first
    /// message. 10 messages 1 µs apart, 100 ms each, cold start 1 s, batch 10, one poller
    /// (`pollers: 1`): the first message is received alone (the receive comes as it arrives),
    /// the next 9 in the second batch, which finds the environment warm: done at 1.1 s, then
    /// 1.2 to 2.0 s.
    @Test func anSQSBatchIsOneInvocation() throws {
        let yaml = invocationScenario(
            entry: "orders", fn: "{ kind: lambda, service: 100ms, cold_start: 1s }", gap: "1us", duration: "11us")
            .replacingOccurrences(of: "wait: 20s }", with: "wait: 20s, batch: 10, pollers: 1 }")
        let sim = try ComponentBench.simulate(yaml)
        #expect(sim.queues[0].deleted == 10)
        #expect(sim.lambdas[0].coldStarts == 1)
        #expect(abs(Double(sim.metrics.e2e.histogram.valueAtPercentile(100)) / 1e6 - 2.0) < 0.003)
    }

    /// The default cold start: lognormal, median 250 ms, sigma 0.7 (AwsDefaults.lambdaColdStart,
    /// an assumption from a third-party measurement). Its draws come from the function's own
    /// stream, `<function>.cold_start`.
    @Test func theDefaultColdStartIsDrawnFromItsOwnStream() throws {
        let yaml = invocationScenario(entry: "fn", fn: "{ kind: lambda, service: 100ms }", gap: "1ms", duration: "1s")
        let sim = try ComponentBench.make(yaml)
        let fn = sim.lambdas[0]
        #expect(fn.spec.keepWarm == 10 * Time.minute)
        guard case let .lognormal(mu, sigma) = fn.spec.coldStart.kind else {
            Issue.record("default cold start \(fn.spec.coldStart.kind)")
            return
        }
        #expect(abs(exp(mu) - 0.25) < 1e-12 && sigma == 0.7)
        let same = RandomStream(seed: sim.scenario.seed, replication: 1, name: "fn.cold_start")
        for _ in 0..<5 { #expect(fn.coldStartStream.uniform() == same.generator.uniform()) }
        // The median of many draws is 250 ms.
        var draws = (0..<20_001).map { _ in Double(fn.spec.coldStart.sampleNanoseconds(same.generator)) / 1e9 }
        draws.sort()
        #expect(abs(draws[10_000] - 0.25) < 0.01)
    }

    /// Same seed, same output, with the random default cold start on all three paths.
    @Test func theSameSeedGivesTheSameOutput() throws {
        let yaml = """
            name: lambda_paths
            duration: 120s
            replications: 2
            seed: 11
            workload:
              arrival: { dist: exponential, rate: 200/s }
            topologies:
              t:
                entry: api
                components:
                  api: { kind: api_gateway, target: fn }
                  fn: { kind: lambda, service: { dist: lognormal, median: 20ms, sigma: 0.5 }, concurrency: 50 }
              q:
                entry: orders
                components:
                  orders: { kind: sqs, consumers: fn, wait: 20s }
                  fn: { kind: lambda, service: { dist: exponential, mean: 200ms }, keep_warm: 5s }
              s:
                entry: topic
                components:
                  topic: { kind: sns, subscribers: [fn] }
                  fn: { kind: lambda, service: { dist: exponential, mean: 30ms }, concurrency: 20 }
            """
        let a = try ComponentBench.run(yaml), b = try ComponentBench.run(yaml)
        #expect(a.replications.rows == b.replications.rows)
        #expect(a.summary.rows == b.summary.rows)
        #expect(a.replications.rows.count == 6)
    }
}

@Suite("Lambda keys")
struct LambdaKeyTests {
    private func error(_ fn: String) -> ScenarioError? {
        do {
            _ = try ComponentBench.scenarios(backlogScenario(fn: fn).replacingOccurrences(of: ", cold_start: 0s", with: ""))
            return nil
        } catch let e as ScenarioError {
            return e
        } catch {
            return nil
        }
    }

    /// Out-of-range values are refused with the key path named: MaximumConcurrency is 2–1000,
    /// a cold start or keep_warm cannot be negative.
    @Test(arguments: [
        (", maximum_concurrency: 1", "maximum_concurrency"), (", maximum_concurrency: 1001", "maximum_concurrency"),
        (", cold_start: -1s", "cold_start"), (", cold_start: { dist: constant, value: -5ms }", "cold_start.value"),
        (", cold_start: { dist: lognormal, median: 0s, sigma: 0.7 }", "cold_start"), (", keep_warm: -1s", "keep_warm"),
        (", keep_warm: 2d", "keep_warm"), (", maximum_concurency: 5", "maximum_concurency"),
    ])
    func badValuesNameTheirKeyPath(_ fn: String, _ key: String) throws {
        let e = try #require(error(fn), "\(fn) was accepted")
        #expect(e.keyPath.hasPrefix("topologies.t.components.fn.\(key)"), "\(e.keyPath): \(e)")
    }

    @Test(arguments: [", maximum_concurrency: 2", ", maximum_concurrency: 1000", ", cold_start: 0s, keep_warm: 0s",
                      ", cold_start: { dist: uniform, min: 100ms, max: 1s }, keep_warm: 1d"])
    func valuesInRangeAreAccepted(_ fn: String) throws {
        #expect(error(fn) == nil)
    }

    /// Each key is declared with its default and where it comes from.
    @Test func theKeysAreDeclaredWithTheirSources() throws {
        for key in ["maximum_concurrency", "cold_start", "keep_warm"] {
            let k = try #require(MapDeclaration.lambda.key(key))
            #expect(k.defaultValue != nil && k.source?.resolves == true, "\(key)")
        }
        for key in ["lambda.sqs_scaling", "lambda.maximum_concurrency", "lambda.cold_start", "lambda.keep_warm"] {
            #expect(AwsDefaults.table.contains { $0.key == key }, "\(key)")
        }
    }
}

#if TOPOBENCH_INVARIANTS
/// The models' invariants (checked after every event in a debug build) hold while the mapping
/// scales up and down and environments are made, reused and recycled on every path.
@Suite struct LambdaInvariantTests {
    @Test func scalingAndEnvironmentsKeepTheTablesConsistent() throws {
        // 300 messages, drained by about 10 s; 300 more at 15 s, when the environments have
        // been idle for longer than keep_warm.
        let arrival = "{ dist: exponential, rate: 3000/s, profile: { steps: [[0s, 1.0], [100ms, 0.0], [15s, 1.0], [15100ms, 0.0]] } }"
        let sim = try ComponentBench.simulate(backlogScenario(
            burst: "16s", fn: ", keep_warm: 2s", coldStart: "{ dist: exponential, mean: 100ms }", arrival: arrival))
        #expect(sim.queues[0].deleted == sim.queues[0].sent)
        #expect(sim.lambdas[0].recycled > 0)
        let paths = try ComponentBench.simulate(invocationScenario(
            entry: "topic", fn: "{ kind: lambda, service: 30ms, keep_warm: 50ms, concurrency: 3 }", gap: "10ms", duration: "2s"))
        #expect(paths.lambdas[0].coldStarts > 1)
    }
}
#endif
