// What a Lambda function costs: its requests and its GB-seconds.

extension LambdaFunction {
    /// Requests, and GB-seconds at the function's memory ("AWS Lambda pricing": duration from
    /// the start of the code, the INIT phase included: AWS Compute Blog, "AWS Lambda
    /// standardizes billing for INIT Phase", effective 1 August 2025), for every invocation
    /// that started while the run measured (an SQS batch: its init and the processing of each
    /// of its messages). To the nanosecond: AWS rounds each invocation up to the next
    /// millisecond, which this leaves out (at most 1 ms per invocation).
    func bill(_ bill: inout Bill) {
        bill.charge("lambda.request", Double(billedInvocations))
        let gbSeconds = Time.seconds(billedDuration) * Double(spec.memory) / 1024
        bill.charge(spec.architecture == .arm ? "lambda.gb_second.arm" : "lambda.gb_second.x86", gbSeconds)
    }
}

extension LambdaSpec {
    func priceKeys(in topology: Topology) -> [String] {
        ["lambda.request", architecture == .arm ? "lambda.gb_second.arm" : "lambda.gb_second.x86"]
    }
}
