import Foundation

/// Reads the values of an empirical distribution from a column of a CSV file.
enum EmpiricalData {
    /// The numbers in `column` of the CSV file at `path` (header row first). A missing file,
    /// a malformed CSV, a missing column, or a value that is not a finite non-negative number is
    /// an error naming the file, the line and the column.
    static func column(path: String, column: String, reader: NodeReader) throws -> [Double] {
        // Parsed records take ~50 times the file's size: the bound keeps that under a gigabyte,
        // and the file is read only up to it (a huge file or /dev/zero is not read whole).
        let limit = ScenarioLoader.Limits.maxEmpiricalBytes
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
            let handle = FileHandle(forReadingAtPath: path)
        else {
            throw reader.error(expected: "a readable CSV file", found: "\"\(path)\" (not found or not readable)")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
            throw reader.error(expected: "a readable CSV file", found: "\"\(path)\" (not readable)")
        }
        if data.count > limit { throw reader.error(expected: "a CSV file of at most \(limit / 1024 / 1024) MiB", found: "a larger file") }
        let records = try CSVTable.parse(bytes: [UInt8](data), file: path)
        guard let header = records.first else {
            throw ScenarioError(file: path, keyPath: column, line: 1, expected: "a header row naming the columns", found: "an empty file")
        }
        guard let index = header.fields.firstIndex(of: column) else {
            throw ScenarioError(
                file: path, keyPath: column, line: header.line, expected: "a column named '\(column)'",
                found: "columns " + header.fields.joined(separator: ", "), suggestion: KeyPath.nearest(column, in: header.fields))
        }
        var values: [Double] = []
        values.reserveCapacity(records.count - 1)
        for r in records.dropFirst() {
            if r.fields.count == 1 && r.fields[0].isEmpty { continue }
            guard index < r.fields.count else {
                throw ScenarioError(file: path, keyPath: column, line: r.line, expected: "\(header.fields.count) fields", found: "\(r.fields.count)")
            }
            let text = r.fields[index].trimmingCharacters(in: .whitespaces)
            guard let v = Double(text), v.isFinite, v >= 0 else {
                throw ScenarioError(file: path, keyPath: column, line: r.line, expected: "a finite number ≥ 0", found: "\"\(text.prefix(40))\"")
            }
            values.append(v)
        }
        if values.isEmpty { throw ScenarioError(file: path, keyPath: column, expected: "at least one value in the column") }
        return values
    }
}
