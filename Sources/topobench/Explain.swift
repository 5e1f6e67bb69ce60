import ArgumentParser
import TopoBench

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints every key of a component kind, of the faults, the workload or the scenario file.",
        discussion: """
            Each key with its type, its range, its default and where the default comes from: the \
            AWS documentation page, or "assumption: …" where AWS states nothing and the default \
            is a modelling choice (such as a single zone for instances). The same declarations \
            make `topobench schema` and docs/scenario-format.md (`--markdown`).

            Topics: the component kinds (alb, instances, sqs, sns, …), scenario, workload, \
            topology, faults (or one fault kind, such as crash or aws:ec2:stop-instances), \
            distributions and suite.

            Examples:
              topobench explain alb
              topobench explain faults
              topobench explain --markdown > docs/scenario-format.md
            """)

    @Argument(help: "What to explain: a component kind, scenario, workload, topology, faults, a fault kind, distributions or suite.")
    var topic: String?

    @Flag(help: "Print the whole reference as markdown (docs/scenario-format.md).")
    var markdown = false

    func run() throws {
        try guarded {
        if markdown {
            guard topic == nil else { throw CLIError(message: "--markdown prints the whole reference; leave out '\(topic!)'") }
            print(ScenarioReference.markdown(), terminator: "")
            return
        }
        guard let topic else {
            print("topics: " + ScenarioReference.topics.map(\.name).joined(separator: ", "))
            print("fault kinds: " + Variants.fault.names.joined(separator: ", "))
            print("\ntry: topobench explain alb")
            return
        }
        guard let found = ScenarioReference.topic(topic) else {
            var message = "nothing to explain under '\(topic)'"
            if let nearest = KeyPath.nearest(topic, in: ScenarioReference.names) { message += "; did you mean '\(nearest)'?" }
            message += " (topics: " + ScenarioReference.topics.map(\.name).joined(separator: ", ") + ", or a fault kind)"
            throw CLIError(message: message)
        }
        print(ScenarioReference.text(found), terminator: "")
        }
    }
}
