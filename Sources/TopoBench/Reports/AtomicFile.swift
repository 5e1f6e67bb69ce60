import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Calls POSIX `write(2)`; a free function so that the name does not resolve to `AtomicFile.write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// An error of the report layer that is not about the content of an input file.
///
/// Problems *inside* an input file (a malformed CSV, a missing column, shards of different
/// scenarios) are `ScenarioError`s, which the CLI maps to exit code 65. `ReportError` covers the
/// rest: a bad command-line value (`badArgument`, exit 64), unusable input not located in one
/// file (`invalidInput`, exit 65), an output that cannot be written (`cannotWrite`), and a missing
/// external tool such as gnuplot (`toolUnavailable`, exit 69), and an external tool that failed
/// (`toolMissing`). `exitCode` says which code the CLI should use.
public struct ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// A command-line value is malformed (for example `--max-latency-regression ten`).
        case badArgument
        /// The input cannot be used, for a reason that is not located in one file (for example,
        /// no scenario to run); problems inside a file are `ScenarioError`s.
        case invalidInput
        /// An output folder or file could not be created or written.
        case cannotWrite
        /// An external program (gnuplot) could not be started or failed.
        case toolMissing
        /// An external program (gnuplot) is not installed: sysexits' EX_UNAVAILABLE, exit 69.
        case toolUnavailable
    }

    /// The category of the error.
    public var kind: Kind
    /// One or two lines for the user, naming the path or option concerned.
    public var message: String

    /// Creates an error of the given kind with a message for the user.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message, as printed by the CLI.
    public var description: String { message }

    /// The process exit code the CLI should use: 64 for a bad argument, 65 for invalid input,
    /// 69 for a program that is not installed, 70 otherwise.
    public var exitCode: Int32 {
        switch kind {
        case .badArgument: return 64
        case .invalidInput: return 65
        case .toolUnavailable: return 69
        case .cannotWrite, .toolMissing: return 70
        }
    }
}

/// Atomic file writes and checked output paths.
///
/// Every file the reports write goes through `AtomicFile.write(_:to:)`: the bytes go to a
/// temporary file in the destination folder, are flushed with `fsync`, and the temporary file is
/// renamed over the destination with `rename(2)`, which POSIX makes atomic within one file
/// system. A reader therefore sees the old file or the new one, never half of one, and an
/// interrupted run leaves at most a hidden `.*.tmp-*` file behind. `path(in:name:)` joins a folder
/// and a file name after checking that the name cannot escape the folder.
public enum AtomicFile {
    /// Joins `folder` and `name`, refusing any name that could point outside `folder`.
    ///
    /// `name` must be a single path component: not empty, not `.` or `..`, without `/` or NUL.
    /// - Throws: `ReportError.badArgument` for an unsafe name.
    public static func path(in folder: String, name: String) throws -> String {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0")
        else {
            throw ReportError(
                .badArgument, "refusing to write '\(name)': an output file name must be one plain path component")
        }
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Creates `folder` and its parents if they do not exist yet.
    ///
    /// - Throws: `ReportError.cannotWrite` when the folder cannot be created or a file of that
    ///   name is in the way.
    public static func createFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw ReportError(
                .cannotWrite, "cannot write to '\(folder)': a file of that name exists and is not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(.cannotWrite, "cannot create the folder '\(folder)': \(error.localizedDescription)")
        }
    }

    /// Writes `text` as UTF-8 to `folder/name` atomically.
    ///
    /// - Throws: `ReportError` for an unsafe name or a failed write.
    @discardableResult
    public static func write(_ text: String, folder: String, name: String) throws -> String {
        let destination = try path(in: folder, name: name)
        try write(Array(text.utf8), to: destination)
        return destination
    }

    /// Writes `bytes` to `destination` atomically (temporary file in the same folder, fsync, rename).
    ///
    /// The folder must exist. On failure the temporary file is removed and the destination is
    /// left as it was.
    /// - Throws: `ReportError.cannotWrite` naming the destination and the system's reason.
    public static func write(_ bytes: [UInt8], to destination: String) throws {
        let url = URL(fileURLWithPath: destination)
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let temporary = try path(
            in: folder, name: ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw ReportError(.cannotWrite, "cannot write '\(destination)': \(String(cString: strerror(errno)))")
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = posixWrite(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, destination) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw ReportError(.cannotWrite, "cannot write '\(destination)': \(failure)")
        }
    }

    /// Reads the file at `path` as bytes.
    ///
    /// - Throws: `ScenarioError` naming the file when it is missing or unreadable; `expected`
    ///   describes what the caller wanted there.
    static func readBytes(_ path: String, expected: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw ScenarioError(
                file: path, keyPath: "", expected: expected,
                found: exists ? "a file that cannot be read" : "no such file")
        }
        return [UInt8](data)
    }

    /// Whether `path` names an existing folder.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether `path` names an existing regular file (or anything that is not a folder).
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The names of the sub-folders of `folder`, sorted by byte order so listings are
    /// deterministic whatever the file system returns.
    static func subfolders(of folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && isFolder(folder + "/" + $0) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
