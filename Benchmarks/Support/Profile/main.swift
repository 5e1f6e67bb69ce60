import Foundation
import ReferenceScenarios
import TopoBench

// A harness-free driver for profilers: runs one workload of the benchmarks once and prints what
// it did, so that `valgrind --tool=callgrind` counts the workload and little else.
//
//   swift build -c release --product Profile
//   valgrind --tool=callgrind .build/release/Profile mm4 100      # reference/mm4.yaml, 100 s
//   valgrind --tool=callgrind .build/release/Profile hold 100000   # hold model, 10⁵ pending
//
// Usage: Profile SCENARIO [SECONDS]   (SCENARIO: a file of reference/ without .yaml, or a path
//                                      to any scenario file with one topology)
//        Profile hold PENDING [HOLDS]

let arguments = CommandLine.arguments.dropFirst()
guard let what = arguments.first else {
    FileHandle.standardError.write(Data("usage: Profile SCENARIO [SECONDS] | Profile hold PENDING [HOLDS]\n".utf8))
    exit(64)
}
let numbers = arguments.dropFirst().map { Int($0) }
if numbers.contains(where: { $0 == nil || $0! <= 0 }) {
    FileHandle.standardError.write(Data("Profile: the numbers must be positive integers\n".utf8))
    exit(64)
}
let values = numbers.compactMap { $0 }

if what == "hold" {
    let pending = values.first ?? 100_000
    let holds = values.dropFirst().first ?? 2_000_000
    let increment = try Distribution.exponential(mean: 1)
    let stream = RandomStream(seed: 2026, replication: 1, name: "hold")
    var queue = EventQueue(capacity: pending)
    for _ in 0..<pending { queue.schedule(at: increment.sampleNanoseconds(stream), .arrival) }
    let start = ContinuousClock.now
    for _ in 0..<holds {
        let e = queue.pop()
        queue.schedule(at: e.time &+ increment.sampleNanoseconds(stream), e.kind, target: e.target, slot: e.slot, gen: e.gen)
    }
    let seconds = ReferenceScenarios.seconds(ContinuousClock.now - start)
    print("hold, \(pending) pending: \(holds) events in \(String(format: "%.3f", seconds)) s, \(Int(Double(holds) / seconds)) events/s (last time \(queue.nextTime ?? 0))")
    queue.deallocate()
} else {
    let duration = values.first.map { SimTime($0) * Time.second }
    let scenario = what.hasSuffix(".yaml") || what.hasSuffix(".json")
        ? ReferenceScenarios.load(url: URL(fileURLWithPath: what), duration: duration)
        : ReferenceScenarios.load(what, duration: duration)
    let timed = ReferenceScenarios.run(scenario)
    let offered = timed.metric(.offered), processed = timed.metric(.messagesProcessed)
    print("\(what): \(Int(offered)) requests, \(Int(processed)) messages processed, \(timed.outcome.events) events in \(String(format: "%.3f", timed.seconds)) s: \(timed.perSecond(offered)) requests/s, \(timed.perSecond(Double(timed.outcome.events))) events/s")
}
