// The `lambda` kind as the loader reads it (keys: `LambdaDeclaration.swift`).

public struct LambdaSpec: Sendable {
    public var service: Distribution
    public var concurrency: Int
}


extension LambdaSpec {
    /// Reads a `lambda` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        return LambdaSpec(
            service: try ScenarioLoader.parseDistribution(try cm.required("service")).0,
            concurrency: try cm.int("concurrency", default: AwsDefaults.lambdaConcurrency) ?? AwsDefaults.lambdaConcurrency)
    }
}
