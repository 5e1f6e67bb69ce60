import Foundation
import Testing

@testable import TopoBench

#if TOPOBENCH_INVARIANTS
/// The engine's and the models' invariants, checked after every event (debug builds only:
/// `make test` runs this suite in a debug build after the release tests).
@Suite struct InvariantTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every scenario of the default suite and of the examples, shortened, each topology one
    /// replication: `_checkInvariants()` runs after each of their events.
    static let files: [String] = {
        let folders = ["Benchmarks/suites/default", "Benchmarks/suites/examples"]
        return folders.flatMap { folder -> [String] in
            let dir = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0).path }
        }
    }()

    @Test func theSuiteScenariosFileListIsNotEmpty() {
        #expect(Self.files.count >= 8)
    }

    @Test(arguments: files)
    func everyEventLeavesTheTablesConsistent(_ file: String) throws {
        let points = try ScenarioLoader.load(path: file, overrides: ScenarioOverrides(replications: 1, timeScale: 0.004))
        for topology in points[0].topologies {
            let sim = Simulation(scenario: points[0], topology: topology, replication: 1)
            _ = sim.runKeepingModels()
            #expect(sim.eventsProcessed > 100, "\(file) \(topology.name): too short to check anything")
            ComponentBench.checkConservation(sim)
        }
    }

    /// One web group under open load, started and advanced by `events` events.
    static func runningGroup(rate: String, workers: Int, events: Int) -> Simulation {
        let yaml = """
            name: broken
            duration: 1m
            seed: 1
            workload: { arrival: { dist: exponential, rate: \(rate) } }
            topologies:
              t:
                entry: web
                components:
                  web: { kind: instances, count: 1, workers: \(workers), service: { dist: exponential, mean: 1ms } }
            """
        let s = try! ScenarioLoader.parse(text: yaml, file: "broken.yaml")[0]
        let sim = Simulation(scenario: s, topology: s.topologies[0], replication: 1)
        sim.start()
        for _ in 0..<events {
            let e = sim.events.pop()
            sim.now = e.time
            sim.dispatch(e)
        }
        return sim
    }

    /// A corrupted table is caught: the checks are really run and really check.
    @Test func aBrokenQueueLengthStopsTheRun() async {
        await #expect(processExitsWith: .failure) {
            let sim = InvariantTests.runningGroup(rate: "2000/s", workers: 1, events: 200)
            // A queue length that no list matches: the next check must fail.
            sim.groups[0].work[0].queue.count += 1
            sim._checkInvariants()
        }
    }

    @Test func aCallOnTheFreeListTwiceStopsTheRun() async {
        await #expect(processExitsWith: .failure) {
            let sim = InvariantTests.runningGroup(rate: "200/s", workers: 4, events: 500)
            if let f = sim.freeCall.first { sim.freeCall.append(f) }
            sim._checkInvariants()
        }
    }
}
#endif
