import Histogram

/// Records values into the buckets of an HdrHistogram at the cost of an array increment, and hands
/// them to the histogram in bulk when it is read.
///
/// `Histogram.record` is generic and not specialised across the module boundary: it costs about
/// a hundred instructions, and the engine records two or three latencies per request. This keeps
/// its own counts, laid out exactly as HdrHistogram lays out its buckets (Gil Tene's log-linear
/// scheme: bucket `b` holds sub-buckets of width 2^b, half of them shared with bucket `b − 1`),
/// and ``flush()`` adds each non-empty bucket to the histogram with one `record(_:count:)`. The
/// exact smallest and largest values recorded are kept too and recorded as themselves, so the
/// histogram's `min` and `maxRecorded` (which clamp its percentiles) are what a value-by-value
/// recording would have given: every percentile, count and mean is identical.
///
/// Storage is a ``Slab`` sized once for `highestTrackableValue`, freed by ``deallocate()``;
/// nothing is allocated per value.
struct HistogramRecorder {
    /// The histogram, up to date after ``flush()``.
    private(set) var histogram: Histogram<UInt64>
    private var counts: Slab<UInt64>
    private let halfCountMagnitude: Int
    private let halfCount: Int
    private let leadingZeroCountBase: Int
    private let subBucketMask: UInt64
    /// Range of the indices written since the last flush, and the values' exact extremes.
    private var lowIndex = Int.max
    private var highIndex = -1
    private var minValue = UInt64.max
    private var maxValue: UInt64 = 0

    /// A recorder for values in `1...highestTrackableValue` (the lowest discernible value is 1).
    init(highestTrackableValue: UInt64, digits: SignificantDigits) {
        histogram = Histogram(lowestDiscernibleValue: 1, highestTrackableValue: highestTrackableValue, numberOfSignificantValueDigits: digits)
        // HdrHistogram's layout for a unit of 1: 2·10^digits values at single-unit resolution,
        // rounded up to a power of two sub-buckets per bucket.
        let single = 2 * Self.powerOfTen(digits)
        var magnitude = 0
        while (1 << magnitude) < single { magnitude += 1 }
        halfCountMagnitude = max(magnitude, 1) - 1
        halfCount = 1 << halfCountMagnitude
        leadingZeroCountBase = 64 - magnitude
        subBucketMask = UInt64((1 << magnitude) - 1)
        counts = Slab(
            repeating: 0,
            count: Self.index(highestTrackableValue, leadingZeroCountBase: 64 - magnitude, subBucketMask: UInt64((1 << magnitude) - 1),
                              halfCountMagnitude: max(magnitude, 1) - 1) + 1)
    }

    private static func powerOfTen(_ digits: SignificantDigits) -> Int {
        var p = 1
        for _ in 0..<digits.rawValue { p *= 10 }
        return p
    }

    /// HdrHistogram's `countsIndexForValue` for a unit of 1.
    @inline(__always)
    private static func index(_ v: UInt64, leadingZeroCountBase: Int, subBucketMask: UInt64, halfCountMagnitude: Int) -> Int {
        let bucket = leadingZeroCountBase - (v | subBucketMask).leadingZeroBitCount
        return ((bucket + 1) << halfCountMagnitude) + (Int(truncatingIfNeeded: v >> UInt64(bucket)) - (1 << halfCountMagnitude))
    }

    /// Frees the counts; the recorder must not be used afterwards.
    mutating func deallocate() { counts.deallocate() }

    @inline(__always)
    private func index(_ v: UInt64) -> Int {
        Self.index(v, leadingZeroCountBase: leadingZeroCountBase, subBucketMask: subBucketMask, halfCountMagnitude: halfCountMagnitude)
    }

    /// The lowest value of the bucket at `i` (HdrHistogram's `valueFromIndex`).
    private func value(at i: Int) -> UInt64 {
        var bucket = (i >> halfCountMagnitude) - 1
        var sub = (i & (halfCount - 1)) + halfCount
        if bucket < 0 {
            sub -= halfCount
            bucket = 0
        }
        return UInt64(sub) << UInt64(bucket)
    }

    /// Records one value in `1...highestTrackableValue` (the caller clamps).
    @inline(__always)
    mutating func record(_ v: UInt64) {
        let i = index(v)
        counts[i] &+= 1
        if i < lowIndex { lowIndex = i }
        if i > highIndex { highIndex = i }
        if v < minValue { minValue = v }
        if v > maxValue { maxValue = v }
    }

    /// Adds what was recorded since the last flush to ``histogram``.
    mutating func flush() {
        guard highIndex >= 0 else { return }
        let minIndex = index(minValue), maxIndex = index(maxValue)
        for i in lowIndex...highIndex {
            let c = counts[i]
            guard c > 0 else { continue }
            counts[i] = 0
            if i == minIndex && i == maxIndex && minValue != maxValue {
                histogram.record(minValue, count: 1)
                histogram.record(maxValue, count: c - 1)
            } else if i == minIndex {
                histogram.record(minValue, count: c)
            } else if i == maxIndex {
                histogram.record(maxValue, count: c)
            } else {
                histogram.record(value(at: i), count: c)
            }
        }
        lowIndex = .max
        highIndex = -1
        minValue = .max
        maxValue = 0
    }

    /// Empties the histogram and the pending counts.
    mutating func reset() {
        if highIndex >= 0 {
            for i in lowIndex...highIndex { counts[i] = 0 }
        }
        lowIndex = .max
        highIndex = -1
        minValue = .max
        maxValue = 0
        histogram.reset()
    }
}
