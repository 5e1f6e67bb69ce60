import CGSL

/// Student's t distribution, for confidence intervals over replications.
public enum StudentT {
    /// The two-sided quantile t₍1−α/2, dof₎ with α = 1 − `confidence`, from
    /// `gsl_cdf_tdist_Pinv`: quantile(confidence: 0.95, degreesOfFreedom: 9)
    /// ≈ 2.2622. NaN when `degreesOfFreedom < 1` or `confidence` is not in
    /// (0, 1).
    public static func quantile(confidence: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom >= 1, confidence > 0, confidence < 1 else { return .nan }
        GSL.disableAbortOnError()
        return gsl_cdf_tdist_Pinv(1 - (1 - confidence) / 2, Double(degreesOfFreedom))
    }

    /// The mean of `values` and the half-width of its Student-t confidence
    /// interval, t₍1−α/2, n−1₎ · s / √n with s the sample standard deviation.
    /// `halfWidth` is NaN when there are fewer than 2 values; both are NaN for
    /// no values.
    ///
    /// - Complexity: O(n), two passes.
    public static func interval(_ values: [Double], confidence: Double = 0.95) -> (mean: Double, halfWidth: Double) {
        let n = values.count
        guard n > 0 else { return (.nan, .nan) }
        let mean = values.reduce(0, +) / Double(n)
        guard n > 1 else { return (mean, .nan) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let standardError = (squares / Double(n - 1) / Double(n)).squareRoot()
        return (mean, quantile(confidence: confidence, degreesOfFreedom: n - 1) * standardError)
    }

    /// The half-width of the Student-t confidence interval of the mean of `values`,
    /// t₍1−α/2, n−1₎ · s / √n, or `nil` for fewer than two values.
    ///
    /// The variance is a shifted two-pass sum: deviations from the first value are exact for
    /// equal values, so a constant sample gets a half-width of exactly 0, not rounding noise
    /// (Chan, Golub and LeVeque, "Algorithms for computing the sample variance", The American
    /// Statistician 37(3), 1983, on shifted data).
    ///
    /// - Complexity: O(n), two passes.
    public static func halfWidth(_ values: [Double], confidence: Double = 0.95) -> Double? {
        let n = values.count
        guard n >= 2 else { return nil }
        let shift = values[0]
        var sum = 0.0
        for v in values { sum += v - shift }
        let m = sum / Double(n)
        var squares = 0.0
        for v in values {
            let d = (v - shift) - m
            squares += d * d
        }
        let variance = squares / Double(n - 1)
        if variance == 0 { return 0 }
        let t = quantile(confidence: confidence, degreesOfFreedom: n - 1)
        return t * (variance / Double(n)).squareRoot()
    }
}
