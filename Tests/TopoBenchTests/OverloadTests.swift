import Foundation
import Testing

@testable import TopoBench

/// Issue 15, points 1 and 2 (part): load-dependent service time and load shedding on an
/// instance (`slowdown`, `queue_discipline`, `queue_timeout`).
@Suite("Overload: slowdown, LIFO and queue timeouts")
struct OverloadTests {
    static func scenario(arrival: String, web: String, duration: String = "10s", timeout: String = "none") -> String {
        """
        name: overload
        duration: \(duration)
        warmup: 0s
        replications: 1
        seed: 9
        network: none
        workload:
          arrival: \(arrival)
          timeout: \(timeout)
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 1, \(web) }
        """
    }

    /// A request every 100 ms, 250 ms of service, 10 % more per other request in service: the
    /// first takes 250 ms, the second 275 ms, and from the third on two others are always in
    /// service, so each takes 300 ms.
    @Test func serviceTimeGrowsWithTheRequestsInService() throws {
        let arrival = "{ dist: constant, value: 100ms }"
        let slow = try ComponentBench.simulate(Self.scenario(arrival: arrival, web: "workers: 4, service: 250ms, slowdown: { per_busy: 10% }")).metrics
        #expect(slow.latencyMax == 300 * Time.millisecond, "slowest \(Time.seconds(slow.latencyMax)) s")
        let plain = try ComponentBench.simulate(Self.scenario(arrival: arrival, web: "workers: 4, service: 250ms")).metrics
        #expect(plain.latencyMax == 250 * Time.millisecond)
        #expect(try ComponentBench.scenarios(Self.scenario(arrival: arrival, web: "service: 1ms, slowdown: { per_busy: 0.1 }"))[0]
            .topologies[0].components.compactMap { $0.kind.spec as? InstancesSpec }.first?.slowdownPerBusy == 0.1)
    }

    /// M/M/1 at ρ = 0.8 (1 ms mean service): LIFO keeps the mean response time of FIFO, 5 ms (the
    /// discipline does not look at service times), and stretches the tail.
    @Test func lifoKeepsTheMeanAndStretchesTheTail() throws {
        let arrival = "{ dist: exponential, rate: 800/s }"
        func figures(_ discipline: String) throws -> (mean: Double, p99: Double) {
            let rs = try ComponentBench.run(Self.scenario(
                arrival: arrival, web: "workers: 1, service: { dist: exponential, mean: 1ms }, queue_discipline: \(discipline)", duration: "400s"))
            return (try ComponentBench.column(rs, "latency_mean_ms")[0], try ComponentBench.column(rs, "latency_p99_ms")[0])
        }
        let fifo = try figures("fifo"), lifo = try figures("lifo")
        #expect(abs(fifo.mean - 5) < 0.35, "FIFO mean \(fifo.mean) ms")
        #expect(abs(lifo.mean - 5) < 0.35, "LIFO mean \(lifo.mean) ms")
        // FIFO's p99 is ln(100) × 5 ms = 23 ms; LIFO's is far longer.
        #expect(abs(fifo.p99 - 23.0) < 2.5, "FIFO p99 \(fifo.p99) ms")
        #expect(lifo.p99 > 1.5 * fifo.p99, "LIFO p99 \(lifo.p99) ms")
    }

    /// Twice the capacity arrives (a request every 5 ms, 10 ms of service, one worker): with a
    /// 50 ms queue timeout no success waited more than 50 ms, and half the requests are served;
    /// without it the wait grows for the whole run.
    @Test func aQueueTimeoutShedsWhatWaitedTooLong() throws {
        let arrival = "{ dist: constant, value: 5ms }"
        let sim = try ComponentBench.simulate(Self.scenario(arrival: arrival, web: "workers: 1, service: 10ms, queue_timeout: 50ms"))
        let m = sim.metrics
        #expect(m.latencyMax <= 60 * Time.millisecond, "slowest success \(Time.seconds(m.latencyMax)) s")
        #expect(abs(Double(m.succeeded) / Double(m.offered) - 0.5) < 0.02, "\(m.succeeded) of \(m.offered)")
        #expect(try #require(sim.groups.first).shed == m.offered - m.succeeded - m.unfinished)
        let unbounded = try ComponentBench.simulate(Self.scenario(arrival: arrival, web: "workers: 1, service: 10ms")).metrics
        #expect(unbounded.latencyMax > 4 * Time.second)
    }

    /// Twice the capacity (8 workers × 20 ms = 400/s, 800/s offered) with a 200 ms client
    /// timeout: first in, first out and unbounded, every request waits past its timeout and the
    /// goodput falls to almost nothing; LIFO with a 100 ms queue timeout serves the newest, sheds
    /// the stale ones before any work, and keeps the goodput within 10 % of the capacity.
    @Test func lifoWithAQueueTimeoutKeepsGoodputUnderOverload() throws {
        let arrival = "{ dist: exponential, rate: 800/s }"
        let service = "workers: 8, service: { dist: exponential, mean: 20ms }"
        let fifo = try ComponentBench.simulate(Self.scenario(arrival: arrival, web: service, duration: "60s", timeout: "200ms")).metrics
        let lifo = try ComponentBench.simulate(Self.scenario(arrival: arrival, web: service + ", queue_discipline: lifo, queue_timeout: 100ms", duration: "60s", timeout: "200ms")).metrics
        #expect(Double(fifo.succeeded) / 60 < 0.1 * 400, "FIFO goodput \(Double(fifo.succeeded) / 60)/s")
        let goodput = Double(lifo.succeeded) / 60
        #expect(goodput > 0.9 * 400 && goodput <= 400 * 1.05, "LIFO goodput \(goodput)/s")
    }
}
