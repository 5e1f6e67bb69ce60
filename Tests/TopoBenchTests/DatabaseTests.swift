import Foundation
import Testing

@testable import TopoBench

// Issue 13, point 3: the `database` kind. Failover windows per engine (AWS's documented
// figures), single-AZ waiting for its zone, queries in flight at a failover, conservation, the
// connection limit as an M/G/c/c loss system (Erlang B), and the loader's errors.

/// A web group in zone b (which no fault touches) querying `db` for every request.
private func dbScenario(
    _ db: String, faults: String, duration: String, rate: String = "200/s", replications: Int = 1, seed: Int = 7,
    webTimeout: String = "5s", workers: Int = 1000
) -> String {
    """
    name: database
    duration: \(duration)
    replications: \(replications)
    seed: \(seed)
    network: none
    workload:
      arrival: { dist: exponential, rate: \(rate) }
      timeout: 1h
      retry: none
    faults: \(faults)
    topologies:
      t:
        entry: web
        components:
          web: { kind: instances, count: 1, zones: [b], workers: \(workers), service: 0s, calls: db, timeout: \(webTimeout) }
          db: \(db)
          other: { kind: instances, count: 1, zones: [a, b, c], service: 1ms }
    """
}

extension Simulation {
    var databases: [Database] { components.models(of: Database.self) }
}

/// The name of the zone the first database's primary is in.
private func primaryZoneName(_ sim: Simulation) -> String { sim.topology.zoneNames[Int(sim.databases[0].primaryZone)] }

@Suite("Database failover")
struct DatabaseFailoverTests {
    /// The primary's zone loses power at 100 s for 300 s: the standby takes over. The window in
    /// which queries fail is the database's outage, and the failed queries are the ones that
    /// arrived in it (Poisson at 200/s: within 5 standard deviations).
    func failoverWindows(engine: String, replications: Int) throws -> [Double] {
        let yaml = dbScenario(
            "{ kind: database, engine: \(engine), zones: [a, b], service: { dist: exponential, mean: 5ms } }",
            faults: "[{ kind: zone_outage, zone: a, at: 100s, duration: 300s }]", duration: "500s")
        return try ComponentBench.replications(yaml, replications).map { sim in
            let db = sim.databases[0]
            #expect(db.failovers == 1 && db.outages.count == 1, "\(db.outages)")
            #expect(primaryZoneName(sim) == "b", "the standby in zone b is the primary")
            let window = Double(db.outages[0].end - db.outages[0].start) / 1e9
            #expect(db.outages[0].start == .s(100))
            let failed = Double(sim.metrics.serverErrors)
            #expect(Double(db.refusedDown + db.failedInFlight) == failed)
            let expected = 200 * window
            #expect(abs(failed - expected) < 5 * expected.squareRoot(), "\(failed) failed in \(window) s")
            #expect(db.unanswered == 0 && sim.metrics.timeouts == 0)
            return window
        }
    }

    @Test func multiAZInstanceFailsOverIn60To120Seconds() throws {
        let windows = try failoverWindows(engine: "rds_multi_az", replications: 6)
        for w in windows { #expect(w >= 60 && w <= 120, "\(w)") }
        // Drawn, not constant.
        #expect(Set(windows).count == windows.count)
    }

    @Test func multiAZClusterFailsOverWithin35Seconds() throws {
        for w in try failoverWindows(engine: "rds_multi_az_cluster", replications: 6) { #expect(w >= 20 && w <= 35, "\(w)") }
    }

    @Test func auroraFailsOverInAbout30Seconds() throws {
        for w in try failoverWindows(engine: "aurora", replications: 6) { #expect(w >= 20 && w <= 30, "\(w)") }
    }

    /// After the failover the standby in zone b is the primary: a second outage of zone a does
    /// nothing; an outage of zone b fails back over to a.
    @Test func theNewPrimaryIsInTheOtherZone() throws {
        let sim = try ComponentBench.simulate(dbScenario(
            "{ kind: database, zones: [a, b], service: 5ms, failover: 60s }",
            faults: "[{ kind: zone_outage, zone: a, at: 100s, duration: 50s }, { kind: zone_outage, zone: a, at: 300s, duration: 50s }]",
            duration: "500s"))
        let db = sim.databases[0]
        #expect(db.failovers == 1)
        #expect(db.outages.count == 1 && db.outages[0].start == .s(100) && db.outages[0].end == .s(160))
        #expect(primaryZoneName(sim) == "b")
    }

    /// rds_single_az has no standby: when its zone loses power nothing answers (the callers time
    /// out) until power is back and the instance has recovered.
    @Test func singleAZWaitsForItsZoneToComeBack() throws {
        let sim = try ComponentBench.simulate(dbScenario(
            "{ kind: database, engine: rds_single_az, zones: [a], service: 5ms, recovery: 30s }",
            faults: "[{ kind: zone_outage, zone: a, at: 100s, duration: 200s }]", duration: "500s", rate: "20/s"))
        let db = sim.databases[0]
        #expect(db.failovers == 0)
        #expect(db.outages.count == 1 && db.outages[0].start == .s(100) && db.outages[0].end == .s(330), "\(db.outages)")
        #expect(db.refusedDown == 0 && db.unanswered > 0)
        // Every query that got no answer is a timeout of its caller, then of the end user (502).
        #expect(sim.metrics.serverErrors == db.unanswered, "\(sim.metrics.serverErrors) vs \(db.unanswered)")
        let expected = 20.0 * 230
        #expect(abs(Double(db.unanswered) - expected) < 5 * expected.squareRoot())
        #expect(primaryZoneName(sim) == "a")
    }

    /// The queries in flight when the failover starts lose their connection (an error at once,
    /// not silence); every query ends exactly once, at the database and for the end user.
    @Test func queriesInFlightAtTheFailoverFailAndNothingIsLost() throws {
        let sim = try ComponentBench.make(dbScenario(
            "{ kind: database, zones: [a, b], service: 2s, failover: 60s }",
            faults: "[{ kind: failover, target: db, at: 100s }]", duration: "300s", rate: "50/s"))
        sim.testBegin()
        sim.testAdvance(to: .s(100) - 1)
        let db = sim.databases[0]
        let inFlight = db.inFlight.count
        #expect(inFlight > 60, "\(inFlight) in flight")
        sim.testAdvance(to: .s(100))
        #expect(db.failedInFlight == inFlight)
        #expect(db.state == .failingOver)
        sim.testComplete()
        #expect(db.queries == db.served + db.refusedFull + db.refusedDown + db.failedInFlight + db.unanswered + db.inFlight.count)
        #expect(db.inFlight.count == 0 && db.unanswered == 0)
        #expect(sim.metrics.serverErrors == db.refusedDown + db.failedInFlight)
        #expect(sim.metrics.succeeded == db.served)
        #expect(sim.metrics.offered == db.queries)
    }

    /// aws:rds:reboot-db-instances with force_failover fails over; without it the primary
    /// restarts in place, down for reboot_time.
    @Test(arguments: [(true, 1, 45.0), (false, 0, 20.0)])
    func rdsRebootFailsOverOnlyWhenForced(_ force: Bool, _ failovers: Int, _ seconds: Double) throws {
        let sim = try ComponentBench.simulate(dbScenario(
            "{ kind: database, zones: [a, b], service: 5ms, failover: 45s }",
            faults: "[{ kind: 'aws:rds:reboot-db-instances', target: db, at: 100s, reboot_time: 20s, force_failover: \(force) }]",
            duration: "300s"))
        let db = sim.databases[0]
        #expect(db.failovers == failovers)
        #expect(db.outages.count == 1 && db.outages[0].end - db.outages[0].start == .s(seconds), "\(db.outages)")
        #expect(primaryZoneName(sim) == (failovers == 1 ? "b" : "a"))
    }
}

@Suite("Database connections")
struct DatabaseConnectionTests {
    /// Erlang's loss formula B(c, a), by its recurrence.
    static func erlangB(_ c: Int, _ a: Double) -> Double {
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// Poisson queries at λ = 8/s, exponential service of mean 1 s, 10 connections: the share
    /// refused is Erlang B(10, 8) ≈ 0.1217, inside the 95 % interval over replications.
    @Test func theRefusedShareIsErlangB() throws {
        #expect(abs(Self.erlangB(10, 8) - 0.1217) < 1e-4)
        let yaml = dbScenario(
            "{ kind: database, zones: [a, b], service: { dist: exponential, mean: 1s }, max_connections: 10 }",
            faults: "[]", duration: "2000s", rate: "8/s", webTimeout: "1h")
        let shares = try ComponentBench.replications(yaml, 10).map { sim -> Double in
            let db = sim.databases[0]
            #expect(db.peakConnections == 10)
            #expect(sim.metrics.rejected == db.refusedFull)
            return Double(db.refusedFull) / Double(db.queries)
        }
        let mean = ComponentBench.mean(shares)
        let sd = (shares.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(shares.count - 1)).squareRoot()
        let half = StudentT.quantile(confidence: 0.95, degreesOfFreedom: shares.count - 1) * sd / Double(shares.count).squareRoot()
        let exact = Self.erlangB(10, 8)
        #expect(abs(mean - exact) <= half, "refused \(mean) ± \(half), Erlang B \(exact)")
        #expect(half < 0.01, "interval too wide to tell: ± \(half)")
    }

    /// max_connections follows MySQL's {DBInstanceClassMemory/12582880} for the instance class.
    @Test(arguments: [("", 1365), ("instance_type: db.t3.micro, ", 85), ("instance_type: db.r6g.xlarge, ", 2730), ("max_connections: 7, ", 7)])
    func maxConnectionsFollowsTheInstanceClass(_ keys: String, _ expected: Int) throws {
        let s = try ComponentBench.scenarios(dbScenario("{ kind: database, \(keys)service: 5ms }", faults: "[]", duration: "10s"))[0]
        let spec = try #require(s.topologies[0].components[1].kind.spec as? DatabaseSpec)
        #expect(spec.maxConnections == expected)
        #expect(spec.engine == .rdsMultiAZ && spec.zones == [0, 1])
    }

    /// A query goes over the engine's driver, not an AWS SDK: the edge does not retry by default.
    @Test func aDatabaseEdgeDoesNotRetryByDefault() throws {
        let s = try ComponentBench.scenarios(dbScenario("{ kind: database, service: 5ms }", faults: "[]", duration: "10s"))[0]
        let web = try #require(s.topologies[0].components[0].kind.spec as? InstancesSpec)
        #expect(web.callRetry.maxAttempts == 1)
    }
}

@Suite("Database scenario errors")
struct DatabaseErrorTests {
    /// The loader's error for a scenario, or nil.
    func error(_ yaml: String) -> ScenarioError? {
        do {
            _ = try ComponentBench.scenarios(yaml)
            return nil
        } catch let e as ScenarioError {
            return e
        } catch {
            Issue.record("\(error)")
            return nil
        }
    }

    @Test(arguments: [
        ("{ kind: database, engine: rds_multi, service: 5ms }", "[]", "topologies.t.components.db.engine", "rds_multi_az"),
        ("{ kind: database, engine: rds_single_az, zones: [a], service: 5ms }", "[{ kind: failover, target: db, at: 10s }]", "faults[0].target", "rds_single_az"),
        ("{ kind: database, engine: rds_single_az, zones: [a], service: 5ms }",
         "[{ kind: 'aws:rds:reboot-db-instances', target: db, at: 10s, force_failover: true }]", "faults[0].target", "standby"),
        ("{ kind: database, service: 5ms }", "[{ kind: 'aws:rds:failover-db-cluster', target: db, at: 10s }]", "faults[0].target", "force_failover"),
        ("{ kind: database, service: 5ms }", "[{ kind: failover, target: web, at: 10s }]", "faults[0].target", "database"),
        ("{ kind: database, service: 5ms }", "[{ kind: 'aws:rds:reboot-db-instances', target: other, at: 10s }]", "faults[0].target", "database"),
        ("{ kind: database, engine: aurora, zones: [a], service: 5ms }", "[]", "topologies.t.components.db.zones", "two different zones"),
        ("{ kind: database, engine: rds_single_az, zones: [a], service: 5ms, failover: 30s }", "[]", "topologies.t.components.db.failover", "no standby"),
    ])
    func badDatabaseInputIsAClearError(_ db: String, _ faults: String, _ keyPath: String, _ words: String) throws {
        let e = try #require(error(dbScenario(db, faults: faults, duration: "60s")))
        #expect(e.keyPath == keyPath, "\(e)")
        #expect(e.line != nil && e.file == "component-test.yaml", "\(e)")
        #expect(e.description.contains(words), "\(e)")
    }
}

#if TOPOBENCH_INVARIANTS
/// The database's own checks, after every event of a run with failovers, a reboot, a zone
/// outage and a full connection pool (debug builds; `make test` runs `--filter InvariantTests`).
@Suite struct DatabaseInvariantTests {
    static let yaml = dbScenario(
        "{ kind: database, zones: [a, b], service: { dist: exponential, mean: 200ms }, max_connections: 20, failover: 20s }",
        faults: "[{ kind: failover, target: db, at: 20s }, { kind: zone_outage, zone: b, at: 60s, duration: 30s }, { kind: reboot, target: db, at: 120s, duration: 10s }]",
        duration: "200s", rate: "100/s")

    @Test func everyEventLeavesTheDatabaseConsistent() throws {
        let sim = try ComponentBench.simulate(Self.yaml)
        #expect(sim.databases[0].failovers == 2 && sim.databases[0].refusedFull > 0)
    }

    @Test func aLostQueryStopsTheRun() async {
        await #expect(processExitsWith: .failure) {
            let sim = try! ComponentBench.make(DatabaseInvariantTests.yaml)
            sim.testBegin()
            sim.testAdvance(to: .s(10))
            sim.databases[0].served -= 1
            sim._checkInvariants()
        }
    }
}
#endif
