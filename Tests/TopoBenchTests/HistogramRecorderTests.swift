import Histogram
import Testing

@testable import TopoBench

/// The recorder must leave its histogram exactly as recording value by value would: the engine's
/// percentiles, and so every CSV, depend on it.
@Suite("HistogramRecorder")
struct HistogramRecorderTests {
    static let highest: UInt64 = 86_400_000_000

    /// Values spread over eleven decades (1 µs to a day), drawn from a GSL stream.
    static func values(seed: UInt64, count: Int) throws -> [UInt64] {
        let stream = RandomStream(seed: seed, replication: 0, name: "histogram")
        let spread = try Distribution(validating: .lognormal(mu: 8, sigma: 3.5))
        return (0..<count).map { _ in min(highest, max(1, UInt64(spread.sample(stream)))) }
    }

    static let percentiles: [Double] = [0, 0.1, 1, 10, 25, 50, 75, 90, 99, 99.9, 99.99, 100]

    @Test("same percentiles, extremes, count and mean as value-by-value recording",
          arguments: [(SignificantDigits.two, UInt64(1)), (.three, 2), (.three, 3)])
    func matchesHistogram(_ digits: SignificantDigits, seed: UInt64) throws {
        let values = try Self.values(seed: seed, count: 50_000)
        var plain = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: Self.highest, numberOfSignificantValueDigits: digits)
        var recorder = HistogramRecorder(highestTrackableValue: Self.highest, digits: digits)
        defer { recorder.deallocate() }
        // Two flushes, as the window histogram does between windows without a reset.
        for (i, v) in values.enumerated() {
            plain.record(v)
            recorder.record(v)
            if i == values.count / 3 { recorder.flush() }
        }
        recorder.flush()
        let h = recorder.histogram
        #expect(h.totalCount == plain.totalCount)
        #expect(h.min == plain.min)
        #expect(h.maxRecorded == plain.maxRecorded)
        #expect(h.mean == plain.mean)
        for p in Self.percentiles {
            #expect(h.valueAtPercentile(p) == plain.valueAtPercentile(p), "p\(p)")
        }
    }

    @Test("a bucket holding both the smallest and the largest value keeps them exact")
    func extremesInOneBucket() {
        var recorder = HistogramRecorder(highestTrackableValue: Self.highest, digits: .two)
        defer { recorder.deallocate() }
        // 1000 and 1003 share a bucket at two significant digits (width 4 above 512).
        for v: UInt64 in [1003, 1000, 1001] { recorder.record(v) }
        recorder.flush()
        #expect(recorder.histogram.totalCount == 3)
        #expect(recorder.histogram.min == 1000)
        #expect(recorder.histogram.maxRecorded == 1003)
    }

    @Test("reset empties the pending counts and the histogram")
    func reset() {
        var recorder = HistogramRecorder(highestTrackableValue: Self.highest, digits: .three)
        defer { recorder.deallocate() }
        recorder.record(5)
        recorder.flush()
        recorder.record(7_000)
        recorder.reset()
        recorder.record(42)
        recorder.flush()
        #expect(recorder.histogram.totalCount == 1)
        #expect(recorder.histogram.valueAtPercentile(100) == 42)
    }
}
