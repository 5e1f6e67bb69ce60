import Foundation
import Testing

@testable import TopoBench

// Support for the component tests (ComponentTests, MessagingTests, ResilienceTests): scenarios
// are written as YAML text, loaded by the normal loader, and simulated one replication at a time
// so that both the reported figures and the models' internal state can be checked. Every
// replication simulated here is checked for conservation of requests and messages.

enum ComponentBench {
    /// The scenarios of a YAML text (one per sweep point).
    static func scenarios(_ yaml: String) throws -> [Scenario] {
        try ScenarioLoader.parse(text: yaml, file: "component-test.yaml")
    }

    /// A built but not started simulation of one topology (the first one by default).
    static func make(_ yaml: String, topology: String? = nil, replication: Int = 1) throws -> Simulation {
        let s = try scenarios(yaml)[0]
        let t = try #require(topology.map { n in s.topologies.first { $0.name == n } } ?? s.topologies.first)
        return Simulation(scenario: s, topology: t, replication: replication)
    }

    /// Runs one replication of one topology to its end and checks conservation.
    static func simulate(
        _ yaml: String, topology: String? = nil, replication: Int = 1,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Simulation {
        let sim = try make(yaml, topology: topology, replication: replication)
        _ = sim.runKeepingModels()
        checkConservation(sim, sourceLocation: sourceLocation)
        return sim
    }

    /// Runs replications 1...n of one topology.
    static func replications(
        _ yaml: String, _ n: Int, topology: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Simulation] {
        try (1...n).map { try simulate(yaml, topology: topology, replication: $0, sourceLocation: sourceLocation) }
    }

    /// Runs the scenario through the runner (the `topobench run` path) on one thread.
    static func run(_ yaml: String) throws -> ResultSet {
        try Runner.run(scenarios(yaml), options: RunOptions(jobs: 1))
    }

    /// A metric of `replications.csv` for every replication of a topology (in replication order).
    static func column(_ rs: ResultSet, _ name: String, topology: String? = nil) throws -> [Double] {
        let t = rs.replications
        let c = try t.requireColumn(name)
        let tc = try t.requireColumn("topology")
        return try t.rows.indices.compactMap { r in
            if let topology, t.rows[r][tc] != topology { return nil }
            return try t.number(row: r, column: c) ?? .nan
        }
    }

    /// Every request is succeeded, failed by one cause or unfinished; every message stored in a
    /// queue is deleted, dead-lettered, expired, visible or in flight; every SNS delivery to an
    /// HTTP/S endpoint or to a Lambda function is delivered (processed), failed (discarded) or
    /// pending.
    static func checkConservation(_ sim: Simulation, sourceLocation: SourceLocation = #_sourceLocation) {
        let m = sim.metrics
        let accounted = m.succeeded + m.serverErrors + m.timeouts + m.throttled + m.rejected + m.unfinished
        #expect(
            m.offered == accounted,
            "requests: offered \(m.offered) ≠ succeeded \(m.succeeded) + 5xx \(m.serverErrors) + timeouts \(m.timeouts) + throttled \(m.throttled) + rejected \(m.rejected) + unfinished \(m.unfinished)",
            sourceLocation: sourceLocation)
        for q in sim.queues {
            let name = sim.topology.components[Int(q.index)].name
            #expect(
                q.sent == q.deleted + q.deadLettered + q.expired + q.visible + q.inflight,
                "queue \(name): sent \(q.sent) ≠ deleted \(q.deleted) + DLQ \(q.deadLettered) + expired \(q.expired) + visible \(q.visible) + in flight \(q.inflight)",
                sourceLocation: sourceLocation)
            #expect(q.visible >= 0 && q.inflight >= 0, sourceLocation: sourceLocation)
        }
        for t in sim.topics {
            let queueSubscriptions = t.spec.subscriptions.filter(\.targetIsQueue).count
            #expect(
                t.published * queueSubscriptions == t.queueDelivered + t.queueGivenUp + t.queuePending,
                "topic: published \(t.published) × \(queueSubscriptions) SQS subscriptions ≠ stored \(t.queueDelivered) + given up \(t.queueGivenUp) + pending \(t.queuePending)",
                sourceLocation: sourceLocation)
        }
        for e in sim.endpoints {
            var published = 0
            for t in sim.topics where t.spec.subscribers.contains(Int(e.index)) { published += t.published }
            #expect(
                published == e.delivered + e.failed + e.pending,
                "endpoint: published \(published) ≠ delivered \(e.delivered) + failed \(e.failed) + pending \(e.pending)",
                sourceLocation: sourceLocation)
        }
        for l in sim.lambdas {
            var published = 0
            for t in sim.topics where t.spec.subscribers.contains(Int(l.index)) { published += t.published }
            #expect(
                published == l.asyncProcessed + l.asyncDiscarded + l.pending,
                "lambda: events \(published) ≠ processed \(l.asyncProcessed) + discarded \(l.asyncDiscarded) + pending \(l.pending)",
                sourceLocation: sourceLocation)
        }
    }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(1, xs.count)) }
}

/// Stepping through a replication, to look at the models' state at given times.
extension Simulation {
    /// Starts the replication (clients, components, faults) without running it.
    func testBegin() { start() }

    /// Processes every event up to and including time `t`.
    func testAdvance(to t: SimTime) {
        while let next = events.nextTime, next <= t, next <= hardStop {
            let e = events.pop()
            now = e.time
            eventsProcessed &+= 1
            dispatch(e)
        }
    }

    /// Runs the rest of the replication as `run()` does, and checks conservation.
    @discardableResult
    func testComplete(sourceLocation: SourceLocation = #_sourceLocation) -> ReplicationOutcome {
        runEvents()
        let outcome = finish()
        ComponentBench.checkConservation(self, sourceLocation: sourceLocation)
        return outcome
    }
}

extension SimTime {
    /// Seconds as simulated time (test shorthand).
    static func s(_ seconds: Double) -> SimTime { SimTime((seconds * 1e9).rounded()) }
}

/// The models of a run by kind, in component order, as the tests read them.
extension Simulation {
    var groups: [InstanceGroup] { components.models(of: InstanceGroup.self) }
    var balancers: [LoadBalancer] { components.models(of: LoadBalancer.self) }
    var queues: [MessageQueue] { components.models(of: MessageQueue.self) }
    var topics: [Topic] { components.models(of: Topic.self) }
    var endpoints: [HTTPEndpoint] { components.models(of: HTTPEndpoint.self) }
    var lambdas: [LambdaFunction] { components.models(of: LambdaFunction.self) }
    var stores: [SessionStore] { components.models(of: SessionStore.self) }
    var gateways: [APIGateway] { components.models(of: APIGateway.self) }
    var scalers: [AutoScaler] { components.models(of: AutoScaler.self) }
    var messages: Slab<Message> { components.messages.messages }
}

extension InstanceGroup {
    /// The group's instances as the fleet holds them.
    var instances: Slab<FleetMember> { fleet_.members }
}
