import Foundation

/// The reference of the scenario format, made from the declarations the loader reads with (the
/// same ones `topobench schema` turns into a JSON Schema): `topobench explain TOPIC` prints one
/// topic as text, and `docs/scenario-format.md` is every topic as markdown
/// (``markdown()``; a test keeps the file in sync).
///
/// A topic is a component kind (`alb`, `sqs`, …), a fault kind or AWS FIS action name (`crash`,
/// `aws:ec2:stop-instances`), or one of ``Topic/named``: `scenario`, `workload`, `topology`,
/// `faults`, `distributions`, `suite`. Each key is listed with its type, its range, its
/// default and where the default comes from: an AWS page, or "assumption: …" when AWS states
/// nothing and the default is a modelling choice. Maps inside a topic (`health_check`,
/// `retry.budget`) are listed under their dotted key paths; maps that are topics of their own
/// (`workload`, a component, a fault, a distribution) are referred to by name.
public enum ScenarioReference {
    /// One entry of the reference: a name, a one-line summary and its keys.
    public struct Topic: Sendable {
        /// What `explain` takes: `alb`, `workload`, `faults`.
        public let name: String
        public let title: String
        public let summary: String
        /// The maps it lists: one for a kind, one per fault kind for `faults`.
        let sections: [(title: String?, declaration: MapDeclaration)]

        /// The topics that are not a kind: the scenario's maps and the lists of variants.
        public static let named: [String] = ["scenario", "workload", "topology", "faults", "distributions", "suite"]
    }

    /// Every topic, in the order of the markdown reference.
    public static var topics: [Topic] {
        var out: [Topic] = [
            Topic(name: "scenario", title: "Scenario file", summary: MapDeclaration.scenario.summary,
                  sections: [(nil, .scenario)]),
            Topic(name: "workload", title: "workload", summary: MapDeclaration.workload.summary,
                  sections: [(nil, .workload)]),
            Topic(name: "topology", title: "topologies.NAME", summary: MapDeclaration.topology.summary,
                  sections: [(nil, .topology)]),
        ]
        for kind in ComponentKinds.all {
            out.append(Topic(name: kind.name, title: "kind: \(kind.name)", summary: kind.summary, sections: [(nil, kind)]))
        }
        out.append(Topic(
            name: "faults", title: "faults", summary: Variants.fault.summary,
            sections: Variants.fault.cases.map { c in ("kind: " + c.names.joined(separator: " | "), c.declaration) }))
        out.append(Topic(
            name: "distributions", title: "Distributions", summary: Variants.distribution.summary + " Arrivals (workload.arrival) take the same, as inter-arrival times or with a rate.",
            sections: Variants.arrival.cases.map { c in ("dist: " + c.names.joined(separator: " | "), c.declaration) }))
        out.append(Topic(name: "suite", title: "Suite file", summary: MapDeclaration.suite.summary, sections: [(nil, .suite)]))
        return out
    }

    /// Every name `explain` takes: the topics, and each fault kind and FIS action name.
    public static var names: [String] {
        topics.map(\.name) + Variants.fault.names
    }

    /// The topic `explain` prints for `name`, or `nil`.
    public static func topic(_ name: String) -> Topic? {
        if let t = topics.first(where: { $0.name == name }) { return t }
        if let v = Variants.fault.variant(named: name) {
            return Topic(name: name, title: "fault kind: " + v.names.joined(separator: " | "), summary: v.declaration.summary,
                         sections: [(nil, v.declaration)])
        }
        if name == "fault" { return topic("faults") }
        if name == "distribution" || name == "dist" { return topic("distributions") }
        return nil
    }

    // MARK: - Rows

    /// One key as the reference shows it.
    struct Row {
        var path: String
        var type: String
        var required: Bool
        var defaultText: String?
        /// Whether the default is written as in a file (`30s`), not described in words.
        var literal: Bool
        var source: String?
        var summary: String
    }

    /// The declarations that are topics of their own: referred to, not repeated.
    static func reference(for type: ValueType) -> String? {
        switch type {
        case .map(let m) where m.name == MapDeclaration.workload.name: return "see `explain workload`"
        case .map(let m) where m.name == MapDeclaration.topologies.name: return "see `explain topology`"
        case .variants(let v) where v.name == Variants.fault.name: return "see `explain faults`"
        case .variants(let v) where v.name == Variants.component.name: return "see `explain KIND`"
        case .variants(let v) where v.name == Variants.distribution.name || v.name == Variants.arrival.name:
            return "see `explain distributions`"
        default: return nil
        }
    }

    static func rows(_ map: MapDeclaration, prefix: String = "", depth: Int = 0) -> [Row] {
        var out: [Row] = []
        var keys = map.keys
        if let other = map.otherKeys { keys.append(other) }
        for key in keys {
            let path = prefix.isEmpty ? (key.name == "*" ? "NAME" : key.name) : prefix + "." + (key.name == "*" ? "NAME" : key.name)
            out.append(Row(
                path: path, type: typePhrase(key.type), required: key.required,
                defaultText: key.defaultValue.map { $0.text.isEmpty ? "empty" : $0.text },
                literal: { if case .literal(let v)? = key.defaultValue { return !v.isEmpty } else { return false } }(),
                source: key.source?.text, summary: key.summary))
            if depth < 4, reference(for: key.type) == nil, let nested = nestedMap(key.type) {
                out += rows(nested, prefix: path, depth: depth + 1)
            }
        }
        return out
    }

    /// The map a key holds (directly, in a list, or as one of its forms), to list its keys below it.
    static func nestedMap(_ type: ValueType) -> MapDeclaration? {
        switch type {
        case .map(let m): return m.keys.isEmpty && m.otherKeys == nil ? nil : m
        case .list(let item, _): return nestedMap(item)
        case .anyOf(let types): return types.lazy.compactMap(nestedMap).first
        default: return nil
        }
    }

    /// A value type in words: `duration, from 5s to 300s`.
    static func typePhrase(_ type: ValueType) -> String {
        if let reference = reference(for: type) {
            switch type {
            case .variants(let v): return "a map by `\(v.discriminator)` (\(reference))"
            default: return "a map (\(reference))"
            }
        }
        switch type {
        case .duration:
            return "duration" + (ScenarioSchema.Builder.rangePhrase(type).map { ", " + lowerFirst($0) } ?? "")
        case .rate(let max):
            return "rate (such as 200/s)" + (max.map { ", at most \(NodeReader.formatNumber($0))/s" } ?? "")
        case .size(let range):
            return "size (B, KB, MB, GB), from \(Units.format(bytes: range.lowerBound)) to \(Units.format(bytes: range.upperBound))"
        case .integer(let range):
            return "integer" + rangeWords(lower: range.lowerBound == .min ? nil : String(range.lowerBound),
                                          upper: range.upperBound == .max ? nil : String(range.upperBound))
        case .number(let range):
            guard let range else { return "number" }
            return "number" + rangeWords(lower: range.lowerBound.isFinite ? NodeReader.formatNumber(range.lowerBound) : nil,
                                         upper: range.upperBound.isFinite ? NodeReader.formatNumber(range.upperBound) : nil)
        case .probability: return "probability, from 0 to 1 (or a percentage such as 5%)"
        case .flag: return "true or false"
        case .text: return "text"
        case .name: return "name (letters, digits, '-', '_', '.')"
        case .choice(let options): return options.count == 1 ? "`\(options[0])`" : "one of " + options.map { "`\($0)`" }.joined(separator: ", ")
        case .reference(let kinds): return "the name of a component" + (kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")")
        case .zone: return "zone name (such as a)"
        case .list(let item, let minItems):
            return "list of " + typePhrase(item) + (minItems > 1 ? ", at least \(minItems)" : "")
        case .pair(let a, let b): return "[" + typePhrase(a) + ", " + typePhrase(b) + "]"
        case .map(let m):
            if m.keys.isEmpty, let other = m.otherKeys { return "map of NAME: " + typePhrase(other.type) }
            return "map (keys below)"
        case .variants(let v): return "a map by `\(v.discriminator)`"
        case .anyOf(let types): return types.map(typePhrase).joined(separator: ", or ")
        case .any: return "any value"
        }
    }

    private static func rangeWords(lower: String?, upper: String?) -> String {
        switch (lower, upper) {
        case let (l?, u?): return ", from \(l) to \(u)"
        case let (l?, nil): return ", at least \(l)"
        case let (nil, u?): return ", at most \(u)"
        case (nil, nil): return ""
        }
    }

    private static func lowerFirst(_ text: String) -> String {
        let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
        return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
    }

    // MARK: - Rendering

    /// One topic for a terminal: a title, the summary, then each key on its own lines.
    public static func text(_ topic: Topic) -> String {
        var out = "\(topic.title)\n  \(topic.summary)\n"
        for section in topic.sections {
            if let title = section.title {
                out += "\n\(title)\n"
                if section.declaration.summary != topic.summary { out += "  \(section.declaration.summary)\n" }
            }
            for row in rows(section.declaration) {
                out += "\n  \(row.path)\(row.required ? "  (required)" : "")\n"
                out += "      \(row.type)"
                if let d = row.defaultText { out += "; default \(d)" }
                out += "\n"
                if let s = row.source { out += "      source: \(s)\n" }
                out += "      \(row.summary)\n"
            }
        }
        if topic.name == "scenario" {
            out += "\n  x-NAME\n      any value\n      Ignored: a place to define YAML anchors (&name) for aliases (*name) and merge keys (<<: *name), as in Compose files.\n"
        }
        return out
    }

    /// Every topic as one markdown document: `docs/scenario-format.md`.
    public static func markdown() -> String {
        var out = """
            # The scenario format

            <!-- Generated by `topobench explain --markdown` (make schema) from the declarations the loader \
            reads with; a test keeps it in sync. Do not edit by hand. -->

            A scenario file (YAML, or JSON) holds one workload and one fault schedule, run against one or \
            more topologies. Every key below has its type, its default and where the default comes \
            from: an AWS documentation page, or **assumption** when AWS states nothing and the value is \
            a modelling choice. `topobench explain TOPIC` prints the same for one topic; \
            `topobench schema` gives it as a JSON Schema for editors.

            Durations take a unit (`ns`, `us`, `ms`, `s`, `m`, `h`, `d`: `30s`, `250us`), rates a count per \
            unit (`200/s`, `5/m`), sizes a unit (`B`, `KB`, `MB`, `GB`, a KB being 1,024 bytes). \
            YAML anchors (`&name`), aliases (`*name`) and merge keys (`<<: *name`) are accepted; \
            top-level keys that start with `x-` are ignored, so they are a place to define anchors.

            Contents: \(topics.map { "[\($0.name)](#\(anchor($0.title)))" }.joined(separator: " · "))

            """
        for topic in topics {
            out += "\n## \(topic.title)\n\n\(topic.summary) (`topobench explain \(topic.name)`)\n"
            for section in topic.sections {
                if let title = section.title {
                    out += "\n### \(title)\n\n"
                    if section.declaration.summary != topic.summary { out += section.declaration.summary + "\n\n" }
                } else {
                    out += "\n"
                }
                out += "| key | type | default | source | meaning |\n| --- | --- | --- | --- | --- |\n"
                for row in rows(section.declaration) {
                    let key = "`\(row.path)`" + (row.required ? " (required)" : "")
                    out += "| \(cell(key)) | \(cell(row.type)) | \(cell(row.defaultText.map { row.literal ? "`\($0)`" : $0 } ?? "")) | \(cell(row.source ?? "")) | \(cell(row.summary)) |\n"
                }
            }
        }
        return out
    }

    /// A table cell: pipes escaped, lines joined.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// GitHub's anchor for a heading: lower case, spaces to '-', punctuation dropped.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { c -> Character? in
            if c == " " { return "-" }
            if c.isLetter || c.isNumber || c == "-" || c == "_" { return c }
            return nil
        })
    }
}
