import CGSL
import Foundation
import Testing

@testable import TopoBench

/// The hot path advances GSL's mt19937 in place (`Sources/CGSL/shim.h`); these tests hold it to
/// GSL's own outputs, and its ziggurat to the normal distribution.
@Suite("Inline generator and ziggurat")
struct InlineGeneratorTests {
    /// A plain GSL generator seeded like a stream, to compare with.
    final class Twin {
        let r: UnsafeMutablePointer<gsl_rng>
        init(seed: UInt32) {
            r = gsl_rng_alloc(cgsl_rng_type_mt19937())!
            gsl_rng_set(r, UInt(seed))
        }
        deinit { gsl_rng_free(r) }
    }

    static let seeds: [UInt32] = [1, 4357, 0x6D2B_79F5, 0xFFFF_FFFF, 20_261_129]

    @Test("2 million raw outputs equal gsl_rng_get's (3,200 twists)", arguments: seeds)
    func rawOutputs(seed: UInt32) {
        let stream = RandomStream(derivedSeed: seed, name: "twin")
        let twin = Twin(seed: seed)
        var mismatches = 0
        for _ in 0..<2_000_000 where UInt(stream.nextUInt32()) != gsl_rng_get(twin.r) { mismatches += 1 }
        #expect(mismatches == 0)
    }

    @Test("draws through GSL and inline interleave on one generator", arguments: seeds)
    func interleaved(seed: UInt32) {
        let stream = RandomStream(derivedSeed: seed, name: "mixed")
        let twin = Twin(seed: seed)
        var mismatches = 0
        for i in 0..<100_000 {
            // A varying pattern, so that the twist falls in either kind of call.
            let viaGSL = (i % 7) < 3
            let mine = viaGSL ? gsl_rng_get(stream.gsl) : UInt(stream.nextUInt32())
            if mine != gsl_rng_get(twin.r) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("uniform, uniformPositive and uniformInt equal GSL's")
    func derivedUniforms() {
        let stream = RandomStream(derivedSeed: 77, name: "u")
        let g = stream.generator
        let twin = Twin(seed: 77)
        var mismatches = 0
        for i in 0..<300_000 {
            switch i % 4 {
            case 0: if g.uniform() != gsl_rng_uniform(twin.r) { mismatches += 1 }
            case 1: if g.uniformPositive() != gsl_rng_uniform_pos(twin.r) { mismatches += 1 }
            case 2:
                let n = 1 + i % 1_000
                if g.uniformInt(n) != Int(gsl_rng_uniform_int(twin.r, UInt(n))) { mismatches += 1 }
            default:
                let n = 3_000_000_000
                if stream.uniformInt(n) != Int(gsl_rng_uniform_int(twin.r, UInt(n))) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    /// Φ, the standard normal CDF.
    static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    @Test("the ziggurat's draws follow N(0, σ²): Kolmogorov–Smirnov, moments, both tails", arguments: [1.0, 0.3])
    func zigguratIsNormal(sigma: Double) {
        let stream = RandomStream(derivedSeed: 2026, name: "normal")
        let n = 1_000_000
        var xs = [Double](repeating: 0, count: n)
        for i in 0..<n { xs[i] = cgsl_mt_gaussian_ziggurat(stream.gsl, sigma) / sigma }
        let mean = xs.reduce(0, +) / Double(n)
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let kurtosis = xs.reduce(0) { $0 + pow($1 - mean, 4) } / Double(n) / (variance * variance)
        // Standard errors: mean 0.001, variance 0.0014, kurtosis 0.0049.
        #expect(abs(mean) < 0.005)
        #expect(abs(variance - 1) < 0.007)
        #expect(abs(kurtosis - 3) < 0.025)
        xs.sort()
        var d = 0.0
        for (i, x) in xs.enumerated() {
            let f = Self.phi(x)
            d = max(d, abs(f - Double(i) / Double(n)), abs(Double(i + 1) / Double(n) - f))
        }
        // KS critical value at α = 0.001: 1.95 / √n.
        #expect(d < 1.95 / Double(n).squareRoot(), "D = \(d)")
        // The tail beyond R (Marsaglia's method) and the wedges: P(|Z| > 3) = 0.0026998.
        let beyond3 = xs.filter { abs($0) > 3 }.count
        #expect(abs(Double(beyond3) / Double(n) - 0.0026998) < 0.0003)
        let beyondR = xs.filter { abs($0) > CGSL_ZIGGURAT_R }.count
        let expectedR = 2 * (1 - Self.phi(CGSL_ZIGGURAT_R))
        #expect(abs(Double(beyondR) / Double(n) - expectedR) < 0.00015, "\(beyondR) beyond R")
    }

    @Test("a DrawBuffer yields what drawing one at a time yields, across refills",
          arguments: [try! Distribution.lognormal(median: 0.00025, sigma: 0.3), try! Distribution.gamma(mean: 0.02, shape: 2),
                      try! Distribution.exponential(mean: 0.001), try! Distribution.constant(0.5)])
    func drawBufferMatchesDirectDraws(_ distribution: Distribution) {
        let buffered = RandomStream(derivedSeed: 99, name: "buffered")
        let direct = RandomStream(derivedSeed: 99, name: "direct")
        var buffer = DrawBuffer(distribution, buffered.generator)
        defer { buffer.deallocate() }
        var mismatches = 0
        for _ in 0..<(DrawBuffer.block * 5 + 7) where buffer.draw() != distribution.sampleNanoseconds(direct.generator) {
            mismatches += 1
        }
        #expect(mismatches == 0)
    }
}
