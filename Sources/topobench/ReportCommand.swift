import ArgumentParser
import Foundation
import TopoBench

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes one self-contained report.html for a result folder (or a suite's folder of them).",
        discussion: """
            The page holds, per scenario: the summary table (the figures of the terminal table \
            with their 95 % intervals and units, and every column of summary.csv), the faults, \
            the pictures of `topobench plot` as inline SVG, the scenario (name, hash, topologies, \
            sweep) and the provenance from run.json (version, seed, replications, wall time, \
            events). A suite folder gives one page with a section per scenario and a table of \
            contents. The page loads nothing (no script, stylesheet, font or image), so it opens \
            offline; the same results give the same bytes.

            The pictures need gnuplot; without it the page is still written, with a note where \
            the pictures would be, and a warning is printed (exit 0).

            Examples:
              topobench report results/default/instance_crash
              topobench report results/default --out /tmp/report && xdg-open /tmp/report/report.html
            """)

    @Argument(help: "A result folder (or a suite's folder of them).") var folder: String
    @Option(help: ArgumentHelp("Where to write report.html (default: the result folder itself).", valueName: "DIR")) var out: String?

    func run() throws {
        try guarded {
            let output = try HTMLReport.make(from: folder, to: out ?? folder)
            for w in output.warnings { printError("warning: \(w)") }
            print(output.path)
        }
    }
}
