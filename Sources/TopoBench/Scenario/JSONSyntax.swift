/// The first syntax error of a JSON text (RFC 8259), by line and column.
///
/// Scenario files are read by a YAML parser, which takes JSON too but reports its mistakes in
/// YAML's terms ("did not find expected ',' or '}'" or, for a trailing comma, nothing at all). A
/// file named `.json`, or one that starts with `{` and fails to parse, is checked here first, so
/// its error says what JSON expected where. Only the syntax is checked; the values are read as
/// YAML reads them.
enum JSONSyntax {
    /// A syntax error: 1-based line and column (in characters), and what was expected.
    struct Problem: Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    /// The first syntax error of `text`, or `nil` for valid JSON (or nesting too deep to check
    /// here, which the YAML reader then refuses with its own limit).
    static func firstProblem(in text: String) -> Problem? {
        var scanner = Scanner(bytes: Array(text.utf8))
        do {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if !scanner.atEnd { throw scanner.problem("expected the end of the document after the top-level value") }
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return nil
        }
    }

    private struct TooDeep: Error {}

    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0
        var line = 1
        var column = 1

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { offset >= bytes.count }
        var current: UInt8? { atEnd ? nil : bytes[offset] }

        /// What is at the current position, for "found …".
        var found: String {
            guard let byte = current else { return "the end of the file" }
            switch byte {
            case UInt8(ascii: "\t"): return "a tab"
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return "the end of the line"
            default:
                var end = offset + 1
                while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                return "'" + String(decoding: bytes[offset..<end], as: UTF8.self) + "'"
            }
        }

        func problem(_ expected: String) -> Problem {
            Problem(line: line, column: column, message: expected + "; found " + found)
        }

        mutating func advance() {
            guard let byte = current else { return }
            offset += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
        }

        mutating func literal(_ word: String) throws {
            for expected in word.utf8 {
                guard current == expected else { throw problem("expected a value (an object, a list, a string, a number, true, false or null)") }
                advance()
            }
        }

        mutating func value(depth: Int) throws {
            if depth > ScenarioDocument.maxDepth { throw TooDeep() }
            let byte = current ?? 0  // 0: the end (a NUL is no value either)
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), 0x30...0x39: try number()
            case UInt8(ascii: "'"): throw problem("expected a value; JSON strings are in double quotes")
            default: throw problem("expected a value (an object, a list, a string, a number, true, false or null)")
            }
        }

        mutating func object(depth: Int) throws {
            advance()  // {
            skipSpace()
            if current == UInt8(ascii: "}") { return advance() }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw problem(current == UInt8(ascii: "}") ? "expected a key in double quotes (JSON allows no comma before '}')" : "expected a key in double quotes")
                }
                try string()
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw problem("expected ':' after the key") }
                advance()
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    advance()
                    skipSpace()
                    continue
                }
                guard current == UInt8(ascii: "}") else { throw problem("expected ',' or '}' after a value in an object") }
                return advance()
            }
        }

        mutating func array(depth: Int) throws {
            advance()  // [
            skipSpace()
            if current == UInt8(ascii: "]") { return advance() }
            while true {
                if current == UInt8(ascii: "]") { throw problem("expected a value (JSON allows no comma before ']')") }
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") {
                    advance()
                    skipSpace()
                    continue
                }
                guard current == UInt8(ascii: "]") else { throw problem("expected ',' or ']' after a value in a list") }
                return advance()
            }
        }

        mutating func string() throws {
            advance()  // "
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""): return advance()
                case UInt8(ascii: "\\"):
                    advance()
                    guard let escaped = current, "\"\\/bfnrtu".utf8.contains(escaped) else {
                        throw problem("expected an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)")
                    }
                    advance()
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let hex = current, (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                                throw problem("expected four hexadecimal digits after \\u")
                            }
                            advance()
                        }
                    }
                case 0x00..<0x20:
                    throw problem("expected the closing '\"' of the string (a string cannot hold a line break or a control character; write \\n)")
                default: advance()
                }
            }
            throw problem("expected the closing '\"' of the string")
        }

        mutating func number() throws {
            if current == UInt8(ascii: "-") { advance() }
            func digits(_ scanner: inout Scanner) -> Int {
                var count = 0
                while let byte = scanner.current, byte >= 0x30 && byte <= 0x39 {
                    scanner.advance()
                    count += 1
                }
                return count
            }
            if current == UInt8(ascii: "0") {
                advance()
            } else if digits(&self) == 0 {
                throw problem("expected a digit")
            }
            if current == UInt8(ascii: ".") {
                advance()
                if digits(&self) == 0 { throw problem("expected a digit after the decimal point") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                advance()
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
                if digits(&self) == 0 { throw problem("expected a digit in the exponent") }
            }
        }
    }
}

extension JSONSyntax.Problem: Error {}
