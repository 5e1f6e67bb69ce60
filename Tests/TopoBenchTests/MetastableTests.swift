import Foundation
import Testing

@testable import TopoBench

/// Issue 15, point 5: a retry storm that outlives its trigger, and the defences that end it.
@Suite("Metastable failures")
struct MetastableTests {
    /// The default suite's retry_storm, one replication of each design.
    static func run() throws -> ResultSet {
        let path = "Benchmarks/suites/default/retry_storm.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let scenarios = try ScenarioLoader.parse(text: text, file: path, overrides: ScenarioOverrides(replications: 2))
        return try Runner.run(scenarios, options: RunOptions(jobs: 2))
    }

    @Test func naiveRetriesStayDownAndTheDefencesRecover() throws {
        let set = try Self.run()
        func value(_ topology: String, _ figure: Figure) throws -> Double {
            let t = set.summary
            let row = try #require(t.rows.first { $0[try t.requireColumn("topology")] == topology })
            return try #require(Double(row[try t.requireColumn(figure.column)]))
        }
        // Naive retries: the outage outlives its 30 s trigger and lasts to the end of the run.
        #expect(try value("naive_retries", .recovered) == 0)
        #expect(try value("naive_retries", .availability) < 0.25)
        // Every defence recovers, and so does the system without retries.
        for t in ["no_retries", "sdk_quota", "retry_budget", "circuit_breaker", "lifo_queue_timeout", "sqs"] {
            #expect(try value(t, .recovered) == 1, "\(t)")
        }
        // LIFO with a queue timeout keeps goodput near the offered 320/s through the storm:
        // within 10 % of it over the whole run, and its backend wastes almost no work.
        #expect(try value("lifo_queue_timeout", .goodputPerS) > 0.9 * 320)
        #expect(try value("lifo_queue_timeout", .wastedWork) < 0.01)
        // SQS absorbs the trigger: no user sees it.
        #expect(try value("sqs", .availability) == 1)
    }
}
