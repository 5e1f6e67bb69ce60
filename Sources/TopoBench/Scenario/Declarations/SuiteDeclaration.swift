extension MapDeclaration {
    /// The top level of a suite file (`Benchmarks/suites/NAME.yaml`), read by ``SuiteSpec``.
    public static let suite = MapDeclaration(
        "suite", "A benchmark suite: scenario files run together, and what --quick does to them.",
        keys: [
            KeyDeclaration("name", .name, default: .described("the file's name without its extension"), "Names the suite's result folder."),
            KeyDeclaration("description", .text, default: "", "One line about the suite."),
            KeyDeclaration("scenarios", .list(.text, minItems: 1), required: true, "Scenario files, relative to the suite file."),
            KeyDeclaration("topologies", .anyOf([.map(.topologies), .text]), default: .described("none: each scenario has its own"),
                           "The topologies of every scenario of the suite, once: a map of them, or a file that holds that map. A scenario without topologies takes them all; topologies: [a, b] picks some; its own map overrides them."),
            KeyDeclaration("quick", .map(.suiteQuick), default: .described("scale 0.1, 3 replications"), nullable: true, "What --quick does."),
        ])

    /// `quick` of a suite file.
    public static let suiteQuick = MapDeclaration(
        "suite.quick", "What `topobench suite --quick` does: shorter runs, fewer replications.",
        keys: [
            KeyDeclaration("scale", .number(0.0001...1), default: "0.1", source: .assumption("a tenth of each duration"), "Factor applied to durations, warm-ups and scheduled faults."),
            KeyDeclaration("replications", .integer(1...ScenarioLoader.Limits.maxReplications), default: "3", source: .assumption("enough for an interval"), "Replications per topology."),
        ])
}
