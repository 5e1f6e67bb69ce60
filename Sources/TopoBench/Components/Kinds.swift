/// The component kinds: the one list of them, and the one place that switches over them.
///
/// Adding a kind is one folder under `Components/` (its spec, keys, model, faults, figures) and
/// one line in each of the two lists below: a case of ``AnyComponent`` and its line in
/// ``AnyComponent/accept(_:)``. The compiler then points at every other place (there is none:
/// the build goes through the spec's ``ComponentSpec/makeModel(in:index:)``).
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
    /// The kind's name, as `kind:` takes it.
    static var kindName: String { get }
    /// The components this one sends work to (calls, targets, subscribers, consumers): the
    /// loader refuses a topology in which they form a circle.
    var edges: [Int] { get }
    /// How many instances (or nodes) a fault with `instance: N` may name.
    var faultTargetCount: Int { get }
    /// The EC2 instances this component runs, made before any model so that every kind that
    /// routes to, consumes on or scales them holds them from its initialiser (nil: none).
    func makeFleet(index: Int32) -> Fleet?
    /// The model of this component for one replication (the first pass of the build). The
    /// model goes to `owner`, which keeps it alive; the returned case refers to it unmanaged.
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent
}

extension ComponentSpec {
    func makeFleet(index: Int32) -> Fleet? { nil }
    var edges: [Int] { [] }
    var faultTargetCount: Int { 1 }
}

extension Component {
    /// The kind's name (`instances`, `alb`, …).
    public var kindName: String { type(of: kind.spec).kindName }
}

extension ComponentKind {
    /// The loader's spec as a ``ComponentSpec`` (the registration of each kind's spec type).
    var spec: any ComponentSpec {
        switch self {
        case .instances(let s): s
        case .alb(let s): s
        case .sessionStore(let s): s
        case .apiGateway(let s): s
        case .sqs(let s): s
        case .sns(let s): s
        case .httpEndpoint(let s): s
        case .lambda(let s): s
        case .autoscaling(let s): s
        }
    }
}
