import Foundation

/// A validated probability distribution of non-negative values: times in
/// seconds (service, think, repair, launch times...) or dimensionless numbers.
///
/// Build one with the throwing factories (`try .lognormal(median: 0.005,
/// sigma: 0.4)`), which check every parameter and throw a
/// ``DistributionParameterError`` naming the scenario key at fault; a
/// `Distribution` value is therefore always safe to sample, and GSL never sees
/// a parameter it would reject. Draw with `sample(_:)` or
/// `sampleNanoseconds(_:)` (Distribution+Sampling.swift); every draw comes
/// from the stream's GSL generator, through `gsl_ran_*` functions or, for the
/// exponential, normal and lognormal, a faster transform of its outputs
/// (inversion, and the ziggurat of `Sources/CGSL/shim.h`).
///
/// `mean` and `secondMoment` are exact (not estimated), for the analytic
/// validation cases (Pollaczek–Khinchine needs E[S²]).
public struct Distribution: Sendable, Hashable, CustomStringConvertible {
    /// The family and its parameters, as sampled.
    public enum Kind: Sendable, Hashable {
        /// Always `value`.
        case constant(Double)
        /// Uniform on [min, max] (`gsl_ran_flat`).
        case uniform(min: Double, max: Double)
        /// Exponential with the given mean (`RandomStream.exponential(mean:)`:
        /// inversion of one `gsl_rng_uniform` draw).
        case exponential(mean: Double)
        /// Normal N(mean, sd²) truncated at 0: conditioned on X ≥ 0, drawn by
        /// rejection for mean ≥ 0 (acceptance ≥ 50 %, the ziggurat of `shim.h`)
        /// and by `gsl_ran_gaussian_tail` (Marsaglia's tail method) for mean < 0.
        /// Validation refuses mean < -3·sd, where more than 99.8 % of the mass
        /// would be cut off.
        case normal(mean: Double, sd: Double)
        /// Lognormal: log X ~ N(mu, sigma²), median e^mu
        /// (exp(mu + sigma·Z), Z from the ziggurat of `shim.h`).
        case lognormal(mu: Double, sigma: Double)
        /// Gamma with shape k and scale θ, mean kθ (`gsl_ran_gamma`).
        case gamma(shape: Double, scale: Double)
        /// Weibull with shape k and scale λ, P(X > x) = exp(-(x/λ)^k)
        /// (`gsl_ran_weibull(r, λ, k)`: GSL takes the scale first).
        case weibull(shape: Double, scale: Double)
        /// Pareto (type I) with shape a and scale b: X ≥ b,
        /// P(X > x) = (b/x)^a (`gsl_ran_pareto(r, a, b)`).
        case pareto(shape: Double, scale: Double)
        /// Sum of k exponentials with total mean `mean`
        /// (`gsl_ran_gamma(r, k, mean/k)`).
        case erlang(k: Int, mean: Double)
        /// With probability `probabilities[i]`, an exponential with mean
        /// `means[i]`.
        case hyperexponential(probabilities: [Double], means: [Double])
        /// One of `values` picked uniformly at random (bootstrap resampling).
        /// Sorted ascending by the factory, so equal sets compare equal.
        case empirical(values: [Double])
    }

    /// The family and its parameters.
    public let kind: Kind

    /// Wraps parameters that have been validated.
    @usableFromInline
    init(unchecked kind: Kind) {
        self.kind = kind
    }

    /// Validates `kind` as the factories do (for distributions built from
    /// their raw parameters, such as `.lognormal(mu:sigma:)`).
    public init(validating kind: Kind) throws {
        switch kind {
        case .constant(let value): self = try .constant(value)
        case .uniform(let min, let max): self = try .uniform(min: min, max: max)
        case .exponential(let mean): self = try .exponential(mean: mean)
        case .normal(let mean, let sd): self = try .normal(mean: mean, sd: sd)
        case .lognormal(let mu, let sigma):
            try Self.requireFinite(mu, "mu")
            try Self.requirePositive(sigma, "sigma")
            self.init(unchecked: kind)
        case .gamma(let shape, let scale): self = try .gamma(shape: shape, scale: scale)
        case .weibull(let shape, let scale): self = try .weibull(shape: shape, scale: scale)
        case .pareto(let shape, let scale): self = try .pareto(shape: shape, scale: scale)
        case .erlang(let k, let mean): self = try .erlang(k: k, mean: mean)
        case .hyperexponential(let probabilities, let means):
            self = try .hyperexponential(probabilities: probabilities, means: means)
        case .empirical(let values): self = try .empirical(values: values)
        }
    }
}

// MARK: - Factories

extension Distribution {
    /// Always `value` (≥ 0). Scenario key: `value`.
    public static func constant(_ value: Double) throws -> Distribution {
        try requireNonNegative(value, "value")
        return Distribution(unchecked: .constant(value))
    }

    /// Uniform on [min, max], 0 ≤ min ≤ max.
    public static func uniform(min: Double, max: Double) throws -> Distribution {
        try requireNonNegative(min, "min")
        try requireNonNegative(max, "max")
        guard max >= min else {
            throw DistributionParameterError(
                parameter: "max", expected: "a number ≥ min (\(format(min)))", found: format(max))
        }
        return Distribution(unchecked: .uniform(min: min, max: max))
    }

    /// Exponential with mean > 0.
    public static func exponential(mean: Double) throws -> Distribution {
        try requirePositive(mean, "mean")
        return Distribution(unchecked: .exponential(mean: mean))
    }

    /// Normal N(mean, sd²) truncated at 0 (see `Kind.normal`): sd > 0 and
    /// mean ≥ -3·sd. `mean` is the untruncated mean; `Distribution.mean` is
    /// the truncated one.
    public static func normal(mean: Double, sd: Double) throws -> Distribution {
        try requireFinite(mean, "mean")
        try requirePositive(sd, "sd")
        guard mean >= -3 * sd else {
            throw DistributionParameterError(
                parameter: "mean",
                expected: "a mean ≥ -3 × sd (\(format(-3 * sd))): the normal is truncated at 0",
                found: format(mean))
        }
        return Distribution(unchecked: .normal(mean: mean, sd: sd))
    }

    /// Lognormal with the given median (e^mu, > 0) and sigma (> 0, the standard
    /// deviation of log X).
    public static func lognormal(median: Double, sigma: Double) throws -> Distribution {
        try requirePositive(median, "median")
        try requirePositive(sigma, "sigma")
        return Distribution(unchecked: .lognormal(mu: Foundation.log(median), sigma: sigma))
    }

    /// Lognormal with the given mean and standard deviation of X (both > 0):
    /// sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2.
    public static func lognormal(mean: Double, sd: Double) throws -> Distribution {
        try requirePositive(mean, "mean")
        try requirePositive(sd, "sd")
        let ratio = sd / mean
        let sigma = (Foundation.log1p(ratio * ratio)).squareRoot()
        guard sigma.isFinite, sigma > 0 else {
            throw DistributionParameterError(
                parameter: "sd", expected: "a standard deviation between 1e-150 and 1e150 times the mean",
                found: format(sd))
        }
        let mu = Foundation.log(mean) - sigma * sigma / 2
        return Distribution(unchecked: .lognormal(mu: mu, sigma: sigma))
    }

    /// Gamma with the given mean and shape (both > 0): scale = mean / shape.
    public static func gamma(mean: Double, shape: Double) throws -> Distribution {
        try requirePositive(mean, "mean")
        try requirePositive(shape, "shape")
        let scale = mean / shape
        guard scale.isFinite, scale > 0 else {
            throw DistributionParameterError(
                parameter: "mean", expected: "a mean whose ratio to the shape is a finite number > 0",
                found: format(mean))
        }
        return Distribution(unchecked: .gamma(shape: shape, scale: scale))
    }

    /// Gamma with the given shape and scale (both > 0).
    public static func gamma(shape: Double, scale: Double) throws -> Distribution {
        try requirePositive(shape, "shape")
        try requirePositive(scale, "scale")
        return Distribution(unchecked: .gamma(shape: shape, scale: scale))
    }

    /// Weibull with the given shape and scale (both > 0).
    public static func weibull(shape: Double, scale: Double) throws -> Distribution {
        try requirePositive(shape, "shape")
        try requirePositive(scale, "scale")
        return Distribution(unchecked: .weibull(shape: shape, scale: scale))
    }

    /// Pareto with the given shape and scale (both > 0); values ≥ scale. The
    /// mean is infinite for shape ≤ 1, the second moment for shape ≤ 2.
    public static func pareto(shape: Double, scale: Double) throws -> Distribution {
        try requirePositive(shape, "shape")
        try requirePositive(scale, "scale")
        return Distribution(unchecked: .pareto(shape: shape, scale: scale))
    }

    /// Erlang: the sum of k ≥ 1 exponentials, with total mean > 0.
    public static func erlang(k: Int, mean: Double) throws -> Distribution {
        guard k >= 1 else {
            throw DistributionParameterError(parameter: "k", expected: "an integer ≥ 1", found: "\(k)")
        }
        try requirePositive(mean, "mean")
        return Distribution(unchecked: .erlang(k: k, mean: mean))
    }

    /// Hyperexponential: probabilities in [0, 1] summing to 1 (± 1e-9), one
    /// mean > 0 per probability.
    public static func hyperexponential(probabilities: [Double], means: [Double]) throws -> Distribution {
        guard !probabilities.isEmpty else {
            throw DistributionParameterError(
                parameter: "probabilities", expected: "a non-empty list of probabilities", found: "an empty list")
        }
        guard means.count == probabilities.count else {
            throw DistributionParameterError(
                parameter: "means", expected: "\(probabilities.count) means, one per probability",
                found: "\(means.count)")
        }
        for (index, p) in probabilities.enumerated() where !(p >= 0 && p <= 1) {
            throw DistributionParameterError(
                parameter: "probabilities", expected: "probabilities between 0 and 1",
                found: "\(format(p)) at index \(index)")
        }
        let total = probabilities.reduce(0, +)
        guard abs(total - 1) <= 1e-9 else {
            throw DistributionParameterError(
                parameter: "probabilities", expected: "probabilities that sum to 1", found: "a sum of \(format(total))")
        }
        for (index, mean) in means.enumerated() where !(mean.isFinite && mean > 0) {
            throw DistributionParameterError(
                parameter: "means", expected: "finite numbers > 0", found: "\(format(mean)) at index \(index)")
        }
        return Distribution(unchecked: .hyperexponential(probabilities: probabilities, means: means))
    }

    /// Bootstrap resampling of `values` (non-empty, finite, ≥ 0).
    public static func empirical(values: [Double]) throws -> Distribution {
        guard !values.isEmpty else {
            throw DistributionParameterError(
                parameter: "values", expected: "a non-empty list of numbers", found: "an empty list")
        }
        for (index, value) in values.enumerated() where !(value.isFinite && value >= 0) {
            throw DistributionParameterError(
                parameter: "values", expected: "finite numbers ≥ 0", found: "\(format(value)) at index \(index)")
        }
        return Distribution(unchecked: .empirical(values: values.sorted()))
    }
}

// MARK: - Moments

extension Distribution {
    /// E[X], exact. `.infinity` for a Pareto with shape ≤ 1. For the
    /// truncated normal, the mean of the truncated distribution:
    /// μ + σ·φ(α)/(1 − Φ(α)) with α = −μ/σ.
    public var mean: Double {
        switch kind {
        case .constant(let value): return value
        case .uniform(let a, let b): return a / 2 + b / 2
        case .exponential(let mean): return mean
        case .normal(let mu, let sd): return Swift.max(0, mu + sd * Self.inverseMillsRatio(-mu / sd))
        case .lognormal(let mu, let sigma): return Foundation.exp(mu + sigma * sigma / 2)
        case .gamma(let shape, let scale): return shape * scale
        case .weibull(let shape, let scale): return scale * Foundation.tgamma(1 + 1 / shape)
        case .pareto(let a, let b): return a <= 1 ? .infinity : a * b / (a - 1)
        case .erlang(_, let mean): return mean
        case .hyperexponential(let probabilities, let means):
            return zip(probabilities, means).reduce(0) { $0 + $1.0 * $1.1 }
        case .empirical(let values): return values.reduce(0, +) / Double(values.count)
        }
    }

    /// E[X²], exact; `.infinity` when it diverges (Pareto with shape ≤ 2) or
    /// overflows.
    public var secondMoment: Double {
        switch kind {
        case .constant(let value): return value * value
        case .uniform(let a, let b): return (a * a + a * b + b * b) / 3
        case .exponential(let mean): return 2 * mean * mean
        case .normal(let mu, let sd):
            // E[X²] = μ² + σ² + μσλ(α) for N(μ, σ²) conditioned on X ≥ 0.
            return Swift.max(0, mu * mu + sd * sd + mu * sd * Self.inverseMillsRatio(-mu / sd))
        case .lognormal(let mu, let sigma): return Foundation.exp(2 * mu + 2 * sigma * sigma)
        case .gamma(let shape, let scale): return shape * (shape + 1) * scale * scale
        case .weibull(let shape, let scale): return scale * scale * Foundation.tgamma(1 + 2 / shape)
        case .pareto(let a, let b): return a <= 2 ? .infinity : a * b * b / (a - 2)
        case .erlang(let k, let mean): return mean * mean * (1 + 1 / Double(k))
        case .hyperexponential(let probabilities, let means):
            return zip(probabilities, means).reduce(0) { $0 + 2 * $1.0 * $1.1 * $1.1 }
        case .empirical(let values): return values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        }
    }

    /// φ(α) / (1 − Φ(α)) for the standard normal, via erfc (accurate for the
    /// α ≤ 3 that validation allows; tends to 0 as α → −∞).
    static func inverseMillsRatio(_ alpha: Double) -> Double {
        let density = Foundation.exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let upperTail = Foundation.erfc(alpha / 2.0.squareRoot()) / 2
        return density / upperTail
    }
}

// MARK: - Description

extension Distribution {
    /// The distribution as a scenario would write it, numbers in seconds, e.g.
    /// `lognormal(median 0.005, sigma 0.4)`. Lognormals built from mean and sd
    /// are shown by their median and sigma.
    public var description: String {
        let f = Self.format
        switch kind {
        case .constant(let value): return "constant(\(f(value)))"
        case .uniform(let min, let max): return "uniform(min \(f(min)), max \(f(max)))"
        case .exponential(let mean): return "exponential(mean \(f(mean)))"
        case .normal(let mean, let sd): return "normal(mean \(f(mean)), sd \(f(sd)), truncated at 0)"
        case .lognormal(let mu, let sigma): return "lognormal(median \(f(Foundation.exp(mu))), sigma \(f(sigma)))"
        case .gamma(let shape, let scale): return "gamma(shape \(f(shape)), scale \(f(scale)))"
        case .weibull(let shape, let scale): return "weibull(shape \(f(shape)), scale \(f(scale)))"
        case .pareto(let shape, let scale): return "pareto(shape \(f(shape)), scale \(f(scale)))"
        case .erlang(let k, let mean): return "erlang(k \(k), mean \(f(mean)))"
        case .hyperexponential(let probabilities, let means):
            return "hyperexponential(probabilities [\(probabilities.map(f).joined(separator: ", "))], "
                + "means [\(means.map(f).joined(separator: ", "))])"
        case .empirical(let values):
            return "empirical(\(values.count) value\(values.count == 1 ? "" : "s"), mean \(f(mean)))"
        }
    }

    /// At most 12 significant digits, so that exp(log(0.005)) prints 0.005.
    static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        return String(format: "%.12g", x)
    }
}

// MARK: - Validation

/// A distribution parameter that is out of range, named by its scenario key.
public struct DistributionParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The scenario key the problem is about, e.g. `sigma`, `probabilities`.
    public var parameter: String
    /// What was expected, e.g. `a finite number > 0`.
    public var expected: String
    /// What was found, e.g. `-1`, `nan`, `a sum of 0.9`.
    public var found: String

    public init(parameter: String, expected: String, found: String) {
        self.parameter = parameter
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "\(parameter): expected \(expected), found \(found)"
    }
}

extension Distribution {
    static func requireFinite(_ x: Double, _ parameter: String) throws {
        guard x.isFinite else {
            throw DistributionParameterError(parameter: parameter, expected: "a finite number", found: format(x))
        }
    }

    static func requirePositive(_ x: Double, _ parameter: String) throws {
        guard x.isFinite, x > 0 else {
            throw DistributionParameterError(parameter: parameter, expected: "a finite number > 0", found: format(x))
        }
    }

    static func requireNonNegative(_ x: Double, _ parameter: String) throws {
        guard x.isFinite, x >= 0 else {
            throw DistributionParameterError(parameter: parameter, expected: "a finite number ≥ 0", found: format(x))
        }
    }
}
