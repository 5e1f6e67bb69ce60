extension MapDeclaration {
    /// `kind: instances`: an EC2 instance group.
    public static let instances = MapDeclaration.component(
        "instances",
        "An EC2 instance group: each instance has workers (its concurrency), a bounded FIFO queue, a service time and an optional synchronous downstream call.",
        keys: [
            KeyDeclaration("count", .integer(1...ScenarioLoader.Limits.maxInstancesPerGroup), default: "1", source: .assumption("one instance"), "Instances in the group."),
            KeyDeclaration("zones", .list(.zone, minItems: 1), default: .described("the scenario's first zone"), source: .assumption("a single zone"),
                           "Zones the instances are spread over, round robin."),
            KeyDeclaration("workers", .integer(1...ScenarioLoader.Limits.maxWorkers), default: "1", source: .assumption("one request at a time"), "Requests an instance serves at once."),
            KeyDeclaration("queue", .anyOf([.choice(["unbounded"]), .integer(0...ScenarioLoader.Limits.maxQueue)]), default: "unbounded",
                           source: .assumption("no bound"), "Requests that may wait for a worker on one instance; past it a request is rejected."),
            KeyDeclaration("service", .timeDistribution, required: true, "Service time of one request on a worker."),
            KeyDeclaration("calls", .reference(["instances", "alb", "api_gateway", "sqs", "sns", "lambda", "database"]), default: .described("no call"),
                           "The component called synchronously for every request (a SendMessage or Publish for sqs or sns, a query for a database)."),
            KeyDeclaration("timeout", .duration(Time.microsecond...ScenarioLoader.Limits.maxDelay), default: .described("30s when the group has calls"),
                           source: .aws("instances.timeout"), "Timeout of the call."),
            KeyDeclaration("retry", .anyOf([.choice(["none", "sdk", "sdk_2026"]), .map(.retry)]),
                           default: .described("sdk when calls is an AWS API (sqs, sns, api_gateway, lambda), none otherwise (a database query goes over the engine's driver, not an AWS SDK)"),
                           source: .aws("instances.retry"),
                           "Retries of the call: none, sdk, sdk_2026 or the retry policy's keys; each instance holds its own retry quota, as one SDK client per process does."),
            KeyDeclaration("pairing", .choice(Pairing.allCases.map(\.rawValue)), default: "random",
                           source: .assumption("a caller reaches a group through a name or service discovery that picks any instance"),
                           "Which instance a call to an instances group reaches: random (any, per call) or same_index (instance i calls instance i, by address)."),
            KeyDeclaration("slowdown", .map(.instancesSlowdown), default: .described("none"), nullable: true,
                           "Load-dependent service time: contention makes each request slower with the others in service on the instance (a GC death spiral's mechanism)."),
            KeyDeclaration("queue_discipline", .choice(QueueDiscipline.allCases.map(\.rawValue)), default: "fifo", source: .assumption("a server's accept queue is first in, first out"),
                           "Which waiting request a free worker takes: fifo (the oldest) or lifo (the newest, which sheds the stalest under overload)."),
            KeyDeclaration("queue_timeout", .duration(Time.microsecond...ScenarioLoader.Limits.maxDelay), default: .described("none"),
                           "A request that waited longer than this in the waiting room is dropped (503) before its service, with no work spent on it."),
            KeyDeclaration("sessions", .anyOf([.choice(["local", "none"]), .reference(["session_store"])]), default: "none", source: .assumption("no login sessions"),
                           "Where login sessions live: local (in the instance's memory, sticky behind an ALB), none, or a session_store component."),
            KeyDeclaration("concurrency_limit", .map(.concurrencyLimit), default: .described("none"), nullable: true,
                           "Adaptive admission per instance, as Netflix's concurrency-limits (AIMDLimit, Gradient2Limit): a request past the limit of requests in service and waiting is refused (503) at once."),
            KeyDeclaration("instance_type", .choice(PriceList.instanceTypes), default: "m5.large",
                           source: .assumption("a general-purpose size; it sets the price only, the speed is the service time"),
                           "The EC2 instance type: what an instance-hour costs (on demand, Linux). It does not change the service time, which says how fast the code runs."),
            KeyDeclaration("circuit_breaker", .map(.circuitBreaker), default: .described("no circuit breaker"), nullable: true,
                           "A circuit breaker on the call: opens past an error threshold, probes when half open."),
        ])

    /// `slowdown` of an `instances` group.
    public static let instancesSlowdown = MapDeclaration(
        "instances.slowdown", "Load-dependent service time (SPEC 0.2, Overload).",
        keys: [
            KeyDeclaration("per_busy", .number(0...100), required: true,
                           "Each other request in service when a request starts multiplies its service time by 1 + this (a number or a percentage: 1% = 0.01)."),
        ])

    /// `concurrency_limit` of an `instances` group (defaults: Netflix concurrency-limits'
    /// `AIMDLimit` and `Gradient2Limit` builders).
    public static let concurrencyLimit = MapDeclaration(
        "instances.concurrency_limit", "Adaptive admission (Netflix concurrency-limits).",
        keys: [
            KeyDeclaration("algorithm", .choice(ConcurrencyLimitSpec.Algorithm.allCases.map(\.rawValue)), required: true,
                           "aimd (AIMDLimit: +1 on success, × backoff on a drop) or gradient (Gradient2Limit: follows long-term over current latency)."),
            KeyDeclaration("initial", .integer(1...1_000_000), default: "20", source: .assumption("concurrency-limits' initialLimit of 20"), "The limit at the start."),
            KeyDeclaration("min", .integer(1...1_000_000), default: "20", source: .assumption("concurrency-limits' minLimit of 20"), "The smallest limit."),
            KeyDeclaration("max", .integer(1...1_000_000), default: "200", source: .assumption("concurrency-limits' maxLimit (AIMD) and maxConcurrency (Gradient2) of 200"), "The largest limit."),
            KeyDeclaration("backoff", .number(0.01...1), default: "0.9", source: .assumption("AIMDLimit's backoffRatio of 0.9"), "aimd: what a drop multiplies the limit by."),
            KeyDeclaration("timeout", .duration(Time.microsecond...ScenarioLoader.Limits.maxDelay), default: "5s", source: .assumption("AIMDLimit's timeout of 5 s"),
                           "aimd: a request that took longer counts as a drop."),
            KeyDeclaration("tolerance", .number(1...100), default: "1.5", source: .assumption("Gradient2Limit's rttTolerance of 1.5"), "gradient: how much slower than the long-term latency is tolerated."),
            KeyDeclaration("smoothing", .number(0.001...1), default: "0.2", source: .assumption("Gradient2Limit's smoothing of 0.2"), "gradient: the weight of each new estimate."),
            KeyDeclaration("queue_size", .integer(0...1_000_000), default: "4", source: .assumption("Gradient2Limit's queueSize of 4"), "gradient: the requests allowed above the estimate."),
        ])

    /// `circuit_breaker` of an `instances` group's call.
    public static let circuitBreaker = MapDeclaration(
        "instances.circuit_breaker", "A circuit breaker on a group's call: error ratio over a rolling window, open time, half-open probes.",
        keys: [
            KeyDeclaration("error_threshold", .number(0.0001...1), default: "0.5", source: .assumption("half the calls failing, as resilience4j's failure-rate threshold"),
                           "Share of failed calls in the window that opens the breaker."),
            KeyDeclaration("minimum_calls", .integer(1...1_000_000), default: "20", source: .assumption("no decision on fewer calls"), "Calls in the window before the share counts."),
            KeyDeclaration("window", .duration(Time.millisecond...ScenarioLoader.Limits.maxDelay), default: "10s", source: .assumption("a ten-second rolling window"), "Width of the rolling window."),
            KeyDeclaration("open", .duration(Time.millisecond...ScenarioLoader.Limits.maxDelay), default: "30s", source: .assumption("thirty seconds open"),
                           "How long the breaker stays open (calls fail at once) before it probes."),
            KeyDeclaration("half_open_probes", .integer(1...10_000), default: "5", source: .assumption("a handful of probes"), "Calls let through while half open; all must succeed to close."),
        ])
}
