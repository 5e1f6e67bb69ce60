/// What every component kind implements: how calls reach it, its timers, how faults act on it,
/// what it tells about itself, and whom it listens to.
///
/// One model object per component of a topology, built from the kind's spec when a replication
/// starts (``ComponentTable/build(_:)``) and owning its own state. The engine reaches a model only
/// through ``AnyComponent``, which forwards with static calls. Every requirement has a default
/// below, so a kind implements only what it does.
///
/// Models never call each other's internals. One kind hears about another through the engine's
/// calls and answers, through ``Lifecycle`` notifications about instances, through the group's
/// ``Fleet``, and through the services below that some kinds offer others (a session store, an
/// SNS subscription, an SQS consumer), reached by component index through the same dispatch as
/// everything else: no existential is held or created for them.
protocol ComponentModel: AnyObject {
    /// The component's index in its topology.
    var index: Int32 { get }
    /// The replication it belongs to (held `unowned(unsafe)`: the simulation owns its models).
    var sim: Simulation { get }

    /// A component that adds no processing time of its own handles a call when it is sent, and
    /// an answer to a call it forwarded when that answer is sent (saving two events per pass).
    static var handlesCallsAsSent: Bool { get }

    /// Resolves references to other components and subscribes to their notifications (the
    /// second pass of the build, after every model exists).
    func link()
    /// Schedules the component's first events (health checks, pollers, status checks).
    func start()

    /// A call reaches the component (`carry`: the time until it really arrives, for a component
    /// that handles calls as they are sent; 0 otherwise).
    func receive(call: Int32, after carry: SimTime)
    /// The answer to a call it made while serving `call` arrives.
    func childAnswered(call: Int32, child: Int32, status: CallStatus, after carry: SimTime)
    /// Its wait for `child` ended without an answer (the edge's timeout, or a connect timeout).
    func childTimedOut(call: Int32, child: Int32, connect: Bool)
    /// The answer to a call it made on its own account (not while serving one) arrives.
    func ownCallAnswered(call: Int32, status: CallStatus)
    func ownCallTimedOut(call: Int32)
    /// One of its own events fires (scheduled with ``Simulation/scheduleTimer(after:for:code:slot:gen:)``).
    func timer(_ code: UInt8, slot: Int32, gen: UInt32)
    /// The zone a call to this component lands in; a component of several instances picks the
    /// instance here (sets the call's `instance`). -1 for a regional service.
    func zone(forCall call: Int32) -> Int8
    /// The zone a client's request to it starts in, when it is a topology's entry.
    var entryZone: Int8 { get }

    /// How many instances (or nodes) a fault with `instance: N` may name.
    var faultTargets: Int { get }
    /// A fault on this component begins or ends (`instance` -1: all of them).
    func apply(_ fault: FaultSpec, instance: Int, starting: Bool)
    /// A zone loses power (`on` false) or gets it back.
    func zonePower(_ zone: Int, on: Bool)

    /// Something happened to instance `instance` of the group `group` (this component itself
    /// when it owns the fleet, or a group it subscribed to).
    func lifecycle(_ event: Lifecycle, group: Int32, instance: Int, answer: inout LifecycleAnswer)

    /// Adds its share to the time series' state sample.
    func observe(_ sample: inout StateSample)
    /// Work that the end of the run should wait for (messages queued, deliveries pending).
    var hasBackgroundWork: Bool { get }
    /// The end of the replication.
    func finish()
    /// Adds what the component cost in the measured window (its usage, priced), after
    /// ``finish()``. Usage is counted by the model as the run goes, never estimated afterwards.
    func bill(_ bill: inout Bill)
    /// Checks the model's own lists and counts (debug builds call it after every event; see
    /// `Simulation+Invariants.swift`).
    func checkInvariants()

    // MARK: as the target of a DNS record (Route 53)
    /// Whether the component (its instance `instance`; -1: as a whole) is healthy now, seen from
    /// outside: a Route 53 health checker's HTTP probe passes (`evaluatingTarget` false), or,
    /// for an alias record that evaluates target health, the target's own view of its health.
    func dnsHealth(instance: Int, evaluatingTarget: Bool) -> Bool

    // MARK: as a session store (`sessions: <store>` of an instances group)
    /// Reads (and refreshes) a user's session on behalf of an instance in `zone`.
    func readSession(user: Int32, fromZone zone: Int8, sender: Int32) -> SessionReadResult

    // MARK: as an SNS subscription's endpoint (SQS, Lambda, HTTP/S)
    /// Takes a new message (already in the ``MessageBook``) from the topic `sender`, or refuses
    /// it: the status the delivery attempt gets (`.ok`: taken; otherwise the message stays the
    /// topic's, to retry or give up).
    func accept(message m: Int32, from sender: Int32) -> CallStatus
    /// Keeps a message moved to it as an SNS subscription's dead-letter queue (an SQS queue).
    func storeDeadLetter(_ m: Int32)

    // MARK: as a queue whose backlog a scaling policy tracks (SQS)
    /// Messages visible now (CloudWatch's ApproximateNumberOfMessagesVisible).
    var backlog: Int { get }

    // MARK: as the consumers of an SQS queue (instances, Lambda)
    /// Consumer instances (pollers are per instance; a Lambda function is one).
    var consumerInstances: Int { get }
    /// How the consumer polls: pollers per instance given the queue's `pollers` key (nil: not
    /// set), whether they scale (Lambda's event source mapping), whether a batch is an
    /// invocation. Asked once, when the queue links.
    func consumerPolling(queueSetting pollers: Int?) -> ConsumerPolling
    /// Whether consumer instance `k` runs and can reach SQS.
    func consumerUp(_ k: Int32) -> Bool
    /// The zone of consumer instance `k` (-1: regional).
    func consumerZone(_ k: Int32) -> Int8
    /// The time instance `k` takes to process one message.
    func processingTime(_ k: Int32) -> SimTime
    /// A poller of instance `k` starts work on a received batch, one invocation of a consumer
    /// whose ``ConsumerPolling/batchIsInvocation``: the time before the work begins (a cold start).
    func batchStarts(_ k: Int32) -> SimTime
    /// That invocation is over (its last message processed, or its poller stopped).
    func batchEnds(_ k: Int32)
    /// What a consumer calls for each message it works on (its `calls:`), with the call's
    /// timeout; nil when it calls nothing.
    var consumerCall: (callee: Int32, timeout: SimTime)? { get }
    /// Whether the processing on instance `k` fails (a zombie, or an `errors` fault), drawn from
    /// `stream` (the queue's own, so that the draw does not depend on the consumer's other work).
    func processingFails(_ k: Int32, stream: RandomGenerator) -> Bool
}

extension ComponentModel {
    static var handlesCallsAsSent: Bool { false }
    func link() {}
    func start() {}
    /// A kind that serves no calls answers 500 (the loader refuses such edges; kept as a guard).
    func receive(call: Int32, after carry: SimTime) { sim.reply(call, .serverError) }
    func childAnswered(call: Int32, child: Int32, status: CallStatus, after carry: SimTime) {}
    func childTimedOut(call: Int32, child: Int32, connect: Bool) {}
    func ownCallAnswered(call: Int32, status: CallStatus) {}
    func ownCallTimedOut(call: Int32) {}
    func timer(_ code: UInt8, slot: Int32, gen: UInt32) {}
    func zone(forCall call: Int32) -> Int8 { -1 }
    var entryZone: Int8 { -1 }
    var faultTargets: Int { 1 }
    func apply(_ fault: FaultSpec, instance: Int, starting: Bool) {}
    func zonePower(_ zone: Int, on: Bool) {}
    func lifecycle(_ event: Lifecycle, group: Int32, instance: Int, answer: inout LifecycleAnswer) {}
    func observe(_ sample: inout StateSample) {}
    var hasBackgroundWork: Bool { false }
    func finish() {}
    func bill(_ bill: inout Bill) {}
    func checkInvariants() {}
    /// A service answers unless a region outage has cut it off.
    func dnsHealth(instance: Int, evaluatingTarget: Bool) -> Bool { !sim.regionDown(Int(index)) }
    func readSession(user: Int32, fromZone zone: Int8, sender: Int32) -> SessionReadResult { .unavailable }
    /// A kind that takes no messages loses them (the loader refuses such subscriptions).
    func accept(message m: Int32, from sender: Int32) -> CallStatus {
        sim.components.messages.lost(m)
        return .ok
    }
    /// A kind that keeps no dead letters frees them (the loader refuses such queues).
    func storeDeadLetter(_ m: Int32) { sim.components.messages.freeMessage(m) }
    var backlog: Int { 0 }
    var consumerInstances: Int { 0 }
    func consumerPolling(queueSetting pollers: Int?) -> ConsumerPolling { ConsumerPolling(pollers: pollers ?? 1) }
    func consumerUp(_ k: Int32) -> Bool { false }
    func consumerZone(_ k: Int32) -> Int8 { -1 }
    func processingTime(_ k: Int32) -> SimTime { 0 }
    func batchStarts(_ k: Int32) -> SimTime { 0 }
    func batchEnds(_ k: Int32) {}
    func processingFails(_ k: Int32, stream: RandomGenerator) -> Bool { true }
    var consumerCall: (callee: Int32, timeout: SimTime)? { nil }
}
