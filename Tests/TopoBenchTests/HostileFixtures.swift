import Foundation
import Testing
@testable import TopoBench

/// Shared helpers of the hostile-input tests (mutation, resource bounds, properties, safe output):
/// paths in the source tree, a scenario tree editor and printer, and a time-bounded runner.
enum Hostile {
    /// The package root, found from this file's path (tests read examples from the source tree).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// `Benchmarks/suites/examples/*.yaml`, sorted by name.
    static func exampleFiles() -> [String] {
        let folder = path("Benchmarks/suites/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
    }

    /// A fresh folder under the system's temporary directory.
    static func temporaryFolder(_ label: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topobench-\(label)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// The built `topobench` executable: next to the test bundle in the build folder.
    static func cliBinary() -> String? {
        var candidates: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("topobench").path)
        }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        candidates.append(arg0.deletingLastPathComponent().appendingPathComponent("topobench").path)
        candidates.append(arg0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("topobench").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    // MARK: bounded execution

    final class Slot<T>: @unchecked Sendable {
        var value: T?
        let done = DispatchSemaphore(value: 0)
    }

    /// Runs `body` on its own thread and waits at most `seconds` for it; `nil` if it is still
    /// running then (the thread is left to finish on its own; the caller fails the test).
    static func bounded<T>(seconds: Double, _ body: @escaping () -> T) -> T? {
        let slot = Slot<T>()
        let thread = Thread {
            slot.value = body()
            slot.done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        if slot.done.wait(timeout: .now() + seconds) == .timedOut { return nil }
        return slot.value
    }

    // MARK: scenario trees

    /// One step of a key path: a map key or a list index.
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// A key path as `ScenarioError` prints it (`topologies.alb.components.web_lb`, `faults[2].at`).
    static func keyPath(_ steps: [Step]) -> String {
        steps.reduce("") { path, step in
            switch step {
            case .key(let k): return KeyPath.appending(key: k, to: path)
            case .index(let i): return KeyPath.appending(index: i, to: path)
            }
        }
    }

    static func node(at steps: ArraySlice<Step>, in root: ScenarioNode) -> ScenarioNode? {
        guard let first = steps.first else { return root }
        switch (first, root) {
        case (.key(let k), .map(let entries, _)):
            guard let child = entries.first(where: { $0.key == k })?.value else { return nil }
            return node(at: steps.dropFirst(), in: child)
        case (.index(let i), .list(let items, _)):
            guard i >= 0, i < items.count else { return nil }
            return node(at: steps.dropFirst(), in: items[i])
        default:
            return nil
        }
    }

    static func node(at steps: [Step], in root: ScenarioNode) -> ScenarioNode? { node(at: steps[...], in: root) }

    /// `root` with the node at `steps` transformed; a `nil` result removes it from its map or
    /// list. A missing last key is added (the transform then receives `nil`).
    static func modify(
        _ root: ScenarioNode, at steps: ArraySlice<Step>, _ transform: (ScenarioNode?) -> ScenarioNode?
    ) -> ScenarioNode {
        guard let first = steps.first else { return transform(root) ?? .null(line: nil) }
        let rest = steps.dropFirst()
        switch (first, root) {
        case (.key(let k), .map(var entries, let line)):
            if let i = entries.firstIndex(where: { $0.key == k }) {
                if rest.isEmpty {
                    if let v = transform(entries[i].value) { entries[i].value = v } else { entries.remove(at: i) }
                } else {
                    entries[i].value = modify(entries[i].value, at: rest, transform)
                }
            } else if rest.isEmpty, let v = transform(nil) {
                entries.append((key: k, value: v))
            }
            return .map(entries, line: line)
        case (.index(let i), .list(var items, let line)) where i >= 0 && i < items.count:
            if rest.isEmpty {
                if let v = transform(items[i]) { items[i] = v } else { items.remove(at: i) }
            } else {
                items[i] = modify(items[i], at: rest, transform)
            }
            return .list(items, line: line)
        default:
            return root
        }
    }

    static func modify(_ root: ScenarioNode, at steps: [Step], _ transform: (ScenarioNode?) -> ScenarioNode?) -> ScenarioNode {
        modify(root, at: steps[...], transform)
    }

    static func setting(_ root: ScenarioNode, _ steps: [Step], _ value: ScenarioNode?) -> ScenarioNode {
        modify(root, at: steps) { _ in value }
    }

    /// Every node with its path, parents before children, in document order.
    static func walk(_ n: ScenarioNode, _ steps: [Step] = [], into out: inout [([Step], ScenarioNode)]) {
        out.append((steps, n))
        switch n {
        case .map(let entries, _):
            for e in entries { walk(e.value, steps + [.key(e.key)], into: &out) }
        case .list(let items, _):
            for (i, item) in items.enumerated() { walk(item, steps + [.index(i)], into: &out) }
        default: break
        }
    }

    static func scalar(_ s: String) -> ScenarioNode { .scalar(s, line: nil, quoted: false) }
    static func map(_ entries: [(String, ScenarioNode)]) -> ScenarioNode {
        .map(entries.map { (key: $0.0, value: $0.1) }, line: nil)
    }
    static func list(_ items: [ScenarioNode]) -> ScenarioNode { .list(items, line: nil) }

    /// Prints a tree as YAML flow collections (JSON-like), one map entry per line. Scalars are
    /// written plain when that is unambiguous and double-quoted otherwise; readers read
    /// scalars by their text, so both forms mean the same.
    static func render(_ n: ScenarioNode, depth: Int = 0) -> String {
        switch n {
        case .null: return "null"
        case .scalar(let s, _, _): return quote(s)
        case .list(let items, _):
            return "[" + items.map { render($0, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .map(let entries, _):
            if entries.isEmpty { return "{}" }
            let pad = String(repeating: "  ", count: depth + 1)
            let body = entries.map { pad + quote($0.key) + ": " + render($0.value, depth: depth + 1) }
            return "{\n" + body.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: depth) + "}"
        }
    }

    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func quote(_ s: String) -> String {
        let plain = s.unicodeScalars.enumerated().allSatisfy { i, c in
            c.isASCII && (CharacterSet.alphanumerics.contains(c) || c == "_" || (i > 0 && "./+-".unicodeScalars.contains(c)))
        }
        if plain && !nullWords.contains(s) { return s }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                let v = c.value
                let printable = v == 0x09 || (v >= 0x20 && v <= 0x7E) || (v >= 0xA0 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if printable { out.unicodeScalars.append(c) } else { out += String(format: "\\u%04X", v) }
            }
        }
        return out + "\""
    }

    /// Parses scenario text into a tree (for deriving files from the examples).
    static func tree(_ text: String, file: String) throws -> ScenarioNode {
        try ScenarioDocument.parse(text: text, file: file)
    }

    // MARK: result checks

    /// The conservation law of `replications.csv`: every request started after the warm-up
    /// ends in exactly one of the outcome columns, or is still in flight at the hard stop.
    /// Returns a description of each row that breaks it.
    static func conservationViolations(_ table: ResultTable) -> [String] {
        let names = ["succeeded", "errors_5xx", "timeouts", "throttled", "rejected", "unfinished"]
        guard let offered = table.header.firstIndex(of: "offered") else { return ["no 'offered' column"] }
        let parts = names.map { table.header.firstIndex(of: $0) }
        if parts.contains(where: { $0 == nil }) {
            return ["replications.csv lacks one of \(names.joined(separator: ", "))"]
        }
        var bad: [String] = []
        for row in table.rows {
            let total = parts.reduce(0.0) { $0 + (Double(row[$1!]) ?? .nan) }
            let want = Double(row[offered]) ?? .nan
            if !(total == want) {
                bad.append(row.prefix(3).joined(separator: ",") + ": offered \(row[offered]) ≠ sum of outcomes \(total)")
            }
        }
        return bad
    }
}
