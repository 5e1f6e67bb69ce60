import Foundation

/// RFC 4180 comma-separated values: a strict reader and a minimal-quoting writer.
///
/// The reader accepts what RFC 4180 allows and what spreadsheets commonly write: fields quoted
/// with `"` (a quote inside doubled as `""`) holding commas, quotes and line breaks; records
/// ended by CRLF, LF or a lone CR; an optional final line break; an optional UTF-8 byte-order
/// mark. Anything else is an error that names the file, the line and what was expected: an
/// unterminated quoted field, text after a closing quote, a quote inside an unquoted field, or
/// (through `ResultTable.init(csv:file:)`) a record with the wrong number of fields.
///
/// The writer quotes a field only when it must (it holds a comma, a quote, CR or LF) and ends
/// every record, including the last, with LF: a common variant of RFC 4180 that keeps diffs and
/// golden files readable. Output is a pure function of the table, which is what makes the result
/// files byte-identical between runs.
public enum CSVTable {
    /// One parsed record and the 1-based line of the input on which it starts.
    public struct Record: Sendable, Equatable {
        /// The fields, unquoted.
        public var fields: [String]
        /// The line of the file on which the record starts (records may span lines).
        public var line: Int
    }

    /// Parses CSV text into records.
    ///
    /// - Parameters:
    ///   - text: the whole file.
    ///   - file: the file's name, used in error messages.
    /// - Returns: the records in file order; no record for an empty file or a final line break.
    /// - Throws: `ScenarioError` naming `file` and the line for a malformed quoted field.
    /// - Complexity: O(n) in the length of `text`.
    public static func parse(_ text: String, file: String) throws -> [Record] {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses CSV bytes (UTF-8) into records; see `parse(_:file:)`.
    public static func parse(bytes input: [UInt8], file: String) throws -> [Record] {
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        // Skip a UTF-8 byte-order mark.
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { index = 3 }
        var line = 1
        var recordLine = 1
        var atRecordStart = true
        let end = input.count

        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            finishField()
            records.append(Record(fields: fields, line: recordLine))
            fields.removeAll(keepingCapacity: true)
            atRecordStart = true
        }

        while index < end {
            if atRecordStart {
                recordLine = line
                atRecordStart = false
            }
            let byte = input[index]
            if byte == quote && field.isEmpty {
                // A quoted field: runs to the next lone quote.
                let openedAt = line
                index += 1
                var closed = false
                while index < end {
                    let b = input[index]
                    if b == quote {
                        if index + 1 < end && input[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if b == lf || (b == cr && !(index + 1 < end && input[index + 1] == lf)) { line += 1 }
                    field.append(b)
                    index += 1
                }
                guard closed else {
                    throw ScenarioError(
                        file: file, keyPath: "", line: openedAt,
                        expected: "a closing '\"' for the quoted field opened on this line",
                        found: "the end of the file")
                }
                // After a closing quote: a separator, a line break, or the end of the file.
                if index < end {
                    let next = input[index]
                    if next != comma && next != cr && next != lf {
                        throw ScenarioError(
                            file: file, keyPath: "", line: line,
                            expected: "',' or the end of the line after a closing '\"'",
                            found: "'\(String(decoding: [next], as: UTF8.self))' after field \(fields.count + 1)")
                    }
                }
                continue
            }
            if byte == comma {
                finishField()
                index += 1
                if index == end {
                    // "a,b," ends with an empty last field.
                    finishRecord()
                }
                continue
            }
            if byte == cr || byte == lf {
                finishRecord()
                index = skipLineBreak(input, index, &line)
                continue
            }
            if byte == quote {
                throw ScenarioError(
                    file: file, keyPath: "", line: line,
                    expected: "a field that contains '\"' to be enclosed in quotes",
                    found: "'\"' inside unquoted field \(fields.count + 1)")
            }
            field.append(byte)
            index += 1
        }
        if !atRecordStart { finishRecord() }
        return records
    }

    /// Steps over one line break (CRLF, LF or CR) at `index` and counts the line.
    private static func skipLineBreak(_ input: [UInt8], _ index: Int, _ line: inout Int) -> Int {
        line += 1
        if input[index] == UInt8(ascii: "\r"), index + 1 < input.count, input[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return index + 1
    }

    /// Renders a header and rows as CSV text, one LF-terminated line per record.
    ///
    /// Fields are quoted only when they contain a comma, a quote, CR or LF.
    public static func render(header: [String], rows: [[String]]) -> String {
        var out = ""
        out.reserveCapacity(64 * (rows.count + 1))
        appendRecord(header, to: &out)
        for row in rows { appendRecord(row, to: &out) }
        return out
    }

    /// Appends one record and its line break to `out`.
    static func appendRecord(_ fields: [String], to out: inout String) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(",") }
            out.append(quoted(field))
        }
        out.append("\n")
    }

    /// A field as it must appear in a CSV file: as is, or quoted with inner quotes doubled.
    public static func quoted(_ field: String) -> String {
        var needsQuotes = false
        for byte in field.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13
        {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ResultTable {
    /// Parses a CSV file's text into a table whose first record is the header.
    ///
    /// Every record must have as many fields as the header; each row remembers the line it
    /// starts on so that later checks (`validate`) can name it.
    /// - Throws: `ScenarioError` naming `file` and the line for malformed CSV, an empty file, a
    ///   duplicated column name or a record with the wrong number of fields.
    public init(csv text: String, file: String) throws {
        try self.init(csvBytes: Array(text.utf8), file: file)
    }

    /// Parses CSV bytes (UTF-8); see `init(csv:file:)`.
    public init(csvBytes: [UInt8], file: String) throws {
        let records = try CSVTable.parse(bytes: csvBytes, file: file)
        guard let first = records.first else {
            throw ScenarioError(
                file: file, keyPath: "", line: 1, expected: "a header line naming the columns", found: "an empty file")
        }
        var seen = Set<String>()
        for name in first.fields where !seen.insert(name).inserted {
            throw ScenarioError(
                file: file, keyPath: name, line: first.line, expected: "each column name once in the header",
                found: "'\(name)' twice")
        }
        var rows: [[String]] = []
        var lines: [Int] = []
        rows.reserveCapacity(records.count - 1)
        lines.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.fields.count == first.fields.count else {
                throw ScenarioError(
                    file: file, keyPath: "", line: record.line,
                    expected: "\(first.fields.count) fields, as in the header",
                    found: "\(record.fields.count) field\(record.fields.count == 1 ? "" : "s")")
            }
            rows.append(record.fields)
            lines.append(record.line)
        }
        self.init(header: first.fields, rows: rows, source: file)
        self.rowLines = lines
    }

    /// Reads and parses the CSV file at `path`.
    ///
    /// - Throws: `ScenarioError` naming the file if it is missing, unreadable or malformed.
    public static func read(path: String) throws -> ResultTable {
        let bytes = try AtomicFile.readBytes(path, expected: "a CSV file")
        return try ResultTable(csvBytes: bytes, file: path)
    }

    /// The table as CSV text (header first); see `CSVTable.render(header:rows:)`.
    public func csvText() -> String {
        CSVTable.render(header: header, rows: rows)
    }

    /// Checks that the table has the `required` columns and that every non-empty value in the
    /// `numeric` columns (those present) is a number.
    ///
    /// - Throws: `ScenarioError` naming the file, the column (as key path), the line and the
    ///   offending value.
    public func validate(required: [String], numeric: [String]) throws {
        for name in required where columnIndex(name) == nil {
            throw ScenarioError(
                file: source, keyPath: name, line: 1, expected: "a column named '\(name)' in the header",
                found: "columns \(header.joined(separator: ", "))")
        }
        for name in numeric {
            guard let column = columnIndex(name) else { continue }
            for row in rows.indices {
                _ = try number(row: row, column: column)
            }
        }
    }
}
