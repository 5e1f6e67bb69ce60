/// The component kinds: the one list of them, and the one place that switches over them.
///
/// Adding a kind is one folder under `Components/` (its spec, keys, model, faults, figures) and
/// one line in each of the two lists below: a case of ``AnyComponent`` and its line in
/// ``AnyComponent/accept(_:)``. The compiler then points at every other place (there is none:
/// the build goes through the spec's ``ComponentSpec/makeModel(in:index:)``).
enum AnyComponent {
    case instances(InstanceGroup)
    case alb(LoadBalancer)
    case sessionStore(SessionStore)
    case apiGateway(APIGateway)
    case sqs(MessageQueue)
    case sns(Topic)
    case httpEndpoint(HTTPEndpoint)
    case lambda(LambdaFunction)
    case autoscaling(AutoScaler)

    /// Calls `visitor` with the concrete model: the single exhaustive switch over the kinds.
    /// Specialised for each visitor, so a forwarded call is a jump table and a direct call, with
    /// no existential and no allocation.
    @inline(__always)
    func accept<V: ComponentVisitor>(_ visitor: V) -> V.Result {
        switch self {
        case .instances(let m): return visitor.visit(m)
        case .alb(let m): return visitor.visit(m)
        case .sessionStore(let m): return visitor.visit(m)
        case .apiGateway(let m): return visitor.visit(m)
        case .sqs(let m): return visitor.visit(m)
        case .sns(let m): return visitor.visit(m)
        case .httpEndpoint(let m): return visitor.visit(m)
        case .lambda(let m): return visitor.visit(m)
        case .autoscaling(let m): return visitor.visit(m)
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
    /// The model of this component for one replication (the first pass of the build).
    func makeModel(in sim: Simulation, index: Int32) -> AnyComponent
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
