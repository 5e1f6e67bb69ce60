import Foundation

/// Durations and rates as scenario files write them: `30s`, `250us`, `1.5h`, `200/s`.
///
/// Simulated time is an integer count of nanoseconds (`Int64`), so durations
/// are parsed exactly, with integer arithmetic and overflow checks, never
/// through a `Double`. The units are the same for durations and rates:
///
/// | unit | meaning |
/// | --- | --- |
/// | `ns` | nanoseconds |
/// | `us`, `µs`, `μs` | microseconds |
/// | `ms` | milliseconds |
/// | `s` | seconds |
/// | `m` | minutes |
/// | `h` | hours |
/// | `d` | days of 24 hours |
///
/// Units are case-sensitive (`m` is a minute, never a month or a metre).
public enum Units {
    /// The longest simulated time accepted: 100 years of 365.25 days,
    /// 3,155,760,000,000,000,000 ns (`36525d`).
    ///
    /// That is about a third of `Int64.max`, which leaves room to add a duration
    /// to any accepted time without overflow.
    public static let maxDuration: Int64 = 3_155_760_000_000_000_000

    /// The units, longest suffix first so `ms` is tried before `s`.
    static let units: [(suffix: String, nanoseconds: Int64)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", 1_000_000),
        ("s", 1_000_000_000), ("m", 60_000_000_000), ("h", 3_600_000_000_000), ("d", 86_400_000_000_000),
    ]

    /// The units as an error message lists them.
    static let unitList = "ns, us, ms, s, m, h, d"

    /// What ``scanDuration(_:)`` made of a text.
    enum DurationScan: Equatable {
        /// A duration, in nanoseconds.
        case value(Int64)
        /// A number without a unit (other than zero, which is a duration).
        case missingUnit
        /// A well-formed duration too large for `Int64` nanoseconds.
        case overflow
        /// Not a duration at all.
        case malformed
    }

    /// Parses a duration: an optional sign, a decimal number (`30`, `1.5`, `.5`),
    /// optional spaces, and a unit.
    ///
    /// A bare zero (`0`, `0.0`) is accepted as zero; any other bare number is
    /// ``DurationScan/missingUnit``. Fractions are rounded to the nearest
    /// nanosecond (halves away from zero), computed exactly.
    static func scanDuration(_ text: String) -> DurationScan {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        let integerDigits = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(integerDigits.count)
        var fractionDigits: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fractionDigits.count)
        }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return .malformed }
        let suffix = String(rest.drop(while: { $0 == " " }))
        if suffix.isEmpty {
            let isZero = (integerDigits + fractionDigits).allSatisfy { $0 == "0" }
            return isZero ? .value(0) : .missingUnit
        }
        guard let unit = units.first(where: { $0.suffix == suffix })?.nanoseconds else { return .malformed }

        var whole: Int64 = 0
        for digit in integerDigits {
            let (shifted, overflow1) = whole.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int64(digit.asciiDigitValue))
            if overflow1 || overflow2 { return .overflow }
            whole = added
        }
        let (wholeNanoseconds, overflow) = whole.multipliedReportingOverflow(by: unit)
        if overflow { return .overflow }

        // fraction × unit, rounded, with 18 significant fraction digits: exact to
        // well under a nanosecond for every unit up to a day.
        var fraction: Int64 = 0
        var scale: Int64 = 1
        for digit in fractionDigits.prefix(18) {
            fraction = fraction * 10 + Int64(digit.asciiDigitValue)
            scale *= 10
        }
        let product = unit.multipliedFullWidth(by: fraction)
        let (quotient, remainder) = scale.dividingFullWidth(product)
        let fractionNanoseconds = quotient + (remainder * 2 >= scale ? 1 : 0)
        let (total, overflow3) = wholeNanoseconds.addingReportingOverflow(fractionNanoseconds)
        if overflow3 { return .overflow }
        return .value(negative ? -total : total)
    }

    /// Parses a duration such as `30s`, `5ms`, `250us`, `1.5h`, `2d`, `10m` or `100ns` into nanoseconds.
    ///
    /// `µs` and `μs` are accepted for microseconds, a space may separate number
    /// and unit, and a bare `0` is zero. Returns `nil` for anything else,
    /// including a bare non-zero number and a duration that overflows `Int64`;
    /// no range check is made (a negative duration is returned as such).
    public static func parseDuration(_ text: String) -> Int64? {
        if case let .value(nanoseconds) = scanDuration(text) { return nanoseconds }
        return nil
    }

    /// What ``scanRate(_:)`` made of a text.
    enum RateScan: Equatable {
        /// A rate per second (finite, any sign).
        case value(Double)
        /// A well-formed rate that is not finite (`1e400/s`).
        case notFinite
        /// Not a rate.
        case malformed
    }

    /// Parses `N/unit`, `N` a decimal number (exponent allowed), into a rate per second.
    static func scanRate(_ text: String) -> RateScan {
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .malformed }
        let number = parts[0].trimmingCharacters(in: .whitespaces)
        let unitText = parts[1].trimmingCharacters(in: .whitespaces)
        guard let unit = units.first(where: { $0.suffix == unitText })?.nanoseconds,
              isDecimalNumber(number), let count = Double(number)
        else { return .malformed }
        let perSecond = count * (1e9 / Double(unit))
        return perSecond.isFinite ? .value(perSecond) : .notFinite
    }

    /// Parses a rate such as `200/s`, `5/m`, `10/h`, `3/d`, `1/ms` or `0.5/s` into events per second.
    ///
    /// The count is a decimal number (`1.5`, `2e3`), the unit one of the
    /// duration units, with optional spaces around the `/`. Returns `nil` if the
    /// text is not of that form or the result is not finite; the sign is not
    /// checked (readers require a rate above zero).
    public static func parseRate(_ text: String) -> Double? {
        if case let .value(perSecond) = scanRate(text) { return perSecond }
        return nil
    }

    /// The units of a size, in bytes: AWS's KB is 1,024 bytes (an SQS request is billed per
    /// 64 KB chunk of 65,536 bytes), so KB and KiB are the same here.
    static let sizeUnits: [(suffix: String, bytes: Int)] = [
        ("B", 1), ("KB", 1 << 10), ("KiB", 1 << 10), ("MB", 1 << 20), ("MiB", 1 << 20), ("GB", 1 << 30), ("GiB", 1 << 30),
    ]

    /// Parses a size such as `2KB`, `512B`, `1.5MB` or `256KiB` into bytes (rounded to the
    /// nearest byte); a bare `0` is zero. Returns `nil` for anything else, including a bare
    /// non-zero number, a negative size and one past 2⁵³ bytes.
    public static func parseSize(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t == "0" { return 0 }
        guard let unit = sizeUnits.sorted(by: { $0.suffix.count > $1.suffix.count }).first(where: { t.hasSuffix($0.suffix) }) else { return nil }
        let number = t.dropLast(unit.suffix.count).trimmingCharacters(in: .whitespaces)
        guard isDecimalNumber(number), !number.hasPrefix("-"), let n = Double(number) else { return nil }
        let bytes = (n * Double(unit.bytes)).rounded()
        guard bytes.isFinite, bytes >= 0, bytes <= 9_007_199_254_740_992 else { return nil }
        return Int(bytes)
    }

    /// The size in the largest unit that keeps it readable (`2KB`, `64KB`, `1.5MB`, `300B`).
    public static func format(bytes: Int) -> String {
        for (suffix, unit) in [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)] where bytes >= unit {
            let v = Double(bytes) / Double(unit)
            return (v == v.rounded() ? String(Int(v)) : String(format: "%.2f", v)) + suffix
        }
        return "\(bytes)B"
    }

    /// Other spellings of the units, as people write them (`sec`, `min`, `hours`): never accepted,
    /// since a unit means one thing only, but suggested in their place.
    static let unitSpellings: [String: String] = {
        var spellings: [String: String] = [:]
        let words: [(String, [String])] = [
            ("ns", ["nsec", "nsecs", "nanos", "nanosec", "nanosecs", "nanosecond", "nanoseconds"]),
            ("us", ["usec", "usecs", "micros", "microsec", "microsecs", "microsecond", "microseconds"]),
            ("ms", ["msec", "msecs", "millis", "millisec", "millisecs", "millisecond", "milliseconds"]),
            ("s", ["sec", "secs", "second", "seconds"]),
            ("m", ["min", "mins", "minute", "minutes"]),
            ("h", ["hr", "hrs", "hour", "hours"]),
            ("d", ["day", "days"]),
        ]
        for (unit, names) in words { for name in names { spellings[name] = unit } }
        // Capitals, except M (a month? a mega-?), which has no safe reading.
        for (upper, unit) in [("NS", "ns"), ("US", "us"), ("MS", "ms"), ("S", "s"), ("H", "h"), ("D", "d")] { spellings[upper] = unit }
        return spellings
    }()

    /// The unit `text` was meant to be, for a unit topobench does not take: `sec` → `s`.
    static func canonicalUnit(_ text: String) -> String? {
        if units.contains(where: { $0.suffix == text }) { return nil }
        return unitSpellings[text] ?? unitSpellings[text.lowercased()]
    }

    /// The duration a refused text was meant to be, written as topobench writes it: `5 sec` →
    /// `5s`, `1.5 hours` → `1.5h`; `nil` when there is no safe guess.
    static func suggestDuration(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix(while: { $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "+" })
        let unitText = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, let unit = canonicalUnit(unitText) else { return nil }
        let suggestion = number + unit
        return parseDuration(String(suggestion)) == nil ? nil : String(suggestion)
    }

    /// The rate a refused text was meant to be, per second where that is exact to a thousandth:
    /// `9000/min` → `150/s`, `100/min` → `100/m`, `5 per sec` → `5/s`; `nil` when there is no
    /// safe guess.
    static func suggestRate(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count != 2, let range = trimmed.range(of: " per ") {
            parts = [String(trimmed[..<range.lowerBound]), String(trimmed[range.upperBound...])]
        }
        guard parts.count == 2 else { return nil }
        let number = parts[0].trimmingCharacters(in: .whitespaces)
        let unitText = parts[1].trimmingCharacters(in: .whitespaces)
        guard isDecimalNumber(number), let count = Double(number) else { return nil }
        let unit: String
        if units.contains(where: { $0.suffix == unitText }) {
            unit = unitText  // `5 per s`
        } else if let canonical = canonicalUnit(unitText) {
            unit = canonical
        } else {
            return nil
        }
        guard let nanoseconds = units.first(where: { $0.suffix == unit })?.nanoseconds else { return nil }
        let perSecond = count * (1e9 / Double(nanoseconds))
        let thousandths = (perSecond * 1000).rounded()
        if perSecond.isFinite, perSecond > 0, abs(perSecond * 1000 - thousandths) < 1e-6 * max(1, thousandths), thousandths < 1e15 {
            var written = String(format: "%.3f", thousandths / 1000)
            while written.hasSuffix("0") { written.removeLast() }
            if written.hasSuffix(".") { written.removeLast() }
            return written + "/s"
        }
        return number + "/" + unit
    }

    /// What a duration text is when it is not one in `range`: the phrase after "expected" and the
    /// nearest valid spelling, the same for a file (``NodeReader/duration(min:max:)``) and for a
    /// command-line flag (`--duration`); `nil` when it is a duration in `range`.
    public static func durationProblem(_ text: String, in range: ClosedRange<Int64>) -> (expected: String, suggestion: String?)? {
        let (min, max) = (range.lowerBound, range.upperBound)
        let minimum = format(nanoseconds: min)
        var maximum = format(nanoseconds: max)
        if max == maxDuration { maximum += " (100 years)" }
        switch scanDuration(text) {
        case let .value(value):
            if value < min { return (NodeReader.rangePhrase("a duration", min: minimum, max: nil), nil) }
            if value > max { return (NodeReader.rangePhrase("a duration", min: nil, max: maximum), nil) }
            return nil
        case .overflow:
            return (NodeReader.rangePhrase("a duration", min: nil, max: maximum), nil)
        case .missingUnit, .malformed:
            return ("a duration with a unit (\(unitList)), such as 30s", suggestDuration(text))
        }
    }

    /// Writes a duration exactly, in the largest unit that divides it:
    /// `30_000_000_000` → `30s`, `1_500_000` → `1500us`, `5_400_000_000_000` → `90m`.
    ///
    /// Zero is `0s`. The result parses back to the same value with
    /// ``parseDuration(_:)`` (for every value but `Int64.min`, whose magnitude
    /// does not fit in `Int64`).
    public static func format(nanoseconds: Int64) -> String {
        if nanoseconds == 0 { return "0s" }
        let magnitude = nanoseconds.magnitude
        let sign = nanoseconds < 0 ? "-" : ""
        for (suffix, unit) in [("d", 86_400_000_000_000), ("h", 3_600_000_000_000), ("m", 60_000_000_000),
                               ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000)] as [(String, UInt64)]
        where magnitude % unit == 0 {
            return sign + String(magnitude / unit) + suffix
        }
        return sign + String(magnitude) + "ns"
    }

    /// Whether `text` is a plain decimal number: optional sign, digits with an
    /// optional fraction, optional exponent. Rejects `inf`, `nan`, hex floats and `_`.
    static func isDecimalNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if let first = rest.first, first == "-" || first == "+" { rest = rest.dropFirst() }
        let integer = rest.prefix(while: \.isASCIIDigit)
        rest = rest.dropFirst(integer.count)
        var fraction: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return false }
        if let first = rest.first, first == "e" || first == "E" {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
            let exponent = rest.prefix(while: \.isASCIIDigit)
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}

fileprivate extension Character {
    /// Whether this is one of the ASCII digits 0–9 (not any Unicode digit).
    var isASCIIDigit: Bool { isASCII && isWholeNumber }

    /// The value of an ASCII digit; 0 for anything else.
    var asciiDigitValue: Int { wholeNumberValue ?? 0 }
}
