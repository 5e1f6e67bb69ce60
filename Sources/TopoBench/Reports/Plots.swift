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
/// How they look: each topology (each series) has its own colour from the Okabe–Ito palette of
/// eight colours that colour-blind readers tell apart (Okabe and Ito 2008, "Color Universal
/// Design") *and* its own dash pattern, so curves that lie on top of each other stay visible in
/// grey print too; sparse curves (the latency distribution, p99 against load) also get a point
/// marker of their own. The key is outside the data, right of the graph. Every fault of
/// `faults.csv` is a grey band from its start to its end, labelled with its kind and target
/// above the graph (an instant fault, start = end, is a labelled vertical line); with more than
/// ``maxLabelledFaults`` distinct faults (a year of random crashes) the bands are drawn
/// unlabelled and the key counts them. No axis of latency, ratio, cost or count goes below 0:
/// error bars are clipped at 0.
///
/// Pictures made:
/// 1. `latency_cdf`: the latency distribution per topology as a *complementary* CDF, 1 − F
///    (the share of successful requests slower than x), on log–log axes, so that the tail
///    (p99, p99.9, p99.99, marked on the y axis) is as readable as the median: each point is the
///    mean over replications of one percentile of `latency.csv` (the maximum, 1 − F = 0, has no
///    place on a log axis and is left out). The name stays `latency_cdf` so that links to it
///    keep working;
/// 2. `success_ratio`: succeeded/offered per window and topology, mean over replications with
///    its 95 % Student-t band, the faults (from `faults.csv`, those whose `note` contains
///    "ignored" left out) shaded and labelled;
/// 3. `p99_vs_load`: `latency_p99_ms` of `summary.csv` against a swept value (a rate when one
///    is swept), with 95 % error bars, one line per topology (colour) and other sweep value
///    (dash pattern), only for a scenario with a sweep;
/// 4. `queues`: mean queue depth and age of the oldest message per window, when any is non-zero;
/// 5. `cost`: cost per month against availability and against p99 latency, one point per row of
///    `summary.csv` (topology and sweep point) with its 95 % interval, the cheapest design at or
///    above ``availabilitySLO`` ringed;
/// 6. `recovered`: for a sweep of two numeric columns (such as a rate and a fault's length), the
///    share of replications that recovered after the last fault, one square per sweep point and
///    topology, green when all recovered and red when none did: the boundary of the metastable
///    region.
///
/// Pictures 1, 2 and 4 are made per sweep point; with a sweep, their names end with the point's
/// values (``pointSuffixes(_:)``): `latency_cdf-rate=400_s`, `success_ratio-rate=100_s-duration=250ms`
/// — the last part of each swept key path (more parts when two columns end alike), `=`, the
/// value, every character other than a letter, digit, `.`, `_` or `-` replaced by `_`, and the
/// point's 1-based index appended when two points would still get the same name. A sweep of
/// more than ``maxPointPictures`` points gets only the pictures of the whole sweep.
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
        let suffixes = pointSuffixes(info)
        for (k, point) in points.enumerated() where points.count <= maxPointPictures {
            let suffix = k < suffixes.count ? suffixes[k] : "-\(k + 1)"
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

    // MARK: - Names of sweep points

    /// The end of the names of each sweep point's pictures, in `run.json` order: `""` without a
    /// sweep, else `-KEY=VALUE` for each swept column (`-rate=400_s`), filesystem-safe and
    /// unique per point (see the type's documentation).
    static func pointSuffixes(_ info: RunInfo) -> [String] {
        guard !info.sweepColumns.isEmpty else { return info.sweepPoints.map { _ in "" } }
        let keys = shortKeys(info.sweepColumns)
        var names = info.sweepPoints.map { point in
            zip(keys, point).map { "-" + safeName($0) + "=" + safeName($1) }.joined()
        }
        // A name longer than a file system takes, or shared by two points, gets the index.
        let maxLength = 150
        var seen: [String: Int] = [:]
        for n in names { seen[n, default: 0] += 1 }
        for i in names.indices where (seen[names[i]] ?? 0) > 1 || names[i].utf8.count > maxLength {
            names[i] = String(names[i].prefix(maxLength)) + "-\(i + 1)"
        }
        if Set(names).count < names.count { return names.indices.map { "-\($0 + 1)" } }
        return names
    }

    /// The shortest tails of the key paths `columns` (as many of their last `.`-separated parts
    /// as needed) that still tell them apart: `workload.arrival.rate` → `rate`.
    static func shortKeys(_ columns: [String]) -> [String] {
        let parts = columns.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        let longest = parts.map(\.count).max() ?? 1
        for k in 1...max(1, longest) {
            let tails = parts.map { $0.suffix(k).joined(separator: ".") }
            if Set(tails).count == tails.count { return tails }
        }
        return columns
    }

    /// `text` with every character other than an ASCII letter, digit, `.`, `_` or `-` replaced
    /// by `_` (`400/s` → `400_s`).
    static func safeName(_ text: String) -> String {
        String(
            text.unicodeScalars.map { c -> Character in
                let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "." || c == "_" || c == "-"
                return ok ? Character(c) : "_"
            })
    }

    // MARK: - Styles

    /// The Okabe–Ito palette (Okabe and Ito 2008), told apart by colour-blind readers, in the
    /// order series take it; the yellow, faint on white, last.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// One dash pattern per series (gnuplot `dashtype`), solid first.
    static let dashes = ["1", "(10,5)", "(3,4)", "(12,4,3,4)", "(22,6)", "(6,3,2,3,2,3)", "(3,9)", "(16,4,4,4,4,4)"]

    /// One point marker per series (gnuplot `pointtype`): filled circle, square, triangles,
    /// diamond, pentagon, then open ones.
    static let markers = [7, 5, 9, 11, 13, 15, 6, 4]

    /// Grey of the fault bands and lines.
    static let faultColour = "#7f7f7f"

    /// `set style line N` for series 1…count: series i takes colour `colour(i)` and dash and
    /// marker `dash(i)` (indices into ``palette`` and ``dashes``, taken modulo their length).
    /// By default the i-th series gets the i-th of each, and past 8 series the dashes shift so
    /// that no two of the first 64 share both.
    static func seriesStyles(
        _ count: Int, colour: (Int) -> Int = { $0 }, dash: ((Int) -> Int)? = nil, width: Double = 2
    ) -> [String] {
        (0..<count).map { i in
            let c = colour(i) % palette.count
            let d = (dash?(i) ?? (i + i / palette.count)) % dashes.count
            return "set style line \(i + 1) lc rgb \"\(palette[c])\" lw \(f(width)) dt \(dashes[d]) pt \(markers[d % markers.count]) ps 1.3"
        }
    }

    /// The colour of series i, as ``seriesStyles(_:colour:dash:width:)`` sets it by default.
    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    // MARK: - Faults on a time axis

    /// One fault as a time picture shows it.
    struct FaultSpan: Hashable, Comparable {
        var kind: String
        var target: String
        var start: Double
        /// `nil` when the fault lasts until the end of the run.
        var end: Double?

        var label: String { target.isEmpty ? kind : kind + " " + target }
        var isInstant: Bool { end == start }

        static func < (a: FaultSpan, b: FaultSpan) -> Bool {
            (a.start, a.end ?? .infinity, a.kind, a.target) < (b.start, b.end ?? .infinity, b.kind, b.target)
        }
    }

    /// The most distinct faults labelled one by one; past it they are drawn unlabelled.
    static let maxLabelledFaults = 8
    /// The most fault bands drawn in one picture.
    static let maxFaultSpans = 1000

    /// The distinct faults of one sweep point over every topology and replication, by start;
    /// faults whose `note` says they were ignored (their target is missing) are left out.
    static func faultSpans(_ set: ResultSet, point: [String]) throws -> [FaultSpan] {
        let table = set.faults
        guard let start = table.columnIndex("start_s") else { return [] }
        let kind = table.columnIndex("kind"), target = table.columnIndex("target"), end = table.columnIndex("end_s")
        let note = table.columnIndex("note")
        var spans = Set<FaultSpan>()
        for topology in set.info.topologies {
            for r in rows(of: table, info: set.info, point: point, topology: topology) {
                let row = table.rows[r]
                if let note, row[note].lowercased().contains("ignored") { continue }
                guard let s = try table.number(row: r, column: start) else { continue }
                let e = try end.flatMap { try table.number(row: r, column: $0) }
                spans.insert(FaultSpan(kind: kind.map { row[$0] } ?? "fault", target: target.map { row[$0] } ?? "", start: s, end: e))
            }
        }
        return spans.sorted()
    }

    /// The gnuplot settings that draw `spans` on a time axis spanning `range` (seconds): a grey
    /// band per fault (a dashed line for an instant one) behind the data, and, for at most
    /// ``maxLabelledFaults`` faults, its kind and target above the graph, on as many rows as
    /// needed for labels not to overlap; plus the key entries.
    static func faultDecorations(
        _ spans: [FaultSpan], range: (low: Double, high: Double), labels: Bool = true, axis: TimeAxis = .seconds
    ) -> (settings: [String], key: [String], rows: Int) {
        let inRange = spans.filter { ($0.end ?? .infinity) >= range.low && $0.start <= range.high }
        let shown = inRange.prefix(maxFaultSpans)
        func at(_ t: Double) -> String { f(t / axis.seconds) }
        guard !shown.isEmpty else { return ([], [], 0) }
        var settings: [String] = []
        let labelled = labels && shown.count <= maxLabelledFaults
        // About 110 characters of the 9-point label font across the graph.
        let width = max(range.high - range.low, 1e-9) / 110
        var rowEnds: [Double] = []
        for (n, span) in shown.enumerated() {
            let a = max(span.start, range.low)
            if span.isInstant {
                settings.append("set arrow \(n + 1) from first \(at(a)), graph 0 to first \(at(a)), graph 1 nohead back lc rgb \"\(faultColour)\" lw 1.5 dt 2")
            } else {
                let b = span.end.map { at(min($0, range.high)) }
                let to = b.map { "first \($0), graph 1" } ?? "graph 1, graph 1"
                settings.append("set object \(n + 1) rect from first \(at(a)), graph 0 to \(to) behind fillcolor rgb \"\(faultColour)\" fillstyle transparent solid 0.18 noborder")
            }
            guard labelled else { continue }
            let text = span.label + (span.isInstant ? " (instant)" : "")
            let row = rowEnds.firstIndex { $0 < a } ?? rowEnds.count
            let endX = a + width * Double(text.count + 2)
            if row == rowEnds.count { rowEnds.append(endX) } else { rowEnds[row] = endX }
            settings.append("set label \(n + 1) \(quote(text)) at first \(at(a)), graph 1 offset 0, char \(f(0.9 + 1.3 * Double(row))) left font \",9\" tc rgb \"#404040\"")
        }
        // The title moves up by the rows of labels under it.
        if !rowEnds.isEmpty {
            settings.append("set tmargin \(f(3 + 1.3 * Double(rowEnds.count)))")
            settings.append("set title offset 0, char \(f(1.3 * Double(rowEnds.count)))")
        }
        let bands = shown.filter { !$0.isInstant }.count, instants = shown.count - bands
        var key: [String] = []
        if bands > 0 {
            let title = labelled ? "fault (faults.csv)" : "\(inRange.count) faults (faults.csv)\(inRange.count > shown.count ? ", \(shown.count) drawn" : "")"
            key.append("keyentry with filledcurves fillcolor rgb \"\(faultColour)\" fillstyle transparent solid 0.18 title \(quote(title))")
        }
        if instants > 0 {
            key.append("keyentry with lines lc rgb \"\(faultColour)\" lw 1.5 dt 2 title \(quote("instant fault"))")
        }
        return (settings, key, rowEnds.count)
    }

    /// The unit of a time axis: seconds, or hours or days for a long run (a day of office
    /// hours, a year of random crashes), so that its ticks read as times.
    struct TimeAxis {
        var seconds: Double
        var name: String

        static let seconds = TimeAxis(seconds: 1, name: "s")

        /// The unit for an axis spanning `range` (seconds): days past 3 days, hours past 6 hours.
        static func fitting(_ range: (low: Double, high: Double)) -> TimeAxis {
            if range.high - range.low > 3 * 86_400 { return TimeAxis(seconds: 86_400, name: "days") }
            if range.high - range.low > 6 * 3_600 { return TimeAxis(seconds: 3_600, name: "h") }
            return .seconds
        }

        /// The x column of a `using` clause for seconds in column 1.
        var column: String { seconds == 1 ? "1" : "($1/\(Plots.f(seconds)))" }
        var label: String { "set xlabel \"time (\(name))\"" }
    }

    /// The smallest and largest first field of the data lines of `blocks`.
    static func firstColumnRange(_ blocks: [(title: String, lines: [String])]) -> (low: Double, high: Double)? {
        let xs = blocks.flatMap(\.lines).compactMap { $0.split(separator: " ").first.flatMap { Double($0) } }
        guard let lo = xs.min(), let hi = xs.max() else { return nil }
        return (lo, hi)
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
            for group in try byKey(table, rows, keyColumn: "percentile") where group.key < 100 {
                guard let latency = mean(try values(table, group.rows, "latency_ms")), latency > 0 else { continue }
                lines.append("\(f(group.key)) \(f(latency)) \(f((100 - group.key) / 100))")
            }
            if !lines.isEmpty { blocks.append((topology, lines)) }
        }
        guard !blocks.isEmpty else { return nil }
        let data = dataFile(
            about:
                "latency distribution of scenario \(set.info.scenario)\(label): mean latency per percentile over replications, and 1 - percentile/100, the share of requests slower (the complementary CDF)",
            columns: "percentile latency_ms exceedance", blocks: blocks)
        let plot = blocks.enumerated().map { i, b in
            "\(i == 0 ? quote(name + ".dat") : "\"\"") index \(i) using 2:3 with linespoints ls \(i + 1) title \(quote(b.title))"
        }
        // The y axis down to the rarest percentile plotted (p99.99: 10^-4), its ticks named.
        let exceedances = blocks.flatMap(\.lines).compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.filter { $0 > 0 }
        var low = 1.0
        while low > (exceedances.min() ?? 1) * 1.0001 && low > 1e-9 { low /= 10 }
        var ticks = ["\"1\" 1"]
        var tick = 0.1, digits = 1
        while tick >= low * 0.999 {
            let p = NumberFormat.trimFraction(String(format: "%.\(digits)f", 100 - 100 * tick))
            ticks.append("\(quote("\(f(tick)) (p\(p))")) \(f(tick))")
            tick /= 10
            digits += 1
        }
        let script = gnuplotScript(
            name: name,
            about: "Client latency distribution per topology: the share of requests slower than x (complementary CDF), log-log",
            settings: seriesStyles(blocks.count) + [
                "set title \(quote("Latency tail: \(set.info.scenario)\(label), successful requests, share slower than x (1 - CDF), mean over replications"))",
                "set xlabel \"latency (ms, log scale)\"",
                "set ylabel \"share of requests slower (1 - CDF, log scale)\"",
                "set logscale xy",
                "set yrange [\(f(low)):1]",
                "set ytics (\(ticks.joined(separator: ", ")))",
                "set mxtics 10",
                "set grid xtics ytics mxtics",
                "set key outside right top Left reverse",
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

        // The faults of this sweep point, over all topologies and replications; a fault whose
        // note says it was ignored (its target is missing) is not drawn.
        let range = zoom.map { (low: max(0, $0.from), high: $0.to) } ?? firstColumnRange(blocks) ?? (0, 1)
        let axis = zoom == nil ? TimeAxis.fitting(range) : .seconds
        let faults = faultDecorations(try faultSpans(set, point: point), range: range, axis: axis)
        var settings = seriesStyles(blocks.count) + [
            "set title \(quote(title ?? "\(goodput ? "Goodput" : "Success ratio"): \(set.info.scenario)\(label), mean and 95 % interval over replications\(goodput ? "; the trigger shaded" : "")"))",
            axis.label,
            goodput ? "set ylabel \"successful requests per second\"" : "set ylabel \"succeeded / offered\"",
            goodput ? "set yrange [0:*]" : "set yrange [0:1.05]",
            "set grid",
            "set key outside right top Left reverse",
            "set style fill transparent solid 0.15 noborder",
        ] + faults.settings
        if !goodput { settings.append("set ytics 0, 0.1, 1") }
        if let zoom {
            settings.append("set xrange [\(f(max(0, zoom.from))):\(f(zoom.to))]")
            for (k, (x, text)) in zoom.marks.enumerated() {
                settings.append("set arrow \(maxFaultSpans + k + 1) from \(f(x)), graph 0 to \(f(x)), graph 1 nohead front lc rgb \"#404040\" dt 4")
                settings.append("set label \(maxFaultSpans + k + 1) \(quote(text)) at \(f(x)), graph 0.5 rotate left offset -1,0 front tc rgb \"#404040\"")
            }
        }
        var plot: [String] = []
        for (i, b) in blocks.enumerated() {
            let file = i == 0 ? quote(name + ".dat") : "\"\""
            plot.append("\(file) index \(i) using \(axis.column):3:4 with filledcurves fillcolor rgb \"\(colour(i))\" notitle")
            plot.append("\"\" index \(i) using \(axis.column):2 with lines ls \(i + 1) title \(quote(b.title))")
        }
        plot += faults.key
        let script = gnuplotScript(
            name: name, about: "Success ratio over time per topology, with the faults shaded and labelled",
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

        // One series per topology (its colour) and value of the other sweep columns (its dash
        // pattern and marker), in file order.
        let keys = shortKeys(sweep)
        var seriesOrder: [String] = []
        var series: [String: [(x: Double, line: String)]] = [:]
        var style: [String: (colour: Int, dash: Int)] = [:]
        var otherValues: [String] = []
        for (r, row) in table.rows.enumerated() {
            guard let y = try table.number(row: r, column: p99) else { continue }
            let e = try ci.flatMap { try table.number(row: r, column: $0) } ?? 0
            let others = columns.enumerated().filter { $0.offset != xAt }.map {
                "\(keys[$0.offset])=\(row[$0.element])"
            }.joined(separator: ", ")
            let title = ([row[topology]] + (others.isEmpty ? [] : [others])).joined(separator: ", ")
            if !otherValues.contains(others) { otherValues.append(others) }
            let x: Double
            if numeric, let v = sweepNumber(row[xColumn]) {
                x = v.value
            } else {
                x = Double(categories.firstIndex(of: row[xColumn]) ?? categories.count)
            }
            if series[title] == nil {
                seriesOrder.append(title)
                let t = set.info.topologies.firstIndex(of: row[topology]) ?? set.info.topologies.count
                style[title] = (t, otherValues.firstIndex(of: others) ?? 0)
            }
            // The error bar stops at 0: no latency is negative.
            series[title, default: []].append((x, "\(f(x)) \(f(y)) \(f(max(0, y - e))) \(f(y + e)) \(f(e)) \(dataQuote(row[xColumn]))"))
        }
        guard !seriesOrder.isEmpty else { return nil }
        let blocks = seriesOrder.map { title in
            (title: title, lines: (series[title] ?? []).sorted { $0.x < $1.x }.map(\.line))
        }
        let data = dataFile(
            about: "p99 latency of scenario \(set.info.scenario) against \(sweep[xAt]), with 95 % half-widths",
            columns: "x latency_p99_ms low high ci95 label", blocks: blocks)
        let xs = blocks.flatMap { $0.lines }.compactMap { line in
            line.split(separator: " ").first.flatMap { Double($0) }
        }
        // Without other sweep columns each topology takes the next colour and dash; with them,
        // the colour says the topologies or the other values, whichever has more, and the dash
        // pattern and marker the other.
        let topologyCount = Set(style.values.map(\.colour)).count
        let byOthers = otherValues.count > topologyCount
        let colourOf: (Int) -> Int = { i in
            let s = style[seriesOrder[i]] ?? (i, i)
            return otherValues.count > 1 ? (byOthers ? s.dash : s.colour) : i
        }
        let dashOf: (Int) -> Int = { i in
            let s = style[seriesOrder[i]] ?? (i, i)
            return otherValues.count > 1 ? (byOthers ? s.colour : s.dash) : i + i / palette.count
        }
        let styles = seriesStyles(seriesOrder.count, colour: colourOf, dash: dashOf)
        var settings = styles + [
            "set title \(quote("p99 latency against \(sweep[xAt]): \(set.info.scenario), mean and 95 % CI over replications"))",
            "set xlabel \(quote(sweep[xAt] + (isRate ? " (requests/s)" : "")))",
            "set ylabel \"p99 latency (ms)\"",
            "set yrange [0:*]",
            "set grid",
            "set key outside right top Left reverse",
            "set offsets graph 0.03, graph 0.03, graph 0.05, 0",
        ]
        if numeric, let lo = xs.min(), let hi = xs.max(), lo > 0, hi / lo >= 10 { settings.append("set logscale x") }
        // The error bars solid and thin in the series' colour, the line dashed over them.
        let plot = blocks.enumerated().flatMap { i, b in
            [
                "\(i == 0 ? quote(name + ".dat") : "\"\"") index \(i) using 1:2:3:4 with yerrorbars lc rgb \"\(palette[colourOf(i) % palette.count])\" lw 1 dt solid ps 0 notitle",
                "\"\" index \(i) using 1:2\(numeric ? "" : ":xtic(6)") with linespoints ls \(i + 1) title \(quote(b.title))",
            ]
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
        // The faults shaded in both panels, labelled above the upper one.
        let spans = try faultSpans(set, point: point)
        let range = firstColumnRange(blocks) ?? (0, 1)
        let axis = TimeAxis.fitting(range)
        let faults = faultDecorations(spans, range: range, axis: axis)
        func panel(_ column: Int, key: [String]) -> String {
            let plot = blocks.enumerated().map { i, b in
                "\(i == 0 ? quote(name + ".dat") : "\"\"") index \(i) using \(axis.column):\(column) with lines ls \(i + 1) title \(quote(b.title))"
            }
            return plotCommand(plot + key)
        }
        let head: [String] = ["set multiplot layout 2,1 title \(quote("Queues: \(set.info.scenario)\(label), mean over replications"))"]
        let panels: [String] = [
            "set ylabel \"queue depth (messages)\"",
            "unset xlabel",
            panel(2, key: faults.key),
            "unset label",
            "set tmargin",
            "set ylabel \"oldest message age (s)\"",
            axis.label,
            panel(3, key: faults.key),
            "unset multiplot",
        ]
        let body = (head + faults.settings + panels).joined(separator: "\n")
        let script = gnuplotScript(
            name: name, about: "Queue depth and age of the oldest message over time, with the faults shaded",
            settings: seriesStyles(blocks.count) + [
                "set grid", "set key outside right top Left reverse", "set yrange [0:*]",
                // The same margins in both panels, so that their time axes line up.
                "set lmargin 12", "set rmargin 26",
            ], body: body)
        return Picture(name: name, data: data, script: script)
    }

    // MARK: - 5. Cost

    /// The availability the `cost` picture rings the cheapest design for: 99.9 %, three nines.
    static let availabilitySLO = 0.999

    /// Cost per month against availability (left) and p99 latency (right), one series (colour
    /// and marker) per topology; with at most ``maxCostLabels`` points each is labelled, the
    /// labels of points that lie close together stacked so that they do not overlap.
    static func costPicture(_ set: ResultSet, name: String) throws -> Picture? {
        let table = set.summary
        guard let cost = table.columnIndex(Figure.costUSDMonth.column), let availability = table.columnIndex(Figure.availability.column),
            let p99 = table.columnIndex(Figure.latencyP99.column), let topology = table.columnIndex("topology")
        else { return nil }
        let ci = table.columnIndex(Figure.costUSDMonth.ciColumn)
        let sweep = set.info.sweepColumns.compactMap { c in table.columnIndex(c).map { (c, $0) } }
        struct Point {
            var topology: String
            var availability: Double, usd: Double, ci: Double, latency: Double
            var label: String
            var labelY = (0.0, 0.0)
        }
        var points: [Point] = []
        for (r, row) in table.rows.enumerated() {
            guard let usd = try table.number(row: r, column: cost), let a = try table.number(row: r, column: availability) else { continue }
            let latency = try table.number(row: r, column: p99) ?? .nan
            let e = try ci.flatMap { try table.number(row: r, column: $0) } ?? 0
            let label = ([row[topology]] + sweep.map { "\($0.0.split(separator: ".").last ?? "")=\(row[$0.1])" }).joined(separator: " ")
            points.append(Point(topology: row[topology], availability: 100 * a, usd: usd, ci: e, latency: latency, label: label))
        }
        guard !points.isEmpty else { return nil }
        let labelled = points.count <= maxCostLabels
        if labelled {
            let ys = points.map(\.usd)
            let yLow = ys.min() ?? 0, ySpan = max((ys.max() ?? 0) - yLow, abs(yLow) * 0.2, 1e-9)
            func place(_ x: (Point) -> Double) -> [Double] {
                let xs = points.map(x).filter(\.isFinite)
                let xLow = xs.min() ?? 0, xSpan = max((xs.max() ?? 0) - xLow, 1e-9)
                var boxes: [(x0: Double, x1: Double, y: Double)] = []
                return points.map { p in
                    let nx = x(p).isFinite ? (x(p) - xLow) / xSpan : 0, ny = (p.usd - yLow) / ySpan
                    let width = 0.018 * Double(p.label.count + 1)
                    var k = 0
                    while k < 12, boxes.contains(where: { nx < $0.x1 && nx + width > $0.x0 && abs(ny - 0.07 * Double(k) - $0.y) < 0.06 }) { k += 1 }
                    boxes.append((nx, nx + width, ny - 0.07 * Double(k)))
                    return p.usd - 0.07 * Double(k) * ySpan
                }
            }
            let left = place(\.availability), right = place { log10($0.latency) }
            for i in points.indices { points[i].labelY = (left[i], right[i]) }
        }
        func line(_ p: Point) -> String {
            "\(f(p.availability)) \(f(p.usd)) \(f(p.ci)) \(f(p.latency)) \(dataQuote(p.label)) \(f(p.labelY.0)) \(f(p.labelY.1))"
        }
        var order = set.info.topologies.filter { t in points.contains { $0.topology == t } }
        for p in points where !order.contains(p.topology) { order.append(p.topology) }
        var blocks: [(title: String, lines: [String])] = order.map { t in (t, points.filter { $0.topology == t }.map(line)) }
        let best = points.filter { $0.availability >= 100 * availabilitySLO }.min { $0.usd < $1.usd }
        if let best { blocks.append(("the cheapest at or above \(f(100 * availabilitySLO)) % availability", [line(best)])) }
        // Availability ends at 100 %: the axis spans from a little below the lowest to just past
        // 100, room for the labels of the points at 100.
        let lowest = points.map { $0.availability / 100 }.min() ?? 1
        let xLow = max(0, 100 * lowest - max(0.05, 25 * (1 - lowest))), xHigh = 100 + max(0.01, 5 * (1 - lowest))
        let data = dataFile(
            about: "cost per month of scenario \(set.info.scenario) (USD, on-demand prices) with availability and p99 latency, one block per topology",
            columns: "availability_pct cost_usd_month ci95 latency_p99_ms label label_y_left label_y_right", blocks: blocks)
        let ringIndex = order.count
        func panel(_ x: Int) -> String {
            var parts: [String] = []
            for (i, _) in order.enumerated() {
                let file = i == 0 ? quote(name + ".dat") : "\"\""
                parts.append("\(file) index \(i) using \(x):2:3 with yerrorbars pt \(markers[i % markers.count]) ps 1.5 lw 1.5 lc rgb \"\(colour(i))\" notitle")
                if labelled {
                    parts.append("\"\" index \(i) using \(x):\(x == 1 ? 6 : 7):5 with labels offset char 1.6,char 0.9 left font \",9\" tc rgb \"#303030\" notitle")
                }
            }
            if best != nil {
                parts.append("\"\" index \(ringIndex) using \(x):2 with points pt 6 ps 4 lw 2 lc rgb \"#D55E00\" notitle")
            }
            return plotCommand(parts)
        }
        // One key for both panels, across the bottom of the picture: an empty plot of its own.
        var key = ["NaN notitle"]
        for (i, t) in order.enumerated() {
            key.append("keyentry with yerrorbars pt \(markers[i % markers.count]) ps 1.5 lw 1.5 lc rgb \"\(colour(i))\" title \(quote(t))")
        }
        if best != nil {
            key.append("keyentry with points pt 6 ps 3 lw 2 lc rgb \"#D55E00\" title \(quote("the cheapest at ≥ \(f(100 * availabilitySLO)) % available"))")
        }
        let keyRows = Double((key.count - 1 + 4) / 5)
        let bottom = (3.2 + 1.3 * keyRows) * 17 / 600
        let body = [
            "set multiplot title \(quote("What it costs: \(set.info.scenario), cost per month at the run's rates (on-demand prices), mean and 95 % CI"))",
            "set border 31", "set tics", "set grid", "unset key",
            "set ylabel \"cost per month (USD)\"", "set yrange [0<*:*]",
            "set bmargin at screen \(f(bottom + 0.02))", "set tmargin at screen 0.92",
            "set lmargin at screen 0.08", "set rmargin at screen 0.48",
            "unset logscale x",
            "set xrange [\(f(xLow)):\(f(xHigh))]",
            "set xlabel \"availability (%)\"",
            panel(1),
            "set lmargin at screen 0.58", "set rmargin at screen 0.98",
            "set autoscale x",
            "set logscale x",
            "set xlabel \"p99 latency (ms, log scale)\"",
            panel(4),
            "unset logscale x", "set border 0", "unset tics", "unset xlabel", "unset ylabel", "unset grid",
            "set xrange [0:1]", "set yrange [0:1]",
            "set lmargin at screen 0.02", "set rmargin at screen 0.98", "set bmargin at screen 0", "set tmargin at screen \(f(bottom - 0.05))",
            "set key center center horizontal Left reverse maxcols 5 samplen 1 width 1",
            plotCommand(key),
            "unset multiplot",
        ].joined(separator: "\n")
        let script = gnuplotScript(
            name: name, about: "Cost per month against availability and p99 latency, one point per topology and sweep point",
            settings: ["set offsets graph 0.08, graph 0.25, graph 0.12, graph 0.1"],
            body: body)
        return Picture(name: name, data: data, script: script)
    }

    /// The most points of the `cost` picture that are labelled one by one.
    static let maxCostLabels = 16

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
                lines.append("\(f(x.value)) \(f(y.value)) \(f(share)) \(dataQuote(NumberFormat.format(share * 100) + "%"))")
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

    /// A gnuplot string literal for a script: single-quoted, so gnuplot substitutes nothing in
    /// it. (In a double-quoted string gnuplot runs a `command` between backquotes and reads
    /// escapes; a fault target or a topology name from a result folder someone hands you must
    /// not run anything.) A single quote is doubled, line breaks become spaces.
    static func quote(_ text: String) -> String {
        var out = "'"
        for ch in text {
            switch ch {
            case "'": out += "''"
            case "\n", "\r": out += " "
            default: out.append(ch)
            }
        }
        return out + "'"
    }

    /// A string field of a data file: double-quoted, as gnuplot reads text columns (a data file
    /// is read, never run, so nothing in it is substituted).
    static func dataQuote(_ text: String) -> String {
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
