import Testing

@testable import TopoBench

@Suite("RandomStream")
struct RandomStreamTests {
    struct StreamID: Sendable, CustomTestStringConvertible {
        var seed: UInt64
        var replication: Int
        var name: String
        var testDescription: String { "(\(seed), \(replication), \"\(name)\")" }
    }

    static func draws(_ id: StreamID, count: Int = 1000) -> [UInt32] {
        let stream = RandomStream(seed: id.seed, replication: id.replication, name: id.name)
        return (0..<count).map { _ in stream.nextUInt32() }
    }

    static let ids: [StreamID] = [
        StreamID(seed: 42, replication: 0, name: "arrivals"),
        StreamID(seed: 42, replication: 7, name: "web.service"),
        StreamID(seed: 0, replication: 0, name: ""),
        StreamID(seed: .max, replication: -1, name: "zoné/ü 🎲"),
        StreamID(seed: 1, replication: Int.max, name: String(repeating: "x", count: 10_000)),
    ]

    @Test("the same (seed, replication, name) gives the same sequence", arguments: ids)
    func reproducible(_ id: StreamID) {
        #expect(Self.draws(id) == Self.draws(id))
    }

    @Test(
        "changing one of seed, replication or name changes the sequence",
        arguments: [
            (
                StreamID(seed: 42, replication: 0, name: "arrivals"),
                StreamID(seed: 43, replication: 0, name: "arrivals")
            ),
            (
                StreamID(seed: 42, replication: 0, name: "arrivals"),
                StreamID(seed: 42, replication: 1, name: "arrivals")
            ),
            (StreamID(seed: 42, replication: 0, name: "arrivals"), StreamID(seed: 42, replication: 0, name: "arrival")),
            (
                StreamID(seed: 42, replication: 0, name: "web.service"),
                StreamID(seed: 42, replication: 0, name: "web.servicf")
            ),
            (StreamID(seed: 42, replication: 0, name: "ab"), StreamID(seed: 42, replication: 0, name: "ba")),
            (StreamID(seed: 0, replication: 0, name: ""), StreamID(seed: 0, replication: 1, name: "")),
            (StreamID(seed: 0, replication: 0, name: ""), StreamID(seed: 1, replication: 0, name: "")),
        ])
    func distinct(_ a: StreamID, _ b: StreamID) {
        #expect(
            RandomStream.derivedSeed(seed: a.seed, replication: a.replication, name: a.name)
                != RandomStream.derivedSeed(seed: b.seed, replication: b.replication, name: b.name))
        #expect(Self.draws(a, count: 10) != Self.draws(b, count: 10))
    }

    @Test("creating and drawing from other streams does not change a stream's draws")
    func independentOfOtherStreams() {
        let alone = Self.draws(StreamID(seed: 9, replication: 3, name: "backend.service"))

        let before = RandomStream(seed: 9, replication: 3, name: "arrivals")
        let stream = RandomStream(seed: 9, replication: 3, name: "backend.service")
        let after = RandomStream(seed: 9, replication: 3, name: "web.service")
        var interleaved: [UInt32] = []
        for i in 0..<alone.count {
            _ = before.uniform()
            interleaved.append(stream.nextUInt32())
            for _ in 0..<(i % 3) { _ = after.exponential(mean: 1) }
        }
        #expect(interleaved == alone)
    }

    /// Pins the seed derivation and GSL's MT19937: if this fails, every result
    /// of every scenario changes (a determinism break to note in the changelog).
    @Test("golden seeds and draws")
    func golden() {
        #expect(RandomStream.derivedSeed(seed: 42, replication: 0, name: "arrivals") == Self.goldenSeed)
        #expect(RandomStream.derivedSeed(seed: 42, replication: 1, name: "arrivals") == 449_852_070)
        #expect(RandomStream.derivedSeed(seed: 0, replication: 0, name: "") == 1_040_638_030)
        let stream = RandomStream(seed: 42, replication: 0, name: "arrivals")
        #expect(stream.seed == Self.goldenSeed)
        #expect(
            [stream.nextUInt32(), stream.nextUInt32(), stream.nextUInt32()] == [
                1_080_061_139, 2_365_136_097, 2_574_981_455,
            ])
        // GSL documents 4293858116 as the first output of mt19937 with its
        // default seed 4357, which is also what it uses for seed 0.
        #expect(RandomStream(derivedSeed: 4357, name: "default").nextUInt32() == 4_293_858_116)
        #expect(RandomStream(derivedSeed: 0, name: "zero").nextUInt32() == 4_293_858_116)
    }

    static let goldenSeed: UInt32 = 4_202_252_151

    @Test(
        "10,000 names × 100 replications: no seed collision within a replication or for one name",
        arguments: [0, 42, 2024] as [UInt64])
    func noCollisions(seed: UInt64) {
        let names = (0..<10_000).map { "component-\($0)" }
        let replications = 100
        var seedsOfName = [Set<UInt32>](repeating: [], count: names.count)
        var everySeed: [UInt32: Int] = [:]
        var withinReplication = 0
        for replication in 0..<replications {
            var seen = Set<UInt32>(minimumCapacity: names.count)
            for (index, name) in names.enumerated() {
                let derived = RandomStream.derivedSeed(seed: seed, replication: replication, name: name)
                #expect(derived != 0)
                if !seen.insert(derived).inserted { withinReplication += 1 }
                seedsOfName[index].insert(derived)
                everySeed[derived, default: 0] += 1
            }
        }
        #expect(withinReplication == 0)
        #expect(seedsOfName.allSatisfy { $0.count == replications })
        #expect(RandomStream.collidingNames(seed: seed, names: names).isEmpty)
        // Across replications some (name, replication) pairs must meet: the
        // birthday bound for 10⁶ 32-bit seeds is ≈ 116 (measured: 38 for
        // seed 0, 2 for seed 42). Only a wild excess would mean a bad hash.
        let crossReplication = everySeed.values.reduce(0) { $0 + $1 - 1 }
        #expect(crossReplication < 1000, "cross-replication collisions: \(crossReplication)")
    }

    @Test("collidingNames ignores duplicates and reports nothing for ordinary names")
    func collidingNamesDuplicates() {
        #expect(RandomStream.collidingNames(seed: 1, names: ["a", "a", "b", "web.service", "web.service"]).isEmpty)
        #expect(RandomStream.collidingNames(seed: 1, names: []).isEmpty)
    }

    @Test("uniform is in [0, 1), uniformPositive in (0, 1), with mean 1/2")
    func uniformRanges() {
        let stream = RandomStream(seed: 5, replication: 0, name: "uniform")
        var sum = 0.0
        var sumPositive = 0.0
        let n = 100_000
        for _ in 0..<n {
            let u = stream.uniform()
            let v = stream.uniformPositive()
            #expect(u >= 0 && u < 1)
            #expect(v > 0 && v < 1)
            sum += u
            sumPositive += v
        }
        #expect(abs(sum / Double(n) - 0.5) < 0.005)
        #expect(abs(sumPositive / Double(n) - 0.5) < 0.005)
    }

    @Test(
        "uniformInt(n) stays in 0..<n, also beyond 2^32",
        arguments: [1, 2, 3, 10, 1000, 0xFFFF_FFFF, 0x1_0000_0000, 0x1_0000_0001, 1 << 62, Int.max])
    func uniformIntRange(n: Int) {
        let stream = RandomStream(seed: 11, replication: 0, name: "int")
        var maximum = 0
        for _ in 0..<10_000 {
            let k = stream.uniformInt(n)
            #expect(k >= 0 && k < n)
            maximum = max(maximum, k)
        }
        if n > 1 << 40 {
            // Reaching the upper half shows the high word is used.
            #expect(maximum > n / 2)
        }
    }

    @Test("uniformInt(n) is uniform (chi-square, 10 cells)")
    func uniformIntChiSquare() {
        let stream = RandomStream(seed: 12, replication: 0, name: "chi")
        for n in [10, 10 * (1 << 33)] {
            var counts = [Int](repeating: 0, count: 10)
            let draws = 100_000
            for _ in 0..<draws { counts[stream.uniformInt(n) / (n / 10)] += 1 }
            let expected = Double(draws) / 10
            let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            #expect(chiSquare < 27.88, "n = \(n): χ² = \(chiSquare)")  // 99.9 % point, 9 dof
        }
    }

    @Test("exponential(mean:) has the right mean and is positive")
    func exponentialMean() {
        let stream = RandomStream(seed: 13, replication: 0, name: "exp")
        var sum = 0.0
        let n = 200_000
        for _ in 0..<n {
            let x = stream.exponential(mean: 2.5)
            #expect(x >= 0)
            sum += x
        }
        #expect(abs(sum / Double(n) / 2.5 - 1) < 0.01)
    }

    @Test("disableAbortOnError is idempotent and safe from many tasks")
    func disableAbortOnErrorConcurrently() async {
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<16 { group.addTask { GSL.disableAbortOnError() } }
        }
        GSL.disableAbortOnError()
    }
}
