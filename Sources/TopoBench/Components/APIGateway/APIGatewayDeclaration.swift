extension MapDeclaration {
    /// `kind: api_gateway`: an API Gateway stage.
    public static let apiGateway = MapDeclaration.component(
        "api_gateway", "An API Gateway stage: token-bucket throttling (429 past it) and an integration timeout (504 past it).",
        keys: [
            KeyDeclaration("target", .reference(["instances", "alb", "lambda", "sqs", "sns"]), required: true, "The integration behind the API."),
            KeyDeclaration("rate", .rate(max: ScenarioLoader.Limits.maxRate), default: "10000/s", source: .aws("api_gateway.rate"), "Steady-state throttling rate."),
            KeyDeclaration("burst", .integer(1...1_000_000_000), default: "5000", source: .aws("api_gateway.burst"), "Burst capacity of the token bucket."),
            KeyDeclaration("timeout", .duration(50 * Time.millisecond...300 * Time.second), default: "29s", source: .aws("api_gateway.timeout"), "Integration timeout."),
        ])
}
