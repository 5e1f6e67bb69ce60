import Foundation
import Testing
@testable import TopoBench

/// Hostile input: thousands of scenario files derived from the examples by deleting keys and
/// writing wrong types, zeros, negatives, NaN, infinities, huge numbers, unknown units, kinds and
/// distributions, dangling and circular references, duplicate names, empty topologies,… Each
/// must either run, or be refused with a `ScenarioError` that names the key path changed; none
/// may crash, abort inside GSL or run past a time bound.
///
/// The mutants are derived deterministically (no clock, no random generator) from every
/// `Benchmarks/suites/examples/*.yaml` and two small scenarios below that use the features the
/// examples leave out. Each example is first shrunk to a 2-second, one-replication run with its
/// faults scaled into those 2 seconds, so the whole test runs in seconds.
@Suite("Mutation")
struct MutationTests {
    /// One derived scenario.
    struct Mutant: CustomStringConvertible {
        var source: String
        var label: String
        var text: String
        /// The key path changed, as errors print it; nil for changes to the text as a whole.
        var path: String?
        /// The file must be refused (its change is invalid wherever it is made).
        var mustRefuse: Bool
        /// Words an error elsewhere in the file may name instead of the path (a component that
        /// was deleted is named where it is referred to).
        var mentions: [String] = []
        var overrides = MutationTests.overrides

        var description: String { "\((source as NSString).lastPathComponent): \(label)" }
    }

    enum Outcome {
        case ran(ResultSet)
        case refused(ScenarioError)
        case otherError(String)
    }

    static let overrides = ScenarioOverrides(replications: 1, duration: 2 * Time.second)
    /// Wall-clock bound of one mutant (load and run).
    static let timeBound = 10.0
    /// Mutants of the examples in all (shared between the example files, so that more examples
    /// do not slow the test down), at least `minimumPerExample` each; and of each extra base.
    static let exampleBudget = 1_100
    static let minimumPerExample = 300
    static let extraLimit = 400

    // MARK: the test

    @Test func mutantsRunOrAreRefusedByKeyPath() throws {
        var mutants: [Mutant] = []
        let files = Hostile.exampleFiles()
        #expect(!files.isEmpty, "no example scenarios in Benchmarks/suites/examples")
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let limit = max(Self.minimumPerExample, Self.exampleBudget / files.count)
            mutants += try Self.mutants(of: Self.shrink(try Hostile.tree(text, file: file)), file: file, limit: limit)
        }
        let fromExamples = mutants.count
        #expect(fromExamples >= 1_000, "only \(fromExamples) mutants derived from the examples")
        for (name, text) in Self.extraBases {
            let file = Hostile.path("Benchmarks/suites/examples/\(name).yaml")
            mutants += try Self.mutants(of: try Hostile.tree(text, file: file), file: file, limit: Self.extraLimit)
        }

        var ran = 0, refused = 0
        var failures: [String] = []
        let lock = NSLock()
        // Two lanes: the runs are single-threaded and independent.
        let lanes = 2
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var i = lane
            while i < mutants.count {
                let m = mutants[i]
                i += lanes
                let outcome = Hostile.bounded(seconds: Self.timeBound) { Self.outcome(of: m) }
                var problem: String?
                switch outcome {
                case nil:
                    problem = "ran longer than \(Self.timeBound) s"
                case .ran(let result)?:
                    if m.mustRefuse { problem = "was accepted, but must be refused" }
                    let broken = Hostile.conservationViolations(result.replications)
                    if !broken.isEmpty { problem = "conservation broken: " + broken.prefix(2).joined(separator: "; ") }
                case .refused(let e)?:
                    if !Self.names(e, m) { problem = "refused at the wrong place: \(e)" }
                case .otherError(let e)?:
                    problem = "failed with a non-scenario error: \(e)"
                }
                lock.lock()
                switch outcome {
                case .ran?: ran += 1
                case .refused?: refused += 1
                default: break
                }
                if let problem { failures.append("\(m): \(problem)") }
                lock.unlock()
            }
        }
        for f in failures.prefix(40) { Issue.record(Comment(rawValue: f)) }
        #expect(failures.count == 0, "\(failures.count) of \(mutants.count) mutants failed")
        print("mutation test: \(mutants.count) mutants, \(ran) ran, \(refused) refused, \(failures.count) failed")
    }

    // MARK: what the mutants found

    static let plain = """
        name: found
        duration: 2s
        workload:
          arrival: { dist: exponential, rate: 100/s }
        sweep:
          workload.arrival.rate: [50/s, 100/s]
        topologies:
          t:
            entry: web
            components:
              web: { kind: instances, count: 2, zones: [a, b], service: 5ms }
        """

    static func refusal(_ text: String, overrides: ScenarioOverrides = .init()) -> ScenarioError? {
        do {
            _ = try ScenarioLoader.parse(text: text, file: "found.yaml", overrides: overrides)
            return nil
        } catch {
            return error as? ScenarioError
        }
    }

    /// Each was a crash or an error at the wrong key path before it was fixed in the loader.
    @Test func loaderFixesFoundByTheMutants() throws {
        // --replications 0 trapped in the runner (1...0); other overrides were not checked either.
        #expect(Self.refusal(Self.plain, overrides: ScenarioOverrides(replications: 0))?.keyPath == "replications")
        #expect(Self.refusal(Self.plain, overrides: ScenarioOverrides(duration: 0))?.keyPath == "duration")
        #expect(Self.refusal(Self.plain, overrides: ScenarioOverrides(timeScale: .nan))?.keyPath == "duration")
        // A zone outage in a zone no topology has was accepted (fault zones counted as zones).
        let outage = Self.plain + "\nfaults:\n  - { kind: zone_outage, zone: mars, at: 1s, duration: 1s }\n"
        #expect(Self.refusal(outage)?.keyPath == "faults[0].zone")
        // A bad swept value was reported at the key it replaces, which holds a valid value.
        let sweptBad = Self.plain.replacingOccurrences(of: "[50/s, 100/s]", with: "[50/s, -3/s]")
        #expect(Self.refusal(sweptBad)?.keyPath == "sweep[\"workload.arrival.rate\"][1]")
        let sweptUnknown = Self.plain.replacingOccurrences(of: "workload.arrival.rate:", with: "workload.arrival.rat:")
        #expect(Self.refusal(sweptUnknown)?.keyPath == "sweep[\"workload.arrival.rat\"]")
        // A rate whose inverse is infinite was reported at a 'mean' the file does not have.
        let denormal = Self.plain.replacingOccurrences(of: "rate: 100/s }", with: "rate: 5e-324/ns }")
            .replacingOccurrences(of: "sweep:\n  workload.arrival.rate: [50/s, 100/s]\n", with: "")
        #expect(Self.refusal(denormal)?.keyPath == "workload.arrival.rate")
        // Too many points: the error is at the sweep, not the document.
        let points = Self.plain.replacingOccurrences(
            of: "[50/s, 100/s]", with: "[" + (1...101).map { "\($0)/s" }.joined(separator: ", ") + "]\n  seed: ["
                + (1...101).map(String.init).joined(separator: ", ") + "]")
        #expect(Self.refusal(points)?.keyPath == "sweep")
    }

    static func outcome(of m: Mutant) -> Outcome {
        do {
            let points = try ScenarioLoader.parse(text: m.text, file: m.source, overrides: m.overrides)
            return .ran(try Runner.run(points, options: RunOptions(jobs: 1)))
        } catch let e as ScenarioError {
            return .refused(e)
        } catch {
            return .otherError(String(describing: error))
        }
    }

    /// Whether the error names the change: at its key path, inside it, at the map holding it,
    /// or anywhere when the message names the key (or a word the mutant lists).
    static func names(_ e: ScenarioError, _ m: Mutant) -> Bool {
        let text = e.description
        guard !text.isEmpty, text.contains((m.source as NSString).lastPathComponent) else { return false }
        guard let path = m.path else { return true }
        func under(_ a: String, _ b: String) -> Bool {  // a is b or inside it
            a == b || b.isEmpty || a.hasPrefix(b + ".") || a.hasPrefix(b + "[")
        }
        if under(e.keyPath, path) { return true }
        let last = Self.lastSegment(path)
        if under(path, e.keyPath) {
            if e.keyPath == Self.parent(path) { return true }
            if text.contains(last) { return true }
        }
        if text.contains(path) { return true }
        // A changed list item may break a rule about the list (order, duplicates) that is
        // reported at another item of it.
        var container = Substring(path)
        while container.hasSuffix("]"), let open = container.lastIndex(of: "["),
            container[container.index(after: open)].isNumber
        {
            container = container[..<open]
        }
        if container.count < path.count, under(e.keyPath, String(container)) { return true }
        if !last.isEmpty, containsWord(text.replacingOccurrences(of: e.keyPath, with: ""), last) { return true }
        return m.mentions.contains { text.contains($0) }
    }

    /// Whether `word` occurs in `text` with no letter, digit or `_` on either side.
    static func containsWord(_ text: String, _ word: String) -> Bool {
        func isWordCharacter(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
        var searchRange = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: searchRange) {
            let before = r.lowerBound > text.startIndex ? text[text.index(before: r.lowerBound)] : nil
            let after = r.upperBound < text.endIndex ? text[r.upperBound] : nil
            if !isWordCharacter(before) && !isWordCharacter(after) { return true }
            searchRange = r.upperBound..<text.endIndex
        }
        return false
    }

    static func lastSegment(_ path: String) -> String {
        var p = Substring(path)
        while p.hasSuffix("]") {
            guard let open = p.lastIndex(of: "[") else { break }
            if p[p.index(after: open)] == "\"" { return String(p[p.index(open, offsetBy: 2)..<p.index(p.endIndex, offsetBy: -2)]) }
            p = p[..<open]
        }
        return p.split(separator: ".").last.map(String.init) ?? ""
    }

    static func parent(_ path: String) -> String {
        if path.hasSuffix("]"), let open = path.lastIndex(of: "[") { return String(path[..<open]) }
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }

    // MARK: base scenarios

    /// The example with its run shortened to 2 s and one replication: duration, warm-up and
    /// window are set, fault times are scaled into the run, sweeps keep two values per key.
    static func shrink(_ root: ScenarioNode) -> ScenarioNode {
        let original = root["duration"]?.text.flatMap(Units.parseDuration) ?? Time.hour
        let factor = Double(2 * Time.second) / Double(max(original, 1))
        var r = root
        r = Hostile.setting(r, [.key("duration")], Hostile.scalar("2s"))
        r = Hostile.setting(r, [.key("warmup")], Hostile.scalar("200ms"))
        r = Hostile.setting(r, [.key("window")], Hostile.scalar("500ms"))
        r = Hostile.setting(r, [.key("replications")], Hostile.scalar("1"))
        if case .list(let faults, _)? = r["faults"] {
            for i in faults.indices {
                for key in ["at", "duration", "recover_after", "mtbf", "mttr"] {
                    r = Hostile.modify(r, at: [.key("faults"), .index(i), .key(key)]) { n in n.map { scaleTimes($0, factor) } }
                }
            }
        }
        if case .map(let axes, _)? = r["sweep"] {
            for a in axes {
                r = Hostile.modify(r, at: [.key("sweep"), .key(a.key)]) { n in
                    if case .list(let items, let line)? = n { return .list(Array(items.prefix(2)), line: line) }
                    return n
                }
            }
        }
        return r
    }

    /// Every duration in the tree multiplied by `factor` (at least 1 ms).
    static func scaleTimes(_ n: ScenarioNode, _ factor: Double) -> ScenarioNode {
        switch n {
        case .scalar(let s, let line, let q):
            guard let ns = Units.parseDuration(s), ns > 0 else { return n }
            let scaled = max(Time.millisecond, SimTime((Double(ns) * factor).rounded()))
            return .scalar(Units.format(nanoseconds: scaled), line: line, quoted: q)
        case .map(let entries, let line):
            return .map(entries.map { (key: $0.key, value: scaleTimes($0.value, factor)) }, line: line)
        case .list(let items, let line):
            return .list(items.map { scaleTimes($0, factor) }, line: line)
        case .null:
            return n
        }
    }

    /// Two short scenarios with what the examples leave out: API Gateway, Lambda, FIFO queues,
    /// HTTP endpoints with their own policy, circuit breakers, the network, rate profiles,
    /// sweeps, closed-loop users, every distribution and fault kind, FIS action names.
    static let extraBases: [(String, String)] = [
        ("mutation_open", """
        name: mutation_open
        duration: 2s
        warmup: 100ms
        window: 250ms
        replications: 1
        seed: 7
        slo: 0.95
        workload:
          arrival: { dist: exponential, rate: 300/s, profile: { steps: [[0s, 1.0], [1s, 3.0], [1500ms, 1.0]] } }
          users: 500
          timeout: 1s
          retry: { max_attempts: 4, base: 10ms, cap: 200ms, jitter: decorrelated,
                   quota: { capacity: 100, retry_cost: 5, timeout_cost: 10, success_increment: 1 } }
          session: { requests: 5 }
        network:
          intra_zone: { dist: lognormal, median: 250us, sigma: 0.3 }
          cross_zone: { dist: lognormal, mean: 1ms, sd: 200us }
        sweep:
          workload.arrival.rate: [300/s]
        faults:
          - { kind: partition, target: api, peer: fn, at: 400ms, duration: 200ms }
          - { kind: errors, target: api, at: 700ms, duration: 100ms, probability: 0.5, code: 503 }
          - { kind: latency, target: fn, at: 900ms, duration: 100ms, multiplier: 5 }
          - { kind: "aws:ec2:reboot-instances", target: web, instance: 0, at: 1s }
          - { kind: errors, code: 429, target: orders, at: 1200ms, duration: 100ms }
          - { kind: crash, target: cache, mtbf: { dist: weibull, shape: 1.5, scale: 3s },
              mttr: { dist: pareto, shape: 3, scale: 50ms } }
          - { kind: zone_outage, zone: b, at: 1300ms, duration: 200ms }
        topologies:
          gateway:
            entry: api
            components:
              api: { kind: api_gateway, target: fn, rate: 500/s, burst: 50, timeout: 500ms }
              fn:  { kind: lambda, service: { dist: erlang, k: 3, mean: 4ms }, concurrency: 20 }
          web:
            entry: lb
            components:
              lb:  { kind: alb, targets: web, algorithm: least_outstanding, idle_timeout: 60s, deregistration_delay: 1s,
                     health_check: { interval: 5s, timeout: 2s, healthy: 2, unhealthy: 2 } }
              web: { kind: instances, count: 2, zones: [a, b], workers: 4, queue: 50,
                     service: { dist: hyperexponential, probabilities: [0.9, 0.1], means: [2ms, 20ms] },
                     calls: orders, timeout: 300ms, sessions: cache,
                     circuit_breaker: { error_threshold: 0.5, minimum_calls: 10, window: 500ms, open: 200ms, half_open_probes: 2 } }
              cache: { kind: session_store, engine: memcached, nodes: 2, replicas: 0, zones: [a, b] }
              orders: { kind: sqs, type: fifo, visibility_timeout: 2s, max_receive_count: 3, retention: 60s,
                        consumers: worker, batch: 5, wait: 0s, inflight_limit: 1000, message_groups: 10, high_throughput: false }
              worker: { kind: lambda, service: { dist: empirical, values: [1ms, 2ms, 3ms, 8ms] }, concurrency: 5 }
          fanout:
            entry: web
            components:
              web: { kind: instances, count: 2, zones: [a, b], workers: 4, service: { dist: normal, mean: 3ms, sd: 1ms },
                     calls: topic, sessions: local }
              topic: { kind: sns, subscribers: [q, { target: hook, dead_letter: dlq }] }
              dlq: { kind: sqs }
              q: { kind: sqs, consumers: backend, pollers: 2 }
              hook: { kind: http_endpoint, target: backend, timeout: 1s,
                      retry_policy: { immediate_retries: 1, pre_backoff_retries: 1, pre_backoff_delay: 1s, num_retries: 2,
                                      min_delay: 1s, max_delay: 2s, post_backoff_retries: 1, post_backoff_delay: 2s } }
              backend: { kind: instances, count: 2, zones: [a, b], workers: 2, service: { dist: uniform, min: 1ms, max: 5ms } }
              asg: { kind: autoscaling, group: backend, min: 1, max: 4, grace: 1s, launch: { dist: constant, value: 500ms },
                     target_tracking: { metric: cpu, target: 60, warmup: 1s } }
        """),
        ("mutation_closed", """
        name: mutation_closed
        duration: 2s
        warmup: 0s
        window: 1s
        workload:
          users: 50
          think: { dist: gamma, shape: 2, scale: 20ms }
          timeout: none
          retry: none
        network: none
        faults:
          - { kind: zombie, target: app, instance: 1, at: 500ms, duration: 300ms }
          - { kind: zone_outage, zone: a, at: 1s, duration: 300ms }
          - { kind: crash, target: db, mtbf: 700ms, mttr: { dist: exponential, mean: 100ms } }
        topologies:
          direct:
            entry: app
            components:
              app: { kind: instances, count: 2, zones: [a, b], workers: 2, queue: unbounded, service: 4ms,
                     calls: db, timeout: 100ms }
              db:  { kind: instances, count: 1, zones: [b], workers: 1, queue: 0, service: { dist: exponential, mean: 2ms } }
          redis:
            entry: app
            components:
              app: { kind: instances, count: 2, zones: [a, b], workers: 2, service: { dist: gamma, mean: 3ms, shape: 2 },
                     sessions: store }
              store: { kind: session_store, engine: redis, nodes: 1, replicas: 1, failover: 100ms }
        """),
    ]

    // MARK: deriving mutants

    /// Keys whose maps are keyed by names the user chooses.
    static func isUserKeyed(_ path: String) -> Bool {
        if path == "topologies" || path == "sweep" { return true }
        return path.hasPrefix("topologies.") && path.hasSuffix(".components") && path.split(separator: ".").count == 3
    }

    /// Keys whose value names another component.
    static let referenceKeys: Set<String> = ["calls", "targets", "consumers", "target", "group", "sessions", "entry", "peer"]

    static func mutants(of base: ScenarioNode, file: String, limit: Int) throws -> [Mutant] {
        var out: [Mutant] = []
        // A value that a sweep replaces is never read, so it need not be valid.
        let sweptColumns: [String] = { if case .map(let e, _)? = base["sweep"] { return e.map(\.key) } else { return [] } }()
        func add(_ label: String, _ tree: ScenarioNode, path: [Hostile.Step]?, mustRefuse: Bool, mentions: [String] = []) {
            let swept = path.map { p in sweptColumns.contains { isSwept(p, by: $0) } } ?? false
            out.append(Mutant(
                source: file, label: label, text: Hostile.render(tree), path: path.map(Hostile.keyPath),
                mustRefuse: mustRefuse && !swept, mentions: mentions))
        }
        var nodes: [([Hostile.Step], ScenarioNode)] = []
        Hostile.walk(base, into: &nodes)
        // Top-level `x-` keys are ignored (a place for anchors): what is changed there is not read.
        nodes.removeAll { steps, _ in if case .key(let k)? = steps.first { return k.hasPrefix("x-") } else { return false } }

        add("unchanged", base, path: nil, mustRefuse: false)

        for (steps, node) in nodes where !steps.isEmpty {
            let path = Hostile.keyPath(steps)
            let lastKey: String? = { if case .key(let k)? = steps.last { return k } else { return nil } }()
            let parentPath = Hostile.keyPath(Array(steps.dropLast()))
            let inUserMap = isUserKeyed(parentPath)

            // Deleted keys and list items.
            // A deleted component (or topology) is named where it is referred to.
            var mentions = inUserMap ? [lastKey ?? ""] : []
            if parentPath == "topologies" { mentions += componentNames(base, lastKey ?? "").map { "\"\($0)\"" } }
            add("delete \(path)", Hostile.setting(base, steps, nil), path: steps, mustRefuse: false, mentions: mentions)

            // Every value replaced by a value of another type.
            switch node {
            case .scalar(let text, _, _):
                for (label, value, refuse) in scalarMutations(text, key: lastKey ?? "") {
                    add("\(path) = \(label)", Hostile.setting(base, steps, value), path: steps, mustRefuse: refuse)
                }
            case .map(let entries, _):
                add("\(path) = x", Hostile.setting(base, steps, Hostile.scalar("x")), path: steps, mustRefuse: true)
                add("\(path) = null", Hostile.setting(base, steps, .null(line: nil)), path: steps, mustRefuse: false)
                add("\(path) = []", Hostile.setting(base, steps, Hostile.list([])), path: steps, mustRefuse: true)
                add("\(path) = {}", Hostile.setting(base, steps, Hostile.map([])), path: steps, mustRefuse: false)
                // An unknown key, a misspelt key, a duplicate key.
                let unknown = Hostile.modify(base, at: steps) { n in
                    guard case .map(let e, let l)? = n else { return n }
                    return .map(e + [(key: "bogus_key", value: Hostile.scalar("1"))], line: l)
                }
                add("\(path).bogus_key added", unknown, path: steps + [.key("bogus_key")], mustRefuse: true)
                if let first = entries.first {
                    let typo = String(first.key.dropLast()) + (first.key.count > 1 ? String(first.key.last!) + "x" : "x")
                    let misspelt = Hostile.modify(base, at: steps) { n in
                        guard case .map(let e, let l)? = n else { return n }
                        return .map(e + [(key: typo, value: first.value)], line: l)
                    }
                    add("\(path).\(typo) added", misspelt, path: steps + [.key(typo)], mustRefuse: !isUserKeyed(path))
                    let duplicate = Hostile.modify(base, at: steps) { n in
                        guard case .map(let e, let l)? = n else { return n }
                        return .map(e + [first], line: l)
                    }
                    add("\(path).\(first.key) duplicated", duplicate, path: steps + [.key(first.key)], mustRefuse: true)
                }
            case .list(let items, _):
                add("\(path) = x", Hostile.setting(base, steps, Hostile.scalar("x")), path: steps, mustRefuse: true)
                add("\(path) = null", Hostile.setting(base, steps, .null(line: nil)), path: steps, mustRefuse: false)
                add("\(path) = []", Hostile.setting(base, steps, Hostile.list([])), path: steps, mustRefuse: false)
                add("\(path) = {}", Hostile.setting(base, steps, Hostile.map([])), path: steps, mustRefuse: true)
                for (i, item) in items.enumerated().prefix(4) {
                    let doubled = Hostile.setting(base, steps, Hostile.list(Array(items[...i]) + [item] + Array(items[(i + 1)...])))
                    add("\(path)[\(i)] repeated", doubled, path: steps, mustRefuse: false)
                }
            case .null:
                add("\(path) = 0", Hostile.setting(base, steps, Hostile.scalar("0")), path: steps, mustRefuse: false)
            }

            // References: to every other component of the topology, and to itself.
            let referenceKey: String? = {
                if let k = lastKey { return referenceKeys.contains(k) ? k : nil }
                if steps.count >= 2, case .key("subscribers") = steps[steps.count - 2] { return "subscribers" }
                return nil
            }()
            if referenceKey != nil, case .scalar(let target, _, _) = node,
                steps.count >= 3, case .key("topologies") = steps[0], case .key(let topology) = steps[1]
            {
                let components = componentNames(base, topology)
                let own: String? = { if steps.count >= 4, case .key(let c) = steps[3] { return c } else { return nil } }()
                for other in components where other != target {
                    let tree = Hostile.setting(base, steps, Hostile.scalar(other))
                    let refuse = other == own || hasCycle(tree, topology)
                    add("\(path) = \(other)", tree, path: steps, mustRefuse: refuse, mentions: [other])
                }
            }
        }

        let special = structural(base, file: file) + textual(base, file: file)
        out += special

        if out.count > limit {
            // An evenly spread, deterministic selection; the whole-scenario changes are all kept.
            let generic = out.count - special.count
            let keep = max(0, limit - special.count)
            let stride = Double(generic) / Double(max(1, keep))
            out = (0..<keep).map { out[Int(Double($0) * stride)] } + out[generic...]
        }
        return out
    }

    /// Replacement values for a scalar, by what the scalar looks like: (label, value, must refuse).
    static func scalarMutations(_ text: String, key: String) -> [(String, ScenarioNode, Bool)] {
        func s(_ t: String) -> ScenarioNode { Hostile.scalar(t) }
        let quotedSame = ScenarioNode.scalar(text, line: nil, quoted: true)
        var out: [(String, ScenarioNode, Bool)] = [
            ("null", .null(line: nil), false),
            ("[value]", Hostile.list([s(text)]), key != "retry_policy" && key != "subscribers" ? true : false),
            ("{value}", Hostile.map([("value", s(text))]), false),
            ("quoted", quotedSame, false),
        ]
        let isDuration = Units.parseDuration(text).map { $0 != 0 || text.contains(where: \.isLetter) } ?? false
        let isRate = Units.parseRate(text) != nil
        let isInt: Bool = { if case .value = NodeReader.scanInt(text) { return true } else { return false } }()
        let isNumber: Bool = { if case .value = NodeReader.scanDouble(text) { return true } else { return false } }()
        let nonFinite = [".nan", ".inf", "-.inf", "NaN", "1e400", "-1e400"]
        if isDuration {
            let magnitude = text.hasPrefix("-") ? String(text.dropFirst()) : text
            out += [
                ("0", s("0"), false), ("0s", s("0s"), false), ("1ns", s("1ns"), false),
                ("-\(magnitude)", s("-" + magnitude), true), ("-1ns", s("-1ns"), true),
                ("nan s", s("nans"), true), (".inf", s(".inf"), true), ("1e400s", s("1e400s"), true),
                ("overflow", s("99999999999999999999d"), true), ("36526d", s("36526d"), true),
                ("106751d", s("106751d"), true), ("36525d", s("36525d"), false),
                ("unknown unit", s("30 parsecs"), true), ("month", s("1mo"), true), ("no unit", s("30"), true),
                ("fraction", s("0.0000000001s"), false), ("text", s("soon"), true), ("true", s("true"), true),
            ]
        } else if isRate {
            out += [
                ("0/s", s("0/s"), true), ("-5/s", s("-5/s"), true), ("nan/s", s("nan/s"), true), ("inf/s", s("inf/s"), true),
                ("1e400/s", s("1e400/s"), true), ("1e15/s", s("1e15/s"), false), ("1e-300/s", s("1e-300/s"), false),
                ("per fortnight", s("5/fortnight"), true), ("no unit", s("200"), true), ("/s", s("/s"), true),
                ("5e-324/ns", s("5e-324/ns"), false), ("1/ms", s("1/ms"), false),
            ]
        } else if isInt {
            out += [
                ("0", s("0"), false), ("-1", s("-1"), true), ("Int.min", s("-9223372036854775808"), true),
                ("Int.max", s("9223372036854775807"), false), ("10^12", s("1000000000000"), false),
                ("10^15", s("1000000000000000"), false), ("overflow", s("99999999999999999999"), false),
                ("1.5", s("1.5"), false), ("1e3", s("1e3"), false), ("0x10", s("0x10"), false),
                ("ten", s("ten"), true), ("true", s("true"), true),
            ] + nonFinite.map { ($0, s($0), true) }
        } else if isNumber {
            out += [
                ("0", s("0"), false), ("-\(text)", s("-" + text), true), ("1e308", s("1e308"), false),
                ("5e-324", s("5e-324"), false), ("-0", s("-0.0"), false), ("0.4.4", s("0.4.4"), true),
                ("word", s("lots"), true),
            ] + nonFinite.map { ($0, s($0), true) }
        } else if !text.isEmpty {
            let typo = String(text.dropLast())
            out += [
                ("bogus", s("bogus_value"), false), ("empty", s(""), false), ("typo \(typo)", s(typo), false),
                ("UPPER", s(text.uppercased()), false), ("../evil", s("../evil"), false), ("a/b", s("a/b"), false),
                ("long", s(String(repeating: "w", count: 300)), false), ("unicode", s("wéb-☁︎"), false),
                ("control", s("a\u{7}b\tc"), false), ("number", s("42"), false),
            ]
        }
        return out
    }

    /// Whether `steps` is at or under a place that the sweep key `column` replaces.
    static func isSwept(_ steps: [Hostile.Step], by column: String) -> Bool {
        let pattern = column.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard steps.count >= pattern.count else { return false }
        for (step, segment) in zip(steps, pattern) where segment != "*" {
            switch step {
            case .key(let k): if k != segment { return false }
            case .index(let i): if String(i) != segment { return false }
            }
        }
        return true
    }

    static func componentNames(_ root: ScenarioNode, _ topology: String) -> [String] {
        guard case .map(let entries, _)? = root["topologies"]?[topology]?["components"] else { return [] }
        return entries.map(\.key)
    }

    /// Whether the topology's synchronous and delivery edges loop (the loader must refuse that).
    static func hasCycle(_ root: ScenarioNode, _ topology: String) -> Bool {
        guard case .map(let entries, _)? = root["topologies"]?[topology]?["components"] else { return false }
        var edges: [String: [String]] = [:]
        for e in entries {
            let kind = e.value["kind"]?.text ?? ""
            let keys: [String]
            switch kind {
            case "instances": keys = ["calls"]
            case "alb": keys = ["targets"]
            case "api_gateway", "http_endpoint": keys = ["target"]
            case "sqs": keys = ["consumers"]
            case "sns": keys = ["subscribers"]
            default: keys = []
            }
            for k in keys {
                switch e.value[k] {
                case .scalar(let t, _, _)?: edges[e.key, default: []].append(t)
                case .list(let items, _)?: edges[e.key, default: []] += items.compactMap(\.text)
                default: break
                }
            }
        }
        var state: [String: Int] = [:]
        func visit(_ c: String) -> Bool {
            state[c] = 1
            for n in edges[c] ?? [] {
                if state[n] == 1 { return true }
                if state[n] == nil, visit(n) { return true }
            }
            state[c] = 2
            return false
        }
        return entries.contains { state[$0.key] == nil && visit($0.key) }
    }

    /// Whole-scenario changes: empty topologies, faults at bad times or on bad targets, sizes
    /// beyond every limit, bad command-line overrides.
    static func structural(_ base: ScenarioNode, file: String) -> [Mutant] {
        var out: [Mutant] = []
        func add(_ label: String, _ tree: ScenarioNode, _ path: String?, refuse: Bool, overrides: ScenarioOverrides = MutationTests.overrides) {
            out.append(Mutant(source: file, label: label, text: Hostile.render(tree), path: path, mustRefuse: refuse, overrides: overrides))
        }
        func s(_ t: String) -> ScenarioNode { Hostile.scalar(t) }
        add("topologies = {}", Hostile.setting(base, [.key("topologies")], Hostile.map([])), "topologies", refuse: true)
        guard case .map(let topologies, _)? = base["topologies"], let firstTopology = topologies.first?.key else { return out }
        for t in topologies {
            add("\(t.key).components = {}", Hostile.setting(base, [.key("topologies"), .key(t.key), .key("components")], Hostile.map([])),
                "topologies.\(t.key).components", refuse: true)
        }
        let target = componentNames(base, firstTopology).first ?? "web"
        let faults: [(String, ScenarioNode, String, Bool)] = [
            ("at -1s", Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("-1s"))]), "at", true),
            ("at -30m", Hostile.map([("kind", s("latency")), ("target", s(target)), ("at", s("-30m")), ("duration", s("1s"))]), "at", true),
            ("duration -5s", Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("1s")), ("duration", s("-5s"))]), "duration", true),
            ("recover_after 0", Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("1s")), ("recover_after", s("0s"))]), "recover_after", true),
            ("instance 10^12", Hostile.map([("kind", s("crash")), ("target", s(target)), ("instance", s("1000000000000")), ("at", s("1s"))]), "instance", true),
            ("instance 99", Hostile.map([("kind", s("crash")), ("target", s(target)), ("instance", s("99")), ("at", s("1s"))]), "instance", false),
            ("kind bogus", Hostile.map([("kind", s("meteor")), ("target", s(target)), ("at", s("1s"))]), "kind", true),
            ("target dangling", Hostile.map([("kind", s("crash")), ("target", s("nobody")), ("at", s("1s"))]), "target", true),
            ("zone dangling", Hostile.map([("kind", s("zone_outage")), ("zone", s("mars-1a")), ("at", s("1s"))]), "zone", true),
            ("mtbf 0", Hostile.map([("kind", s("crash")), ("target", s(target)), ("mtbf", s("0s")), ("mttr", s("1s"))]), "mtbf", true),
            ("mttr 0", Hostile.map([("kind", s("crash")), ("target", s(target)), ("mtbf", s("1s")), ("mttr", s("0s"))]), "mtbf", true),
            ("mtbf and at", Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("1s")), ("mtbf", s("1s")), ("mttr", s("1s"))]), "mtbf", true),
            ("tiny mtbf", Hostile.map([("kind", s("crash")), ("target", s(target)), ("mtbf", s("1ms")), ("mttr", s("1ns"))]), "mtbf", false),
            ("partition without peer", Hostile.map([("kind", s("partition")), ("target", s(target)), ("at", s("1s"))]), "peer", true),
            ("partition with itself", Hostile.map([("kind", s("partition")), ("target", s(target)), ("peer", s(target)), ("at", s("1s")), ("duration", s("1s"))]), "peer", false),
            ("multiplier nan", Hostile.map([("kind", s("latency")), ("target", s(target)), ("at", s("1s")), ("multiplier", s(".nan"))]), "multiplier", true),
            ("multiplier 0", Hostile.map([("kind", s("latency")), ("target", s(target)), ("at", s("1s")), ("multiplier", s("0"))]), "multiplier", true),
            ("multiplier 1e6", Hostile.map([("kind", s("latency")), ("target", s(target)), ("at", s("1s")), ("duration", s("100ms")), ("multiplier", s("1e6"))]), "multiplier", false),
            ("probability 2", Hostile.map([("kind", s("errors")), ("target", s(target)), ("at", s("1s")), ("probability", s("2"))]), "probability", true),
            ("code 418", Hostile.map([("kind", s("errors")), ("target", s(target)), ("at", s("1s")), ("code", s("418"))]), "code", true),
            ("multiplier on crash", Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("1s")), ("multiplier", s("2"))]), "multiplier", true),
            ("at 100 years", Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("36525d")), ("duration", s("36525d"))]), "at", false),
            ("fault is a list", Hostile.list([s("crash")]), "", true),
        ] + ScenarioLoader.fisActions.keys.sorted().map { action in
            (action, Hostile.map([("kind", s(action)), ("target", s(target)), ("at", s("500ms")), ("duration", s("300ms"))]), "kind", false)
        }
        let existing: [ScenarioNode] = { if case .list(let items, _)? = base["faults"] { return items } else { return [] } }()
        for (label, fault, key, refuse) in faults {
            let tree = Hostile.setting(base, [.key("faults")], Hostile.list(existing + [fault]))
            let path = "faults[\(existing.count)]" + (key.isEmpty ? "" : "." + key)
            add("fault \(label)", tree, path, refuse: refuse)
        }
        // A fault that outlasts the run by a century, with windows as wide (the recovery figure
        // adds the fault's end and two windows).
        let century = Hostile.map([("kind", s("crash")), ("target", s(target)), ("at", s("1s")), ("duration", s("36525d"))])
        let wide = Hostile.setting(base, [.key("faults")], Hostile.list(existing + [century]))
        add("fault lasting 100 years, window 100 years", Hostile.setting(wide, [.key("window")], s("36525d")), "window", refuse: false)
        // Sizes beyond the limits, for the first component of every kind.
        let huge: [(String, String)] = [
            ("count", "1000000000000"), ("workers", "1000000000000"), ("queue", "1000000000000000"),
            ("nodes", "1000000"), ("concurrency", "1000000000"), ("batch", "1000"), ("burst", "1000000000000"),
            ("max", "1000000000"), ("inflight_limit", "1000000000000"), ("message_groups", "1000000000000"),
            ("pollers", "1000000000"),
        ]
        for t in topologies {
            guard case .map(let comps, _) = t.value["components"] ?? .null(line: nil) else { continue }
            for c in comps {
                for (key, value) in huge where c.value[key] != nil || key == "count" && c.value["kind"]?.text == "instances" {
                    let steps: [Hostile.Step] = [.key("topologies"), .key(t.key), .key("components"), .key(c.key), .key(key)]
                    add("\(Hostile.keyPath(steps)) = \(value)", Hostile.setting(base, steps, s(value)), Hostile.keyPath(steps), refuse: true)
                }
            }
        }
        // Top-level sizes.
        for (key, value, refuse) in [
            ("replications", "0", true), ("replications", "1000000000", true), ("window", "1ns", true), ("window", "20ms", false),
            ("warmup", "2s", true), ("warmup", "36525d", true), ("duration", "36526d", true), ("seed", "18446744073709551615", true),
            ("slo", "1.5", true), ("name", "../../etc/passwd", true), ("name", "", true), ("name", "..", true),
        ] as [(String, String, Bool)] {
            add("\(key) = \(value)", Hostile.setting(base, [.key(key)], s(value)), key, refuse: refuse)
        }
        add("users 10^9", Hostile.setting(base, [.key("workload"), .key("users")], s("1000000000")), "workload.users", refuse: true)
        // A sweep of more points than allowed, and a sweep of a key that does not exist.
        let bigSweep = Hostile.map((0..<5).map { k in ("workload.bogus\(k)", Hostile.list((0..<10).map { s("\($0)") })) })
        add("sweep 10^5 points", Hostile.setting(base, [.key("sweep")], bigSweep), "sweep", refuse: true)
        add("sweep missing key", Hostile.setting(base, [.key("sweep")], Hostile.map([("workload.nothing.here", Hostile.list([s("1")]))])),
            "workload.nothing.here", refuse: true)
        add("sweep empty values", Hostile.setting(base, [.key("sweep")], Hostile.map([("seed", Hostile.list([]))])), "sweep.seed", refuse: true)
        // Empirical and hyperexponential lists: empty, mismatched, negative.
        let dists: [(String, ScenarioNode, Bool)] = [
            ("empirical []", Hostile.map([("dist", s("empirical")), ("values", Hostile.list([]))]), true),
            ("empirical [-1s]", Hostile.map([("dist", s("empirical")), ("values", Hostile.list([s("-1s")]))]), true),
            ("empirical csv missing", Hostile.map([("dist", s("empirical")), ("csv", s("no-such-file.csv")), ("column", s("x"))]), true),
            ("empirical csv ../", Hostile.map([("dist", s("empirical")), ("csv", s("../../../../etc/passwd")), ("column", s("root"))]), true),
            ("hyperexponential mismatched", Hostile.map([("dist", s("hyperexponential")), ("probabilities", Hostile.list([s("0.5"), s("0.5")])), ("means", Hostile.list([s("1ms")]))]), true),
            ("hyperexponential p sum 3", Hostile.map([("dist", s("hyperexponential")), ("probabilities", Hostile.list([s("1"), s("1"), s("1")])), ("means", Hostile.list([s("1ms"), s("1ms"), s("1ms")]))]), true),
            ("hyperexponential []", Hostile.map([("dist", s("hyperexponential")), ("probabilities", Hostile.list([])), ("means", Hostile.list([]))]), true),
            ("uniform max < min", Hostile.map([("dist", s("uniform")), ("min", s("5ms")), ("max", s("1ms"))]), true),
            ("normal mean -1s", Hostile.map([("dist", s("normal")), ("mean", s("-1s")), ("sd", s("1ms"))]), true),
            ("lognormal sigma 1e300", Hostile.map([("dist", s("lognormal")), ("median", s("1ms")), ("sigma", s("1e300"))]), false),
            ("lognormal sigma 0", Hostile.map([("dist", s("lognormal")), ("median", s("1ms")), ("sigma", s("0"))]), true),
            ("lognormal mean/sd huge", Hostile.map([("dist", s("lognormal")), ("mean", s("1ns")), ("sd", s("36525d"))]), false),
            ("gamma shape 1e-300", Hostile.map([("dist", s("gamma")), ("shape", s("1e-300")), ("mean", s("1ms"))]), false),
            ("gamma shape 1e300", Hostile.map([("dist", s("gamma")), ("shape", s("1e300")), ("mean", s("1ms"))]), false),
            ("weibull shape 1e-300", Hostile.map([("dist", s("weibull")), ("shape", s("1e-300")), ("scale", s("1ms"))]), false),
            ("pareto shape 1e-300", Hostile.map([("dist", s("pareto")), ("shape", s("1e-300")), ("scale", s("1ms"))]), false),
            ("erlang k 0", Hostile.map([("dist", s("erlang")), ("k", s("0")), ("mean", s("1ms"))]), true),
            ("erlang k 10^9", Hostile.map([("dist", s("erlang")), ("k", s("1000000000")), ("mean", s("1ms"))]), true),
            ("exponential rate", Hostile.map([("dist", s("exponential")), ("rate", s("5/s"))]), true),
            ("constant 0", Hostile.map([("dist", s("constant")), ("value", s("0s"))]), false),
            ("dist missing", Hostile.map([("mean", s("1ms"))]), true),
        ]
        if let (steps, _) = firstService(base) {
            for (label, d, refuse) in dists {
                add("service \(label)", Hostile.setting(base, steps, d), Hostile.keyPath(steps), refuse: refuse)
            }
        }
        // Command-line overrides out of range.
        let o = MutationTests.overrides
        for (label, ov, key) in [
            ("--replications 0", ScenarioOverrides(replications: 0, duration: o.duration), "replications"),
            ("--replications -3", ScenarioOverrides(replications: -3, duration: o.duration), "replications"),
            ("--replications 10^9", ScenarioOverrides(replications: 1_000_000_000, duration: o.duration), "replications"),
            ("--duration 0", ScenarioOverrides(replications: 1, duration: 0), "duration"),
            ("--duration -1s", ScenarioOverrides(replications: 1, duration: -Time.second), "duration"),
            ("--duration Int64.max", ScenarioOverrides(replications: 1, duration: .max), "duration"),
            ("time scale 0", ScenarioOverrides(replications: 1, duration: o.duration, timeScale: 0), "duration"),
            ("time scale nan", ScenarioOverrides(replications: 1, duration: o.duration, timeScale: .nan), "duration"),
            ("time scale -1", ScenarioOverrides(replications: 1, duration: o.duration, timeScale: -1), "duration"),
            ("time scale inf", ScenarioOverrides(replications: 1, duration: o.duration, timeScale: .infinity), "duration"),
        ] as [(String, ScenarioOverrides, String)] {
            add(label, base, key, refuse: true, overrides: ov)
        }
        add("--seed UInt64.max", base, nil, refuse: false, overrides: ScenarioOverrides(seed: .max, replications: 1, duration: o.duration))
        return out
    }

    /// The first `service:` of an instances component (a place where any distribution fits).
    static func firstService(_ root: ScenarioNode) -> ([Hostile.Step], ScenarioNode)? {
        guard case .map(let topologies, _)? = root["topologies"] else { return nil }
        for t in topologies {
            guard case .map(let comps, _)? = t.value["components"] else { continue }
            for c in comps where c.value["kind"]?.text == "instances" {
                if let s = c.value["service"] {
                    return ([.key("topologies"), .key(t.key), .key("components"), .key(c.key), .key("service")], s)
                }
            }
        }
        return nil
    }

    /// Changes to the text as a whole: truncations, syntax errors, anchors, nesting, size.
    static func textual(_ base: ScenarioNode, file: String) -> [Mutant] {
        let text = Hostile.render(base)
        var out: [Mutant] = []
        func add(_ label: String, _ t: String, refuse: Bool) {
            out.append(Mutant(source: file, label: label, text: t, path: nil, mustRefuse: refuse))
        }
        let bytes = Array(text.utf8)
        for k in 1..<16 {
            let cut = bytes.count * k / 16
            add("truncated at \(cut) bytes", String(decoding: bytes[..<cut], as: UTF8.self), refuse: false)
        }
        add("empty file", "", refuse: true)
        add("only a comment", "# nothing\n", refuse: true)
        add("a number", "42", refuse: true)
        add("a list", "[1, 2, 3]", refuse: true)
        add("empty map", "{}", refuse: true)
        add("byte-order mark", "\u{FEFF}" + text, refuse: false)
        add("CRLF line ends", text.replacingOccurrences(of: "\n", with: "\r\n"), refuse: false)
        add("tab indentation", "name: x\n\tduration: 1s\n", refuse: true)
        add("two documents", text + "\n---\nname: again\n", refuse: true)
        add("anchor and alias", "name: x\nworkload: &w { users: 1 }\nother: *w\n", refuse: true)
        add("billion laughs", "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n", refuse: true)
        add("nesting 200 deep", String(repeating: "[", count: 200) + String(repeating: "]", count: 200), refuse: true)
        add("nesting 100 maps deep", String(repeating: "{a: ", count: 100) + "1" + String(repeating: "}", count: 100), refuse: true)
        add("unclosed brace", "{ name: x, workload: { users: 1 ", refuse: true)
        add("key without value", "name: x\nworkload\n", refuse: true)
        add("map as key", "? { a: 1 }\n: 2\n", refuse: true)
        add("9 MiB comment", "# " + String(repeating: "x", count: 9 * 1024 * 1024) + "\n" + text, refuse: true)
        if file.hasSuffix("mutation_closed.yaml") {
            add("1.1M nodes", "[" + String(repeating: "0,", count: 1_100_000) + "0]", refuse: true)
        }
        add("NUL byte", "name: x\u{0}y\n", refuse: true)
        add("invalid escape", "name: \"\\q\"\n", refuse: true)
        add("lone surrogate escape", "{\"name\": \"\\ud800\"}", refuse: true)
        if let first = text.firstIndex(of: "\n") {
            // The first line of the rendering opens the root map; repeat its first entry.
            let rest = text[text.index(after: first)...]
            if let line = rest.split(separator: "\n").first {
                add("duplicate first key", "{\n" + line + "\n" + rest, refuse: true)
            }
        }
        return out
    }
}
