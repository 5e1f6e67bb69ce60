import Foundation

/// A node of a scenario document together with where it sits: file and key path.
///
/// Readers turn nodes into checked Swift values. Each typed read either
/// returns a value that satisfies the stated constraints or throws a
/// ``ScenarioError`` carrying the file, the key path, the line, what was
/// expected and what was found, so model code never formats an error itself:
///
///     let root = try NodeReader(node: ScenarioDocument.load(path: path), file: path).map()
///     let duration = try root.duration("duration", default: 3_600_000_000_000)
///     let replications = try root.int("replications", default: 10, min: 1)
///     try root.finish()   // rejects keys nobody asked for, suggesting the nearest
///
/// Scalars are read by their text, whether quoted or not: `"30s"` and `30s`
/// are the same duration, `"5"` and `5` the same integer. A null is never a
/// number, string or flag; ask ``isNull`` first where null has a meaning.
public struct NodeReader {
    /// The node read.
    public let node: ScenarioNode
    /// The file, as the user named it, for errors.
    public let file: String
    /// The node's key path, `""` for the document root.
    public let path: String

    /// Creates a reader for `node`, found at `path` in `file`.
    public init(node: ScenarioNode, file: String, path: String = "") {
        self.node = node
        self.file = file
        self.path = path
    }

    /// The node's 1-based source line, when known.
    public var line: Int? { node.line }

    /// How the node reads in "found …": a scalar's quoted text, `a map`, `a list`, `nothing (null)`.
    public var foundDescription: String { node.foundDescription }

    /// An error at this node's key path and line.
    ///
    /// `found` is printed as given (see ``ScenarioError/quote(_:limit:)``);
    /// pass ``foundDescription`` to show this node.
    public func error(expected: String, found: String? = nil, suggestion: String? = nil) -> ScenarioError {
        ScenarioError(file: file, keyPath: path, line: line, expected: expected, found: found, suggestion: suggestion)
    }

    /// Whether the node is a null (`~`, `null` or nothing written).
    public var isNull: Bool { if case .null = node { return true } else { return false } }
    /// Whether the node is a map.
    public var isMap: Bool { if case .map = node { return true } else { return false } }
    /// Whether the node is a list.
    public var isList: Bool { if case .list = node { return true } else { return false } }
    /// Whether the node is a scalar (not null).
    public var isScalar: Bool { if case .scalar = node { return true } else { return false } }

    // MARK: - Structure

    /// Reads a map whose keys will be checked; see ``MapReader``.
    public func map() throws -> MapReader {
        guard case let .map(entries, _) = node else {
            throw error(expected: "a map (key: value pairs)", found: foundDescription)
        }
        return MapReader(reader: self, entries: entries)
    }

    /// Reads a list; item readers have paths such as `faults[0]`.
    public func list() throws -> [NodeReader] {
        guard case let .list(items, _) = node else {
            throw error(expected: "a list", found: foundDescription)
        }
        return items.enumerated().map { index, item in
            NodeReader(node: item, file: file, path: KeyPath.appending(index: index, to: path))
        }
    }

    // MARK: - Scalars

    /// The text of a scalar, quoted or not; a map, a list or a null is an error.
    public func string() throws -> String {
        try scalarText(expected: "a string")
    }

    /// Reads an integer, in `min...max`.
    ///
    /// Accepts YAML's integer forms: `10`, `-3`, `+7`, `1_000`, `0x10`, `0o17`,
    /// `0b101`; leading zeros are decimal (`010` is ten). Rejects fractions and
    /// exponents (`1.5`, `1e3`) and numbers that do not fit in `Int`; the error
    /// names the range.
    public func int(min: Int = .min, max: Int = .max) throws -> Int {
        let expected = Self.rangePhrase("an integer", min: min == .min ? nil : "\(min)", max: max == .max ? nil : "\(max)")
        let text = try scalarText(expected: expected)
        switch Self.scanInt(text) {
        case let .value(value):
            guard value >= min, value <= max else { throw error(expected: expected, found: foundDescription) }
            return value
        case .overflow:
            throw error(expected: Self.rangePhrase("an integer", min: "\(min)", max: "\(max)"), found: foundDescription)
        case .malformed:
            throw error(expected: expected, found: foundDescription)
        }
    }

    /// Reads a finite number, in `min...max`.
    ///
    /// Accepts integers (in any form ``int(min:max:)`` takes) and decimals with an
    /// optional exponent (`0.5`, `2.5e-3`). Infinity and NaN (`.inf`, `.nan`, and a
    /// number too large for `Double`, such as `1e400`) are always errors.
    public func double(min: Double = -.infinity, max: Double = .infinity) throws -> Double {
        let expected = Self.rangePhrase(
            "a number", min: min == -.infinity ? nil : Self.formatNumber(min),
            max: max == .infinity ? nil : Self.formatNumber(max))
        let text = try scalarText(expected: expected)
        switch Self.scanDouble(text) {
        case let .value(value):
            guard value >= min, value <= max else { throw error(expected: expected, found: foundDescription) }
            return value
        case .notFinite:
            throw error(expected: "a finite number (infinity and NaN are not allowed)", found: foundDescription)
        case .malformed:
            throw error(expected: expected, found: foundDescription)
        }
    }

    /// Reads `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`: YAML 1.2's core schema).
    ///
    /// YAML 1.1's `yes`, `no`, `on`, `off` are refused with a suggestion, since
    /// YAML 1.2 reads them as strings and the two versions would disagree.
    public func bool() throws -> Bool {
        let expected = "true or false"
        let text = try scalarText(expected: expected)
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case "yes", "Yes", "YES", "on", "On", "ON", "y", "Y":
            throw error(expected: expected, found: foundDescription, suggestion: "true")
        case "no", "No", "NO", "off", "Off", "OFF", "n", "N":
            throw error(expected: expected, found: foundDescription, suggestion: "false")
        default:
            throw error(expected: expected, found: foundDescription)
        }
    }

    /// Reads a duration in nanoseconds, in `min...max`; see ``Units/parseDuration(_:)``.
    ///
    /// A bare number other than 0 is an error (it has no unit); so is a negative
    /// duration unless `min` is negative, and a duration over `max` (by default
    /// ``Units/maxDuration``, 100 years), the error naming the bound.
    public func duration(min: Int64 = 0, max: Int64 = Units.maxDuration) throws -> Int64 {
        let expected = "a duration with a unit (\(Units.unitList)), such as 30s"
        let text = try scalarText(expected: expected)
        let minimum = Units.format(nanoseconds: min)
        var maximum = Units.format(nanoseconds: max)
        if max == Units.maxDuration { maximum += " (100 years)" }
        switch Units.scanDuration(text) {
        case let .value(value):
            if value < min {
                throw error(expected: Self.rangePhrase("a duration", min: minimum, max: nil), found: foundDescription)
            }
            if value > max {
                throw error(expected: Self.rangePhrase("a duration", min: nil, max: maximum), found: foundDescription)
            }
            return value
        case .overflow:
            throw error(expected: Self.rangePhrase("a duration", min: nil, max: maximum), found: foundDescription)
        case .missingUnit, .malformed:
            throw error(expected: expected, found: foundDescription)
        }
    }

    /// Reads a rate in events per second, finite and above zero; see ``Units/parseRate(_:)``.
    public func rate() throws -> Double {
        let expected = "a rate such as 200/s (count per ns, us, ms, s, m, h or d)"
        let text = try scalarText(expected: expected)
        switch Units.scanRate(text) {
        case let .value(perSecond):
            // (1/rate must be finite too: a mean time between events is derived from it.)
            guard perSecond > 0, (1 / perSecond).isFinite else {
                throw error(expected: "a rate above zero, such as 200/s", found: foundDescription)
            }
            return perSecond
        case .notFinite:
            throw error(expected: "a finite rate, such as 200/s", found: foundDescription)
        case .malformed:
            throw error(expected: expected, found: foundDescription)
        }
    }

    /// Reads one of `options`, exactly as written; the error lists them and suggests the nearest.
    public func choice(_ options: [String]) throws -> String {
        let expected = "one of: " + options.joined(separator: ", ")
        let text = try scalarText(expected: expected)
        guard options.contains(text) else {
            throw error(expected: expected, found: foundDescription, suggestion: KeyPath.nearest(text, in: options))
        }
        return text
    }

    /// Reads a probability: a number from 0 to 1.
    public func probability() throws -> Double {
        let expected = "a probability from 0 to 1"
        let text = try scalarText(expected: expected)
        guard case let .value(value) = Self.scanDouble(text), value >= 0, value <= 1 else {
            throw error(expected: expected, found: foundDescription)
        }
        return value
    }

    /// The scalar's text, or an error saying `expected` for anything else.
    private func scalarText(expected: String) throws -> String {
        guard case let .scalar(text, _, _) = node else {
            throw error(expected: expected, found: foundDescription)
        }
        return text
    }

    // MARK: - Number parsing

    enum IntScan: Equatable {
        case value(Int)
        case overflow
        case malformed
    }

    /// Parses YAML's integer forms; see ``int(min:max:)``.
    static func scanInt(_ text: String) -> IntScan {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0X", 16), ("0o", 8), ("0b", 2)] where rest.hasPrefix(prefix) {
            radix = base
            rest = rest.dropFirst(2)
            break
        }
        guard !rest.isEmpty, rest.first != "_", rest.last != "_",
              rest.allSatisfy({ $0 == "_" || ($0.isASCII && $0.hexDigitValue.map { $0 < radix } == true) })
        else { return .malformed }
        guard let magnitude = UInt64(rest.filter { $0 != "_" }, radix: radix) else { return .overflow }
        if negative {
            if magnitude == UInt64(Int.max) + 1 { return .value(.min) }
            return magnitude <= UInt64(Int.max) ? .value(-Int(magnitude)) : .overflow
        }
        return magnitude <= UInt64(Int.max) ? .value(Int(magnitude)) : .overflow
    }

    enum DoubleScan: Equatable {
        case value(Double)
        case notFinite
        case malformed
    }

    /// Parses a finite number; see ``double(min:max:)``.
    static func scanDouble(_ text: String) -> DoubleScan {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if case let .value(integer) = scanInt(trimmed) { return .value(Double(integer)) }
        var word = Substring(trimmed.lowercased())
        if let first = word.first, first == "-" || first == "+" { word = word.dropFirst() }
        if [".inf", "inf", "infinity", ".nan", "nan"].contains(word) { return .notFinite }
        var cleaned = trimmed
        if cleaned.contains("_") {
            guard cleaned.first != "_", cleaned.last != "_" else { return .malformed }
            cleaned.removeAll { $0 == "_" }
        }
        guard Units.isDecimalNumber(cleaned), let value = Double(cleaned) else { return .malformed }
        return value.isFinite ? .value(value) : .notFinite
    }

    /// "an integer from 1 to 10", "… of at least 1", "… of at most 10", or the noun alone.
    static func rangePhrase(_ noun: String, min: String?, max: String?) -> String {
        switch (min, max) {
        case let (min?, max?): return "\(noun) from \(min) to \(max)"
        case let (min?, nil): return "\(noun) of at least \(min)"
        case let (nil, max?): return "\(noun) of at most \(max)"
        case (nil, nil): return noun
        }
    }

    /// A bound as a message shows it: `0`, `1`, `0.5`.
    static func formatNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// A map whose keys are checked: every key asked for is remembered, and
/// ``finish()`` rejects the keys present in the file that nobody asked for.
///
/// This is how a misspelt key (`replicatons: 10`) becomes an error naming the
/// nearest valid key instead of a silently used default. Read every key the
/// format defines — with ``optional(_:)``, ``required(_:)``, the typed
/// conveniences, or ``allow(_:)`` for keys read elsewhere — then call
/// ``finish()``.
///
/// The typed conveniences return `default` when the key is absent, and
/// otherwise read the value with the matching ``NodeReader`` method, so a
/// present null is an error for them (`warmup:` with nothing after it). For
/// ``map(_:)`` and ``list(_:)`` a null reads as empty, so a list whose items
/// are all commented out is an empty list.
public final class MapReader {
    /// The map node itself.
    public let reader: NodeReader
    private let storage: [(key: String, value: ScenarioNode)]
    private let positions: [String: Int]
    private var known: [String] = []
    private var knownSet: Set<String> = []

    init(reader: NodeReader, entries: [(key: String, value: ScenarioNode)]) {
        self.reader = reader
        self.storage = entries
        var positions: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where positions[entry.key] == nil {
            positions[entry.key] = index
        }
        self.positions = positions
    }

    /// The keys present, in file order.
    public var keys: [String] { storage.map(\.key) }

    /// Whether `key` is present (a null value counts); records `key` as known.
    public func has(_ key: String) -> Bool {
        remember(key)
        return positions[key] != nil
    }

    /// The reader for `key`, or `nil` if absent; records `key` as known.
    ///
    /// A key written with a null value (`key:` or `key: ~`) is present: its
    /// reader is returned, and the caller decides what null means.
    public func optional(_ key: String) -> NodeReader? {
        remember(key)
        guard let index = positions[key] else { return nil }
        return NodeReader(node: storage[index].value, file: reader.file, path: KeyPath.appending(key: key, to: reader.path))
    }

    /// The reader for `key`; its absence is an error "missing required key".
    public func required(_ key: String) throws -> NodeReader {
        guard let child = optional(key) else {
            throw ScenarioError(
                file: reader.file, keyPath: reader.path, line: reader.line,
                expected: "", problem: "missing required key '\(key)'")
        }
        return child
    }

    /// Every entry, in file order, each key recorded as known: for maps whose
    /// keys are names chosen by the user, such as `topologies` or `components`.
    public func entries() -> [(key: String, value: NodeReader)] {
        storage.map { entry in
            remember(entry.key)
            return (entry.key, NodeReader(node: entry.value, file: reader.file, path: KeyPath.appending(key: entry.key, to: reader.path)))
        }
    }

    /// The string at `key`, or `default` when absent.
    public func string(_ key: String, default defaultValue: String? = nil) throws -> String? {
        guard let child = optional(key) else { return defaultValue }
        return try child.string()
    }

    /// The integer at `key` in `min...max`, or `default` when absent.
    public func int(_ key: String, default defaultValue: Int? = nil, min: Int = .min, max: Int = .max) throws -> Int? {
        guard let child = optional(key) else { return defaultValue }
        return try child.int(min: min, max: max)
    }

    /// The number at `key` in `min...max`, or `default` when absent.
    public func double(
        _ key: String, default defaultValue: Double? = nil, min: Double = -.infinity, max: Double = .infinity
    ) throws -> Double? {
        guard let child = optional(key) else { return defaultValue }
        return try child.double(min: min, max: max)
    }

    /// The flag at `key`, or `default` when absent.
    public func bool(_ key: String, default defaultValue: Bool? = nil) throws -> Bool? {
        guard let child = optional(key) else { return defaultValue }
        return try child.bool()
    }

    /// The duration at `key` in nanoseconds, in `min...max`, or `default` when absent.
    public func duration(
        _ key: String, default defaultValue: Int64? = nil, min: Int64 = 0, max: Int64 = Units.maxDuration
    ) throws -> Int64? {
        guard let child = optional(key) else { return defaultValue }
        return try child.duration(min: min, max: max)
    }

    /// The rate at `key` in events per second, or `default` when absent.
    public func rate(_ key: String, default defaultValue: Double? = nil) throws -> Double? {
        guard let child = optional(key) else { return defaultValue }
        return try child.rate()
    }

    /// The value at `key`, one of `options`, or `default` when absent.
    public func choice(_ key: String, _ options: [String], default defaultValue: String? = nil) throws -> String? {
        guard let child = optional(key) else { return defaultValue }
        return try child.choice(options)
    }

    /// The map at `key`, or `nil` when absent; a null reads as an empty map.
    public func map(_ key: String) throws -> MapReader? {
        guard let child = optional(key) else { return nil }
        if child.isNull { return MapReader(reader: child, entries: []) }
        return try child.map()
    }

    /// The list at `key`, or `nil` when absent; a null reads as an empty list.
    public func list(_ key: String) throws -> [NodeReader]? {
        guard let child = optional(key) else { return nil }
        if child.isNull { return [] }
        return try child.list()
    }

    /// Marks keys as known without reading them.
    public func allow(_ keys: [String]) {
        for key in keys { remember(key) }
    }

    /// Throws for the first key in file order that was never asked for.
    ///
    /// The error says "unknown key" at the key's path, suggests the nearest
    /// known key (``KeyPath/nearest(_:in:)``), and lists the keys valid here in
    /// the order they were asked for.
    public func finish() throws {
        for entry in storage where !knownSet.contains(entry.key) {
            let valid = known.isEmpty ? "no keys are valid here" : "valid keys here: " + known.joined(separator: ", ")
            throw ScenarioError(
                file: reader.file, keyPath: KeyPath.appending(key: entry.key, to: reader.path),
                line: entry.value.line ?? reader.line,
                expected: valid, suggestion: KeyPath.nearest(entry.key, in: known), problem: "unknown key")
        }
    }

    private func remember(_ key: String) {
        if knownSet.insert(key).inserted { known.append(key) }
    }
}
