import Foundation
import Testing

@testable import TopoBench

@Suite("Distribution")
struct DistributionTests {
    // MARK: Sampling against exact moments

    struct MomentCase: Sendable, CustomTestStringConvertible {
        var distribution: Distribution
        /// Whether E[X²] is finite with a finite fourth moment, so a sample of
        /// 200,000 estimates it well.
        var checkSecondMoment = true
        var testDescription: String { distribution.description }
    }

    static func momentCases() throws -> [MomentCase] {
        [
            MomentCase(distribution: try .constant(0.25)),
            MomentCase(distribution: try .uniform(min: 1, max: 3)),
            MomentCase(distribution: try .uniform(min: 0, max: 0)),
            MomentCase(distribution: try .exponential(mean: 0.01)),
            MomentCase(distribution: try .normal(mean: 10, sd: 2)),
            MomentCase(distribution: try .normal(mean: 0, sd: 1)),
            MomentCase(distribution: try .normal(mean: 0.5, sd: 1)),
            MomentCase(distribution: try .normal(mean: -1, sd: 1)),
            MomentCase(distribution: try .normal(mean: -1.5, sd: 0.5)),
            MomentCase(distribution: try .lognormal(median: 0.005, sigma: 0.4)),
            MomentCase(distribution: try .lognormal(mean: 2, sd: 1)),
            MomentCase(distribution: try .gamma(mean: 0.02, shape: 2)),
            MomentCase(distribution: try .gamma(shape: 0.5, scale: 2)),
            MomentCase(distribution: try .weibull(shape: 1.5, scale: 1)),
            MomentCase(distribution: try .weibull(shape: 0.8, scale: 2)),
            MomentCase(distribution: try .pareto(shape: 5, scale: 1)),
            MomentCase(distribution: try .pareto(shape: 2.5, scale: 0.1), checkSecondMoment: false),
            MomentCase(distribution: try .erlang(k: 1, mean: 0.5)),
            MomentCase(distribution: try .erlang(k: 3, mean: 1)),
            MomentCase(distribution: try .erlang(k: 40, mean: 2)),
            MomentCase(distribution: try .hyperexponential(probabilities: [0.7, 0.3], means: [0.5, 2])),
            MomentCase(distribution: try .hyperexponential(probabilities: [0.9, 0.1], means: [0.001, 0.1])),
            MomentCase(distribution: try .hyperexponential(probabilities: [0, 0.25, 0.75], means: [100, 1, 2])),
            MomentCase(distribution: try .empirical(values: [0.004, 0.001, 0.1, 0.002])),
        ]
    }

    @Test("200,000 draws match the exact mean and second moment", arguments: try momentCases())
    func sampleMoments(_ testCase: MomentCase) {
        let distribution = testCase.distribution
        let stream = RandomStream(seed: 2024, replication: 0, name: distribution.description)
        let n = 200_000
        var sum = 0.0
        var sumOfSquares = 0.0
        var allValid = true
        for _ in 0..<n {
            let x = distribution.sample(stream)
            allValid = allValid && x.isFinite && x >= 0
            sum += x
            sumOfSquares += x * x
        }
        #expect(allValid)
        let mean = distribution.mean
        let secondMoment = distribution.secondMoment
        // Within 2 %, or 4 standard errors of the mean when that is wider
        // (the high-variance hyperexponential).
        let standardError = ((secondMoment - mean * mean) / Double(n)).squareRoot()
        let tolerance = max(0.02 * mean, 4 * standardError, 1e-15)
        #expect(abs(sum / Double(n) - mean) <= tolerance, "sample mean \(sum / Double(n)), exact \(mean)")
        if testCase.checkSecondMoment {
            #expect(
                abs(sumOfSquares / Double(n) - secondMoment) <= max(0.03 * secondMoment, 1e-15),
                "sample E[X²] \(sumOfSquares / Double(n)), exact \(secondMoment)")
        }
    }

    @Test(
        "exact moments",
        arguments: [
            (try Distribution.constant(0.25), 0.25, 0.0625),
            (try .uniform(min: 1, max: 3), 2, 13.0 / 3),
            (try .exponential(mean: 2), 2, 8),
            (try .normal(mean: 0, sd: 1), (2 / Double.pi).squareRoot(), 1),
            (try .normal(mean: 10, sd: 0.001), 10, 100.000001),
            (try .lognormal(median: 1, sigma: 1), exp(0.5), exp(2.0)),
            (try .lognormal(mean: 2, sd: 1), 2, 5),
            (try .gamma(shape: 2, scale: 3), 6, 54),
            (try .gamma(mean: 6, shape: 2), 6, 54),
            (try .weibull(shape: 1, scale: 2), 2, 8),
            (try .weibull(shape: 2, scale: 1), Double.pi.squareRoot() / 2, 1),
            (try .pareto(shape: 3, scale: 1), 1.5, 3),
            (try .pareto(shape: 2, scale: 1), 2, .infinity),
            (try .pareto(shape: 1, scale: 1), .infinity, .infinity),
            (try .pareto(shape: 0.5, scale: 1), .infinity, .infinity),
            (try .erlang(k: 2, mean: 1), 1, 1.5),
            (try .hyperexponential(probabilities: [0.5, 0.5], means: [1, 3]), 2, 10),
            (try .empirical(values: [3, 1, 2]), 2, 14.0 / 3),
        ] as [(Distribution, Double, Double)])
    func exactMoments(_ distribution: Distribution, _ mean: Double, _ secondMoment: Double) {
        func close(_ a: Double, _ b: Double) -> Bool {
            a == b || abs(a - b) <= 1e-12 * max(abs(a), abs(b))
        }
        #expect(close(distribution.mean, mean), "mean \(distribution.mean)")
        #expect(close(distribution.secondMoment, secondMoment), "E[X²] \(distribution.secondMoment)")
    }

    @Test("the truncated normal never yields a negative value", arguments: [2.0, 0, -0.5, -1, -2, -3])
    func truncatedNormalNonNegative(meanInSDs: Double) throws {
        let distribution = try Distribution.normal(mean: meanInSDs * 0.01, sd: 0.01)
        let stream = RandomStream(seed: 7, replication: 1, name: "normal")
        var minimum = Double.infinity
        for _ in 0..<100_000 { minimum = min(minimum, distribution.sample(stream)) }
        #expect(minimum >= 0)
        #expect(distribution.mean > 0)
    }

    @Test("same stream, same draws; distributions with equal parameters are equal")
    func determinismAndEquality() throws {
        let d = try Distribution.lognormal(median: 0.005, sigma: 0.4)
        let a = RandomStream(seed: 1, replication: 2, name: "s")
        let b = RandomStream(seed: 1, replication: 2, name: "s")
        #expect((0..<100).map { _ in d.sample(a) } == (0..<100).map { _ in d.sample(b) })
        #expect(try Distribution.empirical(values: [3, 1, 2]) == Distribution.empirical(values: [1, 2, 3]))
        #expect(
            try Distribution.empirical(values: [3, 1, 2]).hashValue
                == Distribution.empirical(values: [1, 2, 3]).hashValue)
        #expect(try Distribution.gamma(mean: 6, shape: 2) == Distribution.gamma(shape: 2, scale: 3))
        #expect(try Distribution.exponential(mean: 1) != Distribution.exponential(mean: 2))
    }

    @Test("empirical draws only its values, each about equally often")
    func empiricalValues() throws {
        let values = [0.5, 0.1, 0.3, 0.2]
        let distribution = try Distribution.empirical(values: values)
        let stream = RandomStream(seed: 3, replication: 0, name: "empirical")
        var counts: [Double: Int] = [:]
        for _ in 0..<40_000 { counts[distribution.sample(stream), default: 0] += 1 }
        #expect(Set(counts.keys) == Set(values))
        #expect(counts.values.allSatisfy { abs($0 - 10_000) < 400 })
    }

    // MARK: Validation

    struct BadCase: Sendable, CustomTestStringConvertible {
        var label: String
        var parameter: String
        var make: @Sendable () throws -> Distribution
        var testDescription: String { label }
    }

    static let badCases: [BadCase] = [
        BadCase(label: "constant -1", parameter: "value") { try .constant(-1) },
        BadCase(label: "constant nan", parameter: "value") { try .constant(.nan) },
        BadCase(label: "constant inf", parameter: "value") { try .constant(.infinity) },
        BadCase(label: "uniform min -1", parameter: "min") { try .uniform(min: -1, max: 1) },
        BadCase(label: "uniform max nan", parameter: "max") { try .uniform(min: 0, max: .nan) },
        BadCase(label: "uniform max < min", parameter: "max") { try .uniform(min: 2, max: 1) },
        BadCase(label: "exponential mean 0", parameter: "mean") { try .exponential(mean: 0) },
        BadCase(label: "exponential mean -1", parameter: "mean") { try .exponential(mean: -1) },
        BadCase(label: "exponential mean inf", parameter: "mean") { try .exponential(mean: .infinity) },
        BadCase(label: "exponential mean nan", parameter: "mean") { try .exponential(mean: .nan) },
        BadCase(label: "normal mean nan", parameter: "mean") { try .normal(mean: .nan, sd: 1) },
        BadCase(label: "normal sd 0", parameter: "sd") { try .normal(mean: 1, sd: 0) },
        BadCase(label: "normal sd -1", parameter: "sd") { try .normal(mean: 1, sd: -1) },
        BadCase(label: "normal mean < -3 sd", parameter: "mean") { try .normal(mean: -3.01, sd: 1) },
        BadCase(label: "lognormal median 0", parameter: "median") { try .lognormal(median: 0, sigma: 1) },
        BadCase(label: "lognormal sigma 0", parameter: "sigma") { try .lognormal(median: 1, sigma: 0) },
        BadCase(label: "lognormal sigma inf", parameter: "sigma") { try .lognormal(median: 1, sigma: .infinity) },
        BadCase(label: "lognormal mean -1", parameter: "mean") { try .lognormal(mean: -1, sd: 1) },
        BadCase(label: "lognormal sd 0", parameter: "sd") { try .lognormal(mean: 1, sd: 0) },
        BadCase(label: "lognormal sd nan", parameter: "sd") { try .lognormal(mean: 1, sd: .nan) },
        BadCase(label: "lognormal sd overflowing", parameter: "sd") { try .lognormal(mean: 1e-300, sd: 1e300) },
        BadCase(label: "gamma mean 0", parameter: "mean") { try .gamma(mean: 0, shape: 2) },
        BadCase(label: "gamma shape -2", parameter: "shape") { try .gamma(mean: 1, shape: -2) },
        BadCase(label: "gamma mean/shape underflow", parameter: "mean") { try .gamma(mean: 1e-300, shape: 1e300) },
        BadCase(label: "gamma shape 0", parameter: "shape") { try .gamma(shape: 0, scale: 1) },
        BadCase(label: "gamma scale nan", parameter: "scale") { try .gamma(shape: 1, scale: .nan) },
        BadCase(label: "weibull shape 0", parameter: "shape") { try .weibull(shape: 0, scale: 1) },
        BadCase(label: "weibull scale -1", parameter: "scale") { try .weibull(shape: 1, scale: -1) },
        BadCase(label: "pareto shape inf", parameter: "shape") { try .pareto(shape: .infinity, scale: 1) },
        BadCase(label: "pareto scale 0", parameter: "scale") { try .pareto(shape: 2, scale: 0) },
        BadCase(label: "erlang k 0", parameter: "k") { try .erlang(k: 0, mean: 1) },
        BadCase(label: "erlang k -3", parameter: "k") { try .erlang(k: -3, mean: 1) },
        BadCase(label: "erlang mean 0", parameter: "mean") { try .erlang(k: 2, mean: 0) },
        BadCase(label: "hyperexponential empty", parameter: "probabilities") {
            try .hyperexponential(probabilities: [], means: [])
        },
        BadCase(label: "hyperexponential sum 0.9", parameter: "probabilities") {
            try .hyperexponential(probabilities: [0.5, 0.4], means: [1, 2])
        },
        BadCase(label: "hyperexponential sum 1.1", parameter: "probabilities") {
            try .hyperexponential(probabilities: [0.5, 0.6], means: [1, 2])
        },
        BadCase(label: "hyperexponential negative probability", parameter: "probabilities") {
            try .hyperexponential(probabilities: [1.5, -0.5], means: [1, 2])
        },
        BadCase(label: "hyperexponential nan probability", parameter: "probabilities") {
            try .hyperexponential(probabilities: [.nan, 1], means: [1, 2])
        },
        BadCase(label: "hyperexponential count mismatch", parameter: "means") {
            try .hyperexponential(probabilities: [0.5, 0.5], means: [1])
        },
        BadCase(label: "hyperexponential mean 0", parameter: "means") {
            try .hyperexponential(probabilities: [0.5, 0.5], means: [1, 0])
        },
        BadCase(label: "empirical empty", parameter: "values") { try .empirical(values: []) },
        BadCase(label: "empirical negative", parameter: "values") { try .empirical(values: [1, -1]) },
        BadCase(label: "empirical nan", parameter: "values") { try .empirical(values: [.nan]) },
        BadCase(label: "empirical inf", parameter: "values") { try .empirical(values: [1, .infinity]) },
        BadCase(label: "validating lognormal mu nan", parameter: "mu") {
            try Distribution(validating: .lognormal(mu: .nan, sigma: 1))
        },
        BadCase(label: "validating gamma shape 0", parameter: "shape") {
            try Distribution(validating: .gamma(shape: 0, scale: 1))
        },
        BadCase(label: "validating unsorted empirical negative", parameter: "values") {
            try Distribution(validating: .empirical(values: [2, -1]))
        },
    ]

    @Test("factories reject bad parameters, naming the parameter", arguments: badCases)
    func rejects(_ testCase: BadCase) {
        do {
            let distribution = try testCase.make()
            Issue.record("accepted: \(distribution)")
        } catch let error as DistributionParameterError {
            #expect(error.parameter == testCase.parameter, "\(error)")
            #expect(!error.expected.isEmpty && !error.found.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("edge parameters are accepted")
    func acceptsEdges() throws {
        _ = try Distribution.constant(0)
        _ = try Distribution.uniform(min: 0, max: 0)
        _ = try Distribution.normal(mean: -3, sd: 1)
        _ = try Distribution.hyperexponential(probabilities: [0.1, 0.2, 0.7 + 5e-10], means: [1, 2, 3])
        _ = try Distribution.hyperexponential(probabilities: [1], means: [1])
        _ = try Distribution.empirical(values: [0])
        let sorted = try Distribution(validating: .empirical(values: [3, 1, 2]))
        #expect(sorted.kind == .empirical(values: [1, 2, 3]))
        let lognormal = try Distribution(validating: .lognormal(mu: -2, sigma: 0.5))
        #expect(lognormal.kind == .lognormal(mu: -2, sigma: 0.5))
    }

    // MARK: Nanoseconds

    @Test(
        "seconds to nanoseconds: rounded to nearest, clamped, never traps",
        arguments: [
            (0, 0), (-1, 0), (-.infinity, 0), (.nan, 0), (1e-9, 1), (0.4e-9, 0), (0.6e-9, 1),
            (1.25e-9, 1), (1.75e-9, 2), (2.5e-8, 25), (1, 1_000_000_000), (0.005, 5_000_000),
            (3600, 3_600_000_000_000), (2e9, 2_000_000_000_000_000_000),
            (2.4e9, Int64.max / 4), (1e300, Int64.max / 4), (.infinity, Int64.max / 4),
            (Double.greatestFiniteMagnitude, Int64.max / 4),
        ] as [(Double, Int64)])
    func nanoseconds(_ seconds: Double, _ expected: Int64) {
        #expect(Distribution.nanoseconds(fromSeconds: seconds) == expected)
    }

    @Test(
        "sampleNanoseconds clamps huge draws",
        arguments: [(1e300, Int64.max / 4), (1e10, Int64.max / 4), (2.3e9, 2_300_000_000_000_000_000)]
            as [(Double, Int64)])
    func sampleNanosecondsClamps(seconds: Double, expected: Int64) throws {
        let stream = RandomStream(seed: 1, replication: 0, name: "huge")
        #expect(try Distribution.constant(seconds).sampleNanoseconds(stream) == expected)
        // A Pareto with shape 0.05 has draws far beyond any Int64.
        let heavy = try Distribution.pareto(shape: 0.05, scale: seconds)
        for _ in 0..<10_000 {
            let ns = heavy.sampleNanoseconds(stream)
            #expect(ns >= 0 && ns <= Distribution.maxNanoseconds)
        }
    }

    @Test("sampleNanoseconds matches sample, rounded")
    func sampleNanosecondsMatchesSample() throws {
        let d = try Distribution.exponential(mean: 0.003)
        let a = RandomStream(seed: 4, replication: 0, name: "ns")
        let b = RandomStream(seed: 4, replication: 0, name: "ns")
        for _ in 0..<10_000 {
            #expect(d.sampleNanoseconds(a) == Int64((d.sample(b) * 1e9).rounded()))
        }
    }

    // MARK: Description

    @Test(
        "description",
        arguments: [
            (try Distribution.lognormal(median: 0.005, sigma: 0.4), "lognormal(median 0.005, sigma 0.4)"),
            (try .constant(0.25), "constant(0.25)"),
            (try .uniform(min: 60, max: 180), "uniform(min 60, max 180)"),
            (try .exponential(mean: 0.01), "exponential(mean 0.01)"),
            (try .normal(mean: 1, sd: 0.5), "normal(mean 1, sd 0.5, truncated at 0)"),
            (try .gamma(mean: 0.02, shape: 2), "gamma(shape 2, scale 0.01)"),
            (try .weibull(shape: 1.5, scale: 2), "weibull(shape 1.5, scale 2)"),
            (try .pareto(shape: 2.5, scale: 1), "pareto(shape 2.5, scale 1)"),
            (try .erlang(k: 3, mean: 0.02), "erlang(k 3, mean 0.02)"),
            (
                try .hyperexponential(probabilities: [0.9, 0.1], means: [0.001, 0.1]),
                "hyperexponential(probabilities [0.9, 0.1], means [0.001, 0.1])"
            ),
            (try .empirical(values: [1, 2, 3]), "empirical(3 values, mean 2)"),
        ] as [(Distribution, String)])
    func description(_ distribution: Distribution, _ expected: String) {
        #expect(distribution.description == expected)
    }

    @Test("error description names the parameter")
    func errorDescription() {
        let error = DistributionParameterError(parameter: "sigma", expected: "a finite number > 0", found: "-1")
        #expect(error.description == "sigma: expected a finite number > 0, found -1")
    }
}
