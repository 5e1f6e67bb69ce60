import Foundation
import Yams

/// A parsed scenario document: scalars, maps, lists and nulls with their source lines.
///
/// The tree keeps what typed readers need to check values and report errors:
/// a scalar's text exactly as written (a duration such as `30s` or a rate such
/// as `200/s` is parsed later, by ``NodeReader``), whether it was quoted, map
/// keys in file order, and 1-based line numbers. Maps never hold the same key
/// twice: the loader rejects duplicates.
///
/// Lines follow what a reader of the file would point at: a scalar's line is
/// where the scalar is written, and a map, list or null that is the value of a
/// map key carries the line of its key.
public indirect enum ScenarioNode: Sendable, Equatable {
    /// A scalar: its text, its line, and whether it was quoted in YAML (or a
    /// string in JSON), so `"5"` and `5` can be told apart when it matters.
    /// Block scalars (`|`, `>`) count as quoted.
    case scalar(String, line: Int?, quoted: Bool)
    /// A map, its keys in file order (unique).
    case map([(key: String, value: ScenarioNode)], line: Int?)
    /// A list.
    case list([ScenarioNode], line: Int?)
    /// An explicit or empty null: `~`, `null`, `Null`, `NULL` or nothing at all,
    /// written without quotes.
    case null(line: Int?)

    /// Compares two trees, including lines and the quoted flag.
    public static func == (lhs: ScenarioNode, rhs: ScenarioNode) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, la, qa), .scalar(b, lb, qb)):
            return a == b && la == lb && qa == qb
        case let (.map(a, la), .map(b, lb)):
            guard la == lb, a.count == b.count else { return false }
            return zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.list(a, la), .list(b, lb)):
            return la == lb && a == b
        case let (.null(la), .null(lb)):
            return la == lb
        default:
            return false
        }
    }

    /// The 1-based source line, when known.
    public var line: Int? {
        switch self {
        case let .scalar(_, line, _), let .map(_, line), let .list(_, line), let .null(line):
            return line
        }
    }

    /// The text of a scalar; `nil` for a map, a list or a null.
    public var text: String? {
        if case let .scalar(text, _, _) = self { return text }
        return nil
    }

    /// The value at `key` when this is a map and has that key.
    public subscript(key: String) -> ScenarioNode? {
        guard case let .map(entries, _) = self else { return nil }
        return entries.first(where: { $0.key == key })?.value
    }

    /// How this node reads in the "found …" part of an error message: the quoted
    /// text of a scalar, or `a map`, `a list`, `nothing (null)`.
    public var foundDescription: String {
        switch self {
        case let .scalar(text, _, _): return ScenarioError.quote(text)
        case .map: return "a map"
        case .list: return "a list"
        case .null: return "nothing (null)"
        }
    }

    /// The same map without its keys that start with `x-`: the top level of a scenario, suite or
    /// topologies file is a place to define anchors, as in Compose files, and those keys are
    /// ignored. Anything but a map is returned as it is.
    public var withoutExtensionKeys: ScenarioNode {
        guard case let .map(entries, line) = self, entries.contains(where: { $0.key.hasPrefix("x-") }) else { return self }
        return .map(entries.filter { !$0.key.hasPrefix("x-") }, line: line)
    }

    /// The same node with `line` as its own line (children keep theirs).
    func relocated(to line: Int?) -> ScenarioNode {
        switch self {
        case let .scalar(text, _, quoted): return .scalar(text, line: line, quoted: quoted)
        case let .map(entries, _): return .map(entries, line: line)
        case let .list(items, _): return .list(items, line: line)
        case .null: return .null(line: line)
        }
    }
}

/// Reads scenario files (YAML, or JSON, which YAML's flow syntax covers) into ``ScenarioNode`` trees.
///
/// Parsing goes through Yams' `compose`, which keeps each node's line. The
/// loader adds the checks a file from a user needs before anything trusts it:
/// at most ``maxBytes`` of UTF-8 text, a single document, no duplicate keys,
/// nesting at most ``maxDepth`` deep and at most ``maxNodes`` nodes once its
/// aliases are expanded (so a small file cannot expand into billions of nodes:
/// a "billion laughs" is refused). Anchors (`&name`), aliases (`*name`) and
/// merge keys (`<<: *name`, `<<: [*a, *b]`) are resolved here, so the readers
/// see a plain tree; a value reached through an alias keeps the lines where it
/// is written, and its key path is the one where it is used. Yams never sees an
/// alias: each is replaced by a placeholder before it parses the text, and the
/// ``Composer`` puts the anchored node in its place, sharing it rather than
/// copying it. (Yams would resolve an alias itself, and hash a mapping key whole
/// to find duplicates: an aliased key of nested repetitions would cost it
/// exponential time before any limit could stop it.) Every
/// failure is a ``ScenarioError`` naming the file, the line when known, and the
/// key path when one can be found — also for YAML syntax errors, where the key
/// path is recovered from the text around the error.
public enum ScenarioDocument {
    /// The largest file accepted: 8 MiB.
    public static let maxBytes = 8 * 1024 * 1024
    /// The deepest nesting of maps and lists accepted (the root map is depth 1).
    public static let maxDepth = 64
    /// The most nodes (scalars, keys, maps, lists) accepted in one document.
    public static let maxNodes = 1_000_000

    /// Reads YAML (or JSON) from the file at `path`.
    ///
    /// A missing or unreadable file, a directory, text that is not UTF-8 or a
    /// file over ``maxBytes`` is a ``ScenarioError`` naming `path` as given.
    /// An empty file is a null document.
    public static func load(path: String) throws -> ScenarioNode {
        func failure(_ problem: String, line: Int? = nil) -> ScenarioError {
            ScenarioError(file: path, keyPath: "", line: line, expected: "", problem: problem)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure("cannot read the file: no such file")
        }
        if isDirectory.boolValue {
            throw failure("cannot read the file: it is a directory")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("cannot read the file: permission denied or unreadable")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw failure("cannot read the file: \(error.localizedDescription)")
        }
        if data.count > maxBytes {
            throw failure("the file is larger than 8 MiB (\(maxBytes) bytes)")
        }
        let bytes = [UInt8](data)
        if let (line, offset) = firstInvalidUTF8(bytes) {
            throw failure("the file is not UTF-8 text (invalid byte at offset \(offset))", line: line)
        }
        return try parse(text: String(decoding: bytes, as: UTF8.self), file: path)
    }

    /// Parses YAML (or JSON) text; `file` names it in errors.
    ///
    /// The checks are the same as ``load(path:)``'s, except reading the file.
    public static func parse(text: String, file: String) throws -> ScenarioNode {
        try parse(text: text, file: file, locatingDuplicates: true)
    }

    // MARK: - Parsing

    private static func parse(text rawText: String, file: String, locatingDuplicates: Bool) throws -> ScenarioNode {
        var text = rawText
        if text.unicodeScalars.first == "\u{FEFF}" {
            text.unicodeScalars.removeFirst()
        }
        if text.utf8.count > maxBytes {
            throw ScenarioError(
                file: file, keyPath: "", expected: "",
                problem: "the document is larger than 8 MiB (\(maxBytes) bytes)")
        }
        let json = looksLikeJSON(text, file: file)
        if json {
            // A file named .json is held to JSON's syntax (YAML would take a trailing comma).
            if file.lowercased().hasSuffix(".json"), let problem = JSONSyntax.firstProblem(in: text) {
                throw invalidJSON(problem, file: file)
            }
            text = joiningSurrogateEscapes(text)
        }
        if let line = firstLine(of: Aliases.open, in: text) ?? firstLine(of: Aliases.close, in: text) {
            throw ScenarioError(
                file: file, keyPath: guessKeyPath(in: text, line: line), line: line, expected: "",
                problem: "the private-use characters U+E000 and U+E001 are not supported (topobench marks aliases with them)")
        }
        let aliases = Aliases(text)
        text = aliases.text
        let parser: Parser
        let root: Yams.Node?
        do {
            parser = try Parser(yaml: text, resolver: .default, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            // A text that starts like JSON and fails to parse is reported as JSON, when it is not JSON.
            if json, writtenAsJSON(text, error: error), let problem = JSONSyntax.firstProblem(in: text) {
                throw invalidJSON(problem, file: file)
            }
            if let tab = tabInIndentation(text, near: error) {
                throw ScenarioError(
                    file: file, keyPath: "", line: tab.line,
                    expected: "indent with spaces",
                    problem: "invalid YAML: a tab at column \(tab.column); YAML does not allow tabs for indentation")
            }
            throw translate(error, text: text, file: file, locatingDuplicates: locatingDuplicates)
        } catch {
            throw ScenarioError(file: file, keyPath: "", expected: "", problem: "invalid YAML: \(error)")
        }
        guard let root else { return .null(line: nil) }
        // Keeping the parser alive keeps its anchors alive: Yams holds them weakly.
        return try withExtendedLifetime(parser) {
            var composer = Composer(file: file, aliases: aliases.names)
            return try composer.convert(root, path: "", depth: 0)
        }
    }

    /// The aliases of a text, each replaced by a placeholder that Yams reads as a plain scalar:
    /// U+E000, the alias's index, U+E001. Every `*` followed by an anchor character (a letter, a
    /// digit, `-` or `_`, as libyaml reads them) is replaced, also inside quotes and comments:
    /// ``Composer`` puts the original text back in any scalar that is not a placeholder alone.
    struct Aliases {
        static let open: Character = "\u{E000}"
        static let close: Character = "\u{E001}"
        /// The text with placeholders, and the alias names by index.
        var text: String
        var names: [String] = []

        init(_ original: String) {
            guard original.contains("*") else {
                text = original
                return
            }
            var out = String.UnicodeScalarView()
            let scalars = Array(original.unicodeScalars)
            var i = 0
            var names: [String] = []
            while i < scalars.count {
                if scalars[i] == "*", i + 1 < scalars.count, Self.isAnchorScalar(scalars[i + 1]) {
                    var end = i + 1
                    while end < scalars.count, Self.isAnchorScalar(scalars[end]) { end += 1 }
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: scalars[(i + 1)..<end])
                    out.append(contentsOf: (String(Self.open) + String(names.count) + String(Self.close)).unicodeScalars)
                    names.append(String(name))
                    i = end
                    continue
                }
                out.append(scalars[i])
                i += 1
            }
            text = String(out)
            self.names = names
        }

        static func isAnchorScalar(_ s: Unicode.Scalar) -> Bool {
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
        }

        /// The alias a plain scalar stands for, when it is a placeholder alone.
        static func index(_ text: String, count: Int) -> Int? {
            guard text.first == open, text.last == close, text.count >= 3,
                  let k = Int(text.dropFirst().dropLast()), k >= 0, k < count else { return nil }
            return k
        }

        /// A scalar's text with its placeholders turned back into `*name`.
        static func restore(_ text: String, names: [String]) -> String {
            guard text.contains(open) else { return text }
            var out = ""
            var rest = Substring(text)
            while let start = rest.firstIndex(of: open) {
                out += rest[rest.startIndex..<start]
                let after = rest.index(after: start)
                guard let end = rest[after...].firstIndex(of: close), let k = Int(rest[after..<end]), k < names.count else {
                    out += rest[start...]
                    return out
                }
                out += "*" + names[k]
                rest = rest[rest.index(after: end)...]
            }
            return out + rest
        }
    }

    /// Turns a Yams tree into a `ScenarioNode` tree, enforcing the limits and resolving aliases
    /// and merge keys.
    ///
    /// An anchored node is recorded once converted, with the number of nodes it expands to and
    /// its depth; an alias (a placeholder of ``Aliases``) takes the node of the last anchor of
    /// that name defined before it, as YAML says. Every node reached counts towards
    /// ``ScenarioDocument/maxNodes`` (an alias counts as the nodes it stands for), which bounds
    /// the expansion without walking it.
    private struct Composer {
        let file: String
        let aliases: [String]
        var count = 0
        /// The anchors defined so far, by name: the node, the nodes it counts for, its depth.
        var anchors: [String: (node: ScenarioNode, size: Int, height: Int)] = [:]
        /// Whether a node was reached through an alias.
        var expanded = false

        init(file: String, aliases: [String]) {
            self.file = file
            self.aliases = aliases
        }

        func failure(_ path: String, _ line: Int?, _ problem: String, expected: String = "") -> ScenarioError {
            ScenarioError(file: file, keyPath: path, line: line, expected: expected, problem: problem)
        }

        /// The alias index of a plain scalar that is a placeholder alone.
        func aliasIndex(_ node: Yams.Node) -> Int? {
            guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
            return Aliases.index(scalar.string, count: aliases.count)
        }

        mutating func tally(_ n: Int, path: String, line: Int?) throws {
            count += n
            if count > ScenarioDocument.maxNodes {
                if expanded {
                    throw failure(
                        path, line,
                        "the document expands to more than \(ScenarioDocument.maxNodes) nodes through its aliases",
                        expected: "aliases that repeat a definition a few times, not nested repetitions of repetitions")
                }
                throw failure(path, line, "the document has more than \(ScenarioDocument.maxNodes) nodes")
            }
        }

        mutating func convert(_ node: Yams.Node, path: String, depth: Int) throws -> ScenarioNode {
            let line = node.mark?.line
            if let k = aliasIndex(node) {
                let name = aliases[k]
                guard let anchored = anchors[name] else {
                    throw ScenarioError(
                        file: file, keyPath: path, line: line,
                        expected: "an anchor '&\(name)' defined above the alias, on the node it repeats",
                        found: ScenarioError.quote("*" + name), problem: "undefined alias")
                }
                expanded = true
                if depth + anchored.height > ScenarioDocument.maxDepth {
                    throw failure(path, line, "nesting deeper than \(ScenarioDocument.maxDepth) levels (through the alias *\(name))")
                }
                try tally(anchored.size, path: path, line: line)
                return anchored.node
            }
            let before = count
            let converted = try convertWritten(node, path: path, depth: depth, line: line)
            if let anchor = node.anchor {
                anchors[anchor.rawValue] = (converted, count - before, Self.height(converted))
            }
            return converted
        }

        mutating func convertWritten(_ node: Yams.Node, path: String, depth: Int, line: Int?) throws -> ScenarioNode {
            try tally(1, path: path, line: line)
            switch node {
            case let .scalar(scalar):
                let quoted = scalar.style != .plain && scalar.style != .any
                let text = Aliases.restore(scalar.string, names: aliases)
                if !quoted && Self.nullWords.contains(text) {
                    return .null(line: line)
                }
                return .scalar(text, line: line, quoted: quoted)
            case let .mapping(mapping):
                if depth + 1 > ScenarioDocument.maxDepth {
                    throw failure(path, line, "nesting deeper than \(ScenarioDocument.maxDepth) levels")
                }
                var entries: [(key: String, value: ScenarioNode)] = []
                entries.reserveCapacity(mapping.count)
                var seen: [String: Int?] = [:]
                // Merged maps, by the position of their `<<` among the entries.
                var merges: [(position: Int, entries: [(key: String, value: ScenarioNode)])] = []
                for (keyNode, valueNode) in mapping {
                    let keyLine = keyNode.mark?.line
                    guard case let .scalar(keyScalar) = keyNode else {
                        throw failure(
                            path, keyLine, "a map or list cannot be a key",
                            expected: "keys are plain words, such as 'name'")
                    }
                    if aliasIndex(keyNode) != nil {
                        throw failure(
                            path, keyLine, "an alias cannot be a key",
                            expected: "keys are plain words, such as 'name'; an alias is fine as a value")
                    }
                    let key = Aliases.restore(keyScalar.string, names: aliases)
                    let keyQuoted = keyScalar.style != .plain && keyScalar.style != .any
                    if key == "<<" && !keyQuoted {
                        merges.append((entries.count, try merged(valueNode, path: path, line: keyLine, depth: depth)))
                        continue
                    }
                    if let anchor = keyNode.anchor {
                        anchors[anchor.rawValue] = (.scalar(key, line: keyLine, quoted: keyQuoted), 1, 0)
                    }
                    try tally(1, path: path, line: keyLine)
                    if let firstLine = seen[key] {
                        let first = firstLine.map { " (first on line \($0))" } ?? ""
                        throw failure(path, keyLine, "duplicate key '\(key)'\(first)")
                    }
                    seen[key] = keyLine
                    let childPath = KeyPath.appending(key: key, to: path)
                    let aliased = aliasIndex(valueNode) != nil
                    var value = try convert(valueNode, path: childPath, depth: depth + 1)
                    switch value {
                    case .scalar:
                        // A scalar written where it is used keeps its line; one reached through an
                        // alias takes the line of the key that uses it.
                        if aliased { value = value.relocated(to: keyLine ?? value.line) }
                    default: value = value.relocated(to: keyLine ?? value.line)
                    }
                    entries.append((key: key, value: value))
                }
                guard !merges.isEmpty else { return .map(entries, line: line) }
                // Keys written in the map win over merged ones; among merged maps, the first wins
                // (YAML's merge key type, https://yaml.org/type/merge.html).
                var taken = Set(entries.map(\.key))
                var result: [(key: String, value: ScenarioNode)] = []
                var next = 0
                for merge in merges {
                    result.append(contentsOf: entries[next..<merge.position])
                    next = merge.position
                    for entry in merge.entries where !taken.contains(entry.key) {
                        taken.insert(entry.key)
                        result.append(entry)
                    }
                }
                result.append(contentsOf: entries[next...])
                return .map(result, line: line)
            case let .sequence(sequence):
                if depth + 1 > ScenarioDocument.maxDepth {
                    throw failure(path, line, "nesting deeper than \(ScenarioDocument.maxDepth) levels")
                }
                var items: [ScenarioNode] = []
                items.reserveCapacity(sequence.count)
                for (index, item) in sequence.enumerated() {
                    items.append(try convert(item, path: KeyPath.appending(index: index, to: path), depth: depth + 1))
                }
                return .list(items, line: line)
            case .alias:
                // Yams sees no alias (``Aliases``); an alias node here is a bug.
                throw failure(path, line, "an unresolved YAML alias")
            }
        }

        /// The entries a merge key (`<<`) brings into the map at `path`: those of one map, or of
        /// each map of a list in turn (the first map that has a key gives it).
        mutating func merged(_ node: Yams.Node, path: String, line: Int?, depth: Int) throws -> [(key: String, value: ScenarioNode)] {
            let expected = "a map or a list of maps, such as '<<: *base' or '<<: [*a, *b]'"
            let value = try convert(node, path: path, depth: depth)
            var maps: [[(key: String, value: ScenarioNode)]] = []
            switch value {
            case let .map(entries, _):
                maps = [entries]
            case let .list(items, _):
                for item in items {
                    guard case let .map(entries, _) = item else {
                        throw failure(path, item.line ?? line, "a merge key ('<<') found \(item.foundDescription) in its list", expected: expected)
                    }
                    maps.append(entries)
                }
            default:
                throw failure(path, line, "a merge key ('<<') found \(value.foundDescription)", expected: expected)
            }
            var seen = Set<String>()
            var entries: [(key: String, value: ScenarioNode)] = []
            for map in maps {
                for entry in map where seen.insert(entry.key).inserted { entries.append(entry) }
            }
            return entries
        }

        /// How many levels of maps and lists a node holds (a scalar: 0).
        static func height(_ node: ScenarioNode) -> Int {
            switch node {
            case let .map(entries, _): return 1 + (entries.map { height($0.value) }.max() ?? 0)
            case let .list(items, _): return 1 + (items.map(height).max() ?? 0)
            default: return 0
            }
        }

        /// Plain scalars that YAML's core schema reads as null.
        static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    }

    // MARK: - Yams errors

    private static func translate(_ error: YamlError, text: String, file: String, locatingDuplicates: Bool) -> ScenarioError {
        func syntax(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> ScenarioError {
            if problem.contains("another document") {
                return ScenarioError(
                    file: file, keyPath: "", line: mark.line,
                    expected: "one scenario per file",
                    problem: "a second YAML document ('---') is not supported")
            }
            var message = "invalid YAML: " + problem
            if let context {
                message += " (\(context.text) on line \(context.mark.line))"
            }
            return ScenarioError(
                file: file, keyPath: guessKeyPath(in: text, line: mark.line), line: mark.line,
                expected: "", problem: message)
        }
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return syntax(problem, context, mark)
        case let .reader(problem, offset, _, _):
            let line = offset.map { offset in 1 + text.prefix(offset).reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) } }
            return ScenarioError(file: file, keyPath: "", line: line, expected: "", problem: "invalid text: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? "?"
            if locatingDuplicates, let located = locateDuplicate(key: key, at: context.mark, text: text, file: file) {
                return located
            }
            return ScenarioError(
                file: file, keyPath: "", line: context.mark.line,
                expected: "",
                problem: "duplicate key '\(key)'")
        default:
            return ScenarioError(file: file, keyPath: "", expected: "", problem: "invalid YAML: \(error)")
        }
    }

    /// Finds the key path of a duplicate key that Yams reported by line and column only.
    ///
    /// Yams stops at the first duplicate without saying which map it was in. The
    /// first occurrence is renamed to a marker and the text parsed again; the map
    /// holding the marker is the one with the duplicate, and the other occurrence
    /// gives the line to report. Returns `nil` if that does not work out.
    private static func locateDuplicate(key: String, at mark: Mark, text: String, file: String) -> ScenarioError? {
        let marker = "__topobench_duplicate__"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        var scalars = Array(lines[mark.line - 1].unicodeScalars)
        var column = mark.column - 1
        guard column >= 0, column < scalars.count else { return nil }
        if scalars[column] == "\"" || scalars[column] == "'" { column += 1 }
        scalars.insert(contentsOf: marker.unicodeScalars, at: column)
        var rewritten = String.UnicodeScalarView()
        rewritten.append(contentsOf: scalars)
        lines[mark.line - 1] = String(rewritten)
        guard let tree = try? parse(text: lines.joined(separator: "\n"), file: file, locatingDuplicates: false),
              let (path, entries, firstLine) = findMarker(marker, in: tree, path: "")
        else { return nil }
        let secondLine = entries.first(where: { $0.key == key })?.value.line
        let first = firstLine.map { " (first on line \($0))" } ?? ""
        return ScenarioError(
            file: file, keyPath: path, line: secondLine ?? mark.line,
            expected: "",
            problem: "duplicate key '\(key)'\(first)")
    }

    private static func findMarker(
        _ marker: String, in node: ScenarioNode, path: String
    ) -> (String, [(key: String, value: ScenarioNode)], Int?)? {
        switch node {
        case let .map(entries, _):
            if let hit = entries.first(where: { $0.key.contains(marker) }) {
                return (path, entries, hit.value.line)
            }
            for entry in entries {
                if let found = findMarker(marker, in: entry.value, path: KeyPath.appending(key: entry.key, to: path)) {
                    return found
                }
            }
            return nil
        case let .list(items, _):
            for (index, item) in items.enumerated() {
                if let found = findMarker(marker, in: item, path: KeyPath.appending(index: index, to: path)) {
                    return found
                }
            }
            return nil
        default:
            return nil
        }
    }

    // MARK: - Text scans

    /// The line and bytes offset of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, offset: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") { line += 1 }
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return (line, offset)
            }
        }
    }

    /// The line of the first `character` in the text, if any.
    static func firstLine(of character: Character, in text: String) -> Int? {
        guard let i = text.firstIndex(of: character) else { return nil }
        return 1 + text[..<i].reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" ? 1 : 0) }
    }

    /// A JSON syntax error as a scenario error: `f.json:3: invalid JSON at column 5: expected …`.
    private static func invalidJSON(_ problem: JSONSyntax.Problem, file: String) -> ScenarioError {
        ScenarioError(
            file: file, keyPath: "", line: problem.line, expected: "",
            problem: "invalid JSON at column \(problem.column): \(problem.message)")
    }

    /// Whether a text that starts with `{` or `[` and failed to parse as YAML was meant as JSON:
    /// a syntax error (not a duplicate key), and a first key or item in double quotes, not
    /// YAML's flow style (`{ name: x }`).
    private static func writtenAsJSON(_ text: String, error: YamlError) -> Bool {
        switch error {
        case .scanner, .parser: break
        default: return false
        }
        let significant = text.unicodeScalars.filter { !$0.properties.isWhitespace }.prefix(2)
        return significant.count == 2 && significant.last.map { "\"{[]}0123456789-".unicodeScalars.contains($0) } == true
    }

    /// The tab in the indentation of the line a YAML error points at (or of the line before it,
    /// where the scanner noticed the problem one token late), by line and 1-based column.
    static func tabInIndentation(_ text: String, near error: YamlError) -> (line: Int, column: Int)? {
        let mark: Mark
        switch error {
        case let .scanner(_, _, m, _), let .parser(_, _, m, _), let .composer(_, _, m, _): mark = m
        default: return nil
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in [mark.line, mark.line - 1] where number >= 1 && number <= lines.count {
            let line = lines[number - 1]
            let indentation = line.prefix(while: { $0 == " " || $0 == "\t" })
            if let tab = indentation.firstIndex(of: "\t") {
                return (number, line.distance(from: line.startIndex, to: tab) + 1)
            }
        }
        return nil
    }

    private static func looksLikeJSON(_ text: String, file: String) -> Bool {
        if file.lowercased().hasSuffix(".json") { return true }
        let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace })
        return first == "{" || first == "["
    }

    /// Rewrites JSON's UTF-16 surrogate-pair escapes (`\ud83d\ude00`) as YAML's
    /// `\U0001f600`, which libyaml understands; other escapes are left alone.
    static func joiningSurrogateEscapes(_ text: String) -> String {
        guard text.contains("\\u") || text.contains("\\U") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        func hex4(at start: Int) -> UInt32? {
            guard start + 4 <= scalars.count else { return nil }
            var value: UInt32 = 0
            for scalar in scalars[start..<start + 4] {
                guard scalar.isASCII, let digit = Int(String(scalar), radix: 16) else { return nil }
                value = value * 16 + UInt32(digit)
            }
            return value
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "\\", index + 1 < scalars.count else {
                out.append(scalar)
                index += 1
                continue
            }
            if scalars[index + 1] == "u",
               let high = hex4(at: index + 2), (0xD800...0xDBFF).contains(high),
               index + 7 < scalars.count, scalars[index + 6] == "\\", scalars[index + 7] == "u",
               let low = hex4(at: index + 8), (0xDC00...0xDFFF).contains(low) {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                let digits = String(combined, radix: 16)
                out.append(contentsOf: ("\\U" + String(repeating: "0", count: 8 - digits.count) + digits).unicodeScalars)
                index += 12
                continue
            }
            // Any other escape: copy the backslash and the escaped character together,
            // so an escaped backslash is never taken for the start of an escape.
            out.append(scalar)
            out.append(scalars[index + 1])
            index += 2
        }
        return String(out)
    }

    /// Recovers a key path for a line from the text alone, for syntax errors.
    ///
    /// Works on block-style YAML: the key written on the line (or, for a blank or
    /// key-less line, on the nearest line above), then each less-indented key
    /// above it, with `[n]` for items of a block list. Returns `""` when no key
    /// can be found. It is a best effort, used only where the parser gives no tree.
    static func guessKeyPath(in text: String, line: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        guard !lines.isEmpty else { return "" }
        var current = min(max(line, 1), lines.count) - 1
        // Start from a line that says something.
        while current > 0, isBlankOrComment(lines[current]) { current -= 1 }
        var segments: [String] = []
        var limit = Int.max  // a parent's key must be indented less than this
        var siblingDashIndent = -1  // items of the list already named are skipped
        var first = true
        var index = current
        while index >= 0, limit > 0 {
            defer { index -= 1 }
            let text = lines[index]
            if isBlankOrComment(text) { continue }
            let parsed = parseBlockLine(text)
            if parsed.dashes > 0, parsed.indent == siblingDashIndent { continue }
            if first, parsed.key == nil, parsed.dashes == 0 { continue }  // a continuation line
            if let key = parsed.key, first || parsed.keyIndent < limit {
                segments.append(KeyPath.appending(key: key, to: ""))
                limit = parsed.keyIndent
            }
            if parsed.dashes > 0, first || parsed.indent < limit {
                segments.append("[\(listIndex(lines: lines, at: index, indent: parsed.indent))]")
                // The list's own key may sit at the same indentation as its items.
                limit = parsed.indent + 1
                siblingDashIndent = parsed.indent
            }
            first = false
        }
        var path = ""
        for segment in segments.reversed() {
            if segment.hasPrefix("[") || path.isEmpty {
                path += segment
            } else {
                path += "." + segment
            }
        }
        return path
    }

    private static func isBlankOrComment(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" })
        return trimmed.isEmpty || trimmed.first == "#"
    }

    /// Indentation, leading `- ` markers and the key of one block-style line.
    private static func parseBlockLine(_ line: Substring) -> (indent: Int, dashes: Int, key: String?, keyIndent: Int) {
        var rest = line
        var indent = 0
        // Tabs count as one column each: YAML forbids them in indentation, but
        // JSON files are often indented with them.
        while let c = rest.first, c == " " || c == "\t" { indent += 1; rest = rest.dropFirst() }
        var dashes = 0
        var keyIndent = indent
        while rest.hasPrefix("- ") || rest == "-" || rest.hasPrefix("-\t") {
            dashes += 1
            rest = rest.dropFirst()
            keyIndent += 1
            while let c = rest.first, c == " " || c == "\t" { rest = rest.dropFirst(); keyIndent += 1 }
        }
        var key: String?
        if let first = rest.first, first == "\"" || first == "'" {
            if let close = rest.dropFirst().firstIndex(of: first) {
                let after = rest[rest.index(after: close)...].drop(while: { $0 == " " })
                if after.first == ":" { key = String(rest[rest.index(after: rest.startIndex)..<close]) }
            }
        } else if let first = rest.first, !"{[#&*!|>%@`,".contains(first) {
            var candidate = rest.startIndex
            while candidate < rest.endIndex {
                if rest[candidate] == ":" {
                    let next = rest.index(after: candidate)
                    if next == rest.endIndex || rest[next] == " " || rest[next] == "\t" || rest[next] == "\r" {
                        let text = rest[rest.startIndex..<candidate].trimmingCharacters(in: .whitespaces)
                        if !text.isEmpty { key = text }
                        break
                    }
                }
                if rest[candidate] == "#", candidate > rest.startIndex,
                   rest[rest.index(before: candidate)] == " " { break }
                candidate = rest.index(after: candidate)
            }
        }
        return (indent, dashes, key, keyIndent)
    }

    /// The position of the block-list item on `index` among its siblings.
    private static func listIndex(lines: [Substring], at index: Int, indent: Int) -> Int {
        var position = 0
        var cursor = index - 1
        while cursor >= 0 {
            let line = lines[cursor]
            if !isBlankOrComment(line) {
                let parsed = parseBlockLine(line)
                if parsed.indent < indent { break }
                if parsed.indent == indent {
                    if parsed.dashes == 0 { break }
                    position += 1
                }
            }
            cursor -= 1
        }
        return position
    }
}
