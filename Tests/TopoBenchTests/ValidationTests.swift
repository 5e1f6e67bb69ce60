import Testing
@testable import TopoBench

/// The analytic validation cases of `topobench validate`, each as a test: the exact value must
/// lie inside the simulated 95 % interval and the relative error must be under 2 %.
@Suite("Validation against queueing and reliability theory")
struct ValidationTests {
    @Test(arguments: ValidationSuite.cases.map(\.name))
    func caseAgreesWithTheory(_ name: String) throws {
        let c = try #require(ValidationSuite.cases.first { $0.name == name })
        let r = try ValidationSuite.run(c, jobs: 2)
        #expect(r.replications == 10)
        #expect(r.halfWidth > 0, "a 95 % interval needs spread between replications")
        #expect(abs(r.mean - r.exact) <= r.halfWidth, "\(name): exact \(r.exact) outside \(r.mean) ± \(r.halfWidth)")
        #expect(r.relativeError < ValidationSuite.maxRelativeError, "\(name): relative error \(r.relativeError)")
    }

    /// The exact values the cases compare with, computed independently here.
    @Test func exactValues() throws {
        let expected: [String: Double] = [
            "mm1": 5.0,                      // 1/(μ−λ) = 1/(1000−800) s
            "md1": 3.0,                      // D + ρD/(2(1−ρ)) = 1 + 0.8/0.4 ms
            "mg1_lognormal": 1 + 0.7 * 2 / 0.6,  // E[S²] = sd² + mean² = 2 ms²
            "availability": 60.0 / 70.0,
            "alb_all_down": 0.25,
        ]
        for c in ValidationSuite.cases {
            let s = try #require(try ScenarioLoader.parse(text: c.scenario, file: c.name).first)
            if let e = expected[c.name] {
                #expect(abs(c.exact(s) - e) < 1e-9, "\(c.name): \(c.exact(s)) ≠ \(e)")
            }
        }
        // Erlang B(10, 8) and the M/M/4 response time from tables.
        let b = try #require(ValidationSuite.cases.first { $0.name == "mmcc_erlang_b" })
        #expect(abs(b.exact(try #require(try ScenarioLoader.parse(text: b.scenario, file: "b").first)) - 0.12166) < 1e-4)
    }

    /// A wrong model must fail: the same M/M/1 data compared with a value 5 % off is rejected.
    @Test func aWrongExactValueFails() {
        let r = ValidationResult(name: "x", quantity: "", exact: 5.25, mean: 5.0, halfWidth: 0.05, replications: 10)
        #expect(!r.passed)
        let ok = ValidationResult(name: "x", quantity: "", exact: 5.02, mean: 5.0, halfWidth: 0.05, replications: 10)
        #expect(ok.passed)
    }
}
