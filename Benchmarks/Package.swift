// swift-tools-version: 6.1
import PackageDescription

// The engine's speed benchmarks (ordo-one/benchmark). A package of its own, depending on the
// repository root by path, so `make test` never builds the benchmark harness. Run with
// `swift package --disable-sandbox benchmark` from this folder (README.md).
let package = Package(
    name: "TopoBenchBenchmarks",
    dependencies: [
        // The package identity of a path dependency is its folder name, which depends on where the
        // repository was cloned; `name:` gives the product reference a stable name.
        .package(name: "topobench", path: ".."),
        // Only the MallocInterposer trait (malloc counters on Swift 6.3). The other default trait,
        // RuntimeInterposer (ARC counters on Linux with Swift 6.3), needs swift-runtime-interposer,
        // which the package mirror does not carry; peakMemoryResident needs neither (/proc sampling).
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Loads and runs the scenario files of reference/ through the public scenario path.
        .target(
            name: "ReferenceScenarios",
            dependencies: [.product(name: "TopoBench", package: "topobench")],
            path: "Support/ReferenceScenarios"
        ),
        // Runs one workload without the harness, for valgrind --tool=callgrind (README.md).
        .executableTarget(
            name: "Profile",
            dependencies: [.product(name: "TopoBench", package: "topobench"), "ReferenceScenarios"],
            path: "Support/Profile"
        ),
    ]
)

/// One benchmark executable per concern; the plugin finds them under `Benchmarks/<Target>/`.
/// HoldModel drives `EventQueue` directly; Scenarios and Memory run reference/*.yaml.
for (name, usesScenarios) in [("HoldModel", false), ("Scenarios", true), ("Memory", true)] {
    package.targets.append(
        .executableTarget(
            name: name,
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TopoBench", package: "topobench"),
            ] + (usesScenarios ? ["ReferenceScenarios"] : []),
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}
