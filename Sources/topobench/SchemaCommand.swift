import ArgumentParser
import TopoBench

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Prints the JSON Schema (draft 2020-12) of scenario and suite files.",
        discussion: """
            The schema is made from the declarations the loader reads scenario files with: every \
            key with its type, default, range and source, each component kind, fault kind (and \
            AWS FIS action name) and distribution. Editors that speak the YAML language server \
            complete and check a file that starts with

              # yaml-language-server: $schema=../../schema/topobench.schema.json

            (the path relative to the file). The repository keeps a copy in \
            schema/topobench.schema.json.

            Example:
              topobench schema > schema/topobench.schema.json
            """)

    func run() throws {
        print(ScenarioSchema.json(), terminator: "")
    }
}
