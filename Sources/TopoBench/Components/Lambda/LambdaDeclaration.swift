extension MapDeclaration {
    /// `kind: lambda`: a Lambda function.
    public static let lambda = MapDeclaration.component(
        "lambda", "A Lambda function: a service time, a concurrency limit, execution environments with cold starts, and, as an SQS consumer, the scaling of its event source mapping.",
        keys: [
            KeyDeclaration("service", .timeDistribution, required: true, "Duration of one invocation."),
            KeyDeclaration("concurrency", .integer(1...ScenarioLoader.Limits.maxWorkers), default: "1000", source: .aws("lambda.concurrency"), "Invocations at once."),
            KeyDeclaration("maximum_concurrency", .integer(AwsDefaults.lambdaMaximumConcurrency), default: .described("none: the function's concurrency, at most 1,000 batches"),
                           source: .aws("lambda.maximum_concurrency"),
                           "As an SQS consumer: the most batches its event source mapping processes at once (ScalingConfig MaximumConcurrency). Concurrency starts at 5 batches and grows by 5 a second while messages are visible."),
            KeyDeclaration("cold_start", .timeDistribution, default: .described("lognormal, median 250ms, sigma 0.7"), source: .aws("lambda.cold_start"),
                           "Init duration paid by an invocation that needs a new execution environment (none is idle)."),
            KeyDeclaration("keep_warm", .duration(0...AwsDefaults.lambdaMaxKeepWarm), default: "10m", source: .aws("lambda.keep_warm"),
                           "How long an idle execution environment is kept before it is recycled."),
            KeyDeclaration("memory", .integer(128...10_240), default: "128", source: .aws("lambda.memory"),
                           "Memory in MB (MemorySize): the GB-seconds an invocation is billed. It does not change the service time."),
            KeyDeclaration("architecture", .choice(LambdaArchitecture.allCases.map(\.rawValue)), default: "x86_64", source: .aws("lambda.architecture"),
                           "x86_64 or arm64 (Graviton): the price of a GB-second."),
            KeyDeclaration("calls", .reference(["instances", "alb", "api_gateway", "sqs", "sns", "lambda", "database", "http_endpoint"]), default: .described("no call"),
                           "A component the function calls once per synchronous invocation, after its service time, and waits for (an SQS SendMessage or SNS Publish is answered when accepted); the invocation fails when the answer is an error. Retried as retry: says. Only for a function invoked synchronously (by API Gateway, an ALB, instances or another function), not as an SQS consumer or SNS subscriber."),
            KeyDeclaration("retry", .anyOf([.choice(["none", "sdk", "sdk_2026"]), .map(.retry)]),
                           default: .described("sdk when calls is an AWS API (sqs, sns, api_gateway, lambda), none otherwise"),
                           source: .aws("instances.retry"),
                           "Retries of the call, within the function's timeout: none, sdk, sdk_2026 or the retry policy's keys. The retry quota is not modelled on a function (each execution environment has its own SDK client), and a retry budget may not be set."),
            KeyDeclaration("timeout", .duration(Time.second...(900 * Time.second)), default: "3s", source: .aws("lambda.timeout"),
                           "The function's timeout: a synchronous invocation still running (service and its call; the init phase has its own 10 s limit at AWS and is not counted) this long after its init fails, and its environment is freed. Asynchronous invocations (SQS, SNS) are not cut short: an assumption."),
            .region,
        ])
}
