/// A problem in a scenario or input file, located by file, line and key path.
///
/// Every problem the scenario layer finds — a missing file, a YAML syntax
/// error, a misspelt key, a value of the wrong type or out of range — is one
/// `ScenarioError`. Its ``description`` is the one line the command line prints
/// before exiting with status 65, for example:
///
///     checkout.yaml:12: topologies.alb.components.web_lb.health_check.interval: expected a duration with a unit (ns, us, ms, s, m, h, d), such as 30s; found "30"
///     checkout.yaml:3: replicatons: unknown key; did you mean 'replications'? (valid keys here: name, description, duration, ...)
///
/// A file with several problems is one error too: the first problem, carrying the others in
/// ``more`` (file order, at most ``ScenarioValidator/reportLimit`` in all) and the number left
/// out in ``omitted``; ``all`` lists them, and ``description`` prints one line each.
///
/// Most errors say what was expected and what was found. Errors that are not
/// about a value's type (an unknown key, a duplicate key, a missing file) set
/// ``problem`` instead; the line then starts with the problem, and a non-empty
/// ``expected`` follows in parentheses.
public struct ScenarioError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file's path, as the user gave it.
    public var file: String
    /// Where in the document the problem is, such as
    /// `topologies.alb.components.web_lb.health_check.interval` or `faults[2].at`;
    /// empty for the document as a whole.
    public var keyPath: String
    /// The 1-based source line, when known.
    public var line: Int?
    /// What was expected, as a noun phrase (`a duration with a unit …`), or,
    /// when ``problem`` is set, extra detail shown in parentheses.
    public var expected: String
    /// What was found, already quoted for display (see ``quote(_:limit:)``).
    public var found: String?
    /// The nearest valid key or value, for a typo.
    public var suggestion: String?
    /// A statement that replaces "expected …" at the start of the message,
    /// such as `unknown key` or `duplicate key 'web'`; `nil` for type errors.
    public var problem: String?
    /// The other problems of the same file, after this one, in file order.
    public var more: [ScenarioError] = []
    /// How many more problems were found than are reported (beyond ``ScenarioValidator/reportLimit``).
    public var omitted: Int = 0

    /// Creates an error; see the properties for the meaning of each part.
    ///
    /// `problem` is an addition to the original contract: leave it `nil` for
    /// "expected X; found Y" errors.
    public init(
        file: String,
        keyPath: String,
        line: Int? = nil,
        expected: String,
        found: String? = nil,
        suggestion: String? = nil,
        problem: String? = nil
    ) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.expected = expected
        self.found = found
        self.suggestion = suggestion
        self.problem = problem
    }

    /// This problem and the ``more`` after it, each without others.
    public var all: [ScenarioError] {
        var first = self
        first.more = []
        first.omitted = 0
        return [first] + more
    }

    /// The lines the command line prints: one per problem, and a last one for those left out.
    public var lines: [String] {
        all.map(\.message) + (omitted > 0 ? ["\(file): and \(omitted) more problem\(omitted == 1 ? "" : "s") (the first \(all.count) are shown)"] : [])
    }

    /// Every problem, one line each (``lines``).
    public var description: String { lines.joined(separator: "\n") }

    /// This problem's message: `file:line: key.path: expected …; found …`.
    ///
    /// The line number and key path are left out when unknown. The message is
    /// a single line unless a quoted part itself is long.
    public var message: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        if let problem {
            text += problem
        } else {
            text += "expected " + expected
        }
        if let found { text += "; found " + found }
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        if problem != nil, !expected.isEmpty { text += " (\(expected))" }
        return text
    }

    /// Quotes a piece of user text for a message, escaping quotes and control
    /// characters and cutting it to `limit` characters.
    ///
    /// The result is always one line, so a multi-line scalar cannot break the
    /// one-line shape of an error message.
    public static func quote(_ text: String, limit: Int = 60) -> String {
        var out = "\""
        var count = 0
        for character in text {
            if count == limit {
                out += "…"
                break
            }
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .control }) {
                    out.append(character)
                } else {
                    out += character.unicodeScalars
                        .map { "\\u{" + String($0.value, radix: 16) + "}" }
                        .joined()
                }
            }
            count += 1
        }
        return out + "\""
    }
}
