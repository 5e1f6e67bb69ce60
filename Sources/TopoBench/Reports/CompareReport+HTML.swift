import Foundation

extension CompareReport {
    /// The comparison as a self-contained HTML page (`topobench compare --html FILE`): the
    /// verdict, the rule and the test used per scenario, the comparisons that need attention
    /// (regressions, underpowered, not compared), every comparison with its baseline and
    /// current values, the difference with its 95 % interval and the limit, and the rows
    /// missing or new in current. The same data as the markdown report, in ``HTMLPage``'s style.
    public func renderHTML() -> String {
        let e = HTMLPage.escape
        var body = "<header>\n<h1>topobench compare</h1>\n"
        body += "<p class=\"lead\">Baseline <code>\(e(baselinePath))</code> against current <code>\(e(currentPath))</code>.</p>\n</header>\n"
        let cls: String
        let verdict: String
        switch exitStatus {
        case 0: (cls, verdict) = ("ok", "No significant regression")
        case 1: (cls, verdict) = ("fail", "\(regressions) regression\(regressions == 1 ? "" : "s")")
        default: (cls, verdict) = ("weak", "Underpowered (--require-power)")
        }
        body += "<p class=\"verdict \(cls)\">\(e(verdictText)): \(e(verdict))</p>\n"
        body += "<p>\(e(countsText)).</p>\n"
        body += "<p>Rule: \(e(ruleText)).</p>\n"
        if !tests.isEmpty {
            body += "<h3>Test used</h3>\n<ul>\n"
            for t in tests { body += "<li><code>\(e(t.scenario))</code>: \(e(t.description))</li>\n" }
            body += "</ul>\n"
        }
        let notGated = notGatedText
        if !notGated.isEmpty { body += "<p>Not gated: \(e(notGated)).</p>\n" }
        for (title, rows) in [
            ("Regressions", cases.filter { $0.status == .regression }),
            ("Underpowered", underpowered),
            ("Not compared", cases.filter { $0.status == .notCompared }),
        ] where !rows.isEmpty {
            body += "<h2>\(e(title))</h2>\n" + htmlTable(rows)
        }
        if !missing.isEmpty {
            body += "<h2>Missing in current</h2>\n<ul>\n"
            for row in missing { body += "<li>\(options.strict ? "FAIL" : "warning"): \(e(row.label))</li>\n" }
            body += "</ul>\n"
        }
        if !added.isEmpty {
            body += "<h2>New in current</h2>\n<ul>\n"
            for row in added { body += "<li>\(e(row.label))</li>\n" }
            body += "</ul>\n"
        }
        // Every comparison, folded as in the markdown report: a suite has thousands.
        if !cases.isEmpty {
            body += "<h2>All comparisons</h2>\n<details><summary>All \(cases.count) comparisons</summary>\n" + htmlTable(cases) + "</details>\n"
        }
        body += "<footer>Made by topobench compare --html. Self-contained: no scripts, stylesheets, fonts or images are loaded.</footer>\n"
        return HTMLPage.document(title: "topobench compare: \(verdictText)", body: body)
    }

    /// The comparison table of `rows`, a verdict cell coloured by its class.
    func htmlTable(_ rows: [CompareCase]) -> String {
        let header = ["", "scenario", "topology", "sweep", "metric", "baseline", "current", "change (95 % CI)", "limit", "test", "note"]
        let cells: [[HTMLPage.Cell]] = rows.map { c in
            let word = mark(c, markdown: false)
            let cls: String
            switch word {
            case "ok": cls = "ok"
            case "FAIL": cls = "fail"
            case "weak": cls = "weak"
            default: cls = "na"
            }
            return [
                HTMLPage.Cell(word, cls), HTMLPage.Cell(c.scenario), HTMLPage.Cell(c.topology),
                HTMLPage.Cell(c.sweep.isEmpty ? "-" : c.sweep.joined(separator: ", ")), HTMLPage.Cell(c.metric),
                HTMLPage.Cell(Self.valueText(c.baseline, c.baselineCI), "n"), HTMLPage.Cell(Self.valueText(c.current, c.currentCI), "n"),
                HTMLPage.Cell(Self.changeText(c), "n"), HTMLPage.Cell(Self.limitText(c.threshold, c.figure), "n"),
                HTMLPage.Cell(Self.testText(c)), HTMLPage.Cell(c.note, "wide"),
            ]
        }
        return HTMLPage.table(header: header, rows: cells)
    }
}
