/// The difference between a current and a baseline result, with its confidence interval, and
/// the number of replications an interval needs to reach a given width.
///
/// Two ways to put an interval on current − baseline:
/// - *paired*, when replication i of both runs saw the same random numbers (same seed, same
///   replication number: common random numbers). The differences dᵢ = currentᵢ − baselineᵢ are
///   independent and identically distributed across i, and their mean has the Student-t
///   interval d̄ ± t₍1−α/2, n−1₎ · s_d / √n (Law, *Simulation Modeling and Analysis*, 5th ed.,
///   2015, §10.2.1, the paired-t confidence interval). Because both runs share their arrivals
///   and faults, most of the replication-to-replication noise cancels in dᵢ (§11.2, common
///   random numbers), and the interval is narrower than the independent one; it stays valid
///   when the pairs are not correlated at all.
/// - *independent*, otherwise: the difference of the means with the two 95 % half-widths
///   combined in quadrature, √(h_b² + h_c²). This is what `compare` used before 0.2; it is close
///   to Welch's interval (§10.2.2) when both sides have the same number of replications.
public enum Difference {
    /// A mean difference and the half-width of its confidence interval (`nil`: no interval,
    /// fewer than two values).
    public struct Interval: Sendable, Equatable {
        /// The estimated difference, current − baseline.
        public var mean: Double
        /// The half-width of its confidence interval, or `nil` when there is none.
        public var halfWidth: Double?
        /// The replications the interval rests on (pairs, or the smaller side).
        public var replications: Int

        /// Creates an interval.
        public init(mean: Double, halfWidth: Double?, replications: Int) {
            self.mean = mean
            self.halfWidth = halfWidth
            self.replications = replications
        }
    }

    /// The paired-t interval of the mean of currentᵢ − baselineᵢ (Law 2015, §10.2.1).
    ///
    /// `baseline` and `current` hold the values of the same replications in the same order.
    /// Identical runs give differences of exactly 0 and a half-width of exactly 0.
    /// - Returns: `nil` when the lists are empty or of different lengths.
    /// - Complexity: O(n).
    public static func paired(baseline: [Double], current: [Double], confidence: Double = 0.95) -> Interval? {
        guard !baseline.isEmpty, baseline.count == current.count else { return nil }
        let d = zip(current, baseline).map { $0 - $1 }
        var sum = 0.0
        for x in d { sum += x }
        return Interval(
            mean: sum / Double(d.count), halfWidth: StudentT.halfWidth(d, confidence: confidence),
            replications: d.count)
    }

    /// The independent interval: `currentMean − baselineMean` ± √(h_b² + h_c²), a missing
    /// half-width counting as 0; no interval when both are missing.
    public static func independent(
        baselineMean: Double, baselineHalfWidth: Double?, currentMean: Double, currentHalfWidth: Double?,
        replications: Int
    ) -> Interval {
        let halfWidth: Double?
        if baselineHalfWidth == nil && currentHalfWidth == nil {
            halfWidth = nil
        } else {
            let b = baselineHalfWidth ?? 0, c = currentHalfWidth ?? 0
            halfWidth = (b * b + c * c).squareRoot()
        }
        return Interval(mean: currentMean - baselineMean, halfWidth: halfWidth, replications: replications)
    }

    /// The replications that would bring a half-width `halfWidth`, measured over `replications`,
    /// down to `target`: ⌈n₀ · (h / δ)²⌉.
    ///
    /// The half-width is t₍1−α/2, n−1₎ · s / √n: with the standard deviation s as estimated and
    /// the quantile held fixed, it shrinks as 1/√n, so n = n₀ · (h/δ)² replications give δ
    /// (Law 2015, §9.4.1, the approximate number of replications for an absolute precision δ;
    /// the t quantile still falls a little as n grows, so the answer is slightly more than
    /// needed). `nil` when no number of replications can: `target` is 0 (a relative threshold on
    /// a baseline of 0 allows no change at all) and the half-width is not.
    /// - Returns: `replications` itself when the half-width is already within `target`.
    public static func replicationsNeeded(replications n0: Int, halfWidth h: Double, target δ: Double) -> Int? {
        guard h > δ else { return n0 }
        guard δ > 0, h.isFinite else { return nil }
        let n = Double(max(1, n0)) * (h / δ) * (h / δ)
        guard n < Double(Int.max / 2) else { return nil }
        return Int(n.rounded(.up))
    }
}
