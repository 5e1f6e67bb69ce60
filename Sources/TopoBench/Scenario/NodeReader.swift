import Foundation

/// A node of a scenario document together with where it sits: file, key path and declared type.
///
/// Readers turn nodes into checked Swift values. Each typed read either
/// returns a value that satisfies the declared constraints or throws a
/// ``ScenarioError`` carrying the file, the key path, the line, what was
/// expected and what was found, so model code never formats an error itself:
///
///     let root = try NodeReader(node: ScenarioDocument.load(path: path), file: path).map(.scenario)
///     let duration = try root.duration("duration", default: Time.hour)   // range from the declaration
///     let replications = try root.int("replications", default: 10)
///     try root.finish()   // refuses keys present but not read
///
/// A reader whose map was opened with a ``MapDeclaration`` knows its value's declared
/// ``ValueType`` (``type``): ranges, choices and the declarations of nested maps come from it,
/// and a read the declaration does not allow (an integer read of a key declared as a
/// duration, bounds written in code) throws a ``DeclarationError``, a bug in topobench. A
/// reader without a declared type (``type`` `nil`) takes its bounds from the arguments, as
/// readers did before declarations (the suite file is still read that way).
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
    /// The declared type of the value, when the map holding it was opened with a declaration.
    public let type: ValueType?

    /// Creates a reader for `node`, found at `path` in `file`, declared as `type`.
    public init(node: ScenarioNode, file: String, path: String = "", type: ValueType? = nil) {
        self.node = node
        self.file = file
        self.path = path
        self.type = type
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

    /// Reads a map; see ``MapReader``.
    ///
    /// With a declared type, the map is opened with its declaration (or, for
    /// ``ValueType/variants(_:)``, with the declaration its discriminator picks), and a key the
    /// declaration does not have is refused at once, before any value is read. Without one,
    /// the keys are learnt as they are read and checked by ``MapReader/finish()``.
    public func map() throws -> MapReader {
        guard case let .map(entries, _) = node else {
            throw error(expected: "a map (key: value pairs)", found: foundDescription)
        }
        guard let type else { return MapReader(reader: self, entries: entries) }
        if let declaration = type.alternative({ t -> MapDeclaration? in if case .map(let d) = t { return d } else { return nil } }) {
            return try MapReader(reader: self, entries: entries, declaration: declaration)
        }
        if let variants = type.alternative({ t -> Variants? in if case .variants(let v) = t { return v } else { return nil } }) {
            return try MapReader(reader: self, entries: entries, variants: variants)
        }
        throw DeclarationError(message: "\(path.isEmpty ? "the document" : path) is read as a map but not declared as one")
    }

    /// Reads a map declared by `declaration` (the document root).
    public func map(_ declaration: MapDeclaration) throws -> MapReader {
        try NodeReader(node: node, file: file, path: path, type: .map(declaration)).map()
    }

    /// Reads a list; item readers have paths such as `faults[0]` and the declared item type.
    public func list() throws -> [NodeReader] {
        guard case let .list(items, _) = node else {
            throw error(expected: "a list", found: foundDescription)
        }
        var itemTypes: (Int) -> ValueType? = { _ in nil }
        if let type {
            if let element = type.alternative({ t -> ValueType? in if case .list(let e, _) = t { return e } else { return nil } }) {
                itemTypes = { _ in element }
            } else if let pair = type.alternative({ t -> (ValueType, ValueType)? in if case .pair(let a, let b) = t { return (a, b) } else { return nil } }) {
                itemTypes = { $0 == 0 ? pair.0 : $0 == 1 ? pair.1 : .any }
            } else {
                throw DeclarationError(message: "\(path) is read as a list but not declared as one")
            }
        }
        return items.enumerated().map { index, item in
            NodeReader(node: item, file: file, path: KeyPath.appending(index: index, to: path), type: itemTypes(index))
        }
    }

    // MARK: - Scalars

    /// The text of a scalar, quoted or not; a map, a list or a null is an error.
    public func string() throws -> String {
        if let type, type.alternative({ t -> Bool? in Self.isText(t) ? true : nil }) == nil {
            throw DeclarationError(message: "\(path) is read as text but not declared as text")
        }
        return try scalarText(expected: "a string")
    }

    /// Reads an integer, in the declared range (or `min...max` for an undeclared reader).
    ///
    /// Accepts YAML's integer forms: `10`, `-3`, `+7`, `1_000`, `0x10`, `0o17`,
    /// `0b101`; leading zeros are decimal (`010` is ten). Rejects fractions and
    /// exponents (`1.5`, `1e3`) and numbers that do not fit in `Int`; the error
    /// names the range.
    public func int(min: Int? = nil, max: Int? = nil) throws -> Int {
        let range = try bounds(min, max, full: Int.min...Int.max, what: "an integer") { t in
            if case .integer(let r) = t { return r } else { return nil }
        }
        let (min, max) = (range.lowerBound, range.upperBound)
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

    /// Reads a finite number, in the declared range (or `min...max` for an undeclared reader).
    ///
    /// Accepts integers (in any form ``int(min:max:)`` takes) and decimals with an
    /// optional exponent (`0.5`, `2.5e-3`). Infinity and NaN (`.inf`, `.nan`, and a
    /// number too large for `Double`, such as `1e400`) are always errors.
    public func double(min: Double? = nil, max: Double? = nil) throws -> Double {
        let range = try bounds(min, max, full: -Double.infinity...Double.infinity, what: "a number") { t in
            if case .number(let r) = t { return r ?? -Double.infinity...Double.infinity } else { return nil }
        }
        let (min, max) = (range.lowerBound, range.upperBound)
        let expected = Self.rangePhrase(
            "a number", min: min == -.infinity ? nil : Self.formatNumber(min),
            max: max == .infinity ? nil : Self.formatNumber(max))
        let text = try scalarText(expected: expected)
        switch Self.scanPercentOrDouble(text) {
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
        if let type, type.alternative({ t -> Bool? in if case .flag = t { return true } else { return nil } }) == nil {
            throw DeclarationError(message: "\(path) is read as true or false but not declared as a flag")
        }
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

    /// Reads a duration in nanoseconds, in the declared range (or `min...max` for an undeclared
    /// reader); see ``Units/parseDuration(_:)``.
    ///
    /// A bare number other than 0 is an error (it has no unit); so is a negative
    /// duration unless `min` is negative, and a duration over `max` (by default
    /// ``Units/maxDuration``, 100 years), the error naming the bound.
    public func duration(min: Int64? = nil, max: Int64? = nil) throws -> Int64 {
        let range = try bounds(min, max, full: 0...Units.maxDuration, what: "a duration") { t in
            if case .duration(let r) = t { return r } else { return nil }
        }
        let text = try scalarText(expected: "a duration with a unit (\(Units.unitList)), such as 30s")
        if let problem = Units.durationProblem(text, in: range) {
            throw error(expected: problem.expected, found: foundDescription, suggestion: problem.suggestion)
        }
        // durationProblem accepts only a duration in range.
        return Units.parseDuration(text) ?? range.lowerBound
    }

    /// Reads a size in bytes, in the declared range; see ``Units/parseSize(_:)``.
    public func size() throws -> Int {
        guard let type, let range = type.alternative({ t -> ClosedRange<Int>? in if case .size(let r) = t { return r } else { return nil } }) else {
            throw DeclarationError(message: "\(path) is read as a size but not declared as one")
        }
        let text = try scalarText(expected: "a size with a unit (B, KB, MB, GB), such as 2KB")
        guard let bytes = Units.parseSize(text) else {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            let bare = Double(trimmed) != nil
            // A unit in the wrong case (2kb, 1Mb): suggest AWS's spelling.
            let recased = Units.parseSize(trimmed.uppercased()) != nil ? trimmed.uppercased() : nil
            throw error(expected: "a size with a unit (B, KB, MB, GB), such as 2KB" + (bare ? ": a bare number has no unit" : ""),
                        found: foundDescription, suggestion: bare ? trimmed + "KB" : recased)
        }
        guard range.contains(bytes) else {
            throw error(expected: "a size from \(Units.format(bytes: range.lowerBound)) to \(Units.format(bytes: range.upperBound))", found: foundDescription)
        }
        return bytes
    }

    /// Reads a rate in events per second, finite and above zero, at most the declared maximum;
    /// see ``Units/parseRate(_:)``.
    public func rate() throws -> Double {
        var maximum: Double? = nil
        if let type {
            guard let declared = type.alternative({ t -> Double?? in if case .rate(let m) = t { return .some(m) } else { return nil } }) else {
                throw DeclarationError(message: "\(path) is read as a rate but not declared as one")
            }
            maximum = declared
        }
        let expected = "a rate such as 200/s (count per ns, us, ms, s, m, h or d)"
        let text = try scalarText(expected: expected)
        switch Units.scanRate(text) {
        case let .value(perSecond):
            // (1/rate must be finite too: a mean time between events is derived from it.)
            guard perSecond > 0, (1 / perSecond).isFinite else {
                throw error(expected: "a rate above zero, such as 200/s", found: foundDescription)
            }
            if let maximum, perSecond > maximum {
                throw error(expected: "a rate of at most \(Self.formatNumber(maximum))/s", found: foundDescription)
            }
            return perSecond
        case .notFinite:
            throw error(expected: "a finite rate, such as 200/s", found: foundDescription)
        case .malformed:
            throw error(expected: expected, found: foundDescription, suggestion: Units.suggestRate(text))
        }
    }

    /// Reads one of the declared choices (or of `options`, for an undeclared reader), exactly as
    /// written; the error lists them and suggests the nearest.
    public func choice(_ options: [String]? = nil) throws -> String {
        var options = options ?? []
        if let type {
            guard let declared = type.alternative({ t -> [String]? in if case .choice(let o) = t { return o } else { return nil } }),
                  options.isEmpty
            else { throw DeclarationError(message: "\(path) is read as a choice but not declared as one (or with choices in code)") }
            options = declared
        }
        let expected = "one of: " + options.joined(separator: ", ")
        let text = try scalarText(expected: expected)
        guard options.contains(text) else {
            throw error(expected: expected, found: foundDescription, suggestion: KeyPath.nearest(text, in: options))
        }
        return text
    }

    /// Reads a probability: a number from 0 to 1.
    public func probability() throws -> Double {
        if let type, type.alternative({ t -> Bool? in if case .probability = t { return true } else { return nil } }) == nil {
            throw DeclarationError(message: "\(path) is read as a probability but not declared as one")
        }
        let expected = "a probability from 0 to 1"
        let text = try scalarText(expected: expected)
        guard case let .value(value) = Self.scanPercentOrDouble(text), value >= 0, value <= 1 else {
            throw error(expected: expected, found: foundDescription)
        }
        return value
    }

    /// A number, or a percentage (`1%` is 0.01).
    static func scanPercentOrDouble(_ text: String) -> DoubleScan {
        guard text.hasSuffix("%") else { return scanDouble(text) }
        let body = text.dropLast().trimmingCharacters(in: .whitespaces)
        guard case let .value(v) = scanDouble(body) else { return .malformed }
        return .value(v / 100)
    }

    /// The scalar's text, or an error saying `expected` for anything else.
    private func scalarText(expected: String) throws -> String {
        guard case let .scalar(text, _, _) = node else {
            throw error(expected: expected, found: foundDescription)
        }
        return text
    }

    /// The range a read checks: the declared one, or for an undeclared reader the bounds given
    /// (each missing one from `full`). Bounds given for a declared value are a bug: the
    /// declaration is the one place that states them.
    private func bounds<B: Comparable>(
        _ min: B?, _ max: B?, full: ClosedRange<B>, what: String, _ match: (ValueType) -> ClosedRange<B>?
    ) throws -> ClosedRange<B> {
        guard let type else { return (min ?? full.lowerBound)...(max ?? full.upperBound) }
        guard min == nil, max == nil else {
            throw DeclarationError(message: "\(path): bounds of \(what) written in code; they belong in the declaration")
        }
        guard let declared = type.alternative(match) else {
            throw DeclarationError(message: "\(path) is read as \(what) but not declared as one")
        }
        return declared
    }

    /// Whether values of `type` are read as text.
    static func isText(_ type: ValueType) -> Bool {
        switch type {
        case .text, .name, .choice, .reference, .zone: return true
        default: return false
        }
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

/// A map whose keys are checked.
///
/// Opened with a ``MapDeclaration`` (``NodeReader/map()`` on a declared reader, or
/// ``NodeReader/map(_:)``), the set of valid keys is known up front: a key the declaration does
/// not have is refused when the map is opened, at the key's own line and before any value of the
/// map is read, so a misspelt required key reads `unknown key 'sevice'; did you mean 'service'?`
/// rather than "missing required key". Values are read with the declared types and ranges;
/// reading a key that is not declared, or passing a default other than the declared one, is a
/// bug in topobench and throws a ``DeclarationError``. ``finish()`` then refuses the declared
/// keys that are present but were not read (they do not apply, such as `sd` next to `median`).
///
/// Opened without a declaration (the suite file), every key asked for is remembered and
/// ``finish()`` refuses the keys nobody asked for, suggesting the nearest.
///
/// The typed conveniences return `default` when the key is absent, and
/// otherwise read the value with the matching ``NodeReader`` method, so a
/// present null is an error for them (`warmup:` with nothing after it). For
/// ``map(_:)`` and ``list(_:)`` a null reads as empty where the key is declared
/// ``KeyDeclaration/nullable`` (and always without a declaration), so a list whose items
/// are all commented out is an empty list.
public final class MapReader {
    /// The map node itself.
    public let reader: NodeReader
    /// The declaration the map was opened with; `nil` for a map read without one.
    public let declaration: MapDeclaration?
    /// The discriminator's value (`kind:`, `dist:`) when the map was opened as one of ``Variants``.
    public let variant: String?
    private let storage: [(key: String, value: ScenarioNode)]
    private let positions: [String: Int]
    /// Keys asked for (without a declaration) or read (with one), in that order.
    private var known: [String] = []
    private var knownSet: Set<String> = []
    /// The first misuse of the declaration by a read that cannot throw, thrown by ``finish()``.
    private var bug: DeclarationError?

    /// A map read without a declaration.
    init(reader: NodeReader, entries: [(key: String, value: ScenarioNode)]) {
        self.reader = reader
        self.declaration = nil
        self.variant = nil
        self.storage = entries
        self.positions = Self.positions(of: entries)
    }

    /// A map read with `declaration`: refuses the first key, in file order, it does not declare.
    init(reader: NodeReader, entries: [(key: String, value: ScenarioNode)], declaration: MapDeclaration, variant: String? = nil) throws {
        try Self.refuseUnknownKeys(entries, declaration: declaration, reader: reader)
        self.reader = reader
        self.declaration = declaration
        self.variant = variant
        self.storage = entries
        self.positions = Self.positions(of: entries)
    }

    /// A map whose declaration its discriminator picks. Without a valid discriminator, the
    /// keys that no variant declares are still refused first; then a missing discriminator is
    /// "missing required key", and an unknown value lists the valid ones, suggesting the nearest.
    convenience init(reader: NodeReader, entries: [(key: String, value: ScenarioNode)], variants: Variants) throws {
        let written = entries.first(where: { $0.key == variants.discriminator })?.value
        if let text = written?.text, let picked = variants.variant(named: text) {
            try self.init(reader: reader, entries: entries, declaration: picked.declaration, variant: text)
            remember(variants.discriminator)
            return
        }
        try Self.refuseUnknownKeys(entries, declaration: variants.union, reader: reader)
        guard let written else {
            throw ScenarioError(
                file: reader.file, keyPath: reader.path, line: reader.line,
                expected: "", problem: "missing required key '\(variants.discriminator)'")
        }
        let at = NodeReader(node: written, file: reader.file, path: KeyPath.appending(key: variants.discriminator, to: reader.path))
        throw at.error(
            expected: variants.expectedPrefix + variants.names.joined(separator: ", "), found: at.foundDescription,
            suggestion: written.text.flatMap { KeyPath.nearest($0, in: variants.names) })
    }

    private static func positions(of entries: [(key: String, value: ScenarioNode)]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where positions[entry.key] == nil {
            positions[entry.key] = index
        }
        return positions
    }

    /// The unknown-key error for the first key in file order that `declaration` does not have.
    private static func refuseUnknownKeys(
        _ entries: [(key: String, value: ScenarioNode)], declaration: MapDeclaration, reader: NodeReader
    ) throws {
        for entry in entries where declaration.key(entry.key) == nil {
            let valid = declaration.keyNames
            throw unknownKey(entry.key, line: entry.value.line, valid: valid, reader: reader)
        }
    }

    static func unknownKey(_ key: String, line: Int?, valid: [String], reader: NodeReader) -> ScenarioError {
        ScenarioError(
            file: reader.file, keyPath: KeyPath.appending(key: key, to: reader.path),
            line: line ?? reader.line,
            expected: valid.isEmpty ? "no keys are valid here" : "valid keys here: " + valid.joined(separator: ", "),
            suggestion: KeyPath.nearest(key, in: valid), problem: "unknown key '\(key)'")
    }

    /// The keys present, in file order.
    public var keys: [String] { storage.map(\.key) }

    /// Whether `key` is declared here (always `true` without a declaration).
    public func declares(_ key: String) -> Bool {
        declaration.map { $0.key(key) != nil } ?? true
    }

    /// Whether `key` is present (a null value counts); records `key` as read.
    public func has(_ key: String) -> Bool {
        remember(key)
        return positions[key] != nil
    }

    /// The reader for `key`, or `nil` if absent; records `key` as read.
    ///
    /// A key written with a null value (`key:` or `key: ~`) is present: its
    /// reader is returned, and the caller decides what null means.
    public func optional(_ key: String) -> NodeReader? {
        let declared = remember(key)
        guard let index = positions[key] else { return nil }
        return NodeReader(
            node: storage[index].value, file: reader.file, path: KeyPath.appending(key: key, to: reader.path),
            type: declared?.type)
    }

    /// The reader for `key`; its absence is an error "missing required key".
    public func required(_ key: String) throws -> NodeReader {
        guard let child = optional(key) else {
            if let bug { throw bug }
            throw ScenarioError(
                file: reader.file, keyPath: reader.path, line: reader.line,
                expected: "", problem: "missing required key '\(key)'")
        }
        return child
    }

    /// Every entry, in file order, each key recorded as read: for maps whose
    /// keys are names chosen by the user, such as `topologies` or `components`.
    public func entries() -> [(key: String, value: NodeReader)] {
        storage.map { entry in
            let declared = remember(entry.key)
            return (
                entry.key,
                NodeReader(
                    node: entry.value, file: reader.file, path: KeyPath.appending(key: entry.key, to: reader.path),
                    type: declared?.type)
            )
        }
    }

    /// The string at `key`, or `default` when absent.
    public func string(_ key: String, default defaultValue: String? = nil) throws -> String? {
        guard let child = try present(key, defaultValue, parse: { $0 }) else { return defaultValue }
        return try child.string()
    }

    /// The integer at `key` in its declared range, or `default` when absent.
    public func int(_ key: String, default defaultValue: Int? = nil, min: Int? = nil, max: Int? = nil) throws -> Int? {
        let parse: (String) -> Int? = { if case let .value(v) = NodeReader.scanInt($0) { return v } else { return nil } }
        guard let child = try present(key, defaultValue, parse: parse) else { return defaultValue }
        return try child.int(min: min, max: max)
    }

    /// The number at `key` in its declared range, or `default` when absent.
    public func double(
        _ key: String, default defaultValue: Double? = nil, min: Double? = nil, max: Double? = nil
    ) throws -> Double? {
        let parse: (String) -> Double? = { if case let .value(v) = NodeReader.scanDouble($0) { return v } else { return nil } }
        guard let child = try present(key, defaultValue, parse: parse) else { return defaultValue }
        return try child.double(min: min, max: max)
    }

    /// The flag at `key`, or `default` when absent.
    public func bool(_ key: String, default defaultValue: Bool? = nil) throws -> Bool? {
        guard let child = try present(key, defaultValue, parse: { ["true": true, "false": false][$0] }) else { return defaultValue }
        return try child.bool()
    }

    /// The duration at `key` in nanoseconds, in its declared range, or `default` when absent.
    public func duration(
        _ key: String, default defaultValue: Int64? = nil, min: Int64? = nil, max: Int64? = nil
    ) throws -> Int64? {
        guard let child = try present(key, defaultValue, parse: Units.parseDuration) else { return defaultValue }
        return try child.duration(min: min, max: max)
    }

    /// The size at `key` in bytes, or `default` when absent.
    public func size(_ key: String, default defaultValue: Int? = nil) throws -> Int? {
        guard let child = try present(key, defaultValue, parse: Units.parseSize) else { return defaultValue }
        return try child.size()
    }

    /// The rate at `key` in events per second, or `default` when absent.
    public func rate(_ key: String, default defaultValue: Double? = nil) throws -> Double? {
        guard let child = try present(key, defaultValue, parse: Units.parseRate) else { return defaultValue }
        return try child.rate()
    }

    /// The value at `key`, one of its declared choices (or of `options` without a declaration),
    /// or `default` when absent.
    public func choice(_ key: String, _ options: [String]? = nil, default defaultValue: String? = nil) throws -> String? {
        guard let child = try present(key, defaultValue, parse: { $0 }) else { return defaultValue }
        return try child.choice(options)
    }

    /// The map at `key`, or `nil` when absent; a null reads as an empty map where allowed.
    public func map(_ key: String) throws -> MapReader? {
        guard let child = optional(key) else { return nil }
        if child.isNull, try nullReadsAsEmpty(key, child) {
            if let type = child.type {
                guard let d = type.alternative({ t -> MapDeclaration? in if case .map(let d) = t { return d } else { return nil } }) else {
                    throw DeclarationError(message: "\(child.path) is read as a map but not declared as one")
                }
                return try MapReader(reader: child, entries: [], declaration: d)
            }
            return MapReader(reader: child, entries: [])
        }
        return try child.map()
    }

    /// The list at `key`, or `nil` when absent; a null reads as an empty list where allowed.
    public func list(_ key: String) throws -> [NodeReader]? {
        guard let child = optional(key) else { return nil }
        if child.isNull, try nullReadsAsEmpty(key, child) { return [] }
        return try child.list()
    }

    /// Marks keys as read without reading them (they are read elsewhere, as `sweep` is).
    public func allow(_ keys: [String]) {
        for key in keys { remember(key) }
    }

    /// The discriminator's value of a map opened as one of ``Variants``.
    public func discriminator() throws -> String {
        guard let variant else {
            throw DeclarationError(message: "\(reader.path) was not opened as a map with variants")
        }
        return variant
    }

    /// The component kinds the reference at `key` (or each item of a list of references) may name.
    public func referenceKinds(_ key: String) throws -> [String] {
        let declared = remember(key)
        if let bug { throw bug }
        let kinds = declared?.type.alternative { t -> [String]? in
            switch t {
            case .reference(let kinds): return kinds
            case .list(.reference(let kinds), _): return kinds
            default: return nil
            }
        }
        guard let kinds else { throw DeclarationError(message: "\(KeyPath.appending(key: key, to: reader.path)) is not declared as a reference") }
        return kinds
    }

    /// Throws for the first key in file order that may not stay: with a declaration, a declared
    /// key that is present but was not read ("does not apply here", such as `sd` next to
    /// `median`); without one, a key nobody asked for ("unknown key", suggesting the nearest and
    /// listing the keys valid here in the order they were asked for). A misuse of the
    /// declaration by an earlier read is thrown first (a ``DeclarationError``).
    public func finish() throws {
        if let bug { throw bug }
        for entry in storage where !knownSet.contains(entry.key) {
            if declaration != nil {
                throw ScenarioError(
                    file: reader.file, keyPath: KeyPath.appending(key: entry.key, to: reader.path),
                    line: entry.value.line ?? reader.line,
                    expected: "keys read here: " + known.joined(separator: ", "),
                    problem: "key '\(entry.key)' does not apply here")
            }
            throw Self.unknownKey(entry.key, line: entry.value.line, valid: known, reader: reader)
        }
    }

    // MARK: - Declared reads

    /// Records `key` as read and returns its declaration; a key the declaration lacks is a bug,
    /// kept for the next throwing read or ``finish()``.
    @discardableResult
    private func remember(_ key: String) -> KeyDeclaration? {
        if knownSet.insert(key).inserted { known.append(key) }
        guard let declaration else { return nil }
        guard let declared = declaration.key(key) else {
            if bug == nil {
                bug = DeclarationError(message: "'\(key)' is read in \(reader.path.isEmpty ? "the document" : reader.path) but \(declaration.name) does not declare it")
            }
            return nil
        }
        return declared
    }

    /// The reader for a key read with a default: checks the default against the declaration
    /// (absent means "not set" when none is declared; a literal must be the loader's default),
    /// and returns `nil` when the key is absent, or null where null is allowed.
    private func present<T: Equatable>(_ key: String, _ passed: T?, parse: (String) -> T?) throws -> NodeReader? {
        let declared = remember(key)
        if let bug { throw bug }
        if let declared {
            switch declared.defaultValue {
            case nil:
                if let passed {
                    throw DeclarationError(message: "\(declaration?.name ?? "").\(key) declares no default, but the loader uses \(passed)")
                }
            case .described?:
                break
            case .literal(let text)?:
                guard let value = parse(text) else {
                    throw DeclarationError(message: "\(declaration?.name ?? "").\(key): the default '\(text)' does not read as the key's type")
                }
                guard passed == value else {
                    throw DeclarationError(message: "\(declaration?.name ?? "").\(key) declares the default \(text), but the loader uses \(passed.map { "\($0)" } ?? "none")")
                }
            }
        }
        guard let child = optional(key) else { return nil }
        if child.isNull, declared?.nullable == true { return nil }
        return child
    }

    /// Whether a null at `key` reads as empty: always without a declaration, where the key is
    /// declared nullable with one.
    private func nullReadsAsEmpty(_ key: String, _ child: NodeReader) throws -> Bool {
        if let bug { throw bug }
        guard let declaration else { return true }
        return declaration.key(key)?.nullable == true
    }
}
