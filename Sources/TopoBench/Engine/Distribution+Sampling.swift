import CGSL
import Foundation

extension Distribution {
    /// Draws one value from `stream`.
    ///
    /// Hot path: a switch over `kind` and one or two GSL calls; no allocation,
    /// no existential. The sequence of GSL calls per family is part of the
    /// determinism contract: changing it changes every result.
    ///
    /// - Complexity: O(1), except hyperexponential: O(number of branches);
    ///   the truncated normal's rejection loop takes fewer than 2 tries on
    ///   average.
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        sample(stream.generator)
    }

    /// Draws one value from a borrowed generator (the hot-path form of ``sample(_:)-RandomStream``).
    @inlinable
    public func sample(_ stream: RandomGenerator) -> Double {
        let r = stream.gsl
        switch kind {
        case .constant(let value):
            return value
        case .uniform(let min, let max):
            return gsl_ran_flat(r, min, max)
        case .exponential(let mean):
            return stream.exponential(mean: mean)
        case .normal(let mean, let sd):
            if mean >= 0 {
                // P(X ≥ 0) ≥ 1/2: plain rejection.
                while true {
                    let x = mean + cgsl_mt_gaussian_ziggurat(r, sd)
                    if x >= 0 { return x }
                }
            }
            // Mean < 0 (≥ −3 sd by validation): draw N(0, sd) conditioned
            // on exceeding −mean. max guards a last-bit rounding below 0.
            return Swift.max(0, mean + gsl_ran_gaussian_tail(r, -mean, sd))
        case .lognormal(let mu, let sigma):
            return Self.lognormal(mu: mu, sigma: sigma, r)
        case .gamma(let shape, let scale):
            return gsl_ran_gamma(r, shape, scale)
        case .weibull(let shape, let scale):
            return gsl_ran_weibull(r, scale, shape)  // GSL: (scale a, shape b)
        case .pareto(let shape, let scale):
            return gsl_ran_pareto(r, shape, scale)
        case .erlang(let k, let mean):
            let shape = Double(k)
            return gsl_ran_gamma(r, shape, mean / shape)
        case .hyperexponential(let probabilities, let means):
            let u = cgsl_mt_uniform(r)
            let last = probabilities.count - 1
            var branch = 0
            var cumulative = 0.0
            while branch < last {
                cumulative += probabilities[branch]
                if u < cumulative { break }
                branch += 1
            }
            return stream.exponential(mean: means[branch])
        case .empirical(let values):
            return values[stream.uniformInt(values.count)]
        }
    }

    /// A lognormal draw: exp of a ziggurat normal (shim.h, inlined), several times faster than
    /// gsl_ran_lognormal, which uses the polar method. (Also `DrawBuffer`'s lognormal loop.)
    @inlinable @inline(__always)
    static func lognormal(mu: Double, sigma: Double, _ r: UnsafeMutablePointer<gsl_rng>) -> Double {
        Foundation.exp(mu + cgsl_mt_gaussian_ziggurat(r, sigma))
    }

    /// Draws a time in seconds and converts it to integer nanoseconds (see
    /// `nanoseconds(fromSeconds:)`).
    @inlinable
    public func sampleNanoseconds(_ stream: RandomStream) -> Int64 {
        Self.nanoseconds(fromSeconds: sample(stream.generator))
    }

    /// Draws a time in nanoseconds from a borrowed generator.
    @inlinable
    public func sampleNanoseconds(_ stream: RandomGenerator) -> Int64 {
        Self.nanoseconds(fromSeconds: sample(stream))
    }

    /// The largest time a draw converts to: `Int64.max / 4` ns (about 18
    /// years), so that sums of a few times cannot overflow the clock.
    @inlinable
    public static var maxNanoseconds: Int64 { Int64.max / 4 }

    /// Seconds to nanoseconds, rounded to nearest (ties away from zero),
    /// clamped to `0...maxNanoseconds`; NaN and negatives give 0, +∞ gives
    /// `maxNanoseconds`. Never traps.
    @inlinable @inline(__always)
    public static func nanoseconds(fromSeconds seconds: Double) -> Int64 {
        let ns = seconds * 1e9
        guard ns > 0 else { return 0 }  // also NaN
        // 2^61 = Double(Int64.max / 4) rounded up; below it the rounded value
        // is at most 2^61 − 256 < Int64.max / 4.
        guard ns < 2_305_843_009_213_693_952.0 else { return maxNanoseconds }
        // Round half up without a libm call: the truncation and the
        // difference are exact for every ns below 2^61.
        // (Branch-free: the comparison is a coin flip for the predictor.)
        let whole = Int64(ns)
        let roundsUp = ns - Double(whole) >= 0.5
        return whole &+ (roundsUp ? 1 : 0)
    }
}
