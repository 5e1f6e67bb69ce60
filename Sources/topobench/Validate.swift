import ArgumentParser
import Foundation
import TopoBench

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Runs the analytic validation cases and compares them with exact results.",
        discussion: """
            M/M/1 and M/M/c waiting time (Erlang C), M/D/1 and M/G/1 with lognormal service \
            (Pollaczek–Khinchine), M/M/c/c blocking (Erlang B), one instance with exponential \
            failures and repairs (MTBF/(MTBF+MTTR)), and n instances behind an ALB (all down). \
            Each case is a scenario run through the normal path. A case passes when the exact \
            value is inside the simulated 95 % interval and the relative error is under 2 %; \
            exit 1 if any fails.
            """)

    @Option(help: "Replications per case (default: the case's own, 10).")
    var replications: Int?

    @Option(help: "Run only the named case(s).")
    var `case`: [String] = []

    @Option(help: ArgumentHelp("Write the cases' scenario files to DIR and exit.", valueName: "DIR"))
    var writeCases: String?

    @Option(help: "Replications run at once (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if let r = replications, r < 2 || r > 100_000 { throw ValidationError("--replications takes 2 to 100000 (an interval needs 2); got \(r)") }
        let names = ValidationSuite.cases.map(\.name)
        for c in `case` where !names.contains(c) {
            throw ValidationError("unknown case '\(c)'; cases: \(names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try guarded {
            if let dir = writeCases {
                try AtomicFile.createFolder(dir)
                for c in ValidationSuite.cases { print(try AtomicFile.write(c.scenario + "\n", folder: dir, name: c.name + ".yaml")) }
                return
            }
            let selected = ValidationSuite.cases.filter { `case`.isEmpty || `case`.contains($0.name) }
            var results: [ValidationResult] = []
            for c in selected {
                results.append(try ValidationSuite.run(c, replications: replications, jobs: jobs))
            }
            print(ValidationSuite.render(results), terminator: "")
            let failed = results.filter { !$0.passed }.count
            print(failed == 0 ? "all \(results.count) cases passed" : "\(failed) of \(results.count) cases failed")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lists suites, built-in scenarios, component kinds, distributions, fault kinds, AWS defaults and AWS prices.")

    @Option(name: .customLong("suites"), help: ArgumentHelp(
        "Folder of suite files (default: $TOPOBENCH_SUITES, ./Benchmarks/suites, or the one installed beside the binary).",
        valueName: "DIR"))
    var suitesFlag: String?

    var suites: String { SuiteLocation.directory(flag: suitesFlag) }

    func run() throws {
        try guarded {
            let folder = suites
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                print("Suites (\(folder)):")
                for s in SuiteSpec.available(in: folder) { print("  \(s)") }
            } else {
                print("Suites: none found (\(SuiteLocation.searched))")
            }
            let examples = (suites as NSString).appendingPathComponent("examples")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            if !files.isEmpty {
                print("\nExample scenarios (\(examples)):")
                for f in files { print("  \(f)") }
            }
            print("\nBuilt-in validation scenarios (topobench validate --write-cases DIR):")
            for c in ValidationSuite.cases { print("  \(c.name): \(c.quantity)") }
            print("\nComponent kinds:")
            for k in ScenarioLoader.componentKinds { print("  \(k)") }
            print("\nDistributions (dist:):")
            print("  " + ScenarioLoader.distributionNames.joined(separator: ", "))
            print("\nFault kinds:")
            print("  " + FaultSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            print("  AWS FIS action names accepted as kinds:")
            for (name, kind) in ScenarioLoader.fisActions.sorted(by: { $0.key < $1.key }) { print("    \(name) → \(kind.rawValue)") }
            print("\nAWS defaults (each overridable in a scenario file):")
            for e in AwsDefaults.table { print("  \(e.key) = \(e.value)  — \(e.source)") }
            let prices = PriceList.usEast1
            print("\nAWS prices (\(prices.region), on demand, first paid tier, free tiers ignored; a scenario's pricing: { file } replaces any):")
            for key in prices.sortedKeys {
                let p = prices.price(key)
                let per = p.per == 1 ? p.unit : (p.per == 1_000_000 ? "million " : NumberFormat.format(p.per) + " ") + p.pluralUnit
                print("  \(key) = $\(NumberFormat.format(p.usd)) per \(per)  — \(p.source), read \(p.read)")
            }
        }
    }
}
