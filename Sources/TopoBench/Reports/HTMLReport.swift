import Foundation

/// `topobench report`: one self-contained `report.html` for a result folder, or for a suite's
/// folder of them (one section per scenario and a table of contents).
///
/// Each scenario's section has the summary table (the figures of the terminal table, with their
/// 95 % intervals and units, and every column of `summary.csv` folded below), the faults of
/// `faults.csv` (distinct faults, with the topologies and replications they hit), the pictures
/// of `topobench plot` as inline SVG, the scenario (name, hash, topologies, sweep) and the
/// provenance of `run.json` (version, seed, replications, hash, wall time, events, work units).
/// `run.json` records the scenario's hash, not its text (a suite's scenario is its file and the
/// suite's shared topologies together): the page gives the hash, which `topobench run` of the
/// same files reproduces.
///
/// The pictures are drawn by gnuplot into a temporary folder (removed afterwards) and their
/// `<svg>` elements inlined. Without gnuplot the page is still written, with a visible note
/// where the pictures would be, and ``Output/warnings`` says so: the tables are worth having
/// without them. The page is deterministic: the same result files (and the same gnuplot) give
/// the same bytes; the only time in it is `run.json`'s wall time.
public enum HTMLReport {
    /// What ``make(from:to:)`` wrote.
    public struct Output: Sendable {
        /// The path of `report.html`.
        public var path: String
        /// Problems that did not stop the page (gnuplot missing), one line each.
        public var warnings: [String]
    }

    /// The name of the page in the output folder.
    public static let fileName = "report.html"

    /// Writes `report.html` for the result folder (or suite folder) `folder` into `outFolder`.
    ///
    /// - Throws: `ScenarioError` for a missing or malformed result folder (exit 65), naming the
    ///   file; `ReportError.cannotWrite` when the page cannot be written; `ReportError.toolMissing`
    ///   when gnuplot is installed but fails.
    public static func make(from folder: String, to outFolder: String) throws -> Output {
        try make(from: folder, to: outFolder, searchPath: nil)
    }

    /// ``make(from:to:)`` looking for gnuplot in `searchPath` (`nil`: the process's `PATH`).
    static func make(from folder: String, to outFolder: String, searchPath: String?) throws -> Output {
        let scenarios = try resultFolders(folder)
        var sections: [Section] = []
        var warnings: [String] = []
        let temporary = NSTemporaryDirectory() + "topobench-report-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var gnuplotMissing = false
        for (i, s) in scenarios.enumerated() {
            let set = try ResultSet.read(folder: s.path)
            var pictures: [(name: String, svg: String)] = []
            if !gnuplotMissing {
                do {
                    let written = try Plots.make(from: s.path, to: temporary + "/\(i)", searchPath: searchPath)
                    for path in written where path.hasSuffix(".svg") {
                        let name = String((path as NSString).lastPathComponent.dropLast(4))
                        let text = String(decoding: try AtomicFile.readBytes(path, expected: "an SVG picture"), as: UTF8.self)
                        if let svg = HTMLPage.inlineSVG(text, prefix: "p\(i)-\(Plots.safeName(name))-", title: name) {
                            pictures.append((name, svg))
                        }
                    }
                } catch let e as ReportError where e.kind == .toolUnavailable {
                    gnuplotMissing = true
                    warnings.append("gnuplot is not installed: the report has no pictures; install it with `apt-get install gnuplot-nox` (Debian, Ubuntu) or `brew install gnuplot` (macOS) and run `topobench report` again")
                }
            }
            sections.append(Section(name: s.name, set: set, pictures: pictures, gnuplotMissing: gnuplotMissing))
        }
        let title = (folder as NSString).lastPathComponent
        let html = render(title: title, sections: sections, suite: scenarios.count > 1 || !scenarios.contains { $0.path == folder })
        try AtomicFile.createFolder(outFolder)
        let path = try AtomicFile.write(html, folder: outFolder, name: fileName)
        return Output(path: path, warnings: warnings)
    }

    /// The scenario folders of `folder`: itself when it holds `run.json`, else its subfolders
    /// that do, by name.
    ///
    /// - Throws: `ScenarioError` naming `folder` when it is neither.
    static func resultFolders(_ folder: String) throws -> [(name: String, path: String)] {
        if AtomicFile.isFile((folder as NSString).appendingPathComponent("run.json")) {
            return [((folder as NSString).lastPathComponent, folder)]
        }
        let subs = AtomicFile.isFolder(folder) ? AtomicFile.subfolders(of: folder).sorted() : []
        let scenarios = subs.filter { AtomicFile.isFile("\(folder)/\($0)/run.json") }
        guard !scenarios.isEmpty else {
            throw ScenarioError(
                file: folder, keyPath: "", expected: "a result folder (with run.json) or a suite folder of them",
                found: AtomicFile.isFolder(folder) ? "a folder without run.json" : "no such folder")
        }
        return scenarios.map { ($0, "\(folder)/\($0)") }
    }

    /// One scenario of the page.
    struct Section {
        var name: String
        var set: ResultSet
        var pictures: [(name: String, svg: String)]
        var gnuplotMissing: Bool
    }

    // MARK: - Rendering

    /// The page for `sections`; `suite` adds the table of contents.
    static func render(title: String, sections: [Section], suite: Bool) -> String {
        var body = "<header>\n<h1>topobench report: \(HTMLPage.escape(title))</h1>\n"
        let versions = Array(Set(sections.map(\.set.info.version))).sorted()
        body += "<p class=\"lead\">\(sections.count) scenario\(sections.count == 1 ? "" : "s"), written by <code>topobench report</code> from the result files (topobench \(HTMLPage.escape(versions.joined(separator: ", ")))). Figures are means over replications with 95 % Student-t intervals (±).</p>\n</header>\n"
        if suite {
            body += "<nav class=\"toc\"><strong>Scenarios</strong>\n<ol>\n"
            for s in sections {
                body += "<li><a href=\"#\(HTMLPage.anchor(s.name))\">\(HTMLPage.escape(s.name))</a></li>\n"
            }
            body += "</ol></nav>\n"
        }
        for s in sections { body += section(s) }
        body += "<footer>Made by topobench report. Self-contained: no scripts, stylesheets, fonts or images are loaded.</footer>\n"
        return HTMLPage.document(title: "topobench report: \(title)", body: body)
    }

    static func section(_ s: Section) -> String {
        let info = s.set.info
        var out = "<section id=\"\(HTMLPage.anchor(s.name))\">\n<h2>\(HTMLPage.escape(info.scenario))</h2>\n"
        out += "<p class=\"lead\">\(info.topologies.count) topolog\(info.topologies.count == 1 ? "y" : "ies"): \(HTMLPage.escape(info.topologies.joined(separator: ", "))); \(info.replications) replication\(info.replications == 1 ? "" : "s") each"
        if !info.sweepColumns.isEmpty {
            out += "; \(info.sweepPoints.count) sweep points of \(HTMLPage.escape(info.sweepColumns.joined(separator: ", ")))"
        }
        out += ".</p>\n"

        // Summary: the terminal table's figures, then every column folded.
        out += "<h3>Summary</h3>\n"
        let grid = TerminalTable.grid(s.set.summary)
        // The topology and the sweep values are text; the figures are right-aligned.
        let sweepCount = s.set.summary.header.filter { info.sweepColumns.contains($0) }.count
        let numeric = Set(min(1 + sweepCount, grid.titles.count)..<grid.titles.count)
        out += HTMLPage.table(header: grid.titles, rows: grid.rows, numeric: numeric)
        if let note = grid.footnote { out += "<p class=\"note\">\(HTMLPage.escape(note))</p>\n" }
        let summary = s.set.summary
        out += "<details><summary>Every column of summary.csv (\(summary.header.count) columns)</summary>\n"
        let textColumns = Set(["scenario", "topology"] + info.sweepColumns)
        out += HTMLPage.table(
            header: summary.header, rows: summary.rows,
            numeric: Set(summary.header.indices.filter { !textColumns.contains(summary.header[$0]) }))
        out += "</details>\n"

        out += faults(s.set)

        out += "<h3>Pictures</h3>\n"
        if s.gnuplotMissing {
            out += "<p class=\"note\">No pictures: gnuplot is not installed on the machine that wrote this report (install it with <code>apt-get install gnuplot-nox</code> or <code>brew install gnuplot</code> and run <code>topobench report</code> again).</p>\n"
        } else if s.pictures.isEmpty {
            out += "<p>No pictures for this result.</p>\n"
        }
        for p in s.pictures {
            out += "<figure>\n\(p.svg)\n<figcaption><strong>\(HTMLPage.escape(p.name))</strong>: \(HTMLPage.escape(caption(p.name)))</figcaption>\n</figure>\n"
        }

        out += "<h3>Scenario</h3>\n"
        var scenario: [(String, String)] = [
            ("name", info.scenario), ("scenario hash", info.scenarioHash), ("topologies", info.topologies.joined(separator: ", ")),
        ]
        if !info.sweepColumns.isEmpty {
            scenario.append(("swept keys", info.sweepColumns.joined(separator: ", ")))
            scenario.append(("sweep points", info.sweepPoints.map { $0.joined(separator: ", ") }.joined(separator: " | ")))
        }
        out += HTMLPage.facts(scenario)
        out += "<p>run.json records the scenario's hash (of its text and of the command-line overrides), not its text: the same scenario file (and, in a suite, the suite file) run with the same options gives the same hash.</p>\n"

        out += "<h3>Provenance</h3>\n"
        var provenance: [(String, String)] = [
            ("topobench version", info.version), ("seed", String(info.seed)), ("replications", String(info.replications)),
            ("scenario hash", info.scenarioHash), ("wall time", NumberFormat.format(info.wallTimeSeconds) + " s"),
            ("events", String(info.events)),
        ]
        if let shard = info.shard { provenance.append(("shard", shard)) }
        if let units = info.workUnits { provenance.append(("work units", String(units))) }
        if let held = info.workUnitsHeld { provenance.append(("work units held", held)) }
        out += HTMLPage.facts(provenance)
        return out + "</section>\n"
    }

    /// The most distinct faults listed in one section.
    static let maxFaultRows = 60

    /// The faults table: one row per distinct (kind, target, start, end, note), with the
    /// topologies it hit and how many replications.
    static func faults(_ set: ResultSet) -> String {
        let t = set.faults
        var out = "<h3>Faults</h3>\n"
        guard !t.rows.isEmpty else { return out + "<p>No faults.</p>\n" }
        let sweep = set.info.sweepColumns.compactMap { t.columnIndex($0) }
        let key = ["kind", "target", "start_s", "end_s", "note"].map { t.columnIndex($0) }
        let topology = t.columnIndex("topology")
        var order: [[String]] = []
        var hits: [[String]: (topologies: [String], count: Int)] = [:]
        for row in t.rows {
            let k = sweep.map { row[$0] } + key.map { $0.map { row[$0] } ?? "" }
            if hits[k] == nil { order.append(k) }
            var h = hits[k] ?? ([], 0)
            if let topology, !h.topologies.contains(row[topology]) { h.topologies.append(row[topology]) }
            h.count += 1
            hits[k] = h
        }
        let sweepNames = set.info.sweepColumns.filter { t.columnIndex($0) != nil }
        let header = sweepNames + ["kind", "target", "start (s)", "end (s)", "length (s)", "topologies", "replications", "note"]
        var rows: [[String]] = []
        for k in order.prefix(maxFaultRows) {
            let v = Array(k.suffix(5))
            let length: String
            if let a = NumberFormat.parse(v[2]), let b = NumberFormat.parse(v[3]) { length = NumberFormat.format(b - a) } else { length = "" }
            let h = hits[k] ?? ([], 0)
            rows.append(Array(k.prefix(sweep.count)) + [v[0], v[1], v[2], v[3].isEmpty ? "to the end" : v[3], length, h.topologies.joined(separator: ", "), String(h.count), v[4]])
        }
        let first = sweepNames.count
        out += HTMLPage.table(header: header, rows: rows, numeric: [first + 2, first + 3, first + 4, first + 6])
        if order.count > maxFaultRows {
            out += "<p>… and \(order.count - maxFaultRows) more distinct faults (faults.csv has them all).</p>\n"
        }
        return out
    }

    /// What a picture shows, from the start of its name.
    static func caption(_ name: String) -> String {
        let base = name.split(separator: "-", maxSplits: 1).first.map(String.init) ?? name
        let point = name.count > base.count ? " Sweep point " + name.dropFirst(base.count + 1).replacingOccurrences(of: "-", with: ", ") + "." : ""
        let text: String
        switch base {
        case "latency_cdf": text = "latency tail per topology: the share of successful requests slower than x (1 − CDF), log–log."
        case "success_ratio": text = "succeeded / offered per window, mean and 95 % band; faults shaded and labelled."
        case "goodput": text = "successful requests per second through the trigger, for designs that did not all recover."
        case "dns_shift": text = "success ratio through Route 53's DNS shift, interval × threshold and the TTL marked."
        case "queues": text = "queue depth and age of the oldest message over time."
        case "p99_vs_load": text = "p99 latency against the swept value, with 95 % error bars."
        case "cost": text = "cost per month against availability and p99 latency; the cheapest design at 99.9 % ringed."
        case "recovered": text = "share of replications recovered after the trigger, by the two swept values."
        default: text = "a picture of topobench plot."
        }
        return text + point
    }
}
