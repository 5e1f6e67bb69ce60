import Foundation
import Testing

@testable import TopoBench

@Suite("QueueingTheory")
struct QueueingTheoryTests {
    /// Relative closeness, exact for equal values and infinities.
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        a == b || abs(a - b) <= tolerance * max(abs(a), abs(b))
    }

    /// Erlang B from its closed form, summed in log space (independent of the
    /// recursion under test): B = (aᶜ/c!) / Σₖ₌₀..c aᵏ/k!.
    static func erlangBDirect(_ c: Int, _ a: Double) -> Double {
        let logTerms = (0...c).map { k in Double(k) * log(a) - lgamma(Double(k) + 1) }
        let largest = logTerms.max() ?? 0
        let logSum = largest + log(logTerms.reduce(0) { $0 + exp($1 - largest) })
        return exp(logTerms[c] - logSum)
    }

    /// Erlang C from its closed form, in log space:
    /// C = (aᶜ/c! · c/(c−a)) / (Σₖ₌₀..c−1 aᵏ/k! + aᶜ/c! · c/(c−a)).
    static func erlangCDirect(_ c: Int, _ a: Double) -> Double {
        var logTerms = (0..<c).map { k in Double(k) * log(a) - lgamma(Double(k) + 1) }
        let logWaiting = Double(c) * log(a) - lgamma(Double(c) + 1) + log(Double(c) / (Double(c) - a))
        logTerms.append(logWaiting)
        let largest = logTerms.max() ?? 0
        let logSum = largest + log(logTerms.reduce(0) { $0 + exp($1 - largest) })
        return exp(logWaiting - logSum)
    }

    @Test(
        "Erlang B, known values",
        arguments: [
            (10, 5.0, 0.018_384_570_336_648), (1, 1, 0.5), (2, 1, 0.2), (0, 3, 1), (5, 0, 0),
            (3, 2, 4.0 / 19),  // (8/6) / (1 + 2 + 2 + 8/6)
        ] as [(Int, Double, Double)])
    func erlangBKnown(c: Int, a: Double, expected: Double) {
        #expect(Self.close(QueueingTheory.erlangB(servers: c, offeredLoad: a), expected, 1e-8))
    }

    @Test(
        "Erlang B and C against the closed form, large c without overflow",
        arguments: [(10, 5.0), (50, 45), (200, 180), (200, 199.9), (1000, 950), (2000, 1900)] as [(Int, Double)])
    func erlangLarge(c: Int, a: Double) {
        let b = QueueingTheory.erlangB(servers: c, offeredLoad: a)
        let erlangC = QueueingTheory.erlangC(servers: c, offeredLoad: a)
        #expect(b.isFinite && b > 0 && b < 1)
        #expect(erlangC.isFinite && erlangC > b && erlangC < 1)
        #expect(Self.close(b, Self.erlangBDirect(c, a), 1e-9))
        #expect(Self.close(erlangC, Self.erlangCDirect(c, a), 1e-9))
    }

    @Test(
        "Erlang B beyond capacity is still a probability", arguments: [(200, 250.0), (200, 10_000)] as [(Int, Double)])
    func erlangBOverloaded(c: Int, a: Double) {
        let b = QueueingTheory.erlangB(servers: c, offeredLoad: a)
        #expect(b > 0 && b < 1)
        #expect(Self.close(b, Self.erlangBDirect(c, a), 1e-9))
        #expect(QueueingTheory.erlangC(servers: c, offeredLoad: a) == 1)
    }

    @Test(
        "Erlang C, known values",
        arguments: [(2, 1.0, 1.0 / 3), (1, 0.5, 0.5), (1, 0.9, 0.9), (3, 2, 4.0 / 9)] as [(Int, Double, Double)])
    func erlangCKnown(c: Int, a: Double, expected: Double) {
        // M/M/1: C = ρ. M/M/3 with a = 2: (8/6·3) / (1 + 2 + 2 + 8/6·3) = 4/9.
        #expect(Self.close(QueueingTheory.erlangC(servers: c, offeredLoad: a), expected))
    }

    @Test(
        "M/M/1 and M/M/c mean wait",
        arguments: [(0.5, 1.0, 1), (0.9, 1, 1), (150, 200, 1), (1, 1, 2), (8, 1, 10), (180, 1, 200)]
            as [(Double, Double, Int)])
    func meanWait(lambda: Double, mu: Double, c: Int) {
        let wait = QueueingTheory.mmcMeanWait(arrivalRate: lambda, serviceRate: mu, servers: c)
        let a = lambda / mu
        #expect(Self.close(wait, Self.erlangCDirect(c, a) / (Double(c) * mu - lambda), 1e-9))
        if c == 1 {
            let rho = lambda / mu
            #expect(Self.close(QueueingTheory.mm1MeanWait(arrivalRate: lambda, serviceRate: mu), rho / (mu - lambda)))
            #expect(Self.close(wait, rho / (mu - lambda)))
            // M/M/1 through Pollaczek–Khinchine, E[S²] = 2/μ².
            let pk = QueueingTheory.pollaczekKhinchineMeanWait(
                arrivalRate: lambda, serviceMean: 1 / mu, serviceSecondMoment: 2 / (mu * mu))
            #expect(Self.close(pk, wait))
        }
    }

    @Test("M/M/2 with a = 1: Wq = (1/3) / (2μ − λ)")
    func mm2() {
        #expect(Self.close(QueueingTheory.mmcMeanWait(arrivalRate: 1, serviceRate: 1, servers: 2), 1.0 / 3))
        #expect(Self.close(QueueingTheory.mmcMeanWait(arrivalRate: 10, serviceRate: 10, servers: 2), 1.0 / 30))
    }

    @Test("M/D/1 and M/G/1 with lognormal service (Pollaczek–Khinchine)")
    func pollaczekKhinchine() throws {
        // M/D/1, lambda = 0.5, S = 1: Wq = 0.5 · 1 / (2 · 0.5) = 0.5.
        #expect(
            Self.close(
                QueueingTheory.pollaczekKhinchineMeanWait(arrivalRate: 0.5, serviceMean: 1, serviceSecondMoment: 1),
                0.5))
        let service = try Distribution.lognormal(median: 0.005, sigma: 0.4)
        let lambda = 150.0
        let rho = lambda * service.mean
        let expected = lambda * service.secondMoment / (2 * (1 - rho))
        #expect(
            Self.close(
                QueueingTheory.pollaczekKhinchineMeanWait(
                    arrivalRate: lambda, serviceMean: service.mean, serviceSecondMoment: service.secondMoment),
                expected))
    }

    @Test("unstable queues wait forever")
    func unstable() {
        #expect(QueueingTheory.mm1MeanWait(arrivalRate: 1, serviceRate: 1) == .infinity)
        #expect(QueueingTheory.mmcMeanWait(arrivalRate: 5, serviceRate: 1, servers: 4) == .infinity)
        #expect(
            QueueingTheory.pollaczekKhinchineMeanWait(arrivalRate: 2, serviceMean: 0.5, serviceSecondMoment: 1)
                == .infinity)
    }

    @Test("arguments outside the domain give NaN")
    func invalid() {
        #expect(QueueingTheory.erlangB(servers: -1, offeredLoad: 1).isNaN)
        #expect(QueueingTheory.erlangB(servers: 3, offeredLoad: .nan).isNaN)
        #expect(QueueingTheory.erlangC(servers: 0, offeredLoad: 1).isNaN)
        #expect(QueueingTheory.mmcMeanWait(arrivalRate: 1, serviceRate: 0, servers: 1).isNaN)
        #expect(QueueingTheory.mm1MeanWait(arrivalRate: -1, serviceRate: 1).isNaN)
        #expect(
            QueueingTheory.pollaczekKhinchineMeanWait(arrivalRate: 1, serviceMean: 0.5, serviceSecondMoment: 0.1).isNaN)
        #expect(QueueingTheory.availability(mtbf: 0, mttr: 1).isNaN)
        #expect(QueueingTheory.probabilityAllDown(instances: -1, mtbf: 1, mttr: 1).isNaN)
    }

    @Test(
        "availability = MTBF / (MTBF + MTTR); all n down = (1 − A)ⁿ",
        arguments: [
            (1000.0, 10.0, 1, 10.0 / 1010), (90, 10, 3, 0.001), (86_400, 600, 2, pow(600.0 / 87_000, 2)),
            (5, 5, 10, pow(0.5, 10)), (1, 0, 3, 0), (1, 1, 0, 1),
        ] as [(Double, Double, Int, Double)])
    func availability(mtbf: Double, mttr: Double, n: Int, allDown: Double) {
        #expect(Self.close(QueueingTheory.availability(mtbf: mtbf, mttr: mttr), mtbf / (mtbf + mttr)))
        #expect(Self.close(QueueingTheory.probabilityAllDown(instances: n, mtbf: mtbf, mttr: mttr), allDown, 1e-12))
    }
}

@Suite("StudentT")
struct StudentTTests {
    @Test(
        "two-sided quantiles",
        arguments: [
            (0.95, 9, 2.262_157_163), (0.95, 1, 12.706_204_74), (0.95, 4, 2.776_445_105),
            (0.99, 10, 3.169_272_673), (0.90, 30, 1.697_260_887), (0.95, 1000, 1.962_339_081),
        ] as [(Double, Int, Double)])
    func quantile(confidence: Double, dof: Int, expected: Double) {
        #expect(abs(StudentT.quantile(confidence: confidence, degreesOfFreedom: dof) - expected) < 1e-6)
    }

    @Test(
        "invalid quantile arguments give NaN",
        arguments: [(0.95, 0), (0.95, -2), (0, 5), (1, 5), (.nan, 5), (1.5, 5)] as [(Double, Int)])
    func invalidQuantile(confidence: Double, dof: Int) {
        #expect(StudentT.quantile(confidence: confidence, degreesOfFreedom: dof).isNaN)
    }

    @Test("interval on known data")
    func interval() {
        // Mean 3, s = √2.5, t(0.975, 4) = 2.776445105: half-width 2.776445105 · √0.5.
        let (mean, halfWidth) = StudentT.interval([1, 2, 3, 4, 5])
        #expect(abs(mean - 3) < 1e-12)
        #expect(abs(halfWidth - 2.776_445_105 * 0.5.squareRoot()) < 1e-8)

        let (mean99, halfWidth99) = StudentT.interval([10, 12, 11, 13, 9, 10, 11, 12, 10, 12], confidence: 0.99)
        #expect(abs(mean99 - 11) < 1e-12)
        // s² = 14/9 over 10 values: t(0.995, 9) = 3.249835542.
        #expect(abs(halfWidth99 - 3.249_835_542 * (14.0 / 9 / 10).squareRoot()) < 1e-8)

        let constant = StudentT.interval([0.5, 0.5, 0.5])
        #expect(constant.mean == 0.5 && constant.halfWidth == 0)
    }

    @Test("too few values")
    func tooFew() {
        let empty = StudentT.interval([])
        #expect(empty.mean.isNaN && empty.halfWidth.isNaN)
        let one = StudentT.interval([4.2])
        #expect(one.mean == 4.2 && one.halfWidth.isNaN)
    }
}
