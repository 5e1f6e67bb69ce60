import Foundation
import Testing
@testable import TopoBench

/// A result folder is input too: nothing in it may run a command through gnuplot.
@Suite("Plot safety")
struct PlotSafetyTests {
    @Test func scriptStringsAreSingleQuoted() {
        #expect(Plots.quote("`touch x` and 'quotes'") == "'`touch x` and ''quotes'''")
        #expect(Plots.quote("a\nb") == "'a b'")
        #expect(Plots.dataQuote("say \"hi\"") == "\"say \\\"hi\\\"\"")
    }

    /// A fault target written as a backquoted command is drawn as text, not run.
    @Test func aCraftedFaultTargetRunsNothing() throws {
        let folder = try QuickResults.copy("instance_crash", label: "crafted")
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        let marker = Hostile.temporaryFolder("pwned") + "/ran"
        let faults = folder + "/faults.csv"
        let text = try String(contentsOfFile: faults, encoding: .utf8)
        try text.replacingOccurrences(of: ",backend[0],", with: ",`touch \(marker)`,")
            .write(toFile: faults, atomically: true, encoding: .utf8)
        let out = Hostile.temporaryFolder("crafted-plots")
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Plots.make(from: folder, to: out)
        #expect(!FileManager.default.fileExists(atPath: marker), "gnuplot ran the fault target")
        let script = try String(contentsOfFile: out + "/success_ratio.gp", encoding: .utf8)
        #expect(script.contains("'crash `touch \(marker)`'"), "the label is the text itself")
    }
}
