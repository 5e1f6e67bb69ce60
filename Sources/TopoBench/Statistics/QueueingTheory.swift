import Foundation

/// Exact results that the validation cases compare the simulator against.
///
/// Rates are per second and times in seconds. Offered load a = λ/μ is in
/// erlangs. Arguments outside a formula's domain (negative rates, c < 1...)
/// give NaN; an unstable queue (ρ ≥ 1) waits `.infinity`.
///
/// Reference: L. Kleinrock, *Queueing Systems, Volume 1: Theory*, Wiley 1975
/// (M/M/1 §3.2, M/M/c §3.5, M/M/c/c §3.6, M/G/1 §5.6).
public enum QueueingTheory {
    /// Erlang B: the blocking probability of an M/M/c/c system (c servers, no
    /// queue) with offered load a, by the recursion
    /// B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), stable for any c and a.
    ///
    /// - Complexity: O(c).
    public static func erlangB(servers c: Int, offeredLoad a: Double) -> Double {
        guard c >= 0, a >= 0, a.isFinite else { return .nan }
        var b = 1.0
        if c > 0 {
            for k in 1...c {
                b = a * b / (Double(k) + a * b)
            }
        }
        return b
    }

    /// Erlang C: the probability that an arrival waits in an M/M/c queue with
    /// offered load a < c, C = c·B / (c − a·(1 − B)) with B = Erlang B. 1 when
    /// a ≥ c (every arrival eventually waits).
    public static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        guard c >= 1, a >= 0, a.isFinite else { return .nan }
        if a >= Double(c) { return 1 }
        let b = erlangB(servers: c, offeredLoad: a)
        return Double(c) * b / (Double(c) - a * (1 - b))
    }

    /// Mean time in queue of M/M/c: Wq = C(c, λ/μ) / (cμ − λ).
    public static func mmcMeanWait(arrivalRate λ: Double, serviceRate μ: Double, servers c: Int) -> Double {
        guard λ >= 0, λ.isFinite, μ > 0, μ.isFinite, c >= 1 else { return .nan }
        let capacity = Double(c) * μ
        if λ >= capacity { return .infinity }
        return erlangC(servers: c, offeredLoad: λ / μ) / (capacity - λ)
    }

    /// Mean time in queue of M/M/1: Wq = ρ / (μ − λ), ρ = λ/μ.
    public static func mm1MeanWait(arrivalRate λ: Double, serviceRate μ: Double) -> Double {
        guard λ >= 0, λ.isFinite, μ > 0, μ.isFinite else { return .nan }
        if λ >= μ { return .infinity }
        return (λ / μ) / (μ - λ)
    }

    /// Mean time in queue of M/G/1 (Pollaczek–Khinchine):
    /// Wq = λ·E[S²] / (2(1 − ρ)), ρ = λ·E[S]. For M/D/1 pass E[S²] = E[S]².
    public static func pollaczekKhinchineMeanWait(
        arrivalRate λ: Double, serviceMean: Double, serviceSecondMoment: Double
    ) -> Double {
        guard λ >= 0, λ.isFinite, serviceMean >= 0, serviceSecondMoment >= serviceMean * serviceMean
        else { return .nan }
        let rho = λ * serviceMean
        if rho >= 1 { return .infinity }
        return λ * serviceSecondMoment / (2 * (1 - rho))
    }

    /// Steady-state availability of one unit with mean time between failures
    /// MTBF and mean time to repair MTTR: MTBF / (MTBF + MTTR) (any up and down
    /// time distributions, alternating renewal process).
    public static func availability(mtbf: Double, mttr: Double) -> Double {
        guard mtbf > 0, mttr >= 0 else { return .nan }
        if mtbf.isInfinite { return mttr.isInfinite ? .nan : 1 }
        return mtbf / (mtbf + mttr)
    }

    /// Probability that all of n independent units are down at once:
    /// (1 − A)^n = (MTTR / (MTBF + MTTR))^n.
    public static func probabilityAllDown(instances n: Int, mtbf: Double, mttr: Double) -> Double {
        guard n >= 0, mtbf > 0, mttr >= 0 else { return .nan }
        if mtbf.isInfinite { return mttr.isInfinite ? .nan : (n == 0 ? 1 : 0) }
        if mttr.isInfinite { return 1 }
        return Foundation.pow(mttr / (mtbf + mttr), Double(n))
    }

    /// M/M/1+D: the share of requests dropped by a deterministic queue timeout `τ` (first in,
    /// first out; a dropped request takes no service), at any load, saturated included.
    ///
    /// A request is served exactly when the work ahead of it on arrival (the virtual wait V) is
    /// at most τ, so the queue is an M/M/1 whose arrivals join only while V ≤ τ. By level
    /// crossing (Brill and Posner), V's density is λπ₀e^{−(μ−λ)v} for 0 < v ≤ τ and
    /// f(τ)e^{−μ(v−τ)} above τ, with π₀ = P(V = 0) from normalisation, so
    /// P(drop) = P(V > τ) = ρ π₀ e^{−(μ−λ)τ}. The result is Barrer's for ordered service with
    /// impatient customers (D. Y. Barrer, "Queuing with impatient customers and ordered
    /// service", Operations Research 5(5), 1957).
    public static func mm1DeterministicTimeoutDropProbability(arrivalRate λ: Double, serviceRate μ: Double, timeout τ: Double) -> Double {
        let ρ = λ / μ
        let d = μ - λ
        let grow = exp(-d * τ)
        // ∫₀^τ λ e^{−(μ−λ)v} dv, which is λτ when λ = μ.
        let below = abs(d) < 1e-12 ? λ * τ : λ * (1 - grow) / d
        let π0 = 1 / (1 + below + ρ * grow)
        return ρ * π0 * grow
    }

    /// Naive retries (N attempts, no quota) against independent failures of probability p:
    /// the success probability 1 − pᴺ and the mean attempts per request 1 + p + … + pᴺ⁻¹.
    public static func naiveRetries(failure p: Double, attempts n: Int) -> (success: Double, attempts: Double) {
        (1 - pow(p, Double(n)), (0..<n).reduce(0.0) { $0 + pow(p, Double($1)) })
    }
}
