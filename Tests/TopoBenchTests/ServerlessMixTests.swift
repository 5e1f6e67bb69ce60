import Foundation
import Testing
@testable import TopoBench

/// The architectures people draw first: a Lambda function that calls on (API Gateway → Lambda →
/// SQS → consumers), several entries with shares of the traffic, and components nothing reaches.
@Suite("Lambda calls and traffic mixes")
struct ServerlessMixTests {
    /// API Gateway → a function of 10 ms that calls a group whose service takes `downstream`.
    static func chain(downstream: String, timeout: String = "") -> String {
        CostTests.scenario(
            """
                  api: { kind: api_gateway, target: fn }
                  fn: { kind: lambda, service: 10ms, cold_start: 0s, memory: 1024, calls: backend\(timeout) }
                  backend: { kind: instances, count: 1, workers: 1000, service: \(downstream) }
            """, entry: "api", duration: "10m", arrival: "{ dist: constant, value: 100ms }")
    }

    /// The invocation waits for its call: the client sees 10 ms + the call, and the function is
    /// billed for the wait (1 GB × 0.11 s an invocation).
    @Test func aFunctionWaitsForItsCallAndIsBilledForTheWait() throws {
        let (lines, outcome, _) = try CostTests.bill(Self.chain(downstream: "100ms"))
        let n = try #require(lines["fn lambda.request"]).quantity
        #expect(n >= 5_999 && n <= 6_000, "\(n)")
        #expect(CostTests.close(try #require(lines["fn lambda.gb_second.x86"]).quantity, n * 0.11, 1e-6))
        #expect(outcome.metrics[.availability] == 1)
        #expect(abs(outcome.metrics[.latencyMean] - 110) < 0.5, "\(outcome.metrics[.latencyMean]) ms")
    }

    /// A call slower than the function's timeout (3 s by default) fails the invocation at the
    /// timeout: a 5xx through API Gateway, 3 s billed; a longer timeout lets it finish.
    @Test func theFunctionsTimeoutCutsTheWait() throws {
        let (lines, outcome, _) = try CostTests.bill(Self.chain(downstream: "5s"))
        let n = try #require(lines["fn lambda.request"]).quantity
        #expect(outcome.metrics[.availability] == 0)
        #expect(outcome.metrics[.errors5xx] >= n - 1)
        #expect(CostTests.close(try #require(lines["fn lambda.gb_second.x86"]).quantity, n * 3, 1e-6))
        let (_, longer, _) = try CostTests.bill(Self.chain(downstream: "5s", timeout: ", timeout: 10s"))
        #expect(longer.metrics[.availability] > 0.99)
        #expect(abs(longer.metrics[.latencyMean] - 5010) < 1)
    }

    /// A function's call to a backend that fails half its requests: one attempt succeeds with
    /// probability 1/2, three attempts with 1 − 1/2³ (retry: max_attempts 3), within the binomial
    /// interval; the back-off stays inside the function's timeout.
    @Test(arguments: [("", 0.5), (", retry: { max_attempts: 3, base: 10ms }", 0.875)])
    func aFunctionRetriesItsCallAsTold(retry: String, success: Double) throws {
        let yaml = CostTests.scenario(
            """
                  api: { kind: api_gateway, target: fn }
                  fn: { kind: lambda, service: 1ms, cold_start: 0s, calls: backend\(retry) }
                  backend: { kind: instances, count: 1, workers: 100, service: 1ms }
            """, entry: "api", duration: "10m", arrival: "{ dist: exponential, rate: 20/s }",
            extra: "faults: [{ kind: errors, target: backend, at: 0s, duration: 10m, probability: 0.5 }]")
        let (_, outcome, _) = try CostTests.bill(yaml)
        let n = outcome.metrics[.offered]
        let sd = (success * (1 - success) / n).squareRoot()
        #expect(abs(outcome.metrics[.availability] - success) < 4 * sd, "\(outcome.metrics[.availability]) for \(success)")
    }

    /// API Gateway → Lambda → SQS → instances: every order reaches the consumers.
    @Test func ordersGoThroughTheQueue() throws {
        let yaml = CostTests.scenario(
            """
                  api: { kind: api_gateway, target: fn }
                  fn: { kind: lambda, service: 5ms, calls: orders }
                  orders: { kind: sqs, consumers: workers, wait: 20s }
                  workers: { kind: instances, count: 2, workers: 4, service: 20ms }
            """, entry: "api", duration: "10m", arrival: "{ dist: exponential, rate: 50/s }")
        let (_, outcome, _) = try CostTests.bill(yaml)
        let offered = outcome.metrics[.offered]
        #expect(offered > 25_000)
        #expect(outcome.metrics[.availability] == 1)
        // Every accepted order is processed once the queue drains.
        #expect(abs(outcome.metrics[.messagesProcessed] - offered) <= 1, "\(outcome.metrics[.messagesProcessed]) of \(offered)")
        #expect(outcome.metrics[.e2eP99] > 20)
    }

    @Test func aFunctionWithCallsMustBeInvokedSynchronously() throws {
        let yaml = CostTests.scenario(
            """
                  q: { kind: sqs, consumers: fn }
                  fn: { kind: lambda, service: 5ms, calls: db }
                  db: { kind: instances, count: 1, service: 1ms }
            """, entry: "q")
        let error = try #require(scenarioError { _ = try ScenarioLoader.parse(text: yaml, file: "f.yaml") })
        #expect(error.keyPath == "topologies.t.components.fn.calls")
        #expect(error.expected.contains("invoked synchronously"))
        let itself = CostTests.scenario("      fn: { kind: lambda, service: 5ms, calls: fn }", entry: "fn")
        #expect(scenarioError { _ = try ScenarioLoader.parse(text: itself, file: "f.yaml") }?.expected.contains("cannot call itself") == true)
    }

    /// `entry: { web: 0.75, fn: 0.25 }`: a quarter of the requests invoke the function, within
    /// the binomial interval (one draw per logical request, from its own stream).
    @Test func aTrafficMixSplitsTheRequests() throws {
        let yaml = CostTests.scenario(
            """
                  web: { kind: instances, count: 1, workers: 100, service: 1ms }
                  fn: { kind: lambda, service: 1ms }
            """, entry: "{ web: 0.75, fn: 0.25 }", duration: "10m", arrival: "{ dist: exponential, rate: 100/s }")
        let (lines, outcome, _) = try CostTests.bill(yaml)
        let offered = outcome.metrics[.offered]
        let invoked = try #require(lines["fn lambda.request"]).quantity
        let sd = (offered * 0.25 * 0.75).squareRoot()
        #expect(abs(invoked - 0.25 * offered) < 4 * sd, "\(invoked) of \(offered)")
        #expect(outcome.metrics[.availability] == 1)
    }

    @Test func aTrafficMixIsChecked() throws {
        func problem(_ entry: String) -> ScenarioError? {
            let yaml = CostTests.scenario(
                """
                      web: { kind: instances, count: 1, service: 1ms }
                      api: { kind: instances, count: 1, service: 1ms }
                      db: { kind: database, engine: rds_single_az, service: 1ms }
                """, entry: entry)
            return scenarioError { _ = try ScenarioLoader.parse(text: yaml, file: "f.yaml") }
        }
        #expect(problem("{ web: 0.8, api: 0.1 }")?.found == "0.9")
        #expect(problem("{ web: 0.8, apii: 0.2 }")?.suggestion == "api")
        #expect(problem("{ web: 0.8, db: 0.2 }")?.keyPath == "topologies.t.entry.db")
        #expect(problem("{ web: 1.2, api: -0.2 }") != nil)
        #expect(problem("{}") != nil)
    }

    /// A component nothing reaches is a warning naming it; session stores, autoscaling groups,
    /// dead-letter queues and the default suite's topologies are reached.
    @Test func componentsNothingReachesAreNamed() throws {
        let yaml = CostTests.scenario(
            """
                  web: { kind: instances, count: 1, service: 1ms, sessions: cache }
                  cache: { kind: session_store, engine: redis }
                  scaler: { kind: autoscaling, group: web, min: 1, max: 2 }
                  spare: { kind: instances, count: 1, service: 1ms, calls: db }
                  db: { kind: database, engine: rds_single_az, service: 1ms }
            """, entry: "web")
        let points = try ScenarioLoader.parse(text: yaml, file: "f.yaml")
        let warnings = Scenario.unreachedWarnings(points)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.contains("components.spare: nothing reaches") })
        #expect(warnings.contains { $0.contains("components.db: nothing reaches") })
        let suite = try SuiteSpec.load("default", directory: FileManager.default.currentDirectoryPath + "/Benchmarks/suites")
        for points in try suite.loadScenarios(quick: true) {
            #expect(Scenario.unreachedWarnings(points).isEmpty, "\(points.first?.name ?? "")")
        }
    }

    private func scenarioError(_ body: () throws -> Void) -> ScenarioError? {
        MergeCompletenessTests.scenarioError(body)
    }
}
