import Foundation
import Testing

@testable import TopoBench

/// The typed figures: the CSV columns come from `Figure`, in the committed order.
@Suite("Figures")
struct FigureTests {
    /// The header of a committed result file.
    static func committedHeader(_ name: String) throws -> [String] {
        try ResultTable.read(path: Repo.path("results/quick/instance_crash/\(name)")).header
    }

    @Test func columnsAreTheCommittedOnes() throws {
        #expect(ResultColumns.replicationsHeader(sweepColumns: []) == (try Self.committedHeader("replications.csv")))
        #expect(ResultColumns.summaryHeader(sweepColumns: []) == (try Self.committedHeader("summary.csv")))
        #expect(ResultColumns.metrics == Figure.allCases)
    }

    @Test func figureValuesAreIndexedByFigure() {
        var values = FigureValues()
        for (i, figure) in Figure.allCases.enumerated() { values[figure] = Double(i) }
        for (i, figure) in Figure.allCases.enumerated() { #expect(values[figure] == Double(i)) }
        #expect(FigureValues()[.sessionsLost].isNaN)
        #expect(FigureValues { $0 == .availability ? 0.5 : 1 }[.availability] == 0.5)
    }

    /// Every figure that can get worse is gated by default (the maximum latency aside, which has
    /// no interval); the neutral ones are not.
    @Test func everyFigureThatCanRegressIsGated() {
        let gated = Set(CompareOptions().gatedFigures)
        let required: [Figure] = [
            .availability, .firstTryAvailability, .timeAvailability, .latencyP50, .latencyP99, .latencyP999, .e2eP99,
            .sessionsLost, .messagesLost, .duplicates, .timeouts, .errors5xx, .recovery,
        ]
        for figure in required { #expect(gated.contains(figure), "\(figure.column) is not gated") }
        for figure in Figure.allCases where figure.direction == .neutral {
            #expect(!gated.contains(figure), "\(figure.column) is neutral but gated")
            #expect(figure.defaultThreshold == nil)
        }
        #expect(!gated.contains(.latencyMax))
        #expect(Figure(column: "sessions_lost") == .sessionsLost)
        #expect(Figure(column: "sessions_lost_ci95") == nil)
    }
}

/// Paired and independent intervals of a difference, and the replications a width needs.
@Suite("Differences")
struct DifferenceTests {
    /// t₀.₉₇₅ with 2 degrees of freedom, in closed form: for ν = 2 the quantile of p is
    /// (2p − 1) · √(2 / (4p(1 − p))).
    static let t2 = 0.95 * (2 / (4 * 0.975 * 0.025)).squareRoot()

    @Test func pairedIntervalOfKnownDifferences() throws {
        // d = 1, 2, 3: mean 2, s = 1, half-width t · 1 / √3.
        let d = try #require(Difference.paired(baseline: [10, 20, 30], current: [11, 22, 33]))
        #expect(d.mean == 2)
        #expect(abs((d.halfWidth ?? 0) - Self.t2 / 3.0.squareRoot()) < 1e-12)
        #expect(d.replications == 3)
    }

    @Test func identicalRunsGiveAZeroWidthInterval() throws {
        let values = [0.1, 0.7, 0.3000000001]
        let d = try #require(Difference.paired(baseline: values, current: values))
        #expect(d.mean == 0 && d.halfWidth == 0)
        // A constant shift is known exactly too.
        let shifted = try #require(Difference.paired(baseline: [1, 2, 3], current: [4, 5, 6]))
        #expect(shifted.mean == 3 && shifted.halfWidth == 0)
    }

    @Test func pairedNeedsTwoEqualLists() {
        #expect(Difference.paired(baseline: [], current: []) == nil)
        #expect(Difference.paired(baseline: [1, 2], current: [1]) == nil)
        #expect(Difference.paired(baseline: [1], current: [2])?.halfWidth == nil)
    }

    @Test func independentCombinesTheHalfWidthsInQuadrature() {
        let d = Difference.independent(
            baselineMean: 1, baselineHalfWidth: 3, currentMean: 2, currentHalfWidth: 4, replications: 3)
        #expect(d.mean == 1 && d.halfWidth == 5)
        #expect(
            Difference.independent(
                baselineMean: 1, baselineHalfWidth: nil, currentMean: 2, currentHalfWidth: 4, replications: 3
            ).halfWidth == 4)
        #expect(
            Difference.independent(
                baselineMean: 1, baselineHalfWidth: nil, currentMean: 2, currentHalfWidth: nil, replications: 3
            ).halfWidth == nil)
    }

    @Test(arguments: [
        // (n₀, h, δ, expected): ⌈n₀ (h/δ)²⌉
        (3, 0.03, 0.01, 27), (3, 0.0301, 0.01, 28), (10, 2.0, 1.0, 40), (3, 0.001, 0.01, 3), (3, 0.01, 0.01, 3),
    ])
    func replicationsNeeded(_ n0: Int, _ h: Double, _ target: Double, _ expected: Int) {
        #expect(Difference.replicationsNeeded(replications: n0, halfWidth: h, target: target) == expected)
    }

    @Test func noReplicationCountBeatsAZeroThreshold() {
        #expect(Difference.replicationsNeeded(replications: 3, halfWidth: 1, target: 0) == nil)
        #expect(Difference.replicationsNeeded(replications: 3, halfWidth: 0, target: 0) == 3)
    }
}
