/// What a key of the scenario format holds.
///
/// A ``MapDeclaration`` lists the keys of one map of the format, each with its `ValueType`; the
/// loader opens every map with its declaration (``NodeReader/map()``), reads values with the
/// ranges written here, and `topobench schema` turns the same values into a JSON Schema
/// (``ScenarioSchema``). Ranges are closed: `.integer(1...10)` accepts 1 and 10.
public indirect enum ValueType: Sendable {
    /// A duration with a unit (`30s`, `250us`), or a bare `0`, in nanoseconds.
    case duration(ClosedRange<SimTime>)
    /// A rate such as `200/s`, above zero; `max` in events per second, when bounded.
    case rate(max: Double?)
    /// A size with a unit (`2KB`, `512B`, `1MB`), in bytes, in the range.
    case size(ClosedRange<Int>)
    /// An integer in YAML's forms (`10`, `1_000`, `0x10`).
    case integer(ClosedRange<Int>)
    /// A finite number; `nil` for any finite number.
    case number(ClosedRange<Double>?)
    /// A number from 0 to 1.
    case probability
    /// `true` or `false`.
    case flag
    /// Any text.
    case text
    /// A name that becomes a folder name and a CSV field: letters, digits, `-`, `_`, `.`.
    case name
    /// One of these words, exactly as written.
    case choice([String])
    /// The name of a component of the same topology, of one of these kinds.
    case reference([String])
    /// The name of an availability zone (the zones are the names the topologies use).
    case zone
    /// A list of values of one type; `minItems` is the shortest list the loader accepts.
    case list(ValueType, minItems: Int)
    /// A list of exactly two values, such as a rate-profile step `[30m, 4.0]`.
    case pair(ValueType, ValueType)
    /// A map with declared keys.
    case map(MapDeclaration)
    /// A map whose keys depend on the value of one key (`kind:`, `dist:`).
    case variants(Variants)
    /// Any of these forms (`none` or a map; a number or `unbounded`).
    case anyOf([ValueType])
    /// Anything (the values of a sweep replace other keys' values and are checked there).
    case any
}

/// A key's default, as `topobench schema` and the documentation show it.
public enum DefaultValue: Sendable, Equatable, ExpressibleByStringLiteral {
    /// A value written as in a scenario file (`30s`, `round_robin`, `5`). The loader's default
    /// for the key must be this value: ``MapReader`` checks it at every read, so the two cannot
    /// drift apart unnoticed.
    case literal(String)
    /// A default that depends on other keys, in words (`the group's count`).
    case described(String)

    public init(stringLiteral value: String) { self = .literal(value) }

    /// The default as one phrase.
    public var text: String {
        switch self {
        case .literal(let value): return value
        case .described(let words): return words
        }
    }
}

/// Where a default comes from.
public enum DefaultSource: Sendable, Equatable {
    /// An entry of ``AwsDefaults/table``, by its key: the AWS documentation it cites.
    case aws(String)
    /// No AWS figure: a modelling choice, and why.
    case assumption(String)

    /// The source as one phrase: the table's text, or `assumption: …`.
    public var text: String {
        switch self {
        case .aws(let key):
            return AwsDefaults.table.first(where: { $0.key == key })?.source ?? "(no entry '\(key)' in AwsDefaults.table)"
        case .assumption(let why):
            return "assumption: " + why
        }
    }

    /// Whether an `.aws` source names an entry that exists.
    var resolves: Bool {
        if case .aws(let key) = self { return AwsDefaults.table.contains(where: { $0.key == key }) }
        return true
    }
}

/// One key of a map: its name, type, default, the default's source and what it means.
public struct KeyDeclaration: Sendable {
    public let name: String
    public let type: ValueType
    /// Whether a map without this key is refused.
    public let required: Bool
    /// The default when the key is left out; `nil` when leaving it out means "not set".
    public let defaultValue: DefaultValue?
    /// Where the default comes from.
    public let source: DefaultSource?
    /// Whether a null (`key:` with nothing after it) is accepted, meaning "left out" or empty.
    public let nullable: Bool
    /// What the key means, in one line.
    public let summary: String

    public init(
        _ name: String, _ type: ValueType, required: Bool = false, default defaultValue: DefaultValue? = nil,
        source: DefaultSource? = nil, nullable: Bool = false, _ summary: String
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.source = source
        self.nullable = nullable
        self.summary = summary
    }
}

/// The keys of one map of the scenario format.
///
/// The loader opens the map with it (``NodeReader/map(_:)``): a key not declared here is refused
/// at once, before any value is read (`unknown key 'sevice'; did you mean 'service'?`), and
/// reading a key that is not declared is a programming error (``DeclarationError``).
public struct MapDeclaration: Sendable {
    /// The map's name in the schema's `$defs` and in messages, such as `alb.health_check`.
    public let name: String
    /// What the map is, in one line.
    public let summary: String
    /// The declared keys, in the order documentation lists them.
    public let keys: [KeyDeclaration]
    /// The value of every other key, for maps whose keys the user names (`topologies`,
    /// `components`, `sweep`); `nil` when no other key is allowed.
    public let otherKeys: KeyDeclaration?
    /// Whether the other keys are names (letters, digits, `-`, `_`, `.`), as topology and
    /// component names are; otherwise any text (sweep key paths).
    public let otherKeysAreNames: Bool
    /// Rules of the form "one of these sets of keys must be present in full", such as
    /// `[["at"], ["mtbf", "mttr"]]` for a fault: each rule holds on its own. The loader checks
    /// them with messages of its own; the schema states each as an `anyOf` of `required`.
    public let alternatives: [[[String]]]
    /// Groups of keys of which at most one may be present, such as `["duration", "recover_after"]`.
    public let exclusive: [[String]]
    private let index: [String: Int]

    public init(
        _ name: String, _ summary: String, keys: [KeyDeclaration], otherKeys: KeyDeclaration? = nil,
        otherKeysAreNames: Bool = false, alternatives: [[[String]]] = [], exclusive: [[String]] = []
    ) {
        self.name = name
        self.summary = summary
        self.keys = keys
        self.otherKeys = otherKeys
        self.otherKeysAreNames = otherKeysAreNames
        self.alternatives = alternatives
        self.exclusive = exclusive
        var index: [String: Int] = [:]
        for (i, key) in keys.enumerated() where index[key.name] == nil { index[key.name] = i }
        self.index = index
    }

    /// The declaration of `key`: a declared key, or the declaration of the other keys.
    public func key(_ key: String) -> KeyDeclaration? {
        if let i = index[key] { return keys[i] }
        return otherKeys
    }

    /// The declared key names, in order.
    public var keyNames: [String] { keys.map(\.name) }
}

/// A map whose keys depend on the value of one of them, its discriminator: a component by its
/// `kind`, a fault by its `kind`, a distribution by its `dist`.
public struct Variants: Sendable {
    /// The name in the schema's `$defs`, such as `component`.
    public let name: String
    public let summary: String
    /// The key that picks the variant.
    public let discriminator: String
    /// What an error says is expected before it lists the names, such as `a fault kind: `.
    public let expectedPrefix: String
    public let cases: [Variant]
    /// Every name a discriminator may hold: each variant's own name, then the aliases, sorted.
    public let names: [String]
    /// Every key of every variant (first declaration of each), for a map whose variant is
    /// unknown: its unknown keys are still reported first.
    public let union: MapDeclaration

    /// `names` orders the discriminator values for messages; by default each variant's own
    /// name, then the aliases sorted.
    public init(
        _ name: String, _ summary: String, discriminator: String, expectedPrefix: String = "one of: ", cases: [Variant],
        names: [String]? = nil
    ) {
        self.name = name
        self.summary = summary
        self.discriminator = discriminator
        self.expectedPrefix = expectedPrefix
        self.cases = cases
        self.names = names ?? cases.compactMap(\.names.first) + cases.flatMap { $0.names.dropFirst() }.sorted()
        var seen: Set<String> = []
        var keys: [KeyDeclaration] = []
        for c in cases {
            for k in c.declaration.keys where seen.insert(k.name).inserted { keys.append(k) }
        }
        self.union = MapDeclaration(name, summary, keys: keys)
    }

    /// The variant a discriminator value picks.
    public func variant(named name: String) -> Variant? {
        cases.first(where: { $0.names.contains(name) })
    }
}

/// One variant of a ``Variants``: the discriminator values that pick it and its keys.
public struct Variant: Sendable {
    /// Its name first, then aliases (AWS FIS action names for a fault kind).
    public let names: [String]
    public let declaration: MapDeclaration

    public init(names: [String], declaration: MapDeclaration) {
        self.names = names
        self.declaration = declaration
    }
}

/// The loader read a key its declaration does not have, or passed a default other than the
/// declared one: a bug in topobench, never in the file (the command line exits 70).
public struct DeclarationError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { "scenario declarations: " + message }
}

extension ValueType {
    /// This type, or the first of its `anyOf` alternatives, that `match` accepts.
    func alternative<T>(_ match: (ValueType) -> T?) -> T? {
        if let found = match(self) { return found }
        if case .anyOf(let types) = self {
            for t in types { if let found = t.alternative(match) { return found } }
        }
        return nil
    }
}
