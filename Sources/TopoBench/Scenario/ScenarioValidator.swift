/// Checks a whole scenario document against its declarations, collecting every problem it finds.
///
/// The loader stops at its first error, and reads the file in its own order (the zones, then
/// the workload, then the topologies…), so a file with three typos was reported one typo per run,
/// and not the first. Before the loader runs, this walk visits every key of the document in file
/// order with the same declarations `topobench schema` uses (``MapDeclaration``, ``Variants``),
/// and records:
///
/// - every key a map does not declare (`unknown key 'entyr'; did you mean 'entry'?`), at its own
///   line;
/// - every required key that is missing, after the unknown keys of its map (a misspelt required
///   key is reported as unknown first);
/// - every value of the wrong type, unit or range that can be checked on its own (durations,
///   rates, integers, numbers, probabilities, flags, choices), with the message the loader's
///   typed reads give (``NodeReader``).
///
/// What needs more than one value (references between components, zones, sweeps, limits over the
/// whole run) is left to the loader, whose error is merged in by ``ScenarioLoader`` (see
/// ``merge(_:with:)``). The walk never decides on its own that a file is invalid: a file the
/// loader accepts is accepted.
struct ScenarioValidator {
    /// The most problems one run reports; the rest are counted (``ScenarioError/omitted``).
    static let reportLimit = 20

    let file: String
    /// The problems, in the order found, each with the line it sorts at and its rank on that line.
    private var found: [(error: ScenarioError, line: Int, rank: Int)] = []

    init(file: String) { self.file = file }

    /// The problems, in file order: by line, and on one line a map's unknown keys before the
    /// problems of its values; a map's missing keys come after everything written in the map.
    var problems: [ScenarioError] {
        found.enumerated()
            .sorted { ($0.element.line, $0.element.rank, $0.offset) < ($1.element.line, $1.element.rank, $1.offset) }
            .map(\.element.error)
    }

    /// The problems of `root` read as a scenario (the top-level declaration, ``MapDeclaration/scenario``).
    static func problems(in root: ScenarioNode, file: String) -> [ScenarioError] {
        var validator = ScenarioValidator(file: file)
        validator.check(root, path: "", type: .map(.scenario))
        return validator.problems
    }

    /// `found` (this walk's problems) with the loader's `error` merged in: the loader's message
    /// replaces a problem found at the same line and key path (its wording is the contract's),
    /// and is otherwise inserted after the problems on earlier or equal lines. At most
    /// ``reportLimit`` are kept; the first carries the others in ``ScenarioError/more``.
    static func merge(_ found: [ScenarioError], with error: ScenarioError?) -> ScenarioError? {
        var all = found
        if let error {
            if all.contains(where: { $0.description == error.description }) {
                // Already reported in the same words.
            } else if let same = all.firstIndex(where: { $0.line == error.line && $0.keyPath == error.keyPath && sameProblem($0, error) }) {
                all[same] = error
            } else {
                let line = error.line ?? Int.max
                let position = all.firstIndex(where: { ($0.line ?? Int.max) > line }) ?? all.endIndex
                all.insert(error, at: position)
            }
        }
        guard var first = all.first else { return nil }
        let kept = Array(all.prefix(reportLimit))
        first.more = Array(kept.dropFirst())
        first.omitted = all.count - kept.count
        return first
    }

    /// Whether two errors at one place say the same thing in other words: a missing key the walk
    /// calls "missing required key 'min'" and the loader "expected 'min' for a uniform
    /// distribution", or two type errors about one value.
    private static func sameProblem(_ a: ScenarioError, _ b: ScenarioError) -> Bool {
        let missing = "missing required key '"
        if let p = a.problem, p.hasPrefix(missing) {
            let key = p.dropFirst(missing.count).dropLast()
            return b.description.contains("'\(key)'")
        }
        return a.problem == nil && b.problem == nil
    }

    /// Records `error`, sorted at `line` (by default its own) with `rank` (0 for an unknown key).
    private mutating func record(_ error: ScenarioError, at line: Int? = nil, rank: Int = 1) {
        // Enough to fill the report and know that more were left out, without keeping a huge file's every error.
        guard found.count < 10_000 else { return }
        found.append((error, line ?? error.line ?? Int.max, rank))
    }

    /// The last line of anything written in `node`.
    private static func lastLine(of node: ScenarioNode) -> Int? {
        switch node {
        case let .map(entries, line):
            return entries.compactMap { lastLine(of: $0.value) }.max() ?? line
        case let .list(items, line):
            return items.compactMap { lastLine(of: $0) }.max() ?? line
        case .scalar, .null:
            return node.line
        }
    }

    private func reader(_ node: ScenarioNode, _ path: String, _ type: ValueType?) -> NodeReader {
        NodeReader(node: node, file: file, path: path, type: type)
    }

    /// Checks `node`, found at `path`, against `type`.
    mutating func check(_ node: ScenarioNode, path: String, type: ValueType) {
        if case .null = node { return }  // What null means is the loader's to decide.
        switch type {
        case .map(let declaration):
            guard case let .map(entries, line) = node else { return refuseShape(node, path, "a map (key: value pairs)") }
            checkMap(entries, line: line, declaration: declaration, path: path)
        case .variants(let variants):
            guard case let .map(entries, line) = node else { return refuseShape(node, path, "a map (key: value pairs)") }
            checkVariants(entries, line: line, variants: variants, path: path)
        case .list(let element, _):
            guard case let .list(items, _) = node else { return refuseShape(node, path, "a list") }
            for (index, item) in items.enumerated() {
                check(item, path: KeyPath.appending(index: index, to: path), type: element)
            }
        case .pair(let a, let b):
            guard case let .list(items, _) = node else { return }  // The loader names the pair it expects.
            for (index, item) in items.prefix(2).enumerated() {
                check(item, path: KeyPath.appending(index: index, to: path), type: index == 0 ? a : b)
            }
        case .anyOf(let types):
            // A map or a list is checked against the alternative of its shape; a scalar that
            // fits no alternative gets the error of the last one that is not a word to choose
            // (`timeout: 5 sec` is not `none`, so it is a duration's error, as the loader reads it).
            // A scalar with only words and maps to choose from is left to the loader's message.
            switch node {
            case .map:
                if let t = types.first(where: { if case .map = $0 { return true }; if case .variants = $0 { return true }; return false }) {
                    check(node, path: path, type: t)
                }
            case .list:
                if let t = types.first(where: { if case .list = $0 { return true }; if case .pair = $0 { return true }; return false }) {
                    check(node, path: path, type: t)
                }
            case .scalar:
                // Any text, a name or a reference could be anything: the loader decides.
                if types.contains(where: { switch $0 { case .text, .name, .reference, .zone, .any: return true; default: return false } }) { break }
                let scalarTypes = types.filter { Self.isCheckedScalar($0) }
                guard let main = scalarTypes.last(where: { if case .choice = $0 { return false }; return true }) else { break }
                if scalarTypes.contains(where: { scalarError(node, path, $0) == nil }) { break }
                if let error = scalarError(node, path, main) { record(error) }
            default:
                break
            }
        case .duration, .rate, .size, .integer, .number, .probability, .flag, .choice, .text, .name:
            if let error = scalarError(node, path, type) { record(error) }
        case .reference, .zone, .any:
            break
        }
    }

    private static func isCheckedScalar(_ type: ValueType) -> Bool {
        switch type {
        case .duration, .rate, .size, .integer, .number, .probability, .flag, .choice: return true
        default: return false
        }
    }

    /// The error the loader's typed read of `node` as `type` gives, or `nil`.
    private func scalarError(_ node: ScenarioNode, _ path: String, _ type: ValueType) -> ScenarioError? {
        let r = reader(node, path, type)
        do {
            switch type {
            case .duration: _ = try r.duration()
            case .rate: _ = try r.rate()
            case .size: _ = try r.size()
            case .integer: _ = try r.int()
            case .number: _ = try r.double()
            case .probability: _ = try r.probability()
            case .flag: _ = try r.bool()
            case .choice: _ = try r.choice()
            default: _ = try r.string()
            }
        } catch let error as ScenarioError {
            return error
        } catch {
            // A DeclarationError is a bug in topobench; the loader reports it.
        }
        return nil
    }

    private mutating func refuseShape(_ node: ScenarioNode, _ path: String, _ expected: String) {
        record(reader(node, path, nil).error(expected: expected, found: node.foundDescription))
    }

    private mutating func checkMap(
        _ entries: [(key: String, value: ScenarioNode)], line: Int?, declaration: MapDeclaration, path: String
    ) {
        let map = reader(.map(entries, line: line), path, nil)
        for entry in entries {
            guard let key = declaration.key(entry.key) else {
                record(MapReader.unknownKey(entry.key, line: entry.value.line, valid: declaration.keyNames, reader: map), rank: 0)
                continue
            }
            check(entry.value, path: KeyPath.appending(key: entry.key, to: path), type: key.type)
        }
        let end = Self.lastLine(of: .map(entries, line: line))
        for key in declaration.keys where key.required && !entries.contains(where: { $0.key == key.name }) {
            record(ScenarioError(file: file, keyPath: path, line: line, expected: "", problem: "missing required key '\(key.name)'"), at: end, rank: 2)
        }
    }

    private mutating func checkVariants(
        _ entries: [(key: String, value: ScenarioNode)], line: Int?, variants: Variants, path: String
    ) {
        let written = entries.first(where: { $0.key == variants.discriminator })?.value
        if let text = written?.text, let picked = variants.variant(named: text) {
            return checkMap(entries, line: line, declaration: picked.declaration, path: path)
        }
        // As ``MapReader`` does: the keys no variant has first, then the discriminator.
        let map = reader(.map(entries, line: line), path, nil)
        for entry in entries where variants.union.key(entry.key) == nil {
            record(MapReader.unknownKey(entry.key, line: entry.value.line, valid: variants.union.keyNames, reader: map), rank: 0)
        }
        guard let written else {
            return record(
                ScenarioError(file: file, keyPath: path, line: line, expected: "", problem: "missing required key '\(variants.discriminator)'"),
                at: Self.lastLine(of: .map(entries, line: line)), rank: 2)
        }
        let at = reader(written, KeyPath.appending(key: variants.discriminator, to: path), nil)
        record(at.error(
            expected: variants.expectedPrefix + variants.names.joined(separator: ", "), found: at.foundDescription,
            suggestion: written.text.flatMap { KeyPath.nearest($0, in: variants.names) }))
    }
}
