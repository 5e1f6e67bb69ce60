/// Amazon API Gateway in front of one integration.
///
/// Throttling is a token bucket, "a token counts for a request" (API Gateway Developer Guide,
/// "Throttle requests to your REST APIs"), at two levels: the account's bucket in the Region
/// (10,000 requests per second, burst 5,000 in us-east-1), which every gateway of the topology
/// shares, and the stage's own limits on top (`rate` and `burst`: `burst` tokens at most,
/// refilled at `rate` per second). A request must find a token in both, else it gets 429 at
/// once and is not queued (and takes no token). The integration timeout is 29 s by default,
/// after which the client gets 504.
final class APIGateway: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: APIGatewaySpec
    let streams: ComponentStreams
    /// The stage's throttle.
    var stage: TokenBucket
    var timeoutList: Int32 = -1
    var errorProbability: Double = 0
    var errorStatus: CallStatus = .serverError
    var throttledCount = 0
    /// Requests that passed both throttles.
    var passed = 0
    /// Requests that passed both throttles while the run measured (a throttled request is not billed).
    var billedRequests = 0

    init(_ sim: Simulation, index: Int32, spec: APIGatewaySpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        streams = sim.componentStreams[Int(index)]
        stage = TokenBucket(rate: spec.rate, capacity: Double(spec.burst))
    }

    func start() {
        timeoutList = sim.makeTimeoutList(.calls(component: index), delay: spec.timeout)
    }

    func receive(call: Int32, after carry: SimTime) {
        stage.refill(at: sim.now)
        sim.components.services.apiGatewayAccount.refill(at: sim.now)
        guard stage.hasToken && sim.components.services.apiGatewayAccount.hasToken else {
            throttledCount += 1
            sim.reply(call, .throttled)
            return
        }
        stage.take()
        sim.components.services.apiGatewayAccount.take()
        passed += 1
        if sim.metrics.measuring { billedRequests &+= 1 }
        if errorProbability > 0 && streams.misc.uniform() < errorProbability {
            sim.reply(call, errorStatus)
            return
        }
        sim.calls[Int(call)].phase = .forwarded
        let child = sim.newCall(
            callee: Int32(spec.target), caller: index, parent: call,
            request: sim.calls[Int(call)].request, user: sim.calls[Int(call)].user, origin: sim.calls[Int(call)].origin)
        sim.calls[Int(call)].child = child
        sim.timeoutAppend(call: child, list: timeoutList)
        sim.send(child, fromZone: -1, toZone: sim.components.zone(ofCallTo: spec.target, call: child), sender: index)
    }

    func childAnswered(call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {
        sim.reply(call, status == .refused ? .badGateway : status)
    }

    func childTimedOut(call: Int32, child: Int32, connect: Bool) {
        sim.reply(call, .gatewayTimeout)
    }

    func apply(_ f: FaultSpec, instance: Int, starting: Bool) {
        errorProbability = starting ? f.probability : 0
        errorStatus = CallStatus(faultCode: f.errorCode)
    }
}

extension APIGatewaySpec: ComponentSpec {
    static var declaration: MapDeclaration { .apiGateway }
    static var faultKinds: Set<FaultSpec.Kind> { [.errors, .partition, .zoneOutage] }
    var edges: [Int] { [target] }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = APIGateway(sim, index: index, spec: self)
        owner.append(model)
        return .apiGateway(.passUnretained(model))
    }
}
