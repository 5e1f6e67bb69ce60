import Foundation
import Testing

@testable import TopoBench

// `topobench report` and `compare --html`: the page is made from real result files (a tiny
// scenario run through the library), holds the tables and inline SVG, loads nothing, is
// deterministic, and renders in a headless Chromium.

@Suite("HTML report")
struct HTMLReportTests {
    /// Two topologies, one crash, two replications of two simulated minutes.
    static let scenario = """
        name: tiny
        duration: 2m
        window: 10s
        replications: 2
        seed: 7
        network: none
        workload: { arrival: { dist: exponential, rate: 20/s }, timeout: 1s }
        faults:
          - { kind: crash, target: web, instance: 0, at: 30s, recover_after: 30s }
        topologies:
          single:
            entry: web
            components:
              web: { kind: instances, count: 1, workers: 4, queue: 100, service: { dist: exponential, mean: 5ms } }
          pair:
            entry: web
            components:
              web: { kind: instances, count: 2, workers: 4, queue: 100, service: { dist: exponential, mean: 5ms } }
        """

    /// A result folder of ``scenario`` in a fresh temporary folder: `<dir>/tiny`.
    static func resultFolder(_ label: String) throws -> (dir: String, result: String) {
        let dir = Repo.temporaryFolder(label)
        let set = try Runner.run(try ScenarioLoader.parse(text: scenario, file: "tiny.yaml"), options: RunOptions(jobs: 2))
        try set.write(folder: dir + "/tiny")
        return (dir, dir + "/tiny")
    }

    static func text(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// No reference to anything outside the page.
    static func externalReferences(_ html: String) -> [String] {
        let lower = html.lowercased()
        return ["<script", "<link", "@import", "url(http", "src=\"http", "src='http", "<img", "<iframe"].filter { lower.contains($0) }
    }

    @Test func pageOfOneResultHasTheTablesPicturesAndProvenanceAndLoadsNothing() throws {
        let (dir, result) = try Self.resultFolder("report")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A note with markup in faults.csv must come out as text.
        let faults = result + "/faults.csv"
        let original = Self.text(faults)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var patched = [lines[0], lines[1] + "\"<script>alert(\"\"x\"\")</script> & more\""] + lines.dropFirst(2)
        if patched.last == "" { patched.removeLast() }
        try (patched.joined(separator: "\n") + "\n").write(toFile: faults, atomically: true, encoding: .utf8)

        let output = try HTMLReport.make(from: result, to: dir + "/out")
        #expect(output.path == dir + "/out/report.html")
        let html = Self.text(output.path)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>topobench report: tiny</h1>"))
        // The summary table: the terminal table's columns, a row per topology, intervals.
        #expect(html.contains("<th class=\"n\">availability %</th>"))
        #expect(html.contains("<th class=\"n\">p99 ms</th>"))
        #expect(html.contains("<tr><td>single</td>"))
        #expect(html.contains("<tr><td>pair</td>"))
        #expect(html.contains(" ±"))
        #expect(html.contains("Every column of summary.csv"))
        // The faults table, its note escaped.
        #expect(html.contains("<h3>Faults</h3>"))
        #expect(html.contains("<td>crash</td><td>web[0]</td><td class=\"n\">30</td><td class=\"n\">60</td><td class=\"n\">30</td><td>single, pair</td>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"))
        #expect(Self.externalReferences(html).isEmpty, "\(Self.externalReferences(html))")
        // Provenance from run.json.
        #expect(html.contains("<dt>seed</dt><dd>7</dd>"))
        #expect(html.contains("<dt>replications</dt><dd>2</dd>"))
        #expect(html.contains("<dt>scenario hash</dt>"))
        #expect(html.contains("<dt>events</dt>"))
        if Plots.findExecutable("gnuplot") != nil {
            #expect(output.warnings.isEmpty)
            #expect(html.contains("<svg"))
            #expect(!html.contains("<?xml"))
            #expect(html.contains("<figcaption><strong>latency_cdf</strong>"))
            #expect(html.contains("<figcaption><strong>success_ratio</strong>"))
            // Ids are unique in the page: each picture's are prefixed.
            #expect(html.contains("id=\"p0-latency_cdf-gnuplot_canvas\""))
            #expect(!html.contains("id=\"gnuplot_canvas\""))
        }
        // Deterministic: a second page of the same files has the same bytes.
        let again = try HTMLReport.make(from: result, to: dir + "/again")
        #expect(Self.text(again.path) == html)
    }

    @Test func withoutGnuplotThePageIsWrittenWithANoteAndAWarning() throws {
        let (dir, result) = try Self.resultFolder("report-nognuplot")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let output = try HTMLReport.make(from: result, to: dir + "/out", searchPath: dir + "/no-such-bin")
        #expect(output.warnings.count == 1)
        #expect(output.warnings.first?.hasPrefix("gnuplot is not installed") == true)
        let html = Self.text(output.path)
        #expect(html.contains("class=\"note\">No pictures: gnuplot is not installed"))
        #expect(!html.contains("<svg"))
        #expect(html.contains("<tr><td>single</td>"))
        // The command exits 0 and prints the warning.
        let cli = try SafeOutputTests.cli(["report", result, "--out", dir + "/cli"], environment: ["PATH": dir + "/no-such-bin"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stderr.hasPrefix("warning: gnuplot is not installed"), "\(cli.stderr)")
        #expect(cli.stdout == dir + "/cli/report.html\n")
    }

    @Test func suiteFolderGetsASectionPerScenarioAndATableOfContents() throws {
        let (dir, result) = try Self.resultFolder("report-suite")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let suite = dir + "/suite"
        try FileManager.default.createDirectory(atPath: suite, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: result, toPath: suite + "/b_second")
        try FileManager.default.copyItem(atPath: result, toPath: suite + "/a_first")
        let output = try HTMLReport.make(from: suite, to: dir + "/out")
        let html = Self.text(output.path)
        #expect(html.contains("<nav class=\"toc\">"))
        let first = try #require(html.range(of: "<li><a href=\"#s-a_first\">a_first</a></li>"))
        let second = try #require(html.range(of: "<li><a href=\"#s-b_second\">b_second</a></li>"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(html.contains("<section id=\"s-a_first\">"))
        #expect(html.contains("<section id=\"s-b_second\">"))
        if Plots.findExecutable("gnuplot") != nil {
            #expect(html.contains("id=\"p0-latency_cdf-gnuplot_canvas\""))
            #expect(html.contains("id=\"p1-latency_cdf-gnuplot_canvas\""))
        }
    }

    @Test func aMissingOrMalformedFolderIsAnInputErrorNamingTheFile() throws {
        let (dir, result) = try Self.resultFolder("report-bad")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let missing = #expect(throws: ScenarioError.self) { try HTMLReport.make(from: dir + "/nope", to: dir + "/out") }
        #expect(missing?.file == dir + "/nope")
        try "scenario,topology\nbroken".write(toFile: result + "/summary.csv", atomically: true, encoding: .utf8)
        let cli = try SafeOutputTests.cli(["report", result, "--out", dir + "/out"])
        #expect(cli.status == 65, "\(cli.stderr)")
        #expect(cli.stderr.contains("summary.csv"), "\(cli.stderr)")
        let nope = try SafeOutputTests.cli(["report", dir + "/nope"])
        #expect(nope.status == 65)
        #expect(nope.stderr.contains(dir + "/nope"), "\(nope.stderr)")
    }

    @Test func anUnwritableOutputIsACannotWriteError() throws {
        let (dir, result) = try Self.resultFolder("report-unwritable")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "a file".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        let error = #expect(throws: ReportError.self) { try HTMLReport.make(from: result, to: dir + "/file", searchPath: dir + "/no-such-bin") }
        #expect(error?.kind == .cannotWrite)
    }

    @Test func escapeLeavesNoMarkup() {
        #expect(HTMLPage.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func compareWritesTheSamePageKindWithVerdictsAndIntervals() throws {
        let (dir, result) = try Self.resultFolder("report-compare")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try Comparison.run(baseline: result, current: result, options: CompareOptions())
        let html = report.renderHTML()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<p class=\"verdict ok\">OK: No significant regression</p>"))
        #expect(html.contains("<th>change (95 % CI)</th>"))
        #expect(html.contains("<td class=\"ok\">ok</td><td>tiny</td><td>single</td>"))
        #expect(html.contains("paired n=2"))
        #expect(Self.externalReferences(html).isEmpty)
        // From the command line: the usual output on stdout and the page in FILE.
        let cli = try SafeOutputTests.cli(["compare", result, result, "--html", dir + "/compare.html"])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(cli.stdout.contains("OK:"))
        #expect(Self.text(dir + "/compare.html") == html)
        let bad = try SafeOutputTests.cli(["compare", result, result, "--html", dir + "/no/such/folder/compare.html"])
        #expect(bad.status == 70, "\(bad.stderr)")
        #expect(bad.stderr.contains("cannot write"), "\(bad.stderr)")
    }
}

/// The page in a real browser: headless Chromium renders the tables and the SVG pictures, and
/// its screenshot is not blank. Skipped when Chromium is not installed, unless
/// TOPOBENCH_REQUIRE_CHROMIUM is set (as `make test` does).
@Suite("HTML report in Chromium")
struct HTMLReportChromiumTests {
    static func chromium() -> String? {
        ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { Plots.findExecutable($0) }.first
    }

    /// Runs `browser` with `arguments`, returning its standard output (killed after 90 s).
    static func run(_ browser: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments
        let outFile = Repo.temporaryFolder("chromium-out") + "/stdout"
        FileManager.default.createFile(atPath: outFile, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outFile))
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = Date()
        while process.isRunning {
            if Date().timeIntervalSince(start) > 90 {
                process.terminate()
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, HTMLReportTests.text(outFile))
    }

    /// Width and height from a PNG's IHDR chunk.
    static func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        func be32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    @Test func chromiumRendersTheTablesAndPictures() throws {
        guard let browser = Self.chromium() else {
            if ProcessInfo.processInfo.environment["TOPOBENCH_REQUIRE_CHROMIUM"] != nil {
                Issue.record("chromium is not installed and TOPOBENCH_REQUIRE_CHROMIUM is set: apt-get install chromium")
            } else {
                print("skipped: chromium is not installed (apt-get install chromium; TOPOBENCH_REQUIRE_CHROMIUM=1 makes this a failure)")
            }
            return
        }
        try #require(Plots.findExecutable("gnuplot") != nil, "the report's pictures need gnuplot")
        let (dir, result) = try HTMLReportTests.resultFolder("report-chromium")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let page = try HTMLReport.make(from: result, to: dir + "/out").path
        let url = URL(fileURLWithPath: page).absoluteString
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(dir)/profile"]
        let dom = try Self.run(browser, common + ["--dump-dom", url])
        #expect(dom.status == 0)
        // The tables, as the browser parsed them (it adds <tbody> where missing, keeps ours).
        #expect(dom.stdout.contains("<table>"), "\(dom.stdout.prefix(400))")
        #expect(dom.stdout.contains("<tr><td>single</td>"))
        #expect(dom.stdout.contains("<tr><td>pair</td>"))
        // Inline SVG pictures with paths.
        #expect(dom.stdout.components(separatedBy: "<svg").count - 1 >= 2)
        #expect(dom.stdout.contains("<path"))
        let png = dir + "/screenshot.png"
        let shot = try Self.run(browser, common + ["--screenshot=\(png)", "--window-size=1200,2000", url])
        #expect(shot.status == 0)
        let bytes = FileManager.default.contents(atPath: png).map { [UInt8]($0) } ?? []
        let size = Self.pngSize(bytes)
        #expect(size?.width == 1200 && size?.height == 2000, "\(String(describing: size))")
        // A blank white page compresses to a few hundred bytes; this one has text and lines.
        #expect(bytes.count > 20_000, "screenshot of \(bytes.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["TOPOBENCH_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try? FileManager.default.copyItem(atPath: png, toPath: keep)
        }
    }
}
