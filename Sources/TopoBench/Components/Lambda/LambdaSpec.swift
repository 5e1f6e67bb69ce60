// The `lambda` kind as the loader reads it (keys: `LambdaDeclaration.swift`).

public struct LambdaSpec: Sendable {
    public var service: Distribution
    public var concurrency: Int
    /// As an SQS consumer: the event source mapping's MaximumConcurrency (nil: not set).
    public var maximumConcurrency: Int?
    /// The init duration of a new execution environment.
    public var coldStart: Distribution
    /// How long an idle execution environment is kept before it is recycled.
    public var keepWarm: SimTime
    public var region: Int?
    /// MemorySize in MB, and the instruction set: what a GB-second costs.
    public var memory = 128
    public var architecture: LambdaArchitecture = .x86
    /// The component each synchronous invocation calls after its service time (nil: none).
    public var calls: Int? = nil
    /// The function's timeout, for synchronous invocations.
    public var timeout: SimTime = AwsDefaults.lambdaTimeout
    /// Retries of the call (`retry`): the SDK's when `calls` is an AWS API, none otherwise.
    public var callRetry: RetryPolicy = AwsDefaults.noRetry
}

/// A Lambda function's instruction set (its `Architectures`).
public enum LambdaArchitecture: String, Sendable, CaseIterable {
    case x86 = "x86_64"
    case arm = "arm64"
}


extension LambdaSpec {
    /// Reads a `lambda` component's keys (declared in its `…Declaration.swift`).
    static func read(_ cm: MapReader, in t: TopologyReading) throws -> Self {
        let calls = try lambdaCalls(cm, t)
        return LambdaSpec(
            service: try ScenarioLoader.parseDistribution(try cm.required("service")).0,
            concurrency: try cm.int("concurrency", default: AwsDefaults.lambdaConcurrency) ?? AwsDefaults.lambdaConcurrency,
            maximumConcurrency: try cm.int("maximum_concurrency"),
            coldStart: try cm.optional("cold_start").map { try ScenarioLoader.parseDistribution($0).0 } ?? AwsDefaults.lambdaColdStart,
            keepWarm: try cm.duration("keep_warm", default: AwsDefaults.lambdaKeepWarm) ?? AwsDefaults.lambdaKeepWarm,
            region: try t.region(cm),
            memory: try cm.int("memory", default: 128) ?? 128,
            architecture: LambdaArchitecture(rawValue: try cm.choice("architecture", default: "x86_64") ?? "x86_64") ?? .x86,
            calls: calls,
            timeout: try cm.duration("timeout", default: AwsDefaults.lambdaTimeout) ?? AwsDefaults.lambdaTimeout,
            callRetry: try lambdaRetry(cm, calls: calls, t))
    }

    /// `retry:` of the call: as for instances, the SDK's standard mode when `calls` is an AWS
    /// API, none otherwise. A retry quota is per SDK client, one per execution environment, and
    /// is not modelled on a function (nor may a retry budget be set).
    static func lambdaRetry(_ cm: MapReader, calls: Int?, _ t: TopologyReading) throws -> RetryPolicy {
        var retry = try t.callRetry(cm, calls: calls, owner: "a function")
        if retry.budget != nil, let r = cm.optional("retry") {
            throw (r.isMap ? try r.map().optional("budget") ?? r : r).error(expected: "no retry budget on a function's call (one SDK client per execution environment)")
        }
        retry.quota = nil
        return retry
    }

    /// `calls:`, which must name another component.
    static func lambdaCalls(_ cm: MapReader, _ t: TopologyReading) throws -> Int? {
        let calls = try t.ref(cm, "calls")
        if let calls, calls == t.index {
            throw (cm.optional("calls") ?? cm.reader).error(expected: "another component (a function cannot call itself)")
        }
        return calls
    }

    /// The most batches the event source mapping of a queue processes at once: its
    /// MaximumConcurrency, the function's concurrency and 1,000, whichever is least.
    var sqsBatchCeiling: Int {
        min(maximumConcurrency ?? AwsDefaults.lambdaSqsMaxBatches, concurrency, AwsDefaults.lambdaSqsMaxBatches)
    }

    /// The pollers a queue runs for this function. Without the queue's `pollers`: one per batch
    /// the event source mapping may process at once (``sqsBatchCeiling``), of which only some
    /// poll at a time (``PollerScaling``). With it: that many, all polling from the start
    /// (the model before 0.2), at most `maximum_concurrency` when that is set.
    func sqsPollers(queueSetting pollers: Int?) -> Int {
        guard let pollers else { return sqsBatchCeiling }
        return min(pollers, maximumConcurrency ?? pollers)
    }
}
