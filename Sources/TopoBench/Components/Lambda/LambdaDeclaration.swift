extension MapDeclaration {
    /// `kind: lambda`: a Lambda function.
    public static let lambda = MapDeclaration.component(
        "lambda", "A Lambda function: a service time and a concurrency limit.",
        keys: [
            KeyDeclaration("service", .timeDistribution, required: true, "Duration of one invocation."),
            KeyDeclaration("concurrency", .integer(1...ScenarioLoader.Limits.maxWorkers), default: "1000", source: .aws("lambda.concurrency"), "Invocations at once."),
        ])
}
