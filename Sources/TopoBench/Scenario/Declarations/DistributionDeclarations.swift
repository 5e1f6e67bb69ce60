/// The distributions (`dist:`), each with its parameters; time parameters are durations.
extension Variants {
    /// A distribution of times (a service, think, repair or launch time, a network delay).
    public static let distribution = distributions(arrival: false)
    /// The arrival process of an open loop: a distribution of times between requests that may
    /// be given by its `rate` and may carry a rate `profile`.
    public static let arrival = distributions(arrival: true)

    /// The variants by `dist:`; the arrival's add `rate` and `profile`.
    static func distributions(arrival: Bool) -> Variants {
        let time = ValueType.duration(0...Units.maxDuration)
        let rate = arrival ? [KeyDeclaration("rate", .rate(max: ScenarioLoader.Limits.maxRate), "Requests per second, such as 200/s: the mean time between requests is 1/rate.")] : []
        let profile = arrival ? [KeyDeclaration("profile", .map(.profile), "Multiplies the rate over time: steps or a diurnal cycle.")] : []
        /// `keys` then the arrival's extras; `mean` may then be given as a rate.
        func dist(_ name: String, _ summary: String, _ keys: [KeyDeclaration], oneOf: [[String]] = [], exclusive: [[String]] = []) -> Variant {
            let usesMean = keys.contains { $0.name == "mean" }
            var alternatives = oneOf
            if arrival, usesMean { alternatives = oneOf.flatMap { set in set.contains("mean") ? [set, set.map { $0 == "mean" ? "rate" : $0 }] : [set] } }
            if arrival, name == "constant" { alternatives = [["value"], ["rate"]] }
            var excl = exclusive
            if arrival, usesMean { excl.append(["mean", "rate"]) }
            return Variant(
                names: [name],
                declaration: MapDeclaration(
                    (arrival ? "arrival." : "distribution.") + name, summary,
                    keys: [KeyDeclaration("dist", .choice([name]), required: true, "The distribution.")] + keys + rate + profile,
                    alternatives: alternatives.isEmpty ? [] : [alternatives], exclusive: excl))
        }
        let mean = KeyDeclaration("mean", time, "The mean.")
        let cases: [Variant] = [
            dist("constant", "Always the same value.", [KeyDeclaration("value", time, required: !arrival, "The value.")]),
            dist("uniform", "Uniform between min and max.", [
                KeyDeclaration("min", time, required: true, "The smallest value."),
                KeyDeclaration("max", time, required: true, "The largest value."),
            ]),
            dist("exponential", "Exponential: memoryless, a Poisson process's gaps.", [mean], oneOf: [["mean"]]),
            dist("normal", "Normal, truncated at 0.", [mean, KeyDeclaration("sd", time, required: true, "The standard deviation (before truncation).")], oneOf: [["mean"]]),
            dist("lognormal", "Lognormal, by median and sigma or by mean and sd.", [
                KeyDeclaration("median", time, "The median (e^mu)."),
                KeyDeclaration("sigma", .number(nil), "The standard deviation of the logarithm, above 0."),
                mean,
                KeyDeclaration("sd", time, "The standard deviation."),
            ], oneOf: [["median", "sigma"], ["mean", "sd"]], exclusive: [["median", "mean"], ["sigma", "sd"]]),
            dist("gamma", "Gamma, by shape and scale or by shape and mean.", [
                KeyDeclaration("shape", .number(nil), required: true, "The shape k, above 0."),
                KeyDeclaration("scale", time, "The scale θ (the mean is kθ)."),
                mean,
            ], oneOf: [["scale"], ["mean"]], exclusive: [["scale", "mean"]]),
            dist("weibull", "Weibull: P(X > x) = exp(-(x/scale)^shape).", [
                KeyDeclaration("shape", .number(nil), required: true, "The shape k, above 0."),
                KeyDeclaration("scale", time, required: true, "The scale λ."),
            ]),
            dist("pareto", "Pareto (type I): X ≥ scale, P(X > x) = (scale/x)^shape.", [
                KeyDeclaration("shape", .number(nil), required: true, "The shape a, above 0."),
                KeyDeclaration("scale", time, required: true, "The scale b, the smallest value."),
            ]),
            dist("erlang", "Erlang: the sum of k exponentials.", [
                KeyDeclaration("k", .integer(1...10_000), required: true, "The number of exponential phases."),
                mean,
            ], oneOf: [["mean"]]),
            dist("hyperexponential", "With probability p_i, an exponential of mean m_i.", [
                KeyDeclaration("probabilities", .list(.probability, minItems: 1), required: true, "The branches' probabilities, summing to 1."),
                KeyDeclaration("means", .list(time, minItems: 1), required: true, "The branches' means, as many as probabilities."),
            ]),
            dist("empirical", "One of the given values, picked uniformly at random.", [
                KeyDeclaration("values", .list(time, minItems: 1), "The values."),
                KeyDeclaration("csv", .text, "A CSV file with the values, relative to the scenario file."),
                KeyDeclaration("column", .text, "The CSV column holding the values."),
                KeyDeclaration("unit", .choice(["ns", "us", "ms", "s", "m", "h"]), default: "s", source: .assumption("seconds"), "The unit of the CSV's values."),
            ], oneOf: [["values"], ["csv", "column"]], exclusive: [["values", "csv"]]),
        ]
        return Variants(
            arrival ? "arrival" : "distribution",
            arrival ? "The open loop's times between requests, by dist:, or by rate for an exponential." : "A distribution of times, by dist:.",
            discriminator: "dist", cases: cases)
    }
}
