/// A set of work units (see ``RunInfo``), as `run.json` writes it: ascending numbers and
/// ranges separated by commas, `"0-11"`, `"1,5,9"`, `"0-3,8-11"`; `""` for none.
public struct WorkUnitSet: Sendable, Equatable {
    /// The units, ascending, each once.
    public private(set) var units: [Int]

    /// The set of `units` (any order, repeats dropped).
    public init<S: Sequence>(_ units: S) where S.Element == Int {
        self.units = Array(Set(units)).sorted()
    }

    /// Units 0 to `count` − 1.
    public static func all(_ count: Int) -> WorkUnitSet { WorkUnitSet(0..<max(0, count)) }

    /// The text written to `run.json`: runs of consecutive units become `a-b`.
    public var text: String { Self.describe(units) }

    /// `units` (ascending) as ranges: `"0-3,8"`.
    static func describe(_ units: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < units.count {
            var j = i
            while j + 1 < units.count && units[j + 1] == units[j] + 1 { j += 1 }
            parts.append(j == i ? String(units[i]) : "\(units[i])-\(units[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }

    /// Reads ``text``; `nil` for anything else (a negative number, a range that runs
    /// backwards, units out of order or repeated, more than `limit` units in all).
    public static func parse(_ text: String, limit: Int = 100_000_000) -> WorkUnitSet? {
        if text.isEmpty { return WorkUnitSet([]) }
        var units: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 1 || bounds.count == 2,
                let low = Int(bounds[0]), let high = Int(bounds[bounds.count - 1]), low >= 0, low <= high,
                units.last.map({ $0 < low }) ?? true, high - low < limit - units.count
            else { return nil }
            units.append(contentsOf: low...high)
        }
        return WorkUnitSet(units)
    }
}
