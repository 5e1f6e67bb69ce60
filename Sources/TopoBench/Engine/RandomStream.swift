import CGSL
import Foundation

/// One named stream of random numbers: a GSL MT19937 generator seeded from
/// (run seed, replication, stream name).
///
/// Every source of randomness in a replication (the arrival process, each
/// component's service times, each fault's failure and repair times...) owns
/// its own stream, named by what it feeds (for example `"web.service"`). A
/// stream's seed depends only on the run seed, the replication and its own
/// name, so adding, removing or reordering other components never changes its
/// draws, and the draws do not depend on which task runs the replication.
///
/// A `gsl_rng` is mutable state and not thread-safe, so `RandomStream` is not
/// `Sendable`: create the streams inside the replication's task and pass seeds
/// (`derivedSeed(seed:replication:name:)`), not streams, across tasks.
///
/// ## Seed derivation
/// MT19937 takes a 32-bit seed (GSL uses only the low 32 bits, and maps 0 to
/// 4357). `derivedSeed` computes it in three steps:
///
/// 1. `key = splitmix64(seed)`: the run key.
/// 2. `nameKey = high32(splitmix64(fnv1a64(utf8(name)) ^ key))`: a 32-bit
///    hash of the name, keyed by the run seed.
/// 3. `mixed = P_key(nameKey &+ UInt32(truncatingIfNeeded: replication))`,
///    where `P_key(x) = fmix32(fmix32(x ^ low32(key)) ^ high32(key))` is a
///    bijection of the 32-bit integers for each run seed (MurmurHash3's
///    finaliser `fmix32` and xor are both invertible). A result of 0 is
///    replaced by `0x6D2B_79F5`, so GSL's 0 → 4357 rule never applies.
///
/// Consequences, for one run seed:
/// - The same name in two replications never gets the same seed (step 3 is a
///   bijection and replications differ by less than 2^32), but for a 2⁻³²
///   chance per replication that the replacement of 0 meets another one.
/// - Two names in the same replication collide only if their 32-bit name keys
///   collide, with probability about n² / 2^33 for n names (about 3·10⁻⁷ for
///   50 streams, 1.2 % for 10,000), and then in every replication of that run
///   seed. The check is therefore once per run, not per replication:
///   `collidingNames(seed:names:)` lists such pairs.
/// - Across replications, stream a of replication r and stream b of
///   replication s share a seed when nameKey(a) − nameKey(b) = s − r. No
///   32-bit scheme can avoid these (birthday bound: ≈ 116 pairs among 10⁶
///   (name, replication) streams); here they come in clumps from a few name
///   pairs. They only correlate two different streams of two different
///   replications, which independent replications tolerate.
///
/// References: M. Matsumoto and T. Nishimura, “Mersenne Twister”, ACM TOMACS
/// 8(1), 1998; G. Steele, D. Lea, C. Flood, “Fast splittable pseudorandom number
/// generators” (SplitMix64), OOPSLA 2014; G. Fowler, L. C. Noll, K.-P. Vo,
/// FNV-1a; A. Appleby, MurmurHash3 (`fmix32`).
public final class RandomStream {
    /// The GSL generator, for direct `gsl_ran_*` calls. Owned by this stream and
    /// freed with it: never free it or keep it beyond the stream's lifetime.
    public let gsl: UnsafeMutablePointer<gsl_rng>

    /// The 32-bit MT19937 seed this stream was started from.
    public let seed: UInt32

    /// The stream's name, for diagnostics.
    public let name: String

    /// Creates the stream called `name` of replication `replication` of a run
    /// with seed `seed`.
    public convenience init(seed: UInt64, replication: Int, name: String) {
        self.init(
            derivedSeed: Self.derivedSeed(seed: seed, replication: replication, name: name),
            name: name)
    }

    /// Creates a stream from a seed computed elsewhere, typically by
    /// `derivedSeed(seed:replication:name:)` in another task. Seed 0 means
    /// 4357 to GSL.
    public init(derivedSeed: UInt32, name: String) {
        GSL.disableAbortOnError()
        // gsl_rng_alloc returns NULL only when malloc fails; that is not
        // something a scenario can cause or a caller can recover from.
        guard let generator = gsl_rng_alloc(cgsl_rng_type_mt19937()) else {
            preconditionFailure("gsl_rng_alloc: out of memory")
        }
        // The hot path advances the generator in place (shim.h): it must be GSL's mt19937 with
        // the state layout that code reads.
        precondition(cgsl_rng_is_mt19937(generator) != 0, "GSL's mt19937 state has an unexpected layout")
        gsl_rng_set(generator, UInt(derivedSeed))
        self.gsl = generator
        self.seed = derivedSeed
        self.name = name
    }

    deinit {
        gsl_rng_free(gsl)
    }

    // MARK: Draws

    /// A uniform double in [0, 1) (`gsl_rng_uniform`; 32 bits of randomness).
    @inlinable @inline(__always)
    public func uniform() -> Double {
        cgsl_mt_uniform(gsl)
    }

    /// A uniform double in (0, 1) (`gsl_rng_uniform_pos`).
    @inlinable @inline(__always)
    public func uniformPositive() -> Double {
        cgsl_mt_uniform_pos(gsl)
    }

    /// The generator's next raw 32-bit output (`gsl_rng_get`).
    @inlinable @inline(__always)
    public func nextUInt32() -> UInt32 {
        UInt32(truncatingIfNeeded: cgsl_mt_next(gsl))
    }

    /// A uniform integer in `0..<n` (`gsl_rng_uniform_int`, unbiased).
    ///
    /// Precondition: `n >= 1`; `n <= 1` returns 0. For `n >= 2^32` two outputs
    /// are combined into 64 bits with the same rejection scheme.
    @inlinable @inline(__always)
    public func uniformInt(_ n: Int) -> Int {
        if n <= 1 { return 0 }
        if n <= 0xFFFF_FFFF {
            return Int(truncatingIfNeeded: cgsl_mt_uniform_int(gsl, UInt(n)))
        }
        return wideUniformInt(UInt64(n))
    }

    /// An exponential variate with the given mean, by inversion of one
    /// `gsl_rng_uniform` draw u: −mean·ln(1 − u).
    ///
    /// `gsl_ran_exponential` computes −mean·log1p(−u) from the same u; since
    /// u is a multiple of 2⁻³², 1 − u is exact and both agree to within an ulp,
    /// but glibc's `log` is about twice as fast as its `log1p` (14 vs 26 ns per
    /// draw here, the uniform included).
    @inlinable @inline(__always)
    public func exponential(mean: Double) -> Double {
        -mean * Foundation.log(1 - cgsl_mt_uniform(gsl))
    }

    @usableFromInline
    func wideUniformInt(_ n: UInt64) -> Int {
        // Same rejection as gsl_rng_uniform_int over a 64-bit range.
        let scale = UInt64.max / n
        while true {
            let high = UInt64(truncatingIfNeeded: cgsl_mt_next(gsl))
            let low = UInt64(truncatingIfNeeded: cgsl_mt_next(gsl))
            let k = ((high << 32) | low) / scale
            if k < n { return Int(truncatingIfNeeded: k) }
        }
    }
}

@available(*, unavailable, message: "a GSL generator is mutable state; pass seeds across tasks")
extension RandomStream: Sendable {}

// MARK: - Seed derivation

extension RandomStream {
    /// The 32-bit MT19937 seed of stream `name` in replication `replication`
    /// of a run with seed `seed`. Never 0. See the type's documentation for the
    /// scheme and its collision behaviour.
    public static func derivedSeed(seed: UInt64, replication: Int, name: String) -> UInt32 {
        let key = splitMix64(seed)
        let x = nameKey(name, runKey: key) &+ UInt32(truncatingIfNeeded: replication)
        let mixed = fmix32(fmix32(x ^ UInt32(truncatingIfNeeded: key)) ^ UInt32(truncatingIfNeeded: key >> 32))
        return mixed == 0 ? 0x6D2B_79F5 : mixed
    }

    /// The pairs of distinct names that would share a seed in every
    /// replication of a run with seed `seed` (almost always empty). Names are
    /// compared after deduplication; pairs are sorted.
    public static func collidingNames(seed: UInt64, names: [String]) -> [(String, String)] {
        let key = splitMix64(seed)
        var byKey: [UInt32: [String]] = [:]
        for name in Set(names) {
            byKey[nameKey(name, runKey: key), default: []].append(name)
        }
        var pairs: [(String, String)] = []
        for group in byKey.values where group.count > 1 {
            let sorted = group.sorted()
            for i in sorted.indices {
                for j in sorted.indices where j > i { pairs.append((sorted[i], sorted[j])) }
            }
        }
        return pairs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// Step 2 of the derivation: the name's 32-bit key for this run.
    static func nameKey(_ name: String, runKey: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: splitMix64(fnv1a64(name) ^ runKey) >> 32)
    }

    /// SplitMix64's output function applied to `x + golden gamma`.
    static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `s`.
    static func fnv1a64(_ s: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in s.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// MurmurHash3's 32-bit finaliser, a bijection with full avalanche.
    static func fmix32(_ x: UInt32) -> UInt32 {
        var h = x
        h ^= h >> 16
        h = h &* 0x85EB_CA6B
        h ^= h >> 13
        h = h &* 0xC2B2_AE35
        h ^= h >> 16
        return h
    }
}

// MARK: - GSL process settings

/// Process-wide GSL settings.
public enum GSL {
    private static let errorHandlerIsOff: Bool = {
        gsl_set_error_handler_off()
        return true
    }()

    /// Turns off GSL's default error handler, which aborts the process on a
    /// domain error, so a bad parameter yields NaN or a status code instead.
    /// Idempotent and thread-safe (runs once); `RandomStream` and `StudentT`
    /// call it too. Parameters are still validated when a scenario is loaded.
    public static func disableAbortOnError() {
        _ = errorHandlerIsOff
    }
}

/// A borrowed view of a stream's GSL generator: a plain pointer, so a draw on the hot path costs
/// no reference counting. It draws exactly what ``RandomStream``'s methods draw; the
/// ``RandomStream`` that owns the generator must outlive it (the ``Simulation`` keeps both).
public struct RandomGenerator {
    public let gsl: UnsafeMutablePointer<gsl_rng>

    @inlinable public init(gsl: UnsafeMutablePointer<gsl_rng>) { self.gsl = gsl }

    @inlinable @inline(__always) public func uniform() -> Double { cgsl_mt_uniform(gsl) }

    @inlinable @inline(__always) public func uniformPositive() -> Double { cgsl_mt_uniform_pos(gsl) }

    @inlinable @inline(__always)
    public func uniformInt(_ n: Int) -> Int {
        if n <= 1 { return 0 }
        if n <= 0xFFFF_FFFF {
            return Int(truncatingIfNeeded: cgsl_mt_uniform_int(gsl, UInt(n)))
        }
        let scale = UInt64.max / UInt64(n)
        while true {
            let high = UInt64(truncatingIfNeeded: cgsl_mt_next(gsl))
            let low = UInt64(truncatingIfNeeded: cgsl_mt_next(gsl))
            let k = ((high << 32) | low) / scale
            if k < UInt64(n) { return Int(truncatingIfNeeded: k) }
        }
    }

    @inlinable @inline(__always)
    public func exponential(mean: Double) -> Double {
        -mean * Foundation.log(1 - cgsl_mt_uniform(gsl))
    }
}

extension RandomStream {
    /// The generator as a plain pointer (see ``RandomGenerator``).
    @inlinable public var generator: RandomGenerator { RandomGenerator(gsl: gsl) }
}
