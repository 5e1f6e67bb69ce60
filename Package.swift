// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "topobench",
    products: [
        .executable(name: "topobench", targets: ["topobench"]),
        .library(name: "TopoBench", targets: ["TopoBench"]),
    ],
    dependencies: [
        // Command line: every command is a small type whose help text is the documentation.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Scenario files: YAML 1.2 (and JSON, its subset) with source marks for key-path errors.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Latency percentiles: HdrHistogram keeps a fixed footprint however many requests are recorded.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        // Tests only: generators for the property-based tests (conservation, determinism, calibration).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // GSL (mt19937 and the gsl_ran_* variates, Student-t quantiles). Installed by `make` via apt.
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(
            name: "TopoBench",
            dependencies: [
                "CGSL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: [
                // The event loop is single-threaded per replication and its state is never shared,
                // so the dynamic exclusivity checks only cost time on the hot path.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
                // Debug builds check the engine's and the models' tables after every event
                // (`_checkInvariants()`, as swift-collections' COLLECTIONS_INTERNAL_CHECKS);
                // release builds compile the checks out.
                .define("TOPOBENCH_INVARIANTS", .when(configuration: .debug)),
            ]
        ),
        .executableTarget(
            name: "topobench",
            dependencies: [
                "TopoBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TopoBenchTests",
            dependencies: [
                "TopoBench", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                // The command line's parsing (flags, `--format`, `topobench schema`) is tested
                // through its command types, without starting a process.
                "topobench", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Golden files and example scenarios are read from the source tree (#filePath), so
            // `TOPOBENCH_UPDATE_GOLDEN=1 make test` can rewrite them in place.
            exclude: ["Golden"],
            // The invariant tests exist where the library checks its invariants (debug).
            swiftSettings: [.define("TOPOBENCH_INVARIANTS", .when(configuration: .debug))]
        ),
    ],
    // Swift 6 language mode is the goal; GSL's generator pointers are not Sendable and each
    // replication owns its own, which the v5 checker accepts without unchecked wrappers.
    swiftLanguageModes: [.v5]
)
