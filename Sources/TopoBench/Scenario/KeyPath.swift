/// Dotted key paths: naming a place in a scenario, substituting sweep values, suggesting keys.
///
/// A key path names a value the way error messages print it: map keys joined
/// by dots, list items as `[n]` (`topologies.alb.components.web_lb.health_check.interval`,
/// `faults[2].at`). A key that itself holds a dot, a bracket, a quote or
/// white space, or is empty, is written `["like.this"]`, so `sweep["workload.arrival.rate"]`
/// names one sweep entry.
///
/// Sweep keys in a scenario (`sweep: { topologies.*.components.backend.count: [2, 3] }`)
/// use a simpler form, read by ``replacing(_:in:with:file:)``: segments split
/// at every dot, `*` for every key of a map or item of a list, and a number
/// for a list index (`faults.0.at`).
public enum KeyPath {
    /// Returns `root` with the value at the sweep key path `path` replaced by `value`.
    ///
    /// Segments are map keys; `*` matches every key of a map (and every item of
    /// a list); a number indexes a list. The last segment may name a key its map
    /// lacks, which is then added, so a sweep can set a key the file leaves at
    /// its default. A path that runs into a missing key, a scalar, or an index
    /// out of range matches nothing there: with `*`, such branches are skipped,
    /// but if the path matches nothing at all, the result is a ``ScenarioError``
    /// whose key path is `path`, naming the first segment that could not be
    /// followed and suggesting the nearest key.
    ///
    /// - Complexity: O(*n*) in the number of nodes visited along the path.
    public static func replacing(
        _ path: String, in root: ScenarioNode, with value: ScenarioNode, file: String
    ) throws -> ScenarioNode {
        try replacingReportingPaths(path, in: root, with: value, file: file).node
    }

    /// ``replacing(_:in:with:file:)``, also returning the key path (as errors print it) of every
    /// place replaced, so that an error about a swept value can point at the sweep.
    static func replacingReportingPaths(
        _ path: String, in root: ScenarioNode, with value: ScenarioNode, file: String
    ) throws -> (node: ScenarioNode, paths: [String]) {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if path.isEmpty || segments.contains(where: \.isEmpty) {
            throw ScenarioError(
                file: file, keyPath: path, line: value.line,
                expected: "keys separated by single dots, such as workload.arrival.rate",
                problem: "not a valid key path")
        }
        var search = Search(segments: segments, value: value)
        let result = search.replace(root, at: 0, path: "")
        if search.matches > 0 { return (result, search.matchedPaths) }
        var problem = "this key path matches nothing in the scenario"
        var suggestion: String?
        if let miss = search.deepestMiss {
            problem += ": " + miss.reason
            if let nearest = miss.nearest {
                var corrected = segments
                corrected[miss.depth] = nearest
                suggestion = corrected.joined(separator: ".")
            }
        }
        throw ScenarioError(
            file: file, keyPath: path, line: value.line,
            expected: "", suggestion: suggestion, problem: problem)
    }

    /// The candidate nearest to `word` by Damerau–Levenshtein distance, or `nil`
    /// if none is close.
    ///
    /// Close means a distance of at most max(2, ⌊length/3⌋), where length is
    /// `word`'s, and less than the longer string's length (so `x` never suggests
    /// `m`). Case differences count as edits, but ties go to the candidate that
    /// matches ignoring case, then to the earliest candidate.
    ///
    /// - Complexity: O(*k*·*m*·*n*) for *k* candidates of length *n* and a word of length *m*.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (candidate: String, distance: Int, caseMatch: Bool)?
        for candidate in candidates {
            let distance = Self.distance(word, candidate)
            guard distance <= limit, distance < max(word.count, candidate.count) else { continue }
            let caseMatch = word.lowercased() == candidate.lowercased()
            if let current = best {
                if distance < current.distance || (distance == current.distance && caseMatch && !current.caseMatch) {
                    best = (candidate, distance, caseMatch)
                }
            } else {
                best = (candidate, distance, caseMatch)
            }
        }
        return best?.candidate
    }

    /// The Damerau–Levenshtein distance between two strings, counted in characters.
    ///
    /// This is the optimal-string-alignment variant: insertions, deletions,
    /// substitutions and transpositions of two adjacent characters each cost 1,
    /// and no substring is edited twice (Damerau, "A technique for computer
    /// detection and correction of spelling errors", CACM 7(3), 1964).
    ///
    /// - Complexity: O(*m*·*n*) time, O(*n*) memory.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// `path` followed by the map key `key`, as error messages print it.
    public static func appending(key: String, to path: String) -> String {
        let needsQuotes = key.isEmpty || key.contains(where: { ".[]\"'".contains($0) || $0.isWhitespace })
        guard needsQuotes else { return path.isEmpty ? key : path + "." + key }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return path + "[\"" + escaped + "\"]"
    }

    /// `path` followed by the list index `index`: `faults[2]`.
    public static func appending(index: Int, to path: String) -> String {
        path + "[\(index)]"
    }

    /// The walk behind ``replacing(_:in:with:file:)``.
    private struct Search {
        let segments: [String]
        let value: ScenarioNode
        var matches = 0
        var matchedPaths: [String] = []
        var deepestMiss: (depth: Int, reason: String, nearest: String?)?

        init(segments: [String], value: ScenarioNode) {
            self.segments = segments
            self.value = value
        }

        mutating func miss(_ depth: Int, _ reason: String, nearest: String? = nil) {
            if let current = deepestMiss, current.depth >= depth { return }
            deepestMiss = (depth, reason, nearest)
        }

        mutating func replace(_ node: ScenarioNode, at depth: Int, path: String) -> ScenarioNode {
            if depth == segments.count {
                matches += 1
                matchedPaths.append(path)
                return value
            }
            let segment = segments[depth]
            let isLast = depth == segments.count - 1
            switch node {
            case let .map(entries, line):
                if segment == "*" {
                    if entries.isEmpty { miss(depth, "'\(path)' is an empty map") }
                    let replaced = entries.map { entry in
                        (key: entry.key, value: replace(entry.value, at: depth + 1, path: KeyPath.appending(key: entry.key, to: path)))
                    }
                    return .map(replaced, line: line)
                }
                if let position = entries.firstIndex(where: { $0.key == segment }) {
                    var replaced = entries
                    replaced[position].value = replace(entries[position].value, at: depth + 1, path: KeyPath.appending(key: segment, to: path))
                    return .map(replaced, line: line)
                }
                if isLast {
                    matches += 1
                    matchedPaths.append(KeyPath.appending(key: segment, to: path))
                    return .map(entries + [(key: segment, value: value)], line: line)
                }
                let place = path.isEmpty ? "the top level" : "'\(path)'"
                miss(depth, "no key '\(segment)' in \(place)", nearest: KeyPath.nearest(segment, in: entries.map(\.key)))
                return node
            case let .list(items, line):
                if segment == "*" {
                    if items.isEmpty { miss(depth, "'\(path)' is an empty list") }
                    let replaced = items.enumerated().map { index, item in
                        replace(item, at: depth + 1, path: KeyPath.appending(index: index, to: path))
                    }
                    return .list(replaced, line: line)
                }
                guard let index = Int(segment), index >= 0 else {
                    miss(depth, "'\(path)' is a list, so '\(segment)' should be an index from 0 or '*'")
                    return node
                }
                guard index < items.count else {
                    miss(depth, "index \(index) is out of range: '\(path)' has \(items.count) item\(items.count == 1 ? "" : "s")")
                    return node
                }
                var replaced = items
                replaced[index] = replace(items[index], at: depth + 1, path: KeyPath.appending(index: index, to: path))
                return .list(replaced, line: line)
            case .scalar, .null:
                let place = path.isEmpty ? "the document" : "'\(path)'"
                miss(depth, "\(place) is \(node.foundDescription), not a map or list, so it has no '\(segment)'")
                return node
            }
        }
    }
}
