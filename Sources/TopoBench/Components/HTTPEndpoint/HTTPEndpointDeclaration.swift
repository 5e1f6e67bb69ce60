extension MapDeclaration {
    /// `kind: http_endpoint`: an HTTP/S subscription of an SNS topic.
    public static let httpEndpoint = MapDeclaration.component(
        "http_endpoint", "An HTTP/S endpoint subscribed to an SNS topic, with SNS's delivery retry policy.",
        keys: [
            KeyDeclaration("target", .reference(["instances", "alb"]), required: true, "The instances or alb that receives the deliveries."),
            KeyDeclaration("retry_policy", .anyOf([.choice(["aws_default", "managed"]), .map(.deliveryPolicy)]), default: "aws_default", source: .aws("sns.http.retry_policy"),
                           "SNS's delivery policy: aws_default (HTTP/S), managed (AWS-managed endpoints) or the policy's own keys."),
            KeyDeclaration("timeout", .duration(Time.millisecond...ScenarioLoader.Limits.maxDelay), default: "15s", source: .aws("sns.http.timeout"), "Timeout of one delivery attempt."),
        ])

    /// `retry_policy` of an `http_endpoint`: SNS's delivery policy, phase by phase.
    public static let deliveryPolicy = MapDeclaration(
        "http_endpoint.retry_policy", "SNS's delivery retry policy: immediate retries, pre-backoff, backoff and post-backoff phases.",
        keys: [
            KeyDeclaration("immediate_retries", .integer(0...100), default: "0", source: .aws("sns.http.retry_policy"), "Retries with no delay."),
            KeyDeclaration("pre_backoff_retries", .integer(0...100), default: "0", source: .aws("sns.http.retry_policy"), "Retries before the backoff phase."),
            KeyDeclaration("pre_backoff_delay", .duration(0...3600 * Time.second), default: "20s", source: .aws("sns.http.retry_policy"), "Delay of each pre-backoff retry."),
            KeyDeclaration("num_retries", .integer(0...100), default: "3", source: .aws("sns.http.retry_policy"), "Retries of the backoff phase."),
            KeyDeclaration("min_delay", .duration(Time.second...3600 * Time.second), default: "20s", source: .aws("sns.http.retry_policy"), "First delay of the backoff phase."),
            KeyDeclaration("max_delay", .duration(Time.second...3600 * Time.second), default: .described("min_delay"), source: .aws("sns.http.retry_policy"), "Last delay of the backoff phase."),
            KeyDeclaration("post_backoff_retries", .integer(0...100), default: "0", source: .aws("sns.http.retry_policy"), "Retries after the backoff phase."),
            KeyDeclaration("post_backoff_delay", .duration(0...3600 * Time.second), default: .described("max_delay"), source: .aws("sns.http.retry_policy"), "Delay of each post-backoff retry."),
        ])
}
