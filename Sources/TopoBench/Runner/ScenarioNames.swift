/// The scenario names of one `run` or `suite` invocation.
public enum ScenarioNames {
    /// Refuses two scenario files of one invocation with the same `name`: their results would
    /// be written to the same folder, one over the other.
    ///
    /// - Parameter files: each file as the user named it, with the `name` of its scenario, in
    ///   command-line (or suite) order; the same file given twice counts as two.
    /// - Throws: `ScenarioError` (exit 65) at the second file's `name` key (with its line when
    ///   it can be read), naming the first file too.
    public static func checkDistinct(_ files: [(file: String, name: String)], in context: String = "this run") throws {
        var first: [String: (index: Int, file: String)] = [:]
        for (index, entry) in files.enumerated() {
            guard let earlier = first[entry.name] else {
                first[entry.name] = (index, entry.file)
                continue
            }
            let other =
                earlier.file == entry.file
                ? "the same file given twice (arguments \(earlier.index + 1) and \(index + 1))"
                : "also the name of \(location(of: earlier.file))"
            throw ScenarioError(
                file: entry.file, keyPath: "name", line: nameLine(in: entry.file),
                expected: "a scenario name that no other file of \(context) uses (each scenario's results go to a folder of its name)",
                found: "\"\(entry.name)\", \(other)")
        }
    }

    /// `file:line` of the `name` key, or the file alone.
    static func location(of file: String) -> String {
        nameLine(in: file).map { "\(file):\($0)" } ?? file
    }

    /// The line of the top-level `name` key of a scenario file, when it has one.
    static func nameLine(in file: String) -> Int? {
        guard let root = try? ScenarioDocument.load(path: file), let map = try? NodeReader(node: root, file: file).map()
        else { return nil }
        return map.optional("name")?.line
    }
}
