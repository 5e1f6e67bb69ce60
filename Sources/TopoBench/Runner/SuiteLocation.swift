import Foundation

/// Where topobench looks for its suite files, so `suite` and `list` work from any folder.
///
/// In order: the `--suites DIR` flag; the `TOPOBENCH_SUITES` environment variable;
/// `Benchmarks/suites` under the current folder (a checkout of the repository); then next to the
/// executable, `../share/topobench/suites` (what `make install PREFIX=…` writes) and
/// `../../Benchmarks/suites` or `../../../Benchmarks/suites` (a binary built in a checkout's
/// `.build/release`, a link to `.build/<triple>/release`). The first folder
/// that exists is taken; when none does, `Benchmarks/suites` is returned and the error that
/// follows names it and the other places looked at (``searched``).
public enum SuiteLocation {
    /// The environment variable that names the suites' folder.
    public static let environmentVariable = "TOPOBENCH_SUITES"
    /// The folder of a checkout, relative to the current folder.
    public static let checkoutFolder = "Benchmarks/suites"

    /// The suites' folder: `flag` when given, otherwise the first of ``candidates(environment:executable:)`` that exists.
    public static func directory(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                 executable: String? = executablePath) -> String {
        if let flag { return flag }
        let places = candidates(environment: environment, executable: executable)
        var isDirectory: ObjCBool = false
        for place in places where FileManager.default.fileExists(atPath: place, isDirectory: &isDirectory) && isDirectory.boolValue {
            return place
        }
        return places.first ?? checkoutFolder
    }

    /// The places looked at, in order (the variable's only when it is set).
    public static func candidates(environment: [String: String], executable: String?) -> [String] {
        if let named = environment[environmentVariable], !named.isEmpty { return [named] }
        var out = [checkoutFolder]
        if let executable {
            let bin = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            out.append(bin.appendingPathComponent("../share/topobench/suites").standardizedFileURL.path)
            // .build/release/topobench, or the same resolved: .build/<triple>/release/topobench.
            out.append(bin.appendingPathComponent("../../Benchmarks/suites").standardizedFileURL.path)
            out.append(bin.appendingPathComponent("../../../Benchmarks/suites").standardizedFileURL.path)
        }
        return out
    }

    /// The running executable's path (Linux: `/proc/self/exe`; elsewhere the first argument).
    public static var executablePath: String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }

    /// The places a failed lookup names: "looked in …".
    public static var searched: String {
        let places = candidates(environment: ProcessInfo.processInfo.environment, executable: executablePath)
        return "looked in " + places.joined(separator: ", ") + "; set \(environmentVariable) or pass --suites DIR"
    }
}
