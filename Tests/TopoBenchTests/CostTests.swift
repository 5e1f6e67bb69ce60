import Foundation
import Testing

@testable import TopoBench

/// Issue 14: the bill of small scenarios against figures computed by hand from the built-in
/// us-east-1 prices (`topobench list`).
@Suite("What decoupling costs: the bill")
struct CostTests {
    /// A scenario of one topology `t` whose components are `components` (YAML lines).
    static func scenario(
        _ components: String, entry: String, duration: String = "1h", arrival: String = "{ dist: constant, value: 10s }",
        extra: String = "", workload: String = ""
    ) -> String {
        """
        name: cost
        duration: \(duration)
        window: \(duration)
        replications: 1
        network: none
        \(extra)
        workload: { arrival: \(arrival)\(workload) }
        topologies:
          t:
            entry: \(entry)
            components:
        \(components)
        """
    }

    /// The bill's lines of one replication, by (component, item).
    static func bill(_ yaml: String) throws -> (lines: [String: BillLine], outcome: ReplicationOutcome, sim: Simulation) {
        let sim = try ComponentBench.make(yaml)
        let outcome = sim.runKeepingModels()
        var lines: [String: BillLine] = [:]
        for l in outcome.cost { lines[l.component + " " + l.item] = l }
        return (lines, outcome, sim)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    // MARK: EC2

    /// Three m5.large for 10 hours: 30 instance-hours at $0.096, $2.88; and at the other rates.
    @Test(arguments: [("m5.large", 0.096), ("c7g.large", 0.0725), ("t4g.2xlarge", 0.2688)])
    func threeInstancesForTenHours(type: String, rate: Double) throws {
        let yaml = Self.scenario("      web: { kind: instances, count: 3, service: 1ms, instance_type: \(type) }", entry: "web", duration: "10h")
        let (lines, outcome, _) = try Self.bill(yaml)
        let line = try #require(lines["web ec2.\(type)"])
        #expect(Self.close(line.quantity, 30) && line.unit == "instance-hour")
        #expect(Self.close(line.usd, 30 * rate), "\(line.usd)")
        // Nothing else is billed: the clients reach the group from outside any zone.
        #expect(outcome.cost.count == 1)
        #expect(Self.close(outcome.metrics[.costUSD], 30 * rate))
        // A month is 730 hours: 73 times the 10-hour window.
        #expect(Self.close(outcome.metrics[.costUSDMonth], 30 * rate * 73))
        let offered = outcome.metrics[.offered]
        #expect(Self.close(outcome.metrics[.costPerMillionRequests], 30 * rate / offered * 1e6))
    }

    /// A stopped instance is not billed: one of three stopped for 2 of the 10 hours leaves 28
    /// instance-hours.
    @Test func aStoppedInstanceIsNotBilled() throws {
        let yaml = Self.scenario(
            "      web: { kind: instances, count: 3, service: 1ms }", entry: "web", duration: "10h",
            extra: "faults: [{ kind: stop, target: web, instance: 0, at: 1h, duration: 2h }]")
        let (lines, _, _) = try Self.bill(yaml)
        #expect(Self.close(try #require(lines["web ec2.m5.large"]).quantity, 28))
    }

    /// The warm-up is not billed: instance-hours are those of the measured window.
    @Test func theWarmUpIsNotBilled() throws {
        let yaml = Self.scenario("      web: { kind: instances, count: 2, service: 1ms }", entry: "web", duration: "10h", extra: "warmup: 4h")
        let (lines, outcome, _) = try Self.bill(yaml)
        #expect(Self.close(try #require(lines["web ec2.m5.large"]).quantity, 12))
        #expect(Self.close(outcome.metrics[.costUSDMonth], 12 * 0.096 * 730 / 6))
    }

    // MARK: SQS

    /// An idle queue polled by three consumers (one poller each) for an hour. The poll loop the
    /// model documents: with long polling each empty receive waits 20 s, so 3 × 3,600 / 20 =
    /// 540 requests ($0.000216); with short polling a poller asks again every round trip, at
    /// least 1 ms (the network here is free), so 3 × 3,600,000 = 10.8 million requests ($4.32).
    @Test(arguments: [("20s", 540.0), ("0s", 10_800_000.0)])
    func anIdleQueueCostsWhatItsPollersAsk(wait: String, requests: Double) throws {
        let yaml = Self.scenario(
            """
                  web: { kind: instances, count: 1, service: 1ms }
                  q: { kind: sqs, consumers: backend, wait: \(wait) }
                  backend: { kind: instances, count: 3, workers: 1, service: 1ms }
            """, entry: "web")
        let (lines, _, sim) = try Self.bill(yaml)
        let line = try #require(lines["q sqs.standard"])
        #expect(line.quantity == requests, "\(line.quantity) requests")
        #expect(Self.close(line.usd, requests * 0.40 / 1e6))
        #expect(sim.queues[0].sent == 0)
    }

    /// A busy queue: each message is one SendMessage, one ReceiveMessage and one DeleteMessage
    /// (batch 1, long polling that never waits empty while messages keep coming faster than the
    /// wait); a 100 KB message is two 64 KB chunks on the send and on the receive.
    @Test(arguments: [("2KB", 1), ("100KB", 2)])
    func aMessageCostsItsSendReceiveAndDelete(size: String, chunks: Int) throws {
        let yaml = Self.scenario(
            """
                  web: { kind: instances, count: 1, workers: 4, service: 1ms, calls: q }
                  q: { kind: sqs, consumers: backend, wait: 20s }
                  backend: { kind: instances, count: 1, workers: 1, service: 1ms }
            """, entry: "web", duration: "10m", arrival: "{ dist: constant, value: 100ms }", workload: ", payload: { request: \(size) }")
        let (lines, _, sim) = try Self.bill(yaml)
        let q = sim.queues[0]
        let n = q.billedRequests
        #expect(q.sent > 5_000 && n.send == q.sent * chunks && n.delete == q.deleted)
        #expect(n.receive == q.deleted * chunks, "\(n.receive) receives for \(q.deleted) messages")
        let total = Double(n.send + n.receive + n.empty + n.delete)
        #expect(try #require(lines["q sqs.standard"]).quantity == total)
    }

    // MARK: SNS

    /// 1,000,000 publishes to a topic with an SQS and an HTTP/S subscriber: $0.50 of publishes,
    /// 1,000,000 deliveries to SQS that are free, 1,000,000 HTTP deliveries at $0.60.
    @Test func snsDeliveriesToSQSAreFreeAndToHTTPAreNot() throws {
        let yaml = Self.scenario(
            """
                  events: { kind: sns, subscribers: [billing, partner] }
                  billing: { kind: sqs, consumers: backend, wait: 20s, batch: 10 }
                  backend: { kind: instances, count: 2, workers: 8, service: 1us }
                  partner: { kind: http_endpoint, target: papi }
                  papi: { kind: instances, count: 2, workers: 8, service: 1us }
            """, entry: "events", duration: "1000s", arrival: "{ dist: constant, value: 1ms }")
        let (lines, outcome, _) = try Self.bill(yaml)
        let publishes = try #require(lines["events sns.publish"])
        #expect(publishes.quantity >= 999_999 && publishes.quantity <= 1_000_000, "\(publishes.quantity)")
        let n = publishes.quantity
        #expect(Self.close(publishes.usd, n * 0.5e-6))
        let toQueue = try #require(lines["events sns.delivery.sqs"])
        #expect(toQueue.quantity == n && toQueue.usd == 0)
        let toHTTP = try #require(lines["partner sns.delivery.http"])
        #expect(toHTTP.quantity == n && Self.close(toHTTP.usd, n * 0.6e-6))
        #expect(abs(toHTTP.usd - 0.60) < 1e-6)
        // The messages of 2 KB go to the consumers in receives of up to 10: fewer requests than messages.
        #expect(try #require(lines["billing sqs.standard"]).quantity < 2.5 * n)
        #expect(outcome.metrics[.costUSD] > 1.1)
    }

    /// Retried HTTP deliveries are billed: an endpoint failing every delivery for a while gets
    /// more deliveries than messages.
    @Test func retriedDeliveriesAreBilled() throws {
        let yaml = Self.scenario(
            """
                  events: { kind: sns, subscribers: [partner] }
                  partner: { kind: http_endpoint, target: papi }
                  papi: { kind: instances, count: 1, workers: 8, service: 1ms }
            """, entry: "events", duration: "10m", arrival: "{ dist: constant, value: 1s }",
            extra: "faults: [{ kind: errors, target: papi, at: 1m, duration: 2m, probability: 1 }]")
        let (lines, _, sim) = try Self.bill(yaml)
        let endpoint = try #require(sim.components.models(of: HTTPEndpoint.self).first)
        let line = try #require(lines["partner sns.delivery.http"])
        #expect(endpoint.retried > 100 && line.quantity == Double(endpoint.delivered + endpoint.retried + endpoint.failed))
    }

    // MARK: Lambda

    /// A function of 512 MB running 100 ms per invocation: 0.05 GB-s each, $0.0000166667 per
    /// GB-s and $0.20 per million requests: $1.0333 per million invocations.
    @Test(arguments: [("x86_64", 0.0000166667), ("arm64", 0.0000133334)])
    func aLambdaOf512MBRunning100ms(architecture: String, rate: Double) throws {
        let yaml = Self.scenario(
            "      fn: { kind: lambda, service: 100ms, memory: 512, architecture: \(architecture), cold_start: 0s }",
            entry: "fn", duration: "10m", arrival: "{ dist: constant, value: 10ms }")
        let (lines, outcome, _) = try Self.bill(yaml)
        let requests = try #require(lines["fn lambda.request"])
        let n = requests.quantity
        #expect(n >= 59_999 && n <= 60_000, "\(n)")
        let suffix = architecture == "arm64" ? "arm" : "x86"
        let gbs = try #require(lines["fn lambda.gb_second.\(suffix)"])
        #expect(Self.close(gbs.quantity, n * 0.05, 1e-6), "\(gbs.quantity) GB-s for \(n) invocations")
        #expect(Self.close(outcome.metrics[.costUSD], n * (0.05 * rate + 0.2e-6), 1e-6))
    }

    /// A cold start's init duration is billed (since 1 August 2025).
    @Test func theInitPhaseIsBilled() throws {
        let yaml = Self.scenario(
            "      fn: { kind: lambda, service: 100ms, memory: 1024, cold_start: 1s, keep_warm: 0s }",
            entry: "fn", duration: "10m", arrival: "{ dist: constant, value: 10s }")
        let (lines, _, _) = try Self.bill(yaml)
        let n = try #require(lines["fn lambda.request"]).quantity
        // keep_warm 0: every invocation is cold, 1.1 s at 1 GB.
        #expect(Self.close(try #require(lines["fn lambda.gb_second.x86"]).quantity, n * 1.1, 1e-6))
    }

    // MARK: ALB, API Gateway, data transfer

    /// An ALB taking 100 requests a second for an hour: 1 ALB-hour and, with small payloads,
    /// 360,000 / 90,000 = 4 LCU-hours on new connections; with 1 MB answers the processed bytes
    /// are the larger dimension: 360,000 × (2 KB + 1 MB) / 1 GB.
    @Test(arguments: [("8KB", 4.0), ("1MB", 360_000.0 * (2048 + 1_048_576) / 1_073_741_824)])
    func anALBBillsItsHoursAndTheLargerDimension(response: String, lcuHours: Double) throws {
        let yaml = Self.scenario(
            """
                  lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 2, workers: 4, service: 1ms }
            """, entry: "lb", arrival: "{ dist: constant, value: 10ms }", workload: ", payload: { response: \(response) }")
        let (lines, _, _) = try Self.bill(yaml)
        #expect(Self.close(try #require(lines["lb alb.hour"]).quantity, 1))
        let lcu = try #require(lines["lb alb.lcu"])
        #expect(Self.close(lcu.quantity, lcuHours, 1e-4), "\(lcu.quantity) LCU-hours")
        #expect(Self.close(lcu.usd, lcu.quantity * 0.008))
    }

    /// API Gateway: REST $3.50 and HTTP APIs $1.00 per million requests.
    @Test(arguments: [("rest", 3.5), ("http", 1.0)])
    func apiGatewayRequests(type: String, perMillion: Double) throws {
        let yaml = Self.scenario(
            """
                  api: { kind: api_gateway, type: \(type), target: fn }
                  fn: { kind: lambda, service: 1ms }
            """, entry: "api", duration: "100s", arrival: "{ dist: constant, value: 1ms }")
        let (lines, outcome, _) = try Self.bill(yaml)
        let line = try #require(lines["api apigw.\(type)"])
        #expect(line.quantity == outcome.metrics[.offered])
        #expect(Self.close(line.usd, line.quantity * perMillion / 1e6))
    }

    /// Two groups in different zones: every request (1 MB) and answer (1 MB) crosses, billed
    /// $0.01 per GB out of one zone and $0.01 into the other. Behind an ALB the hop from the ALB
    /// to its target is free, whatever the zones.
    @Test func crossingZonesIsBilledBothWays() throws {
        let direct = Self.scenario(
            """
                  web: { kind: instances, count: 1, zones: [a], workers: 8, service: 1ms, calls: backend }
                  backend: { kind: instances, count: 1, zones: [b], workers: 8, service: 1ms }
            """, entry: "web", duration: "100s", arrival: "{ dist: constant, value: 100ms }",
            workload: ", payload: { request: 1MB, response: 1MB }")
        let (lines, outcome, _) = try Self.bill(direct)
        let n = outcome.metrics[.offered]
        let out = try #require(lines["web transfer.inter_az"]), back = try #require(lines["backend transfer.inter_az"])
        #expect(Self.close(out.quantity, n * 2 / 1024) && Self.close(back.quantity, n * 2 / 1024))
        #expect(Self.close(out.usd + back.usd, n * 4 / 1024 * 0.01))
        let behindALB = Self.scenario(
            """
                  lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 2, zones: [a, b], workers: 8, service: 1ms }
            """, entry: "lb", duration: "100s", arrival: "{ dist: constant, value: 100ms }",
            workload: ", payload: { request: 1MB, response: 1MB }")
        #expect(try Self.bill(behindALB).lines.keys.filter { $0.hasSuffix("transfer.inter_az") }.isEmpty)
    }

    // MARK: ElastiCache, RDS, Route 53

    @Test func cacheNodesDatabaseInstancesAndAHostedZone() throws {
        let yaml = Self.scenario(
            """
                  dns: { kind: route53, routing: failover, records: [{ target: web, role: primary, health_check: { interval: 10s } }, { target: web2, role: secondary }] }
                  web: { kind: instances, count: 1, service: 1ms, sessions: cache, calls: db }
                  web2: { kind: instances, count: 1, service: 1ms }
                  cache: { kind: session_store, nodes: 2, replicas: 1, node_type: cache.r7g.large }
                  db: { kind: database, engine: rds_multi_az, zones: [a, b], service: 1ms, instance_type: db.m5.large }
            """, entry: "dns", duration: "73h", arrival: "{ dist: constant, value: 60s }", workload: ", users: 10")
        let (lines, _, _) = try Self.bill(yaml)
        // Four nodes (two shards, a replica each) for 73 hours.
        #expect(Self.close(try #require(lines["cache elasticache.cache.r7g.large"]).usd, 4 * 73 * 0.219))
        // Multi-AZ: the Multi-AZ rate, which pays for the standby.
        #expect(Self.close(try #require(lines["db rds.mysql.db.m5.large.multi_az"]).usd, 73 * 0.342))
        // 73 hours are a tenth of a month: a tenth of $0.50 for the zone, of $0.50 + $1.00 for
        // the health check at 10 s.
        #expect(Self.close(try #require(lines["dns route53.hosted_zone"]).usd, 0.05))
        #expect(Self.close(try #require(lines["dns route53.health_check.aws"]).usd, 0.05))
        #expect(Self.close(try #require(lines["dns route53.health_check.fast_interval.aws"]).usd, 0.10))
        // Records to instances are A records: their queries are billed, one per resolution.
        let queries = try #require(lines["dns route53.query.standard"])
        #expect(queries.quantity > 10 && Self.close(queries.usd, queries.quantity * 0.4e-6))
    }

    // MARK: pricing files

    static func pricingScenario(_ pricing: String) -> String {
        scenario("      web: { kind: instances, count: 3, service: 1ms }", entry: "web", duration: "10h", extra: "pricing: \(pricing)")
    }

    static func writePricing(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topobench-pricing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("prices.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aPricingFileReplacesABuiltInPrice() throws {
        let path = try Self.writePricing("read: 2026-11-30\nprices:\n  ec2.m5.large: 0.1\n")
        let s = try ComponentBench.scenarios(Self.pricingScenario("{ file: \(path) }"))[0]
        #expect(s.prices.price("ec2.m5.large").usd == 0.1 && s.prices.price("ec2.m5.large").source == path)
        #expect(s.prices.price("ec2.m5.large").read == "2026-11-30")
        let (lines, _, _) = try Self.bill(Self.pricingScenario("{ file: \(path) }"))
        #expect(Self.close(try #require(lines["web ec2.m5.large"]).usd, 3.0))
    }

    @Test(arguments: [
        ("prices:\n  ec2.m5.lrage: 0.1\n", "prices[\"ec2.m5.lrage\"]", "ec2.m5.large"),
        ("prices:\n  ec2.m5.large: -1\n", "prices[\"ec2.m5.large\"]", nil),
        ("prices:\n  ec2.m5.large: 1%x\n", "prices[\"ec2.m5.large\"]", nil),
        ("region: eu-west-1\nprices:\n  ec2.m5.large: 0.107\n", "prices", nil),
    ] as [(String, String, String?)])
    func aBadPricingFileIsRefused(text: String, keyPath: String, suggestion: String?) throws {
        let path = try Self.writePricing(text)
        let error = try #require(throws: ScenarioError.self) { try ComponentBench.scenarios(Self.pricingScenario("{ file: \(path) }")) }
        #expect(error.file == path && error.keyPath == keyPath, "\(error)")
        #expect(error.line != nil)
        if let suggestion { #expect(error.suggestion == suggestion) }
    }

    /// Another region's prices need a file that prices everything billed.
    @Test func anotherRegionNeedsItsPrices() throws {
        let error = try #require(throws: ScenarioError.self) { try ComponentBench.scenarios(Self.pricingScenario("{ region: eu-west-1 }")) }
        #expect(error.keyPath == "pricing.region", "\(error)")
        let path = try Self.writePricing("region: eu-west-1\nprices:\n  ec2.m5.large: 0.107\n  transfer.inter_az: 0.01\n")
        let s = try ComponentBench.scenarios(Self.pricingScenario("{ region: eu-west-1, file: \(path) }"))[0]
        #expect(s.prices.region == "eu-west-1")
    }

    @Test(arguments: [
        ("workload: { arrival: { dist: constant, value: 10s }, payload: { request: 2 } }", "workload.payload.request", "a size with a unit"),
        ("workload: { arrival: { dist: constant, value: 10s }, payload: { request: 20MB } }", "workload.payload.request", "a size from 0B to 10MB"),
        ("workload: { arrival: { dist: constant, value: 10s }, payload: { reqest: 2KB } }", "workload.payload.reqest", "unknown key"),
        ("workload: { arrival: { dist: constant, value: 10s }, payload: { request: 2kb } }", "workload.payload.request", "did you mean '2KB'"),
    ])
    func aBadPayloadIsRefused(line: String, keyPath: String, expected: String) throws {
        let yaml = Self.scenario("      web: { kind: instances, count: 1, service: 1ms }", entry: "web")
            .replacingOccurrences(of: "workload: { arrival: { dist: constant, value: 10s } }", with: line)
        let error = try #require(throws: ScenarioError.self) { try ComponentBench.scenarios(yaml) }
        #expect(error.keyPath == keyPath && error.message.contains(expected), "\(error)")
    }

    /// `payload` and `dns_cache` are read from a file (both were refused as "does not apply
    /// here" before: the workload's map was closed before they were read).
    @Test func payloadAndDNSCacheAreRead() throws {
        let yaml = Self.scenario("      web: { kind: instances, count: 1, service: 1ms }", entry: "web",
                                 workload: ", payload: { request: 3KB, response: 1MB }, dns_cache: { min: 5m }")
        let w = try ComponentBench.scenarios(yaml)[0].workload
        #expect(w.requestBytes == 3072 && w.responseBytes == 1 << 20 && w.dnsCacheMin == 5 * Time.minute)
    }

    @Test func sizesReadAsAWSBillsThem() {
        #expect(Units.parseSize("64KB") == 65_536 && Units.parseSize("2 KiB") == 2048 && Units.parseSize("1.5MB") == 1_572_864)
        #expect(Units.parseSize("0") == 0 && Units.parseSize("12") == nil && Units.parseSize("-1KB") == nil && Units.parseSize("3kb") == nil)
    }

    // MARK: through the runner

    /// `cost.csv` has a line per component and item, and its sum is `cost_usd`; the same from
    /// one thread or two.
    @Test func costCSVSumsToCostUSD() throws {
        let yaml = Self.scenario(
            """
                  lb: { kind: alb, targets: web }
                  web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 1ms, calls: q }
                  q: { kind: sqs, consumers: backend, wait: 20s }
                  backend: { kind: instances, count: 2, zones: [a, b], service: 1ms }
            """, entry: "lb", duration: "10m", arrival: "{ dist: exponential, rate: 50/s }")
            .replacingOccurrences(of: "replications: 1", with: "replications: 3")
        let one = try Runner.run(ComponentBench.scenarios(yaml), options: RunOptions(jobs: 1))
        let two = try Runner.run(ComponentBench.scenarios(yaml), options: RunOptions(jobs: 2))
        #expect(one.cost.csvText() == two.cost.csvText())
        let usd = try one.cost.requireColumn("usd"), rep = try one.cost.requireColumn("replication")
        let costs = try ComponentBench.column(one, "cost_usd")
        for r in 1...3 {
            let sum = one.cost.rows.filter { $0[rep] == String(r) }.reduce(0.0) { $0 + (Double($1[usd]) ?? .nan) }
            #expect(Self.close(sum, costs[r - 1], 1e-8), "replication \(r): \(sum) vs \(costs[r - 1])")
        }
        let item = try one.cost.requireColumn("item")
        #expect(Set(one.cost.rows.map { $0[item] }).isSuperset(of: ["ec2.m5.large", "alb.hour", "alb.lcu", "sqs.standard"]))
    }
}
