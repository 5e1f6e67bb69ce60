/// The one rule by which `run --duration D` and `suite --quick` shorten (or lengthen) a scenario.
///
/// Both stretch the file's timeline by one factor, `D / duration` for `--duration` and the
/// suite's `quick.scale` for `--quick`, so that every point of the run stays at the same share
/// of it: the warm-up, each scheduled fault's start and length (a length is kept at 1 s at
/// least), and the times of a `profile: steps` rate profile. What is a property of the system
/// rather than of the run's timeline is not scaled: service times, timeouts, health-check
/// intervals, the mean time between failures and to repair of a stochastic fault, a diurnal
/// profile's period. The window is kept to at most a twentieth of the run, so that
/// `time_availability` and `recovery_s` still have windows to count.
struct Timeline {
    /// The run's duration after the override.
    let duration: SimTime
    /// How much every point of the timeline is multiplied by (1: unchanged).
    let factor: Double

    init(overrides: ScenarioOverrides, fileDuration: SimTime) {
        var duration = fileDuration
        var factor = 1.0
        if let d = overrides.duration, d != fileDuration {
            factor = Double(d) / Double(fileDuration)
            duration = d
        }
        if overrides.timeScale != 1 {
            factor *= overrides.timeScale
            duration = max(Time.second, SimTime(Double(duration) * overrides.timeScale))
        }
        self.duration = duration
        self.factor = factor
    }

    var isIdentity: Bool { factor == 1 }

    /// A point in time of the file's timeline (a warm-up's end, a fault's start, a profile step).
    func point(_ t: SimTime) -> SimTime {
        isIdentity ? t : SimTime(Double(t) * factor)
    }

    /// A scheduled fault's length: scaled, and at least 1 s so that the fault still acts.
    func length(_ t: SimTime) -> SimTime {
        isIdentity ? t : max(Time.second, SimTime(Double(t) * factor))
    }

    /// The window: the file's, at most a twentieth of the run when the timeline was rescaled.
    func window(_ w: SimTime) -> SimTime {
        isIdentity ? w : max(Time.millisecond, min(w, duration / 20))
    }

    /// The workload with its `profile: steps` times on this timeline.
    func workload(_ w: Workload) -> Workload {
        guard !isIdentity, case .open(var arrivals) = w.mode, case .steps(let steps)? = arrivals.profile else { return w }
        var out = w
        arrivals.profile = .steps(steps.map { (at: point($0.at), multiplier: $0.multiplier) })
        out.mode = .open(arrivals)
        return out
    }
}
