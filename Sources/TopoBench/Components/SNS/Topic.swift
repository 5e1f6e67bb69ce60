/// An Amazon SNS topic: a Publish is acknowledged once stored, then fanned out to every
/// subscription (SQS queues, Lambda functions, HTTP/S endpoints).
///
/// Deliveries to AWS-managed endpoints (SQS, Lambda) use the managed retry policy (100,015
/// attempts over 23 days), so a healthy queue always gets its copy; deliveries to HTTP/S
/// endpoints follow the endpoint's delivery policy (Amazon SNS Developer Guide, "Amazon SNS
/// message delivery retries"); a message that exhausts it goes to the subscription's
/// dead-letter queue if it has one, and is dropped otherwise; either way it is counted lost.
final class Topic: ComponentModel {
    let index: Int32
    /// The replication (a strong reference: `Simulation.run()` ends the cycle when it is done).
    let sim: Simulation
    let spec: TopicSpec
    let book: MessageBook
    var published = 0

    init(_ sim: Simulation, index: Int32, spec: TopicSpec) {
        self.sim = sim
        self.index = index
        self.spec = spec
        book = sim.components.messages
    }

    /// A Publish: acknowledged, then one copy of the message per subscription.
    func receive(call: Int32, after carry: SimTime) {
        let origin = sim.calls[Int(call)].origin
        let counted = origin >= sim.warmupEnd
        published += 1
        sim.reply(call, .ok)
        let publish = book.newPublish(origin: origin, counted: counted, copies: spec.subscribers.count)
        for s in spec.subscribers {
            let m = book.newMessage(origin: origin, counted: counted)
            book.messages[Int(m)].publish = publish
            book.messages[Int(m)].deadLetter = spec.deadLetter
            sim.components.accept(s, message: m)
        }
    }
}

extension TopicSpec: ComponentSpec {
    static var declaration: MapDeclaration { .sns }
    var edges: [Int] { subscribers }
    func makeModel(in sim: Simulation, index: Int32, owner: inout [AnyObject]) -> AnyComponent {
        let model = Topic(sim, index: index, spec: self)
        owner.append(model)
        return .sns(.passUnretained(model))
    }
}
