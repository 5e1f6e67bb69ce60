/// The component kinds: the one place that switches over them.
///
/// Adding a kind is one folder under `Components/` (its spec, keys, reader, model, faults,
/// figures), its spec type's line in ``ComponentKinds/specs`` (which the loader, `list` and
/// `schema` read), and its case of ``AnyComponent`` with its line in ``AnyComponent/accept(_:)``
/// (the spec's ``ComponentSpec/makeModel(in:index:owner:)`` returns that case, so the compiler
/// asks for both). Nothing else names a kind.
///
/// The cases hold unmanaged references: the ``ComponentTable`` owns the models (for the
/// simulation's lifetime), and a dispatched call borrows its model without reference counting.
enum AnyComponent {
    case instances(Unmanaged<InstanceGroup>)
    case alb(Unmanaged<LoadBalancer>)
    case sessionStore(Unmanaged<SessionStore>)
    case apiGateway(Unmanaged<APIGateway>)
    case sqs(Unmanaged<MessageQueue>)
    case sns(Unmanaged<Topic>)
    case httpEndpoint(Unmanaged<HTTPEndpoint>)
    case lambda(Unmanaged<LambdaFunction>)
    case autoscaling(Unmanaged<AutoScaler>)
    case route53(Unmanaged<Route53>)
    case database(Unmanaged<Database>)

    /// Calls `visitor` with the concrete model: the single exhaustive switch over the kinds.
    /// Specialised for each visitor, so a forwarded call is a jump table and a direct call, with
    /// no existential, no allocation and no reference counting.
    @inline(__always)
    func accept<V: ComponentVisitor>(_ visitor: V) -> V.Result {
        switch self {
        case .instances(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .alb(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .sessionStore(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .apiGateway(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .sqs(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .sns(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .httpEndpoint(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .lambda(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .autoscaling(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .route53(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        case .database(let m): return m._withUnsafeGuaranteedRef { visitor.visit($0) }
        }
    }
}

/// An operation forwarded to a component's model, generic over the model's type.
protocol ComponentVisitor {
    associatedtype Result
    func visit<Model: ComponentModel>(_ model: Model) -> Result
}

/// A component spec from the loader knows which model it builds.
protocol ComponentSpec: Sendable {
    /// The kind's keys (`<Kind>Declaration.swift`), which the loader, `list` and `schema` use.
    static var declaration: MapDeclaration { get }
    /// Reads a component of this kind (its keys are known to be declared ones).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self
    /// The components this one sends work to (calls, targets, subscribers, consumers): the
    /// loader refuses a topology in which they form a circle.
    var edges: [Int] { get }
    /// How many instances (or nodes) a fault with `instance: N` may name.
    var faultTargetCount: Int { get }
    /// The fault kinds that act on this kind; a fault of another kind that targets it acts on
    /// nothing, which the run reports (``Topology/whyIgnored(_:)``).
    static var faultKinds: Set<FaultSpec.Kind> { get }
    /// The zones its instances or nodes are in (empty: a regional service, which a zone outage
    /// does not take down by itself).
    var zones: [Int] { get }
    /// The region a regional service names with `region:` (nil: none named).
    var region: Int? { get }
    /// The region the component is in: its `region:`, that of its first zone, or the scenario's.
    func region(in topology: Topology) -> Int
    /// Why this component cannot take fault `f` at all (what was expected, and what it is), which
    /// the loader reports as an error of the fault's `target`; nil when it can (or when the
    /// fault merely acts on nothing, which ``Topology/whyIgnored(_:)`` reports).
    func refusal(of f: FaultSpec) -> (expected: String, found: String)?
    /// The group whose instances this component allocates, and how many at most (an instance
    /// group: itself and its count; auto scaling: its group and `max`), for the loader's bound.
    func instancesClaimed(index: Int) -> (group: Int, count: Int)?
    /// The queue pollers this component runs as an SQS consumer, given the queue's `pollers`.
    func consumerPollers(perInstance pollers: Int?) -> Int
    /// The pollers a queue of this kind runs on its consumers (0 for any other kind).
    func queuePollers(in components: [Component]) -> Int
    /// The instance group this component scales (at most one scaler per group).
    var scaledGroup: Int? { get }
    /// The EC2 instances this component runs, made before any model so that every kind that
    /// routes to, consumes on or scales them holds them from its initialiser (nil: none).
    func makeFleet(index: Int32) -> Fleet?
    /// Whether the component pays for data it sends to or receives from another zone of its
    /// region (EC2 instances, ElastiCache nodes and RDS instances do; an ALB, whose cross-zone
    /// traffic to its targets is free, and the regional services do not).
    static var billsZonalTransfer: Bool { get }
    /// The keys of the prices the component's bill may use (a pricing file for another region
    /// than us-east-1 must give each of them).
    func priceKeys(in topology: Topology) -> [String]
    /// The model of this component for one replication (the first pass of the build). The
    /// model goes to `owner`, which keeps it alive; the returned case refers to it unmanaged.
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent
}

extension ComponentSpec {
    /// The kind's name, as `kind:` takes it.
    static var kindName: String { declaration.name }
    func makeFleet(index: Int32) -> Fleet? { nil }
    func instancesClaimed(index: Int) -> (group: Int, count: Int)? { nil }
    func consumerPollers(perInstance pollers: Int?) -> Int { 0 }
    func queuePollers(in components: [Component]) -> Int { 0 }
    var scaledGroup: Int? { nil }
    static var billsZonalTransfer: Bool { false }
    func priceKeys(in topology: Topology) -> [String] { [] }
    var edges: [Int] { [] }
    var faultTargetCount: Int { 1 }
    /// Every component can be cut off by a partition or sit in a zone that loses power.
    static var faultKinds: Set<FaultSpec.Kind> { [.partition, .zoneOutage] }
    var zones: [Int] { [] }
    var region: Int? { nil }
    func region(in topology: Topology) -> Int { region ?? zones.first.map(topology.region(ofZone:)) ?? 0 }
    func refusal(of f: FaultSpec) -> (expected: String, found: String)? { nil }
}

extension Component {
    /// The kind's name (`instances`, `alb`, …).
    public var kindName: String { type(of: kind.spec).kindName }
}

/// A component's kind: its spec, as the loader read it.
///
/// The spec's type is the kind (``ComponentKinds/specs``); code that needs one kind's keys
/// asks for that type (`kind.spec as? InstancesSpec`) instead of switching over the kinds.
public struct ComponentKind: Sendable {
    let spec: any ComponentSpec

    init(_ spec: any ComponentSpec) { self.spec = spec }

    /// The kind's name (`instances`, `alb`, …).
    public var name: String { type(of: spec).kindName }
}
