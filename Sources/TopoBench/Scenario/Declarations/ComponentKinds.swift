/// The component kinds: the one list of them.
///
/// Each kind's keys are one self-contained ``MapDeclaration`` in a file of its own
/// (`Declarations/<Kind>.swift`, later `Components/<Kind>/`), made with
/// ``MapDeclaration/component(_:_:keys:alternatives:)``. A new kind is its file plus one entry in
/// ``all``; the loader, `topobench list` and `topobench schema` take the kinds from here.
public enum ComponentKinds {
    /// Every kind, in the order `topobench list` shows them.
    public static let all: [MapDeclaration] = [
        .instances, .alb, .apiGateway, .sqs, .sns, .httpEndpoint, .lambda, .sessionStore, .autoscaling,
    ]

    /// The kind names (`instances`, `alb`, …), as `kind:` takes them.
    public static let names: [String] = all.map(\.name)

    /// How each kind's keys are read into its spec (the reader lives in the kind's folder).
    static let readers: [String: (MapReader, TopologyReading) throws -> ComponentKind] = [
        "instances": InstancesSpec.read, "alb": LoadBalancerSpec.read, "api_gateway": APIGatewaySpec.read,
        "sqs": QueueSpec.read, "sns": TopicSpec.read, "http_endpoint": HTTPEndpointSpec.read, "lambda": LambdaSpec.read,
        "session_store": SessionStoreSpec.read, "autoscaling": AutoscalingSpec.read,
    ]
}

extension Variants {
    /// A component, whose `kind` picks its keys.
    public static let component = Variants(
        "component", "A component of a topology; its kind decides its keys.", discriminator: "kind",
        cases: ComponentKinds.all.map { Variant(names: [$0.name], declaration: $0) })
}

extension MapDeclaration {
    /// The declaration of a component kind: `kind: <name>` followed by the kind's own keys.
    static func component(
        _ kind: String, _ summary: String, keys: [KeyDeclaration], alternatives: [[[String]]] = []
    ) -> MapDeclaration {
        MapDeclaration(
            kind, summary,
            keys: [KeyDeclaration("kind", .choice([kind]), required: true, "The component's kind.")] + keys,
            alternatives: alternatives)
    }
}
