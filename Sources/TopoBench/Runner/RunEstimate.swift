import Foundation

/// What a run will cost before it runs: events, simulated requests and wall time.
///
/// Each (sweep point, topology) is simulated for a short pilot: one replication, with the
/// scenario's own workload, network and faults, for the simulated time in which about
/// ``pilotRequests`` requests arrive (the whole duration when fewer arrive in it). Its events and
/// requests per simulated second, scaled to the duration (and, for a rate profile, by the ratio
/// of the profile's mean over the run to its mean over the pilot), times the replications, are
/// the estimate; the pilot's wall time per event gives the wall time.
///
/// It is an estimate of the order of magnitude. A pilot sees the run's start: a fault that
/// multiplies the work later (retry storms, a backlog that drains) is not in it, and neither is
/// work whose rate changes with time other than through the rate profile.
public struct RunEstimate: Sendable {
    /// One (sweep point, topology): its figures per replication, from its pilot.
    public struct Part: Sendable {
        public var point: Int
        public var topology: String
        public var eventsPerReplication: Double
        public var requestsPerReplication: Double
        public var secondsPerEvent: Double
    }

    public var parts: [Part]
    public var replications: Int
    /// The share of the work units one shard runs (1 without `--shard`).
    public var share: Double

    /// Requests a pilot aims for.
    public static let pilotRequests = 2_000.0

    /// Events of the whole run (of the shard, with `--shard`).
    public var events: Double { parts.reduce(0) { $0 + $1.eventsPerReplication } * Double(replications) * share }
    /// Logical client requests of the whole run (of the shard).
    public var requests: Double { parts.reduce(0) { $0 + $1.requestsPerReplication } * Double(replications) * share }
    /// Wall time on `jobs` threads, in seconds.
    public func wallSeconds(jobs: Int) -> Double {
        let cpu = parts.reduce(0) { $0 + $1.eventsPerReplication * $1.secondsPerEvent } * Double(replications) * share
        let units = Double(parts.count * replications) * share
        return cpu / max(1, min(Double(jobs), units))
    }

    /// Runs the pilots of `points` (the expansion of one file).
    public static func measure(_ points: [Scenario], shard: (k: Int, n: Int)? = nil) -> RunEstimate {
        GSL.disableAbortOnError()
        var parts: [Part] = []
        for (p, point) in points.enumerated() {
            let (pilot, scale) = pilotScenario(point)
            for topology in point.topologies {
                let sim = Simulation(scenario: pilot, topology: topology, replication: 1)
                let start = DispatchTime.now().uptimeNanoseconds
                let outcome = sim.run()
                let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let events = Double(outcome.events)
                parts.append(Part(
                    point: p, topology: topology.name,
                    eventsPerReplication: events * scale,
                    requestsPerReplication: outcome.metrics[.offered].isFinite ? outcome.metrics[.offered] * scale : 0,
                    secondsPerEvent: events > 0 ? wall / events : 0))
            }
        }
        let share = shard.map { 1 / Double($0.n) } ?? 1
        return RunEstimate(parts: parts, replications: points.first?.replications ?? 0, share: share)
    }

    /// The pilot of one point, and the factor from its figures to a replication's.
    static func pilotScenario(_ s: Scenario) -> (Scenario, Double) {
        let rate = requestRate(s.workload)
        var length = rate.isFinite && rate > 0 ? SimTime(min(Double(s.duration), pilotRequests / rate * 1e9)) : s.duration
        length = max(min(Time.microsecond, s.duration), length)
        guard length < s.duration else { return (s, 1) }
        var pilot = s
        pilot.duration = length
        pilot.warmup = 0
        pilot.window = max(1, min(s.window, length))
        pilot.replications = 1
        var scale = Double(s.duration) / Double(length)
        if case .open(let a) = s.workload.mode, let profile = a.profile {
            let whole = meanMultiplier(profile, over: s.duration), start = meanMultiplier(profile, over: length)
            if start > 0 { scale *= whole / start }
        }
        return (pilot, scale)
    }

    /// Requests per second the clients send at the base rate (closed loop: as if answered at once).
    static func requestRate(_ w: Workload) -> Double {
        switch w.mode {
        case .open(let a): return a.rate
        case .closed(let users, let think): return think.mean > 0 ? Double(users) / think.mean : .infinity
        }
    }

    /// The profile's mean multiplier over `[0, t]`, from 1,000 samples.
    static func meanMultiplier(_ p: RateProfile, over t: SimTime) -> Double {
        let n = 1_000
        var sum = 0.0
        for i in 0..<n { sum += p.multiplier(at: SimTime(Double(t) * (Double(i) + 0.5) / Double(n))) }
        return sum / Double(n)
    }
}

/// Formats a large count as `1.2e11` (or plainly below a million).
public enum Magnitude {
    public static func format(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        if x < 1e6 { return String(Int(x.rounded())) }
        return String(format: "%.1e", x).replacingOccurrences(of: "e+", with: "e").replacingOccurrences(of: "e0", with: "e")
    }

    /// A wall time as `45 s`, `12 min`, `3.4 h` or `5.0 days`.
    public static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "∞" }
        if s < 120 { return String(format: "%.0f s", max(1, s.rounded())) }
        if s < 7200 { return String(format: "%.0f min", s / 60) }
        if s < 172_800 { return String(format: "%.1f h", s / 3600) }
        return String(format: "%.1f days", s / 86_400)
    }
}
