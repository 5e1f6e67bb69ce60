import CGSL

/// Draws of one distribution from one stream, generated ahead in blocks.
///
/// A draw on its own is a chain of dependent steps (the generator, the ziggurat, `exp`, the
/// rounding to nanoseconds) that the event loop waits for: each step needs the previous one's
/// result. Drawn 64 at a time in a loop, the draws are independent of each other and the
/// processor overlaps them. The values are the same, in the same order, as drawing one at a
/// time, provided the stream feeds this distribution and nothing else: every buffered stream is
/// dedicated (a component's service times, the network delays of one sender within a zone or
/// across zones, the arrival gaps without a rate profile). Draws left in the buffer at the end
/// of a replication are simply not used.
///
/// The buffer is allocated once (512 bytes) and freed by the owning simulation.
struct DrawBuffer {
    static let block = 64
    let distribution: Distribution
    let generator: RandomGenerator
    private var values: UnsafeMutablePointer<Int64>
    private var next: Int

    init(_ distribution: Distribution, _ generator: RandomGenerator) {
        self.distribution = distribution
        self.generator = generator
        values = .allocate(capacity: Self.block)
        next = Self.block
    }

    /// The next draw, in nanoseconds (what `distribution.sampleNanoseconds(generator)` returns).
    @inline(__always)
    mutating func draw() -> Int64 {
        if next == Self.block { refill() }
        let v = values[next]
        next &+= 1
        return v
    }

    @inline(never)
    private mutating func refill() {
        // The common families get a loop of their own (the family is decided once per block,
        // not per draw); each computes exactly what `sampleNanoseconds` computes.
        let r = generator.gsl
        switch distribution.kind {
        case .lognormal(let mu, let sigma):
            for i in 0..<Self.block {
                values[i] = Distribution.nanoseconds(fromSeconds: Distribution.lognormal(mu: mu, sigma: sigma, r))
            }
        case .exponential(let mean):
            for i in 0..<Self.block {
                values[i] = Distribution.nanoseconds(fromSeconds: generator.exponential(mean: mean))
            }
        default:
            for i in 0..<Self.block { values[i] = distribution.sampleNanoseconds(generator) }
        }
        next = 0
    }

    /// Frees the storage; the buffer must not be used afterwards.
    mutating func deallocate() { values.deallocate() }
}
