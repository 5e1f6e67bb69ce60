import Foundation
import Testing

@testable import TopoBench

/// Issue 13, point 3: a queue's consumers query the database for each message. When the
/// database fails over, their calls fail; the messages stay in flight and are received again
/// after the visibility timeout, so the retry runs in the background and the users see nothing.
@Suite("SQS consumers that call a database")
struct ConsumerCallTests {
    static let yaml = """
        name: cc
        duration: 10m
        window: 10s
        replications: 1
        network: none
        workload: { arrival: { dist: exponential, rate: 50/s }, timeout: 5s }
        faults:
          - { kind: failover, target: db, at: 2m }
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 1, workers: 8, service: 1ms, calls: orders }
              orders: { kind: sqs, consumers: backend, wait: 20s, batch: 10, visibility_timeout: 30s }
              backend: { kind: instances, count: 2, workers: 4, service: 2ms, calls: db, timeout: 2s }
              db: { kind: database, engine: rds_multi_az, zones: [a, b], service: 3ms }
        """

    @Test func theRetriesOfAFailoverRunInTheBackground() throws {
        let sim = try ComponentBench.simulate(Self.yaml)
        let m = sim.metrics
        // The users never wait on the database.
        #expect(m.succeeded == m.offered && m.offered > 25_000)
        let q = try #require(sim.queues.first)
        let db = try #require(sim.components.models(of: Database.self).first)
        #expect(db.failovers == 1)
        let outage = try #require(db.outages.first)
        let length = Time.seconds(outage.end - outage.start)
        // Every message is processed once its query succeeds: one successful query per message.
        #expect(q.deleted == q.sent && q.visible == 0 && q.inflight == 0)
        #expect(db.served - db.servedWithError == q.deleted, "\(db.served) queries served, \(q.deleted) messages deleted")
        // A message that arrives u seconds into an outage of length L fails at once, then again
        // every visibility timeout (30 s) while the outage lasts: 1 + ⌊(L − u)/30⌋ failed
        // queries. Over the arrivals (50/s): 50 × (L + Σₖ max(0, L − 30k)).
        let expected = 50 * (length + (1...100).reduce(0.0) { $0 + max(0, length - 30 * Double($1)) })
        let failed = Double(q.consumerCallsFailed)
        #expect(abs(failed - expected) < 0.15 * expected, "\(failed) failed calls in \(length) s, expected about \(expected)")
        // A message received again after a failed query was not processed twice.
        #expect(m.duplicates == 0)
        // Its end-to-end latency shows the wait: at least the rest of the outage.
        let e2eMax = Double(m.e2e.histogram.max) / 1e6
        #expect(e2eMax > length * 0.5, "slowest message \(e2eMax) s, outage \(length) s")
    }
}
