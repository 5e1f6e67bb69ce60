/// The table `topobench run` and `suite` print: one row per topology (and sweep point).
public enum TerminalTable {
    /// Renders the key figures of a summary with their 95 % intervals, aligned in columns.
    public static func render(_ summary: ResultTable) -> String {
        let (titles, cells, footnote) = grid(summary)
        var widths = titles.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        func line(_ items: [String]) -> String {
            items.enumerated().map { i, s in
                i == 0 ? s.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - s.count) + s
            }.joined(separator: "  ")
        }
        var out = line(titles) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in cells { out += line(r) + "\n" }
        out += legend
        if let footnote { out += footnote + "\n" }
        return out
    }

    /// The table's column titles (with their units), its cells (the first column the topology,
    /// then the sweep values, then the figures) and the note under it, if any: what ``render(_:)``
    /// aligns and `topobench report` puts in HTML.
    static func grid(_ summary: ResultTable) -> (titles: [String], rows: [[String]], footnote: String?) {
        let sweep = summary.header.filter { !["scenario", "topology", "replications"].contains($0) && !isMetric($0) }
        var columns: [(title: String, value: ([String]) -> String)] = []
        func col(_ name: String) -> Int? { summary.columnIndex(name) }
        func field(_ row: [String], _ name: String) -> String {
            guard let i = col(name), i < row.count else { return "" }
            return row[i]
        }
        func number(_ row: [String], _ name: String) -> Double? { NumberFormat.parse(field(row, name)) }
        func withCI(_ figure: Figure, digits: Int, scale: Double = 1, suffix: String = "") -> ([String]) -> String {
            return { row in
                guard let v = number(row, figure.column) else { return "–" }
                var s = fixed(v * scale, digits) + suffix
                if let ci = number(row, figure.ciColumn) { s += " ±" + fixed(ci * scale, digits) }
                return s
            }
        }
        columns.append(("topology", { field($0, "topology") }))
        for s in sweep { columns.append((s.split(separator: ".").last.map(String.init) ?? s, { field($0, s) })) }
        columns.append(("availability %", withCI(.availability, digits: 3, scale: 100)))
        columns.append(("p99 ms", withCI(.latencyP99, digits: 1)))
        columns.append(("$/month", { number($0, Figure.costUSDMonth.column).map { fixed($0, 0) } ?? "–" }))
        columns.append(("p50 ms", withCI(.latencyP50, digits: 1)))
        columns.append(("p99.9 ms", withCI(.latencyP999, digits: 1)))
        columns.append(("p99 all ms", withCI(.latencyAllP99, digits: 1)))
        columns.append(("e2e p99 ms", { number($0, Figure.e2eP99.column).map { fixed($0, 1) } ?? "–" }))
        func count(_ figures: Figure...) -> ([String]) -> String {
            return { row in
                let values = figures.compactMap { number(row, $0.column) }
                return values.isEmpty ? "–" : fixed(values.reduce(0, +), 1)
            }
        }
        columns.append(("5xx", count(.errors5xx)))
        columns.append(("timeouts", count(.timeouts)))
        columns.append(("429/503", count(.throttled, .rejected)))
        columns.append(("sessions lost", count(.sessionsLost)))
        columns.append(("msgs lost", count(.messagesLost)))
        columns.append(("dupes", count(.duplicates)))
        columns.append(("recovery s", withCI(.recovery, digits: 1)))
        // A topology that ran without some of the scenario's faults is marked, so that its
        // figures are not read as a better design.
        let ignored = summary.rows.map { number($0, Figure.faultsIgnored.column) ?? 0 }
        if ignored.contains(where: { $0 > 0 }) {
            columns.append(("faults ignored", { row in
                let n = number(row, Figure.faultsIgnored.column) ?? 0
                let count = n == n.rounded() ? String(Int(n)) : fixed(n, 1)
                return n > 0 ? count + " !" : "0"
            }))
        }
        let cells = summary.rows.map { row in columns.map { $0.value(row) } }
        let footnote =
            ignored.contains(where: { $0 > 0 })
            ? "! faults ignored: faults that act on nothing in that topology (see the warnings and faults.csv); it ran without them"
            : nil
        return (columns.map(\.title), cells, footnote)
    }

    /// What the columns mean, printed under the table (`explain` and the README say more).
    static let legend = """
        ± 95 % interval over replications. availability: succeeded / offered. p50, p99, p99.9: latency of successful \
        requests; p99 all: every request, a failure when its client learned of it; e2e p99: to the end of the \
        asynchronous work (SQS, SNS). $/month: the bill at this load over 730 hours. 5xx, timeouts, 429/503 \
        (throttled, rejected), sessions lost (logged in again), msgs lost (expired, dropped, dead-lettered), dupes \
        (processed twice): mean per replication. recovery s: from a fault's start until the success ratio is back \
        at the SLO (slo: in the scenario, default 99 %).

        """

    static func isMetric(_ name: String) -> Bool {
        let base = name.hasSuffix(ResultColumns.ciSuffix) ? String(name.dropLast(ResultColumns.ciSuffix.count)) : name
        return Figure(column: base) != nil
    }

    static func fixed(_ v: Double, _ digits: Int) -> String {
        guard v.isFinite else { return "–" }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (v * p).rounded() / p
        var s = "\(r)"
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            s += "." + String(repeating: "0", count: digits)
        }
        if s.contains("e") { return String(v) }
        return s
    }
}
