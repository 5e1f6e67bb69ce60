import Foundation

extension CompareOptions {
    /// The options of `topobench compare` from its command-line values.
    ///
    /// `--max-latency-regression` sets every latency gated by default
    /// (``latencyFigures``), `--max-availability-drop` sets `availability`, and each
    /// `--threshold FIGURE=VALUE` sets one figure, overriding `--max-latency-regression` for
    /// that figure. The same figure set twice otherwise is an error.
    /// - Throws: `ReportError.badArgument` (exit 64) naming the option and what it expected.
    public static func fromCommandLine(
        maxLatencyRegression: String?, maxAvailabilityDrop: String?, thresholds: [String], strict: Bool = false,
        requirePower: Bool = false, pairing: ComparePairing = .auto
    ) throws -> CompareOptions {
        var options = CompareOptions(strict: strict, requirePower: requirePower, pairing: pairing)
        var setBy: [Figure: String] = [:]
        if let text = maxLatencyRegression {
            let threshold = try parseThreshold(text, for: .latencyP99, option: "--max-latency-regression")
            for figure in latencyFigures { options.thresholds[figure] = .some(threshold) }
        }
        if let text = maxAvailabilityDrop {
            options.thresholds[.availability] = .some(
                try parseThreshold(text, for: .availability, option: "--max-availability-drop"))
            setBy[.availability] = "--max-availability-drop"
        }
        for text in thresholds {
            let (figure, threshold) = try parseAssignment(text)
            if let other = setBy[figure] {
                throw ReportError(
                    .badArgument, "--threshold \(text): \(figure.column) already has a threshold from \(other)")
            }
            setBy[figure] = "--threshold \(text)"
            options.thresholds[figure] = .some(threshold)
        }
        return options
    }

    /// Parses `FIGURE=VALUE` (the value as ``parseThreshold(_:for:option:)`` reads it).
    ///
    /// - Throws: `ReportError.badArgument` for a missing `=`, an unknown figure (with the
    ///   nearest one), a neutral figure, or a bad value.
    public static func parseAssignment(_ text: String) throws -> (Figure, Figure.Threshold?) {
        guard let equals = text.firstIndex(of: "=") else {
            throw ReportError(
                .badArgument, "--threshold: expected FIGURE=VALUE such as sessions_lost=5 or latency_p99_ms=10%, found '\(text)'")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        let value = String(text[text.index(after: equals)...])
        let gateable = Figure.allCases.filter { $0.direction != .neutral }.map(\.column)
        guard let figure = Figure(column: name) else {
            var message = "--threshold \(text): '\(name)' is not a figure"
            if let near = KeyPath.nearest(name, in: Figure.allCases.map(\.column)) {
                message += "; did you mean '\(near)'?"
            }
            message += " (figures with a threshold: \(gateable.joined(separator: ", ")))"
            throw ReportError(.badArgument, message)
        }
        return (figure, try parseThreshold(value, for: figure, option: "--threshold \(name)"))
    }

    /// Parses a threshold for `figure`, checking its unit.
    ///
    /// - `N%` is relative to the baseline (`10%`: +10 % allowed), except for a share
    ///   (availability: unit ``Figure/Unit/fraction``), where it is percentage points
    ///   (`0.1%` = 0.001);
    /// - a share takes a bare fraction from 0 to 1 (`0.001`);
    /// - a count takes a bare count per replication (`5`);
    /// - a time (milliseconds, seconds) takes a duration with its unit (`5ms`, `30s`). A bare
    ///   number is refused: `--max-latency-regression 5` meant +500 % before 0.2, which is
    ///   surely not what was meant;
    /// - `off` stops gating the figure (`nil`).
    /// - Throws: `ReportError.badArgument` (exit 64) naming `option`, what was expected and
    ///   what was found.
    public static func parseThreshold(_ text: String, for figure: Figure, option: String) throws -> Figure.Threshold? {
        let body = text.trimmingCharacters(in: .whitespaces)
        guard figure.direction != .neutral else {
            throw ReportError(
                .badArgument,
                "\(option): \(figure.column) is neutral (neither a rise nor a drop is worse), so it takes no threshold")
        }
        if body == "off" { return nil }
        let expected: String
        switch figure.unit {
        case .fraction: expected = "an absolute change such as 0.001 or 0.1% (percentage points)"
        case .count: expected = "a share of the baseline such as 10% or a count per replication such as 5"
        case .usd: expected = "a share of the baseline such as 5% or an amount in US dollars such as 0.50"
        case .milliseconds: expected = "a share of the baseline such as 10% or a duration such as 5ms"
        case .seconds: expected = "a share of the baseline such as 10% or a duration such as 30s"
        }
        func bad(_ why: String = "") -> ReportError {
            ReportError(.badArgument, "\(option): expected \(expected), or off; found '\(text)'\(why)")
        }
        if body.hasSuffix("%") {
            let number = String(body.dropLast()).trimmingCharacters(in: .whitespaces)
            guard let value = NumberFormat.parse(number), value >= 0 else { throw bad() }
            if figure.unit == .fraction {
                guard value <= 100 else { throw bad(" (more than 100 points)") }
                return .absolute(value / 100)
            }
            return .relative(value / 100)
        }
        switch figure.unit {
        case .fraction:
            guard let value = NumberFormat.parse(body), value >= 0, value <= 1 else { throw bad() }
            return .absolute(value)
        case .count, .usd:
            guard let value = NumberFormat.parse(body), value >= 0 else { throw bad() }
            return .absolute(value)
        case .milliseconds, .seconds:
            if let value = NumberFormat.parse(body) {
                if value == 0 { return .absolute(0) }
                let asPercent = CompareReport.percent(value)
                throw ReportError(
                    .badArgument,
                    "\(option): '\(text)' has no unit: write \(NumberFormat.format(value))% for +\(NumberFormat.format(value)) % of the baseline (a bare \(text) was read as a fraction, +\(asPercent), before 0.2), or a duration such as \(NumberFormat.format(value))ms"
                )
            }
            guard let nanoseconds = Units.parseDuration(body), nanoseconds >= 0 else { throw bad() }
            let scale = figure.unit == .milliseconds ? 1e6 : 1e9
            return .absolute(Double(nanoseconds) / scale)
        }
    }
}
