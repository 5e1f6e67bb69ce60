import Foundation

/// `topobench plot`: pictures of a result folder, drawn by gnuplot from scripts kept beside them.
///
/// For each picture `NAME`, the output folder gets `NAME.dat` (the plotted figures, whitespace
/// separated, one block per series, with `#` comments naming the series and the columns),
/// `NAME.gp` (a self-contained gnuplot script that reads `NAME.dat` and writes both
/// `NAME.png` and `NAME.svg`), and the two pictures. To restyle one, edit the script and run
/// `gnuplot NAME.gp` inside the folder. Everything is computed from the result files alone,
/// in the canonical order of `run.json`, so the same results give the same scripts, data and
/// (with the same gnuplot) the same pictures. The PNG terminal is chosen by the script itself:
/// `pngcairo` when this gnuplot has it, `png` (libgd) otherwise.
///
/// Pictures made:
/// 1. `latency_cdf`: client latency CDF per topology (mean over replications of each percentile
///    of `latency.csv`), log latency axis;
/// 2. `success_ratio`: succeeded/offered per window and topology, mean over replications with
///    its 95 % Student-t band, fault starts and ends (from `faults.csv`) as vertical lines
///    (at most 40 of each; faults whose `note` contains "ignored" are left out);
/// 3. `p99_vs_load`: `latency_p99_ms` of `summary.csv` against a swept value (a rate when one
///    is swept), with 95 % error bars, one line per topology (and other sweep values), only
///    for a scenario with a sweep;
/// 4. `queues`: mean queue depth and age of the oldest message per window, when any is non-zero;
/// 5. `cost`: cost per month against availability and against p99 latency, one point per row of
///    `summary.csv` (topology and sweep point) with its 95 % interval, the cheapest design at or
///    above ``availabilitySLO`` ringed;
/// 6. `recovered`: for a sweep of two numeric columns (such as a rate and a fault's length), the
///    share of replications that recovered after the last fault, one square per sweep point and
///    topology, green when all recovered and red when none did: the boundary of the metastable
///    region.
///
/// Pictures 1, 2 and 4 are made per sweep point; with a sweep, their names end with `-K`, the
/// 1-based index of the point in `run.json`'s `sweep_points`; a sweep of more than
/// ``maxPointPictures`` points gets only the pictures of the whole sweep.
public enum Plots {
    /// One picture to make: its name, data file and script.
    struct Picture {
        var name: String
        var data: String
        var script: String
    }

    /// The most sweep points that get pictures of their own.
    static let maxPointPictures = 12

    /// Width and height of every picture, pixels.
    static let size = "1000,600"

    /// Makes the pictures of the result folder `folder` in `outFolder` (created if needed).
    ///
    /// - Returns: the paths written, for each picture its `.dat`, `.gp`, `.png` and `.svg`.
    /// - Throws: `ScenarioError` for an unreadable result folder; `ReportError.toolUnavailable`
    ///   (exit 69) when gnuplot is not installed (the scripts and data are written first, and the
    ///   message gives the install command and how to draw them later); `ReportError.toolMissing`
    ///   when it fails; `ReportError.cannotWrite` for an output problem.
    @discardableResult
    public static func make(from folder: String, to outFolder: String) throws -> [String] {
        try make(from: folder, to: outFolder, searchPath: nil)
    }

    /// ``make(from:to:)`` looking for gnuplot in `searchPath` (a `$PATH`-like list; `nil` for
    /// the process's `PATH`), so a test can ask for a machine without it.
    static func make(from folder: String, to outFolder: String, searchPath: String?) throws -> [String] {
        let set = try ResultSet.read(folder: folder)
        let pictures = try pictures(for: set)
        try AtomicFile.createFolder(outFolder)
        var written: [String] = []
        for picture in pictures {
            written.append(try AtomicFile.write(picture.data, folder: outFolder, name: picture.name + ".dat"))
            written.append(try AtomicFile.write(picture.script, folder: outFolder, name: picture.name + ".gp"))
        }
        guard !pictures.isEmpty else { return written }
        guard findExecutable("gnuplot", searchPath: searchPath) != nil else {
            throw ReportError(
                .toolUnavailable,
                "gnuplot is not installed; install it with `apt-get install gnuplot-nox` (Debian, Ubuntu) or `brew install gnuplot` (macOS); the scripts and data are in '\(outFolder)': draw them later with `cd \(outFolder) && for f in *.gp; do gnuplot \"$f\"; done`"
            )
        }
        for picture in pictures {
            try runGnuplot(script: picture.name + ".gp", in: outFolder)
            for ext in ["png", "svg"] {
                let path = try AtomicFile.path(in: outFolder, name: picture.name + "." + ext)
                guard AtomicFile.isFile(path) else {
                    throw ReportError(.toolMissing, "gnuplot ran '\(picture.name).gp' but did not write '\(path)'")
                }
                written.append(path)
            }
        }
        return written
    }

    /// The pictures of a result set: data and scripts, without drawing anything.
    ///
    /// - Throws: `ScenarioError` for a non-numeric value in a column that is plotted.
    static func pictures(for set: ResultSet) throws -> [Picture] {
        let info = set.info
        let points = info.sweepPoints.isEmpty ? [[String]()] : info.sweepPoints
        let sweeping = !info.sweepColumns.isEmpty
        var pictures: [Picture] = []
        // Pictures per sweep point for at most `maxPointPictures` points: a larger sweep (a grid
        // of 56 points) is read from its summary pictures (p99_vs_load, cost, recovered).
        for (k, point) in points.enumerated() where points.count <= maxPointPictures {
            let suffix = sweeping ? "-\(k + 1)" : ""
            let label =
                sweeping
                ? " (" + zip(info.sweepColumns, point).map { "\($0)=\($1)" }.joined(separator: ", ") + ")" : ""
            if let p = try latencyCDF(set, point: point, name: "latency_cdf" + suffix, label: label) {
                pictures.append(p)
            }
            if let p = try successRatio(set, point: point, name: "success_ratio" + suffix, label: label) {
                pictures.append(p)
            }
            if let p = try queues(set, point: point, name: "queues" + suffix, label: label) { pictures.append(p) }
            // Goodput over time, where some design did not recover after its last fault (a
            // metastable failure): the trigger, and the failure that outlives it.
            if try !sweeping && metastable(set),
                let p = try successRatio(set, point: point, name: "goodput" + suffix, label: label, goodput: true)
            {
                pictures.append(p)
            }
            if let p = try dnsShift(set, point: point, name: "dns_shift" + suffix, label: label) { pictures.append(p) }
        }
        if sweeping, let p = try p99VersusLoad(set, name: "p99_vs_load") { pictures.append(p) }
        if let p = try costPicture(set, name: "cost") { pictures.append(p) }
        if sweeping, let p = try metastableBoundary(set, name: "recovered") { pictures.append(p) }
        return pictures
    }

    // MARK: - Row selection

    /// The rows of `table` for one sweep point and one topology, as row indices in table order.
    static func rows(of table: ResultTable, info: RunInfo, point: [String], topology: String) -> [Int] {
        guard let t = table.columnIndex("topology") else { return [] }
        let sweep = info.sweepColumns.map { table.columnIndex($0) }
        return table.rows.indices.filter { r in
            let row = table.rows[r]
            guard row[t] == topology else { return false }
            for (i, c) in sweep.enumerated() {
                guard let c, i < point.count, row[c] == point[i] else { return false }
            }
            return true
        }
    }

    /// Groups `rows` by the number in column `keyColumn` (rows where it is empty are dropped),
    /// keeping for each key the list of (replication, row); keys ascending.
    static func byKey(_ table: ResultTable, _ rows: [Int], keyColumn: String) throws -> [(key: Double, rows: [Int])] {
        guard let k = table.columnIndex(keyColumn) else { return [] }
        var groups: [Double: [Int]] = [:]
        for r in rows {
            guard let key = try table.number(row: r, column: k) else { continue }
            groups[key, default: []].append(r)
        }
        return groups.keys.sorted().map { ($0, groups[$0] ?? []) }
    }

    /// The non-empty numbers of `column` in `rows`.
    static func values(_ table: ResultTable, _ rows: [Int], _ column: String) throws -> [Double] {
        guard let c = table.columnIndex(column) else { return [] }
        return try rows.compactMap { try table.number(row: $0, column: c) }
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : Summary.mean(values)
    }

    static func f(_ x: Double) -> String {
        let s = NumberFormat.format(x)
        return s.isEmpty ? "NaN" : s
    }

    // MARK: - 1. Latency CDF

    static func latencyCDF(_ set: ResultSet, point: [String], name: String, label: String) throws -> Picture? {
        let table = set.latency
        var blocks: [(title: String, lines: [String])] = []
        for topology in set.info.topologies {
            let rows = rows(of: table, info: set.info, point: point, topology: topology)
            var lines: [String] = []
            for group in try byKey(table, rows, keyColumn: "percentile") {
                guard let latency = mean(try values(table, group.rows, "latency_ms")), latency > 0 else { continue }
                lines.append("\(f(group.key)) \(f(latency))")
            }
            if !lines.isEmpty { blocks.append((topology, lines)) }
        }
        guard !blocks.isEmpty else { return nil }
        let data = dataFile(
            about:
                "latency CDF of scenario \(set.info.scenario)\(label): mean latency per percentile over replications",
            columns: "percentile latency_ms", blocks: blocks)
        let plot = blocks.enumerated().map { i, b in
            "\(i == 0 ? quote(name + ".dat") : "\"\"") index \(i) using 2:1 with lines lw 2 lc \(i + 1) title \(quote(b.title))"
        }
        let script = gnuplotScript(
            name: name,
            about: "Client latency CDF per topology",
            settings: [
                "set title \(quote("Latency CDF: \(set.info.scenario)\(label), successful requests, mean over replications"))",
                "set xlabel \"latency (ms, log scale)\"",
                "set ylabel \"percentile\"",
                "set logscale x",
                "set yrange [0:100]",
                "set grid",
                "set key bottom right",
            ],
            body: plotCommand(plot))
        return Picture(name: name, data: data, script: script)
    }

    // MARK: - 2. Success ratio

    /// The success ratio around a lost region's first minutes, with the times Route 53's
    /// defaults predict for the shift marked: the checkers' verdict after interval × threshold
    /// (30 s × 3) and the last cached answer gone a TTL (60 s) later. Only for a scenario with a
    /// `region_outage` fault.
    static func dnsShift(_ set: ResultSet, point: [String], name: String, label: String) throws -> Picture? {
        guard let kind = set.faults.columnIndex("kind") else { return nil }
        let starts = try set.faults.rows.indices.filter { set.faults.rows[$0][kind] == "region_outage" }
            .compactMap { try set.faults.number(row: $0, column: set.faults.requireColumn("start_s")) }
        guard let start = starts.min() else { return nil }
        let verdict = Time.seconds(AwsDefaults.route53Interval) * Double(AwsDefaults.route53FailureThreshold)
        let ttl = Time.seconds(AwsDefaults.route53TTL)
        return try successRatio(
            set, point: point, name: name, label: label,
            zoom: (from: start - 60, to: start + verdict + ttl + 120,
                   marks: [(start + verdict, "interval x threshold (\(f(verdict)) s)"), (start + verdict + ttl, "+ TTL (\(f(ttl)) s)")]),
            title: "Through the DNS shift: \(set.info.scenario)\(label), success ratio per window")
    }

    static func successRatio(
        _ set: ResultSet, point: [String], name: String, label: String,
        zoom: (from: Double, to: Double, marks: [(Double, String)])? = nil, title: String? = nil, goodput: Bool = false
    ) throws -> Picture? {
        let table = set.timeseries
        var blocks: [(title: String, lines: [String])] = []
        // Goodput: successful requests per second of each window (its width from the window starts).
        var width = 1.0
        if goodput, let c = table.columnIndex("window_start_s") {
            let starts = Set(try table.rows.indices.compactMap { try table.number(row: $0, column: c) }).sorted()
            width = zip(starts.dropFirst(), starts).map { $0 - $1 }.filter { $0 > 0 }.min() ?? 1
        }
        for topology in set.info.topologies {
            let rows = rows(of: table, info: set.info, point: point, topology: topology)
            var lines: [String] = []
            guard let offered = table.columnIndex("offered"), let succeeded = table.columnIndex("succeeded") else {
                break
            }
            for group in try byKey(table, rows, keyColumn: "window_start_s") {
                var ratios: [Double] = []
                for r in group.rows {
                    guard let o = try table.number(row: r, column: offered), o > 0 || goodput,
                        let s = try table.number(row: r, column: succeeded)
                    else { continue }
                    ratios.append(goodput ? s / width : s / o)
                }
                guard let m = mean(ratios) else { continue }
                let h = Summary.halfWidth95(ratios) ?? 0
                lines.append("\(f(group.key)) \(f(m)) \(f(max(0, m - h))) \(f(goodput ? m + h : min(1, m + h)))")
            }
            if !lines.isEmpty { blocks.append((topology, lines)) }
        }
        guard !blocks.isEmpty else { return nil }
        let data = dataFile(
            about:
                "\(goodput ? "goodput (successful requests per second)" : "success ratio") of scenario \(set.info.scenario)\(label) per window: mean over replications and 95 % interval",
            columns: "window_start_s mean low high", blocks: blocks)

        // Fault starts and ends of this sweep point, over all topologies and replications;
        // a fault whose note says it was ignored (its target is missing) is not drawn.
        var starts = Set<Double>()
        var ends = Set<Double>()
        let note = set.faults.columnIndex("note")
        for topology in set.info.topologies {
            let rows = rows(of: set.faults, info: set.info, point: point, topology: topology).filter { r in
                guard let note else { return true }
                return !set.faults.rows[r][note].lowercased().contains("ignored")
            }
            starts.formUnion(try values(set.faults, rows, "start_s"))
            ends.formUnion(try values(set.faults, rows, "end_s"))
        }
        let maxLines = 40
        var settings = [
            "set title \(quote(title ?? "\(goodput ? "Goodput" : "Success ratio"): \(set.info.scenario)\(label), mean and 95 % interval over replications\(goodput ? "; the trigger between the red and green lines" : "")"))",
            "set xlabel \"time (s)\"",
            goodput ? "set ylabel \"successful requests per second\"" : "set ylabel \"succeeded / offered\"",
            goodput ? "set yrange [0:*]" : "set yrange [0:1.05]",
            "set grid",
            "set key bottom left",
            "set style fill transparent solid 0.2 noborder",
        ]
        for x in starts.sorted().prefix(maxLines) {
            settings.append("set arrow from \(f(x)), graph 0 to \(f(x)), graph 1 nohead lc rgb \"#d62728\" dt 2")
        }
        for x in ends.sorted().prefix(maxLines) {
            settings.append("set arrow from \(f(x)), graph 0 to \(f(x)), graph 1 nohead lc rgb \"#2ca02c\" dt 3")
        }
        if let zoom {
            settings.append("set xrange [\(f(max(0, zoom.from))):\(f(zoom.to))]")
            for (x, text) in zoom.marks {
                settings.append("set arrow from \(f(x)), graph 0 to \(f(x)), graph 1 nohead lc rgb \"#7f7f7f\" dt 4")
                settings.append("set label \(quote(text)) at \(f(x)), graph 0.5 rotate left offset -1,0 tc rgb \"#7f7f7f\"")
            }
        }
        var plot: [String] = []
        for (i, b) in blocks.enumerated() {
            let file = i == 0 ? quote(name + ".dat") : "\"\""
            plot.append("\(file) index \(i) using 1:3:4 with filledcurves lc \(i + 1) notitle")
            plot.append("\"\" index \(i) using 1:2 with lines lw 2 lc \(i + 1) title \(quote(b.title))")
        }
        if !starts.isEmpty { plot.append("NaN with lines lc rgb \"#d62728\" dt 2 title \"fault start\"") }
        if !ends.isEmpty { plot.append("NaN with lines lc rgb \"#2ca02c\" dt 3 title \"fault end\"") }
        let script = gnuplotScript(
            name: name, about: "Success ratio over time per topology, with fault starts and ends",
            settings: settings, body: plotCommand(plot))
        return Picture(name: name, data: data, script: script)
    }

    // MARK: - 3. p99 against load

    /// The value of a swept setting as a number: `200/s` → 200, `5/m` → 5/60 (per second),
    /// `30s` → 30, `3` → 3; `nil` when it is not a number.
    static func sweepNumber(_ text: String) -> (value: Double, isRate: Bool)? {
        if let v = NumberFormat.parse(text) { return (v, false) }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let slash = trimmed.firstIndex(of: "/") {
            guard let v = NumberFormat.parse(String(trimmed[..<slash]).trimmingCharacters(in: .whitespaces)) else {
                return nil
            }
            let unit = trimmed[trimmed.index(after: slash)...].trimmingCharacters(in: .whitespaces)
            let per: [String: Double] = ["ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600, "d": 86400]
            guard let seconds = per[unit] else { return nil }
            return (v / seconds, true)
        }
        let units: [(String, Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400),
        ]
        for (unit, seconds) in units where trimmed.hasSuffix(unit) {
            if let v = NumberFormat.parse(String(trimmed.dropLast(unit.count))) { return (v * seconds, false) }
        }
        return nil
    }

    static func p99VersusLoad(_ set: ResultSet, name: String) throws -> Picture? {
        let table = set.summary
        let sweep = set.info.sweepColumns
        guard !sweep.isEmpty, let p99 = table.columnIndex(Figure.latencyP99.column),
            let topology = table.columnIndex("topology")
        else { return nil }
        let sweepIndices = sweep.map { table.columnIndex($0) }
        guard sweepIndices.allSatisfy({ $0 != nil }) else { return nil }
        let columns = sweepIndices.compactMap { $0 }
        // The x axis: a swept rate if any, else the first numeric sweep column, else categories.
        func parsed(_ c: Int) -> [(value: Double, isRate: Bool)]? {
            let all = table.rows.map { sweepNumber($0[c]) }
            return all.allSatisfy({ $0 != nil }) ? all.compactMap { $0 } : nil
        }
        var xAt = 0
        var numeric = false
        var isRate = false
        if let i = columns.indices.first(where: { i in
            (parsed(columns[i])?.contains { $0.isRate } ?? false) || sweep[i].hasSuffix("rate")
        }), parsed(columns[i]) != nil {
            xAt = i
            numeric = true
            isRate = parsed(columns[i])?.contains { $0.isRate } ?? false
        } else if let i = columns.indices.first(where: { parsed(columns[$0]) != nil }) {
            xAt = i
            numeric = true
        }
        let xColumn = columns[xAt]
        let ci = table.columnIndex(Figure.latencyP99.ciColumn)
        // Category positions follow run.json's sweep point order.
        var categories: [String] = []
        for p in set.info.sweepPoints where xAt < p.count && !categories.contains(p[xAt]) { categories.append(p[xAt]) }

        // One series per topology and value of the other sweep columns, in file order.
        var seriesOrder: [String] = []
        var series: [String: [(x: Double, line: String)]] = [:]
        for (r, row) in table.rows.enumerated() {
            guard let y = try table.number(row: r, column: p99) else { continue }
            let e = try ci.flatMap { try table.number(row: r, column: $0) } ?? 0
            let others = columns.enumerated().filter { $0.offset != xAt }.map {
                "\(sweep[$0.offset])=\(row[$0.element])"
            }
            let title = ([row[topology]] + others).joined(separator: ", ")
            let x: Double
            if numeric, let v = sweepNumber(row[xColumn]) {
                x = v.value
            } else {
                x = Double(categories.firstIndex(of: row[xColumn]) ?? categories.count)
            }
            if series[title] == nil { seriesOrder.append(title) }
            series[title, default: []].append((x, "\(f(x)) \(f(y)) \(f(e)) \(quote(row[xColumn]))"))
        }
        guard !seriesOrder.isEmpty else { return nil }
        let blocks = seriesOrder.map { title in
            (title: title, lines: (series[title] ?? []).sorted { $0.x < $1.x }.map(\.line))
        }
        let data = dataFile(
            about: "p99 latency of scenario \(set.info.scenario) against \(sweep[xAt]), with 95 % half-widths",
            columns: "x latency_p99_ms ci95 label", blocks: blocks)
        let xs = blocks.flatMap { $0.lines }.compactMap { line in
            line.split(separator: " ").first.flatMap { Double($0) }
        }
        var settings = [
            "set title \(quote("p99 latency against \(sweep[xAt]): \(set.info.scenario), mean and 95 % CI over replications"))",
            "set xlabel \(quote(sweep[xAt] + (isRate ? " (requests/s)" : "")))",
            "set ylabel \"p99 latency (ms)\"",
            "set grid",
            "set key top left",
            "set offsets graph 0.03, graph 0.03, 0, 0",
        ]
        if numeric, let lo = xs.min(), let hi = xs.max(), lo > 0, hi / lo >= 10 { settings.append("set logscale x") }
        let using = numeric ? "using 1:2:3" : "using 1:2:3:xtic(4)"
        let plot = blocks.enumerated().map { i, b in
            "\(i == 0 ? quote(name + ".dat") : "\"\"") index \(i) \(using) with yerrorlines lw 2 lc \(i + 1) pt \(i % 6 + 5) title \(quote(b.title))"
        }
        let script = gnuplotScript(
            name: name, about: "p99 latency against the swept value, one line per topology",
            settings: settings, body: plotCommand(plot))
        return Picture(name: name, data: data, script: script)
    }

    // MARK: - 4. Queues

    static func queues(_ set: ResultSet, point: [String], name: String, label: String) throws -> Picture? {
        let table = set.timeseries
        guard table.columnIndex("queue_depth") != nil || table.columnIndex("oldest_message_age_s") != nil else {
            return nil
        }
        var blocks: [(title: String, lines: [String])] = []
        var anyNonZero = false
        for topology in set.info.topologies {
            let rows = rows(of: table, info: set.info, point: point, topology: topology)
            var lines: [String] = []
            for group in try byKey(table, rows, keyColumn: "window_start_s") {
                let depth = mean(try values(table, group.rows, "queue_depth"))
                let age = mean(try values(table, group.rows, "oldest_message_age_s"))
                if (depth ?? 0) != 0 || (age ?? 0) != 0 { anyNonZero = true }
                lines.append("\(f(group.key)) \(depth.map(f) ?? "NaN") \(age.map(f) ?? "NaN")")
            }
            if !lines.isEmpty { blocks.append((topology, lines)) }
        }
        guard anyNonZero, !blocks.isEmpty else { return nil }
        let data = dataFile(
            about:
                "queue depth and age of the oldest message of scenario \(set.info.scenario)\(label), mean over replications",
            columns: "window_start_s queue_depth oldest_message_age_s", blocks: blocks)
        func panel(_ column: Int) -> String {
            let plot = blocks.enumerated().map { i, b in
                "\(i == 0 ? quote(name + ".dat") : "\"\"") index \(i) using 1:\(column) with lines lw 2 lc \(i + 1) title \(quote(b.title))"
            }
            return plotCommand(plot)
        }
        let body = [
            "set multiplot layout 2,1 title \(quote("Queues: \(set.info.scenario)\(label), mean over replications"))",
            "set ylabel \"queue depth (messages)\"",
            "unset xlabel",
            panel(2),
            "set ylabel \"oldest message age (s)\"",
            "set xlabel \"time (s)\"",
            panel(3),
            "unset multiplot",
        ].joined(separator: "\n")
        let script = gnuplotScript(
            name: name, about: "Queue depth and age of the oldest message over time",
            settings: ["set grid", "set key top right", "set yrange [0:*]"], body: body)
        return Picture(name: name, data: data, script: script)
    }

    // MARK: - 5. Cost

    /// The availability the `cost` picture rings the cheapest design for: 99.9 %, three nines.
    static let availabilitySLO = 0.999

    /// Cost per month against availability (left) and p99 latency (right).
    static func costPicture(_ set: ResultSet, name: String) throws -> Picture? {
        let table = set.summary
        guard let cost = table.columnIndex(Figure.costUSDMonth.column), let availability = table.columnIndex(Figure.availability.column),
            let p99 = table.columnIndex(Figure.latencyP99.column), let topology = table.columnIndex("topology")
        else { return nil }
        let ci = table.columnIndex(Figure.costUSDMonth.ciColumn)
        let sweep = set.info.sweepColumns.compactMap { c in table.columnIndex(c).map { (c, $0) } }
        var lines: [String] = []
        var best: (usd: Double, line: String)? = nil
        for (r, row) in table.rows.enumerated() {
            guard let usd = try table.number(row: r, column: cost), let a = try table.number(row: r, column: availability) else { continue }
            let latency = try table.number(row: r, column: p99) ?? .nan
            let e = try ci.flatMap { try table.number(row: r, column: $0) } ?? 0
            let label = ([row[topology]] + sweep.map { "\($0.0.split(separator: ".").last ?? "")=\(row[$0.1])" }).joined(separator: " ")
            let line = "\(f(100 * a)) \(f(usd)) \(f(e)) \(f(latency)) \(quote(label))"
            lines.append(line)
            if a >= availabilitySLO && usd < (best?.usd ?? .infinity) { best = (usd, line) }
        }
        guard !lines.isEmpty else { return nil }
        // Availability ends at 100 %: the axis spans from a little below the lowest to 100.
        let lowest = try table.rows.indices.compactMap { try table.number(row: $0, column: availability) }.min() ?? 1
        let xLow = max(0, 100 * lowest - max(0.05, 25 * (1 - lowest))), xHigh = 100 + max(0.01, 5 * (1 - lowest))
        var blocks: [(title: String, lines: [String])] = [("every topology and sweep point", lines)]
        if let best { blocks.append(("the cheapest at or above \(f(100 * availabilitySLO)) % availability", [best.line])) }
        let data = dataFile(
            about: "cost per month of scenario \(set.info.scenario) (USD, on-demand prices) with availability and p99 latency",
            columns: "availability_pct cost_usd_month ci95 latency_p99_ms label", blocks: blocks)
        let ring = best == nil ? [] : ["\"\" index 1 using X:2 with points pt 6 ps 4 lw 2 lc rgb \"#d62728\" title \(quote("cheapest at ≥ \(f(100 * availabilitySLO)) % available"))"]
        func panel(_ x: Int) -> String {
            plotCommand([
                "\(quote(name + ".dat")) index 0 using \(x):2:3 with yerrorbars pt 7 ps 1.5 lw 1.5 lc rgb \"#1f77b4\" title \"mean, 95 % CI\"",
                "\"\" index 0 using \(x):2:5 with labels offset char 1,char 0.8 left font \",9\" notitle",
            ] + ring.map { $0.replacingOccurrences(of: "using X", with: "using \(x)") })
        }
        let body = [
            "set multiplot layout 1,2 title \(quote("What it costs: \(set.info.scenario), cost per month at the run's rates (on-demand prices)"))",
            "unset logscale x",
            "set xrange [\(f(xLow)):\(f(xHigh))]",
            "set xlabel \"availability (%)\"",
            panel(1),
            "set autoscale x",
            "set logscale x",
            "set xlabel \"p99 latency (ms, log scale)\"",
            panel(4),
            "unset multiplot",
        ].joined(separator: "\n")
        let script = gnuplotScript(
            name: name, about: "Cost per month against availability and p99 latency, one point per topology",
            settings: ["set ylabel \"cost per month (USD)\"", "set grid", "set key top left", "set offsets graph 0.08, graph 0.25, graph 0.1, graph 0.1"],
            body: body)
        return Picture(name: name, data: data, script: script)
    }

    /// Whether some row of the summary recovered in fewer than all its replications.
    static func metastable(_ set: ResultSet) throws -> Bool {
        guard let c = set.summary.columnIndex(Figure.recovered.column) else { return false }
        return try set.summary.rows.indices.contains { (try set.summary.number(row: $0, column: c) ?? 1) < 1 }
    }

    // MARK: - 6. The metastable boundary

    static func metastableBoundary(_ set: ResultSet, name: String) throws -> Picture? {
        let table = set.summary
        let sweep = set.info.sweepColumns
        guard sweep.count >= 2, let recovered = table.columnIndex(Figure.recovered.column),
            let topology = table.columnIndex("topology"), let yc = table.columnIndex(sweep[0]), let xc = table.columnIndex(sweep[1])
        else { return nil }
        var blocks: [(title: String, lines: [String])] = []
        for t in set.info.topologies {
            var lines: [String] = []
            for (r, row) in table.rows.enumerated() where row[topology] == t {
                guard let share = try table.number(row: r, column: recovered), let x = sweepNumber(row[xc]), let y = sweepNumber(row[yc]) else { continue }
                lines.append("\(f(x.value)) \(f(y.value)) \(f(share)) \(quote(NumberFormat.format(share * 100) + "%"))")
            }
            if !lines.isEmpty { blocks.append((t, lines)) }
        }
        guard !blocks.isEmpty else { return nil }
        let data = dataFile(
            about: "share of replications of scenario \(set.info.scenario) recovered after the last fault, by \(sweep[1]) and \(sweep[0])",
            columns: "\(sweep[1]) \(sweep[0]) recovered label", blocks: blocks)
        let xs = blocks.flatMap(\.lines).compactMap { $0.split(separator: " ").first.flatMap { Double($0) } }
        let xIsDuration = table.rows.contains { NumberFormat.parse($0[xc]) == nil && !$0[xc].contains("/") }
        let yIsRate = table.rows.contains { sweepNumber($0[yc])?.isRate ?? false }
        var settings = [
            "set xlabel \(quote(sweep[1] + (xIsDuration ? " (s)" : "")))",
            "set ylabel \(quote(sweep[0] + (yIsRate ? " (per second)" : "")))",
            "set palette defined (0 \"#d62728\", 0.5 \"#ffbf00\", 1 \"#2ca02c\")",
            "set cbrange [0:1]",
            "set cblabel \"recovered\"",
            "set grid",
            "unset key",
            "set offsets graph 0.06, graph 0.06, graph 0.08, graph 0.08",
        ]
        if let lo = xs.min(), let hi = xs.max(), lo > 0, hi / lo >= 8 { settings.append("set logscale x 2") }
        // One panel per topology, side by side.
        var body = ["set multiplot layout 1,\(blocks.count) title \(quote("Metastable failures: \(set.info.scenario), share of replications back at the SLO after the trigger (green: all, red: none)"))"]
        for (i, b) in blocks.enumerated() {
            body.append("set title \(quote(b.title))")
            body.append(plotCommand(["\(quote(name + ".dat")) index \(i) using 1:2:3 with points pt 5 ps 2.5 lc palette notitle"]))
        }
        body.append("unset multiplot")
        let script = gnuplotScript(
            name: name, about: "Share of replications recovered after the trigger, by the two swept values",
            settings: settings, body: body.joined(separator: "\n"))
        return Picture(name: name, data: data, script: script)
    }

    // MARK: - Text of data files and scripts

    /// A gnuplot string literal.
    static func quote(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// A data file: comments, then one block per series, blocks separated by two blank lines
    /// (gnuplot's `index`).
    static func dataFile(about: String, columns: String, blocks: [(title: String, lines: [String])]) -> String {
        var out = "# \(oneLine(about))\n# written by topobench plot\n"
        for (i, block) in blocks.enumerated() {
            if i > 0 { out += "\n\n" }
            out += "# index \(i): \(oneLine(block.title))\n# \(columns)\n"
            for line in block.lines { out += line + "\n" }
        }
        return out
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }

    /// `plot a, \` continued over lines.
    static func plotCommand(_ parts: [String]) -> String {
        "plot " + parts.joined(separator: ", \\\n     ")
    }

    /// A complete script: settings, then a loop drawing `body` once as PNG and once as SVG.
    static func gnuplotScript(name: String, about: String, settings: [String], body: String) -> String {
        let indentedBody = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            .joined(separator: "\n")
        return """
            # \(oneLine(about)).
            # Written by `topobench plot`; reads \(name).dat beside it and writes \(name).png and \(name).svg.
            # Restyle freely, then redraw from this folder with: gnuplot \(name).gp

            \(settings.joined(separator: "\n"))

            do for [fmt in "png svg"] {
                if (fmt eq "png") {
                    if (strstrt(GPVAL_TERMINALS, " pngcairo ") > 0) {
                        set terminal pngcairo size \(size) noenhanced font "sans,10"
                    } else {
                        set terminal png size \(size) noenhanced
                    }
                    set output "\(name).png"
                } else {
                    set terminal svg size \(size) noenhanced font "sans,10" background "#ffffff"
                    set output "\(name).svg"
                }
            \(indentedBody)
                unset output
            }

            """
    }

    // MARK: - Running gnuplot

    /// The full path of `name` in `$PATH`, if it is there and executable.
    static func findExecutable(_ name: String, searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `gnuplot script` with `folder` as working directory.
    ///
    /// - Throws: `ReportError.toolMissing` with gnuplot's own message when it fails.
    static func runGnuplot(script: String, in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", script]
        process.currentDirectoryURL = URL(fileURLWithPath: folder, isDirectory: true)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReportError(
                .toolMissing, "cannot start gnuplot for '\(folder)/\(script)': \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let lines = message.split(separator: "\n").suffix(6).joined(separator: "\n")
            throw ReportError(
                .toolMissing,
                "gnuplot failed on '\(folder)/\(script)' (status \(process.terminationStatus)):\n\(lines)")
        }
    }
}
