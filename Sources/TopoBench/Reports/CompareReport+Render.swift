import Foundation

extension CompareReport {
    /// The report in the given format, ending with a line break.
    ///
    /// Every format states the test used for each scenario (paired or independent, and why)
    /// and for each comparison. The table lists the comparisons that need attention
    /// (regressions, underpowered ones, those not compared); `all` lists every one. Markdown
    /// lists those and every comparison in a folded section; JUnit has one test case each.
    public func render(_ format: CompareFormat, all: Bool = false) -> String {
        switch format {
        case .table: return renderTable(all: all)
        case .markdown: return renderMarkdown()
        case .junit: return renderJUnit()
        }
    }

    // MARK: - Text helpers

    /// The rule, in one line.
    var ruleText: String {
        "a figure regresses when it is worse than its limit and the 95 % interval of the difference lies entirely on the worse side"
    }

    /// The figures not gated, and why.
    var notGatedText: String {
        var neutral: [String] = [], off: [String] = []
        for figure in Figure.allCases where options.threshold(for: figure) == nil {
            if figure.direction == .neutral { neutral.append(figure.column) } else { off.append(figure.column) }
        }
        var parts: [String] = []
        if !neutral.isEmpty { parts.append(neutral.joined(separator: ", ") + " (neutral)") }
        if !off.isEmpty { parts.append(off.joined(separator: ", ") + " (no threshold; --threshold FIGURE=VALUE gates one)") }
        return parts.joined(separator: "; ")
    }

    var countsText: String {
        var parts = [
            "\(cases.count) comparison\(cases.count == 1 ? "" : "s")",
            "\(regressionCount) regression\(regressionCount == 1 ? "" : "s")",
        ]
        let weak = underpowered.count
        if weak > 0 {
            parts.append("\(weak) underpowered" + (options.requirePower ? " (failures: --require-power)" : ""))
        }
        if notComparedCount > 0 { parts.append("\(notComparedCount) not compared") }
        if noValueCount > 0 { parts.append("\(noValueCount) without a value on either side") }
        if !missing.isEmpty {
            parts.append(
                "\(missing.count) row\(missing.count == 1 ? "" : "s") missing in current"
                    + (options.strict ? " (failures: --strict)" : " (warnings; failures with --strict)"))
        }
        if !added.isEmpty { parts.append("\(added.count) new row\(added.count == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// The verdict word of the last line.
    var verdictText: String {
        switch exitStatus {
        case 0: return "OK"
        case 1: return "REGRESSION"
        default: return "UNDERPOWERED"
        }
    }

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "-" }
        return String(format: "%.6g", x)
    }

    static func percent(_ fraction: Double) -> String {
        NumberFormat.trimFraction(String(format: "%.4f", fraction * 100)) + "%"
    }

    /// The threshold as a signed limit in the figure's terms: `+10%`, `-0.001`, `+5 ms`.
    static func limitText(_ threshold: Figure.Threshold, _ figure: Figure) -> String {
        let sign = figure.direction == .higherIsBetter ? "-" : "+"
        switch threshold {
        case .relative(let r): return sign + percent(r)
        case .absolute(let a):
            switch figure.unit {
            case .fraction, .count: return sign + number(a)
            case .milliseconds: return sign + number(a) + " ms"
            case .seconds: return sign + number(a) + " s"
            case .usd: return sign + "$" + number(a)
            }
        }
    }

    static func valueText(_ value: Double?, _ ci: Double?) -> String {
        guard let value else { return "-" }
        guard let ci else { return number(value) }
        return number(value) + " ± " + number(ci)
    }

    /// current − baseline ± half-width, and the relative change where it means something.
    static func changeText(_ c: CompareCase) -> String {
        guard let d = c.difference else { return "" }
        var text = (d.mean >= 0 ? "+" : "") + number(d.mean)
        if let h = d.halfWidth { text += " ± " + number(h) }
        if c.figure.unit != .fraction, let b = c.baseline, b != 0 {
            let r = d.mean / abs(b)
            text += " (" + (r >= 0 ? "+" : "") + String(format: "%.1f", r * 100) + "%)"
        }
        return text
    }

    static func testText(_ c: CompareCase) -> String {
        guard let d = c.difference else { return "-" }
        switch c.test {
        case .paired: return "paired n=\(d.replications)"
        case .independent: return d.halfWidth == nil ? "threshold only" : "independent"
        }
    }

    func mark(_ c: CompareCase, markdown: Bool) -> String {
        switch c.status {
        case .pass:
            if c.isUnderpowered { return markdown ? (options.requirePower ? "❌" : "⚠️") : (options.requirePower ? "FAIL" : "weak") }
            return markdown ? "✅" : "ok"
        case .regression: return markdown ? "❌" : "FAIL"
        case .notCompared: return markdown ? "➖" : "n/c"
        case .noValue: return markdown ? "➖" : "n/a"
        }
    }

    /// Whether a case is listed without `all`: anything but a plain pass or an absent value.
    static func needsAttention(_ c: CompareCase) -> Bool {
        c.status == .regression || c.status == .notCompared || c.isUnderpowered
    }

    // MARK: - Table

    func renderTable(all: Bool) -> String {
        var lines: [String] = []
        lines.append("topobench compare: baseline \(baselinePath), current \(currentPath)")
        lines.append("rule: \(ruleText)")
        for t in tests { lines.append("test: \(t.scenario): \(t.description)") }
        let notGated = notGatedText
        if !notGated.isEmpty { lines.append("not gated: \(notGated)") }
        lines.append("")
        let listed = all ? cases : cases.filter(Self.needsAttention)
        if !listed.isEmpty {
            var grid: [[String]] = [
                ["", "scenario", "topology", "sweep", "metric", "baseline", "current", "change", "limit", "test", "note"]
            ]
            for c in listed {
                grid.append([
                    mark(c, markdown: false), c.scenario, c.topology, c.sweep.isEmpty ? "-" : c.sweep.joined(separator: ","),
                    c.metric, Self.valueText(c.baseline, c.baselineCI), Self.valueText(c.current, c.currentCI),
                    Self.changeText(c), Self.limitText(c.threshold, c.figure), Self.testText(c), c.note,
                ])
            }
            var widths = Array(repeating: 0, count: grid[0].count)
            for row in grid { for (i, f) in row.enumerated() { widths[i] = max(widths[i], f.count) } }
            for row in grid {
                var line = ""
                for (i, f) in row.enumerated() {
                    if i == row.count - 1 {
                        line += f
                    } else {
                        line += f + String(repeating: " ", count: widths[i] - f.count + 2)
                    }
                }
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
            }
            lines.append("")
        }
        if !all && listed.count < cases.count {
            lines.append("(\(cases.count - listed.count) passing or empty comparisons not listed; --all lists them)")
        }
        for row in missing {
            lines.append((options.strict ? "FAIL" : "warning") + ": missing in current: " + row.label)
        }
        for row in added { lines.append("note: new in current (not in baseline): " + row.label) }
        lines.append("\(verdictText): " + countsText)
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Markdown

    static func markdownCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    func markdownTable(_ rows: [CompareCase]) -> [String] {
        var lines = [
            "| | scenario | topology | sweep | metric | baseline | current | change | limit | test | note |",
            "|---|---|---|---|---|---:|---:|---:|---:|---|---|",
        ]
        for c in rows {
            let cells = [
                c.scenario, c.topology, c.sweep.joined(separator: ", "), "`\(c.metric)`",
                Self.valueText(c.baseline, c.baselineCI), Self.valueText(c.current, c.currentCI), Self.changeText(c),
                Self.limitText(c.threshold, c.figure), Self.testText(c), c.note,
            ].map(Self.markdownCell)
            lines.append("| \(mark(c, markdown: true)) | " + cells.joined(separator: " | ") + " |")
        }
        return lines
    }

    func renderMarkdown() -> String {
        var lines: [String] = ["## topobench compare", ""]
        let verdict: String
        switch exitStatus {
        case 0: verdict = "✅ **No significant regression**"
        case 1: verdict = "❌ **\(regressions) regression\(regressions == 1 ? "" : "s")**"
        default: verdict = "❌ **Underpowered** (--require-power)"
        }
        lines.append("\(verdict): \(Self.markdownCell(countsText)).")
        lines.append("")
        lines.append(
            "Baseline `\(Self.markdownCell(baselinePath))`, current `\(Self.markdownCell(currentPath))`; rule: \(Self.markdownCell(ruleText))."
        )
        lines.append("")
        if !tests.isEmpty {
            lines.append("Test used:")
            lines.append("")
            for t in tests { lines.append("- `\(Self.markdownCell(t.scenario))`: \(Self.markdownCell(t.description))") }
            lines.append("")
        }
        let notGated = notGatedText
        if !notGated.isEmpty {
            lines.append("Not gated: \(Self.markdownCell(notGated)).")
            lines.append("")
        }
        for (title, rows) in [
            ("Regressions", cases.filter { $0.status == .regression }),
            ("Underpowered", underpowered),
            ("Not compared", cases.filter { $0.status == .notCompared }),
        ] where !rows.isEmpty {
            lines.append("### \(title)")
            lines.append("")
            lines += markdownTable(rows)
            lines.append("")
        }
        if !missing.isEmpty {
            lines.append("### Missing in current")
            lines.append("")
            for row in missing { lines.append("- \(options.strict ? "❌" : "⚠️") \(Self.markdownCell(row.label))") }
            lines.append("")
        }
        if !added.isEmpty {
            lines.append("### New in current")
            lines.append("")
            for row in added { lines.append("- \(Self.markdownCell(row.label))") }
            lines.append("")
        }
        if !cases.isEmpty {
            lines.append("<details><summary>All \(cases.count) comparisons</summary>")
            lines.append("")
            lines += markdownTable(cases)
            lines.append("")
            lines.append("</details>")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - JUnit

    /// Escapes text for XML attribute values and character data, dropping characters that
    /// XML 1.0 does not allow.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                let v = scalar.value
                let allowed = (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }

    func renderJUnit() -> String {
        struct Suite {
            var name: String
            var lines: [String] = []
            var tests = 0
            var failures = 0
            var skipped = 0
        }
        var suites: [Suite] = []
        var suiteIndex: [String: Int] = [:]
        func suite(_ name: String) -> Int {
            if let i = suiteIndex[name] { return i }
            suiteIndex[name] = suites.count
            suites.append(Suite(name: name))
            return suites.count - 1
        }
        func className(_ scenario: String, _ topology: String, _ sweep: [String]) -> String {
            "\(scenario).\(topology)" + (sweep.isEmpty ? "" : "[\(sweep.joined(separator: ","))]")
        }
        for c in cases {
            let s = suite(c.scenario)
            suites[s].tests += 1
            let open =
                "    <testcase classname=\"\(Self.xml(className(c.scenario, c.topology, c.sweep)))\" name=\"\(Self.xml(c.metric))\" time=\"0\""
            let detail =
                "test \(Self.testText(c)); baseline \(Self.valueText(c.baseline, c.baselineCI)), current \(Self.valueText(c.current, c.currentCI)), change \(Self.changeText(c)), limit \(Self.limitText(c.threshold, c.figure))"
            switch c.status {
            case .pass where c.isUnderpowered && options.requirePower:
                suites[s].failures += 1
                suites[s].lines.append(open + ">")
                suites[s].lines.append(
                    "      <failure type=\"underpowered\" message=\"\(Self.xml("[\(Self.testText(c))] " + c.note))\">\(Self.xml(detail))</failure>"
                )
                suites[s].lines.append("    </testcase>")
            case .pass:
                suites[s].lines.append(open + ">")
                suites[s].lines.append("      <system-out>\(Self.xml(detail + "; " + c.note))</system-out>")
                suites[s].lines.append("    </testcase>")
            case .regression:
                suites[s].failures += 1
                suites[s].lines.append(open + ">")
                suites[s].lines.append(
                    "      <failure type=\"regression\" message=\"\(Self.xml("[\(Self.testText(c))] " + c.note))\">\(Self.xml(detail))</failure>"
                )
                suites[s].lines.append("    </testcase>")
            case .notCompared, .noValue:
                suites[s].skipped += 1
                suites[s].lines.append(open + ">")
                suites[s].lines.append("      <skipped message=\"\(Self.xml(c.note))\"/>")
                suites[s].lines.append("    </testcase>")
            }
        }
        for row in missing {
            let s = suite(row.scenario)
            suites[s].tests += 1
            let open =
                "    <testcase classname=\"\(Self.xml(className(row.scenario, row.topology, row.sweep)))\" name=\"present in current\" time=\"0\">"
            suites[s].lines.append(open)
            if options.strict {
                suites[s].failures += 1
                suites[s].lines.append(
                    "      <failure type=\"missing\" message=\"missing in current results\">\(Self.xml(row.label))</failure>"
                )
            } else {
                suites[s].skipped += 1
                suites[s].lines.append(
                    "      <skipped message=\"missing in current results (a warning; a failure with --strict)\"/>")
            }
            suites[s].lines.append("    </testcase>")
        }
        let tests = suites.reduce(0) { $0 + $1.tests }
        let failures = suites.reduce(0) { $0 + $1.failures }
        let skipped = suites.reduce(0) { $0 + $1.skipped }
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append(
            "<testsuites name=\"topobench compare\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">"
        )
        for s in suites {
            lines.append(
                "  <testsuite name=\"\(Self.xml(s.name))\" tests=\"\(s.tests)\" failures=\"\(s.failures)\" errors=\"0\" skipped=\"\(s.skipped)\" time=\"0\">"
            )
            let scenarioTests = self.tests.filter { $0.scenario == s.name }
            if !scenarioTests.isEmpty {
                lines.append("    <properties>")
                for t in scenarioTests {
                    lines.append("      <property name=\"test\" value=\"\(Self.xml(t.description))\"/>")
                }
                lines.append("    </properties>")
            }
            lines += s.lines
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }
}
