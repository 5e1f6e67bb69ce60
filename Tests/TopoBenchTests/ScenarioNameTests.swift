import Foundation
import Testing

@testable import TopoBench

/// Two scenarios of one invocation may not share a name: their results would share a folder.
@Suite("Scenario names")
struct ScenarioNameTests {
    @Test func twoFilesWithOneNameExit65NamingBoth() throws {
        let dir = Repo.temporaryFolder("names")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try SafeOutputTests.write(SafeOutputTests.small, to: dir, name: "a.yaml")
        let b = try SafeOutputTests.write("# the same name\n" + SafeOutputTests.small, to: dir, name: "b.yaml")
        let exit = try SafeOutputTests.cli(["run", a, b, "--out", dir + "/out", "--quiet"])
        #expect(exit.status == 65, "\(exit.stderr)")
        #expect(exit.stderr.contains("\(b):2: name: expected a scenario name that no other file of this run uses"), "\(exit.stderr)")
        #expect(exit.stderr.contains("found \"small\", also the name of \(a):1"), "\(exit.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
        let twice = try SafeOutputTests.cli(["run", a, a, "--out", dir + "/out", "--quiet"])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("the same file given twice (arguments 1 and 2)"), "\(twice.stderr)")
        // Different names run as before.
        let c = try SafeOutputTests.write(
            SafeOutputTests.small.replacingOccurrences(of: "name: small", with: "name: other"), to: dir, name: "c.yaml")
        let fine = try SafeOutputTests.cli(["run", a, c, "--out", dir + "/out", "--quiet"])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/out/small/summary.csv"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/other/summary.csv"))
    }

    @Test func theLibraryCheckNamesTheFirstFile() {
        #expect(throws: Never.self) { try ScenarioNames.checkDistinct([("a.yaml", "x"), ("b.yaml", "y")]) }
        do {
            try ScenarioNames.checkDistinct([("a.yaml", "x"), ("b.yaml", "y"), ("c.yaml", "x")], in: "suite s")
            Issue.record("no error")
        } catch let error as ScenarioError {
            #expect(error.file == "c.yaml" && error.keyPath == "name")
            #expect(error.found == "\"x\", also the name of a.yaml")
            #expect(error.expected.contains("suite s"))
        } catch {
            Issue.record("\(error)")
        }
    }
}
