import Foundation

/// The one way numbers are written to and read from result files.
///
/// `format` is deterministic and locale-independent, and stable under a round trip:
/// `format(parse(format(x))) == format(x)` for every finite `x`. Rules:
/// - NaN and ±infinity are written as an empty field (a figure that does not exist);
/// - an integral value with |x| < 10¹⁵ is written as an integer (`42`, `-3`, `0`; never `-0`);
/// - any other value is rounded to 10 significant digits, like C's `%.10g`, and written without
///   an exponent when 10⁻⁶ ≤ |x| < 10¹⁵ (trailing zeros trimmed: `0.25`, `1234.5`), with one
///   otherwise (`1.5e-07`, `2.5e+20`).
///
/// Stability holds because a 10-significant-digit decimal read back as the nearest `Double`
/// rounds to the same 10 digits again.
public enum NumberFormat {
    /// The text of `x` in a result file.
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == 0 { return "0" }
        if abs(x) < 1e15 && x == x.rounded(.towardZero) { return String(Int64(x)) }
        // The exponent after rounding to 10 significant digits decides the notation.
        let scientific = String(format: "%.9e", x)
        guard let e = scientific.lastIndex(of: "e"),
            let exponent = Int(scientific[scientific.index(after: e)...])
        else { return scientific }
        if exponent >= -6 && exponent < 15 {
            let decimals = max(0, 9 - exponent)
            let fixed = String(format: "%.\(decimals)f", x)
            let trimmed = trimFraction(fixed)
            return trimmed == "-0" ? "0" : trimmed
        }
        let mantissa = trimFraction(String(scientific[..<e]))
        let magnitude = abs(exponent)
        return mantissa + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// The text of an integer count.
    public static func format(_ n: Int) -> String { String(n) }

    /// Removes trailing zeros after a decimal point, and the point if nothing is left after it.
    static func trimFraction(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var s = Substring(text)
        while s.last == "0" { s = s.dropLast() }
        if s.last == "." { s = s.dropLast() }
        return String(s)
    }

    /// The number written as `text`, or `nil` when `text` is not a plain decimal number.
    ///
    /// Accepted: an optional sign, digits with an optional fraction (at least one digit in
    /// all), and an optional exponent (`e` or `E`, optional sign, digits). Rejected: empty text,
    /// spaces, `nan`, `inf`, hexadecimal, and anything else `Double(_:)` would also take.
    public static func parse(_ text: String) -> Double? {
        var bytes = text.utf8.makeIterator()
        var digits = 0
        var state = 0  // 0 sign/int, 1 fraction, 2 exponent sign, 3 exponent digits
        var exponentDigits = 0
        var first = true
        while let b = bytes.next() {
            defer { first = false }
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if state <= 1 {
                    digits += 1
                } else {
                    state = 3
                    exponentDigits += 1
                }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if first { continue }
                if state == 2 && exponentDigits == 0 {
                    state = 3
                    continue
                }
                return nil
            case UInt8(ascii: "."):
                if state != 0 { return nil }
                state = 1
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if state > 1 || digits == 0 { return nil }
                state = 2
            default:
                return nil
            }
        }
        if digits == 0 { return nil }
        if state >= 2 && exponentDigits == 0 { return nil }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

/// The columns of every result file, in order.
///
/// `metrics` is the single list of per-replication figures, ``Figure/allCases``:
/// `replications.csv` has one column per figure and `summary.csv` one aggregate (plus a `_ci95`
/// column where the figure has one). Adding a metric means adding one case to ``Figure``.
public enum ResultColumns {
    /// The columns that name a row: `scenario`, `topology` (sweep columns come after them).
    public static let keyColumns = ["scenario", "topology"]

    /// The suffix of a confidence-interval column.
    public static let ciSuffix = Figure.ciSuffix

    /// Per-replication metrics, in column order.
    public static let metrics: [Figure] = Figure.allCases

    /// The value columns of `timeseries.csv`, after the key columns and `replication`.
    public static let timeseriesValues = [
        "window_start_s", "offered", "succeeded", "p99_ms", "queue_depth", "healthy_instances",
        "oldest_message_age_s",
    ]

    /// The value columns of `faults.csv`, after the key columns and `replication`.
    public static let faultValues = ["kind", "target", "start_s", "end_s", "note"]

    /// The value columns of `latency.csv`, after the key columns and `replication`.
    public static let latencyValues = ["percentile", "latency_ms"]

    /// The percentile ladder suggested for `latency.csv`, in percent.
    public static let latencyPercentiles: [Double] = [
        0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.9, 99.99, 100,
    ]

    /// `scenario, topology, <sweep…>, replication, <metrics…>`.
    public static func replicationsHeader(sweepColumns: [String]) -> [String] {
        keyColumns + sweepColumns + ["replication"] + metrics.map(\.column)
    }

    /// `scenario, topology, <sweep…>, replications, <metric, metric_ci95…>`.
    public static func summaryHeader(sweepColumns: [String]) -> [String] {
        var header = keyColumns + sweepColumns + ["replications"]
        for figure in metrics {
            header.append(figure.column)
            if figure.hasConfidenceInterval { header.append(figure.ciColumn) }
        }
        return header
    }

    /// `scenario, topology, <sweep…>, replication, window_start_s, …`.
    public static func timeseriesHeader(sweepColumns: [String]) -> [String] {
        keyColumns + sweepColumns + ["replication"] + timeseriesValues
    }

    /// `scenario, topology, <sweep…>, replication, kind, target, start_s, end_s, note`.
    public static func faultsHeader(sweepColumns: [String]) -> [String] {
        keyColumns + sweepColumns + ["replication"] + faultValues
    }

    /// The value columns of `cost.csv`, after the key columns and `replication`.
    public static let costValues = ["component", "item", "quantity", "unit", "usd"]

    /// `scenario, topology, <sweep…>, replication, component, item, quantity, unit, usd`.
    public static func costHeader(sweepColumns: [String]) -> [String] {
        keyColumns + sweepColumns + ["replication"] + costValues
    }

    /// `scenario, topology, <sweep…>, replication, percentile, latency_ms`.
    public static func latencyHeader(sweepColumns: [String]) -> [String] {
        keyColumns + sweepColumns + ["replication"] + latencyValues
    }

    /// The sweep columns of a `replications.csv` header: those between `topology` and
    /// `replication`.
    public static func sweepColumns(inReplicationsHeader header: [String]) -> [String] {
        sweepColumns(in: header, before: "replication")
    }

    /// The sweep columns of a `summary.csv` header: those between `topology` and `replications`.
    public static func sweepColumns(inSummaryHeader header: [String]) -> [String] {
        sweepColumns(in: header, before: "replications")
    }

    static func sweepColumns(in header: [String], before marker: String) -> [String] {
        guard let topology = header.firstIndex(of: "topology"), let end = header.firstIndex(of: marker),
            topology < end
        else { return [] }
        return Array(header[(topology + 1)..<end])
    }
}

/// The summary of a result: replications aggregated per (scenario, topology, sweep point).
public enum Summary {
    /// Computes `summary.csv` from `replications.csv`.
    ///
    /// Every figure is computed from the *text* of the replication table, parsed back with
    /// `NumberFormat.parse`, visiting rows in table order; this is what makes a merge of shards
    /// byte-identical to an unsharded run. Rows are grouped by (scenario, topology, sweep
    /// values); groups appear in the order of their first row (canonical when the table is
    /// sorted). For each ``Figure`` (`ResultColumns.metrics`): the mean (or max) of the non-empty
    /// values, empty if all are empty; and for metrics with a CI, the half-width of the 95 %
    /// Student-t interval of the mean, t(0.975, n−1) · s / √n, with s the sample standard
    /// deviation of the n non-empty values (empty when n < 2). A column of the table that is
    /// neither a key, a sweep column, `replication`, nor a known metric is treated as an extra
    /// metric (mean, no CI) and appended, so a new column never breaks older code.
    /// `replications` is the number of rows in the group.
    /// - Throws: `ScenarioError` naming the table's source, the column and the line of a value
    ///   that is not a number, or a missing key or metric column.
    /// - Complexity: O(rows × columns).
    public static func compute(replications table: ResultTable, sweepColumns: [String]) throws -> ResultTable {
        let keyNames = ResultColumns.keyColumns + sweepColumns
        let keyIndices = try keyNames.map { try table.requireColumn($0) }
        // A figure that the table lacks (a result of an older version) is left out of the
        // summary too, so that `compare` reports it as not compared.
        var columns = ResultColumns.metrics.filter { table.columnIndex($0.column) != nil }.map {
            Column(name: $0.column, aggregation: $0.aggregation, confidenceInterval: $0.hasConfidenceInterval)
        }
        let known = Set(keyNames + ["replication"] + columns.map(\.name))
        for name in table.header where !known.contains(name) {
            columns.append(Column(name: name, aggregation: .mean, confidenceInterval: false))
        }
        let metricIndices = try columns.map { try table.requireColumn($0.name) }

        var groupOf: [[String]: Int] = [:]
        var groups: [(key: [String], rows: [Int])] = []
        for (r, row) in table.rows.enumerated() {
            let key = keyIndices.map { row[$0] }
            if let g = groupOf[key] {
                groups[g].rows.append(r)
            } else {
                groupOf[key] = groups.count
                groups.append((key, [r]))
            }
        }

        var header = keyNames + ["replications"]
        for column in columns {
            header.append(column.name)
            if column.confidenceInterval { header.append(column.name + ResultColumns.ciSuffix) }
        }
        var rows: [[String]] = []
        rows.reserveCapacity(groups.count)
        for group in groups {
            var out = group.key
            out.append(String(group.rows.count))
            for (m, column) in columns.enumerated() {
                var values: [Double] = []
                values.reserveCapacity(group.rows.count)
                for r in group.rows {
                    if let v = try table.number(row: r, column: metricIndices[m]) { values.append(v) }
                }
                switch column.aggregation {
                case .mean: out.append(values.isEmpty ? "" : NumberFormat.format(mean(values)))
                case .max: out.append(values.max().map(NumberFormat.format) ?? "")
                }
                if column.confidenceInterval {
                    out.append(halfWidth95(values).map(NumberFormat.format) ?? "")
                }
            }
            rows.append(out)
        }
        var summary = ResultTable(header: header, rows: rows, source: "summary.csv")
        if table.source != "<memory>", table.source.hasSuffix("replications.csv") {
            summary.source = String(table.source.dropLast("replications.csv".count)) + "summary.csv"
        }
        return summary
    }

    /// A column of the summary: a ``Figure``'s, or one of a newer version that this one does not
    /// know (averaged, no interval).
    struct Column {
        var name: String
        var aggregation: Figure.Aggregation
        var confidenceInterval: Bool
    }

    /// The arithmetic mean, summing in order.
    static func mean(_ values: [Double]) -> Double {
        var sum = 0.0
        for v in values { sum += v }
        return sum / Double(values.count)
    }

    /// The half-width of the 95 % Student-t confidence interval of the mean of `values`, or
    /// `nil` for fewer than two values.
    public static func halfWidth95(_ values: [Double]) -> Double? {
        StudentT.halfWidth(values, confidence: 0.95)
    }
}
