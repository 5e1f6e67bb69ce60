extension MapDeclaration {
    /// `kind: api_gateway`: an API Gateway stage.
    public static let apiGateway = MapDeclaration.component(
        "api_gateway", "An API Gateway stage: token-bucket throttling, the stage's limits on top of the account's bucket that every gateway of the topology shares (429 past either), and an integration timeout (504 past it).",
        keys: [
            KeyDeclaration("target", .reference(["instances", "alb", "lambda", "sqs", "sns"]), required: true, "The integration behind the API."),
            KeyDeclaration("rate", .rate(max: ScenarioLoader.Limits.maxRate), default: "10000/s", source: .aws("api_gateway.rate"), "The stage's steady-state throttling rate (the account's 10,000/s applies on top)."),
            KeyDeclaration("burst", .integer(1...1_000_000_000), default: "5000", source: .aws("api_gateway.burst"), "The stage's burst capacity (the account's 5,000 applies on top)."),
            KeyDeclaration("timeout", .duration(50 * Time.millisecond...300 * Time.second), default: "29s", source: .aws("api_gateway.timeout"), "Integration timeout."),
            KeyDeclaration("type", .choice(APIGatewayType.allCases.map(\.rawValue)), default: "rest", source: .assumption("a REST API, the kind the article's diagrams show"),
                           "rest (a REST API) or http (an HTTP API): what a request costs. The model's throttling and timeout are the same for both."),
            .region,
        ])
}
