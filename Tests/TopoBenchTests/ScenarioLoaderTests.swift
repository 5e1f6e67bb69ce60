import Foundation
import Testing
@testable import TopoBench

/// The loader checks every key: each bad file is an error naming the key path.
@Suite("Scenario loader")
struct ScenarioLoaderTests {
    static let base = """
        name: base
        duration: 10m
        warmup: 1m
        replications: 2
        workload:
          arrival: { dist: exponential, rate: 100/s }
          timeout: 5s
        faults:
          - { kind: crash, target: web, instance: 0, at: 2m, recover_after: 1m }
        topologies:
          alb:
            entry: lb
            components:
              lb: { kind: alb, targets: web, health_check: { interval: 30s, timeout: 5s } }
              web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: 5ms, calls: db }
              db: { kind: instances, count: 1, workers: 4, service: { dist: gamma, mean: 10ms, shape: 2 } }
        """

    func load(_ text: String) throws -> [Scenario] { try ScenarioLoader.parse(text: text, file: "s.yaml") }

    @Test func theBaseLoads() throws {
        let s = try #require(try load(Self.base).first)
        #expect(s.duration == 10 * Time.minute)
        #expect(s.topologies[0].components.count == 3)
        guard let lb = s.topologies[0].components[0].kind.spec as? LoadBalancerSpec else { Issue.record("lb is not an alb"); return }
        #expect(lb.healthCheck.healthyThreshold == 5)   // AWS default
        #expect(lb.healthCheck.unhealthyThreshold == 2)
        #expect(lb.idleTimeout == 60 * Time.second)
        guard let web = s.topologies[0].components[1].kind.spec as? InstancesSpec else { Issue.record("web"); return }
        #expect(web.callTimeout == AwsDefaults.callTimeout)
        // The end user makes one attempt (workload.retry: none, the SPEC's "Who retries").
        #expect(s.workload.retry.maxAttempts == 1)
        #expect(s.workload.retry.quota == nil)
    }

    @Test(arguments: [
        ("replications: 2", "replicatons: 2", "replicatons", "replications"),
        ("duration: 10m", "duration: -", "duration", nil),
        ("duration: 10m", "duration: 10", "duration", nil),
        ("duration: 10m", "duration: 10 minutes", "duration", nil),
        ("rate: 100/s", "rate: -100/s", "workload.arrival.rate", nil),
        ("rate: 100/s", "rate: 100", "workload.arrival.rate", nil),
        ("interval: 30s", "interval: 1s", "topologies.alb.components.lb.health_check.interval", nil),
        ("interval: 30s", "intervall: 30s", "topologies.alb.components.lb.health_check.intervall", "interval"),
        ("calls: db", "calls: dbb", "topologies.alb.components.web.calls", "db"),
        ("targets: web", "targets: db2", "topologies.alb.components.lb.targets", nil),
        ("count: 2", "count: 1000000000000", "topologies.alb.components.web.count", nil),
        ("count: 2", "count: 2.5", "topologies.alb.components.web.count", nil),
        ("workers: 4, service: 5ms", "workers: 4, service: { dist: gama, mean: 5ms }", "topologies.alb.components.web.service.dist", "gamma"),
        ("shape: 2", "shape: -2", "topologies.alb.components.db.service.shape", nil),
        ("shape: 2", "shape: .nan", "topologies.alb.components.db.service.shape", nil),
        ("target: web, instance: 0", "target: wbe, instance: 0", "faults[0].target", "web"),
        ("at: 2m", "at: -2m", "faults[0].at", nil),
        ("kind: crash", "kind: crashh", "faults[0].kind", "crash"),
        ("entry: lb", "entry: nope", "topologies.alb.entry", nil),
        ("topologies:", "topologies: 7\nunused:", "topologies", nil),
    ] as [(String, String, String, String?)])
    func badInputNamesTheKeyPath(_ find: String, _ replace: String, _ keyPath: String, _ suggestion: String?) {
        let text = Self.base.replacingOccurrences(of: find, with: replace)
        #expect(text != Self.base, "the mutation must apply")
        do {
            _ = try load(text)
            Issue.record("\(replace) was accepted")
        } catch let e as ScenarioError {
            #expect(e.keyPath == keyPath || e.description.contains(keyPath), "\(e) does not name \(keyPath)")
            #expect(e.file == "s.yaml")
            if let s = suggestion { #expect(e.suggestion == s, "\(e) should suggest \(s)") }
        } catch {
            Issue.record("not a ScenarioError: \(error)")
        }
    }

    @Test func circularCallsAreRefused() {
        let text = Self.base.replacingOccurrences(of: "service: { dist: gamma, mean: 10ms, shape: 2 } }", with: "service: 10ms, calls: web }")
        #expect(throws: ScenarioError.self) { try load(text) }
    }

    @Test func aSweepExpandsToItsPoints() throws {
        let text = Self.base + "\nsweep:\n  workload.arrival.rate: [50/s, 100/s, 200/s]\n  topologies.*.components.web.count: [2, 4]\n"
        let points = try load(text)
        #expect(points.count == 6)
        #expect(points.map { $0.sweep.map(\.value) }[0] == ["50/s", "2"])
        #expect(points.map { $0.sweep.map(\.value) }[5] == ["200/s", "4"])
        guard case .open(let a) = points[5].workload.mode else { Issue.record("open loop"); return }
        #expect(a.rate == 200)
        guard let web = points[5].topologies[0].components[1].kind.spec as? InstancesSpec else { Issue.record("web"); return }
        #expect(web.count == 4)
    }

    @Test func fisActionNamesAreAliases() throws {
        let text = Self.base.replacingOccurrences(of: "kind: crash", with: "kind: aws:ec2:stop-instances")
        let s = try #require(try load(text).first)
        #expect(s.faults[0].kind == .stop)
        #expect(s.faults[0].writtenKind == "aws:ec2:stop-instances")
    }

    @Test func jsonIsAcceptedToo() throws {
        let json = """
            {"name": "j", "duration": "5m", "workload": {"arrival": {"dist": "exponential", "rate": "10/s"}},
             "topologies": {"t": {"entry": "w", "components": {"w": {"kind": "instances", "service": "5ms"}}}}}
            """
        let s = try #require(try ScenarioLoader.parse(text: json, file: "j.json").first)
        #expect(s.duration == 5 * Time.minute)
    }
}
