/// The component kinds: the one list of them.
///
/// Each kind is a folder `Components/<Kind>/` whose spec type conforms to ``ComponentSpec``: its
/// keys (one self-contained ``MapDeclaration``, made with
/// ``MapDeclaration/component(_:_:keys:alternatives:)``), its reader and its model. A new kind is
/// its folder plus its line in ``specs`` (and its case in ``AnyComponent``, which the compiler
/// asks for); the loader, `topobench list` and `topobench schema` take the kinds from here.
public enum ComponentKinds {
    /// Every kind's spec type, in the order `topobench list` shows them.
    static let specs: [any ComponentSpec.Type] = [
        InstancesSpec.self, LoadBalancerSpec.self, APIGatewaySpec.self, QueueSpec.self, TopicSpec.self,
        HTTPEndpointSpec.self, LambdaSpec.self, SessionStoreSpec.self, AutoscalingSpec.self, DatabaseSpec.self,
        Route53Spec.self,
    ]

    /// The kinds a topology's `entry:` may name: those that answer the clients' requests
    /// (a new kind that does adds its line here too).
    static let entrySpecs: [any ComponentSpec.Type] = [
        InstancesSpec.self, LoadBalancerSpec.self, APIGatewaySpec.self, QueueSpec.self, TopicSpec.self,
        LambdaSpec.self, Route53Spec.self,
    ]
    public static let entryKinds: [String] = entrySpecs.map { $0.declaration.name }

    /// Every kind's keys, in the same order.
    public static let all: [MapDeclaration] = specs.map { $0.declaration }

    /// The kind names (`instances`, `alb`, …), as `kind:` takes them.
    public static let names: [String] = all.map(\.name)

    /// How each kind's keys are read into its spec (the reader lives in the kind's folder).
    static let readers: [String: (MapReader, TopologyReading) throws -> ComponentKind] = Dictionary(
        uniqueKeysWithValues: specs.map { spec in (spec.kindName, { ComponentKind(try spec.read($0, in: $1)) }) })
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

extension KeyDeclaration {
    /// `region:` of a regional managed service (SQS, SNS, API Gateway, Lambda).
    static let region = KeyDeclaration(
        "region", .text, default: .described("the scenario's region"),
        "The region the service is in (such as us-west-2): a region outage there cuts it off.")
}
