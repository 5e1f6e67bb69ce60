// The `api_gateway` kind as the loader reads it (keys: `APIGatewayDeclaration.swift`).

public struct APIGatewaySpec: Sendable {
    public var target: Int
    public var rate: Double
    public var burst: Int
    public var timeout: SimTime
    public var region: Int?
    public var type: APIGatewayType = .rest
}

/// Which API Gateway product: REST APIs and HTTP APIs are priced apart.
public enum APIGatewayType: String, Sendable, CaseIterable { case rest, http }


extension APIGatewaySpec {
    /// Reads an `api_gateway` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        guard let target = try t.ref(cm, "target") else {
            throw cm.reader.error(expected: "'target': the integration behind the API", suggestion: "target")
        }
        let rate = try cm.rate("rate", default: AwsDefaults.apiRate) ?? AwsDefaults.apiRate
        return APIGatewaySpec(
            target: target, rate: rate, burst: try cm.int("burst", default: AwsDefaults.apiBurst) ?? AwsDefaults.apiBurst,
            timeout: try cm.duration("timeout", default: AwsDefaults.apiTimeout) ?? AwsDefaults.apiTimeout,
            region: try t.region(cm),
            type: APIGatewayType(rawValue: try cm.choice("type", default: "rest") ?? "rest") ?? .rest)
    }
}
