/// Every default the models use when a scenario leaves a key out, with where it comes from.
///
/// One table, so a reader can check each number against AWS's documentation and a scenario can
/// override any of them (each entry names the scenario key that overrides it). `topobench list`
/// prints it. Sources are those collected in `shared/reference/AWS_SEMANTICS.md`; entries marked
/// *assumption* have no AWS figure and say so.
public enum AwsDefaults {
    public struct Entry: Sendable {
        public let key: String
        public let value: String
        public let source: String
    }

    // ALB (Elastic Load Balancing User Guide for Application Load Balancers)
    public static let albAlgorithm = BalancingAlgorithm.roundRobin
    public static let albHealthInterval: SimTime = 30 * Time.second
    public static let albHealthTimeout: SimTime = 5 * Time.second
    public static let albHealthyThreshold = 5
    public static let albUnhealthyThreshold = 2
    public static let albIdleTimeout: SimTime = 60 * Time.second
    public static let albConnectTimeout: SimTime = 10 * Time.second
    public static let albDeregistrationDelay: SimTime = 300 * Time.second
    public static let albDNSTTL: SimTime = 60 * Time.second
    /// An LCU's dimensions ("Elastic Load Balancing pricing"): 25 new connections per second,
    /// 1 GB processed per hour for EC2 targets.
    public static let albLCUNewConnectionsPerSecond = 25.0
    public static let albLCUGigabytesPerHour = 1.0
    /// How long a client waits for a TCP connection before it tries the next address: a client
    /// that sets no connect timeout of its own waits for the kernel's SYN retries.
    public static let clientConnectTimeout: SimTime = 127 * Time.second
    /// One-way delay between zones of two regions (median, seconds): half a round trip of
    /// about 55 ms between us-east-1 and us-west-2.
    public static let crossRegionMedian = 0.028
    // Route 53 (Amazon Route 53 Developer Guide)
    public static let route53TTL: SimTime = 60 * Time.second
    public static let route53Interval: SimTime = 30 * Time.second
    public static let route53FailureThreshold = 3
    public static let route53Checkers = 8
    /// A record is healthy while more than this share of the health checkers report it healthy.
    public static let route53HealthyShare = 0.18
    /// An HTTP health check: a TCP connection within 4 s, then an answer within 2 s.
    public static let route53CheckTimeout: SimTime = 6 * Time.second
    // SQS (Amazon SQS Developer Guide)
    public static let sqsVisibilityTimeout: SimTime = 30 * Time.second
    public static let sqsMaxVisibilityTimeout: SimTime = 12 * Time.hour
    public static let sqsWait: SimTime = 0
    public static let sqsMaxWait: SimTime = 20 * Time.second
    public static let sqsBatch = 1
    public static let sqsMaxBatch = 10
    public static let sqsRetention: SimTime = 4 * Time.day
    public static let sqsMinRetention: SimTime = 60 * Time.second
    public static let sqsMaxRetention: SimTime = 14 * Time.day
    public static let sqsInflightLimit = 120_000
    /// FIFO quotas per API action (SendMessage, ReceiveMessage, DeleteMessage), in calls per
    /// second: 300 without high throughput, 70,000 with it in us-east-1 ("Amazon SQS message
    /// quotas").
    public static let sqsFifoCalls = 300.0
    public static let sqsFifoHighThroughputCalls = 70_000.0
    public static let sqsFifoDedupWindow: SimTime = 5 * Time.minute
    // SNS (Amazon SNS Developer Guide, "Amazon SNS message delivery retries")
    public static let snsHTTPPolicy = DeliveryPolicy(
        immediateRetries: 0, preBackoffRetries: 0, preBackoffDelay: 0, backoffRetries: 3,
        minDelay: 20 * Time.second, maxDelay: 20 * Time.second, postBackoffRetries: 0, postBackoffDelay: 0)
    public static let snsManagedPolicy = DeliveryPolicy(
        immediateRetries: 3, preBackoffRetries: 2, preBackoffDelay: Time.second, backoffRetries: 10,
        minDelay: Time.second, maxDelay: 20 * Time.second, postBackoffRetries: 100_000, postBackoffDelay: 20 * Time.second)
    public static let snsHTTPTimeout: SimTime = 15 * Time.second
    public static let snsMaxRetryTime: SimTime = 3600 * Time.second
    // API Gateway (API Gateway Developer Guide, quotas; integration timeout)
    public static let apiRate = 10_000.0
    public static let apiBurst = 5_000
    public static let apiTimeout: SimTime = 29 * Time.second
    /// The account's throttle per Region, shared by every API: 10,000 requests per second with a
    /// bucket of 5,000 (us-east-1; API Gateway quotas).
    public static let apiAccountRate = 10_000.0
    public static let apiAccountBurst = 5_000
    // ElastiCache
    public static let redisFailover: SimTime = 30 * Time.second
    public static let redisReplicas = 1
    public static let storeNodes = 1
    public static let storeReplace: SimTime = 10 * Time.minute
    // RDS and Aurora
    /// MySQL's default parameter group sets `max_connections` to
    /// `{DBInstanceClassMemory/12582880}` (RDS User Guide, "Maximum number of database connections").
    public static let rdsMySQLBytesPerConnection = 12_582_880.0
    /// Failover of a Multi-AZ DB instance: "Failover times are typically 60–120 seconds" (RDS User
    /// Guide, "Failing over a Multi-AZ DB instance"); of a Multi-AZ DB cluster: "typically under 35
    /// seconds" (RDS User Guide, "Failing over a Multi-AZ DB cluster"); of Aurora with a replica:
    /// "Start-to-finish, failover typically completes within 30 seconds" (Amazon Aurora FAQs).
    /// AWS gives no lower figure for the last two: 20 s is an assumption.
    public static func databaseFailover(_ engine: DatabaseEngine) -> Distribution {
        switch engine {
        case .rdsMultiAZ: return rdsMultiAZFailover
        case .rdsMultiAZCluster: return rdsClusterFailover
        case .aurora, .rdsSingleAZ: return auroraFailover
        }
    }
    public static let rdsMultiAZFailover = try! Distribution.uniform(min: 60, max: 120)
    public static let rdsClusterFailover = try! Distribution.uniform(min: 20, max: 35)
    public static let auroraFailover = try! Distribution.uniform(min: 20, max: 30)
    /// Assumption: a DB instance without a standby whose zone gets power back boots and runs its
    /// engine's crash recovery before it answers; AWS says the time "depends on the crash recovery
    /// process" and gives no figure.
    public static let databaseRecovery = try! Distribution.uniform(min: 60, max: 300)
    // EC2 Auto Scaling
    public static let asgGrace: SimTime = 300 * Time.second
    /// EC2 status checks are the default health-check type of a group.
    public static let asgHealthCheckType = AutoscalingSpec.HealthCheckType.ec2
    /// How long Auto Scaling lets an instance's status checks stay `impaired` before it
    /// replaces it: AWS says it "waits a few minutes for AWS to fix the issue" (assumption: 3).
    public static let asgImpairedWait: SimTime = 3 * Time.minute
    /// How long a `reboot` keeps an instance down: AWS says "in most cases, it takes only a few
    /// minutes" (assumption: 1 minute, a Linux instance with a small application).
    public static let rebootTime: SimTime = Time.minute
    /// An EC2 Spot Instance interruption: the notice comes two minutes before the instance is
    /// interrupted.
    public static let spotNotice: SimTime = 2 * Time.minute
    /// EC2 status checks run every minute: a dead instance is found within a minute.
    public static let statusCheckInterval: SimTime = Time.minute
    /// Target tracking's alarms evaluate one-minute metrics.
    public static let targetTrackingPeriod: SimTime = Time.minute
    /// The alarms EC2 Auto Scaling creates for a target-tracking policy: scale out when the
    /// metric is above the target for 3 one-minute data points out of 3, scale in when it is
    /// below the scale-in threshold for 15 out of 15 (the shape of the alarms AWS creates, as
    /// seen in the console; AWS documents no figure).
    public static let targetTrackingScaleOutPoints = 3
    public static let targetTrackingScaleInPoints = 15
    /// The scale-in threshold as a share of the target: "only when utilization falls below a
    /// threshold sufficiently below the target value (usually more than 10% lower)" (Application
    /// Auto Scaling User Guide, "How target tracking scaling works"): 0.9.
    public static let targetTrackingScaleInRatio = 0.9
    // AWS SDK standard retry mode
    public static let sdkMaxAttempts = 3
    public static let sdkBase: SimTime = 100 * Time.millisecond
    public static let sdkCap: SimTime = 20 * Time.second
    public static let sdkQuota = RetryQuota(capacity: 500, retryCost: 5, timeoutRetryCost: 10, successIncrement: 1)
    /// The standard retry mode before 2026: 3 attempts, full jitter, base 100 ms, cap 20 s.
    public static let sdkRetry = RetryPolicy(maxAttempts: sdkMaxAttempts, base: sdkBase, cap: sdkCap, jitter: .full, quota: sdkQuota)
    /// The SDKs' retry defaults since 10 November 2026: transient base 50 ms, throttling base
    /// 1 s, 3 attempts, cap 20 s; quota 500, 14 per transient or timeout retry, 5 per
    /// throttled retry (AWS Developer Tools Blog, "Updated default retry behavior for AWS SDKs
    /// and tools"; aws-sdk-go-v2 issue 3416).
    /// One attempt, no retry (`retry: none`): the end user's default, and that of an edge to
    /// something other than an AWS API.
    public static let noRetry = RetryPolicy(maxAttempts: 1, base: sdkBase, cap: sdkCap, jitter: .full, quota: nil)
    public static let sdk2026Retry = RetryPolicy(
        maxAttempts: 3, base: 50 * Time.millisecond, throttleBase: Time.second, cap: 20 * Time.second, jitter: .full,
        quota: RetryQuota(capacity: 500, retryCost: 14, timeoutRetryCost: 14, successIncrement: 1, throttleCost: 5))
    /// A ReceiveMessage that gets no answer (the network to SQS is cut) fails after the SDK's
    /// socket timeout and is sent again: 20 s, the longest long poll, is taken as that timeout.
    public static let sdkReceiveTimeout: SimTime = 20 * Time.second
    // Assumptions (no AWS figure)
    public static let callTimeout: SimTime = 30 * Time.second
    public static let openLoopUsers = 10_000
    public static let lambdaConcurrency = 1_000
    // Lambda as an SQS consumer (Lambda Developer Guide, "Configuring scaling behavior for SQS
    // event source mappings"): "Lambda starts processing five batches at a time with five
    // concurrent invocations", "increases the number of processes that are reading batches by up
    // to 300 more instances per minute", "The maximum number of batches that an event source
    // mapping can process simultaneously is 1,000", "When traffic is low, Lambda scales back the
    // processing to five concurrent batches". The 300 a minute are taken as 5 more every second.
    public static let lambdaSqsInitialBatches = 5
    public static let lambdaSqsScaleStep = 5
    public static let lambdaSqsScaleInterval: SimTime = Time.second
    public static let lambdaSqsMaxBatches = 1_000
    /// CloudFormation `AWS::Lambda::EventSourceMapping` ScalingConfig: MaximumConcurrency 2–1000.
    public static let lambdaMaximumConcurrency = 2...1_000
    /// Assumption from a third-party measurement (see the table): median 250 ms, p90 about 610 ms.
    public static let lambdaColdStart = try! Distribution.lognormal(median: 0.25, sigma: 0.7)
    /// Assumption: AWS does not say how long an idle execution environment is kept.
    public static let lambdaKeepWarm: SimTime = 10 * Time.minute
    /// Lambda Developer Guide, "Configure Lambda function timeout": 3 s by default, at most 900 s.
    public static let lambdaTimeout: SimTime = 3 * Time.second
    public static let lambdaMaxKeepWarm: SimTime = Time.day

    public static let table: [Entry] = [
        Entry(key: "alb.algorithm", value: "round_robin", source: "ELB ALB guide, target group attributes: routing algorithm (default round robin)"),
        Entry(key: "alb.health_check.interval", value: "30s", source: "ELB ALB guide, 'Health checks for your target groups': HealthCheckIntervalSeconds default 30 (5-300)"),
        Entry(key: "alb.health_check.timeout", value: "5s", source: "ELB ALB guide: HealthCheckTimeoutSeconds default 5 (the ELBv2 API reference says 6 for HTTP)"),
        Entry(key: "alb.health_check.healthy", value: "5", source: "ELB ALB guide: HealthyThresholdCount default 5 (2-10)"),
        Entry(key: "alb.health_check.unhealthy", value: "2", source: "ELB ALB guide: UnhealthyThresholdCount default 2 (2-10)"),
        Entry(key: "alb.idle_timeout", value: "60s", source: "ELB ALB guide / re:Post: idle timeout 60 s; 504 when the target does not answer in time"),
        Entry(key: "alb.connect_timeout", value: "10s", source: "ELB ALB troubleshooting, HTTP 504: connection to the target not established within 10 s"),
        Entry(key: "alb.dns_ttl", value: "60s",
              source: "ELB user guide, 'How Elastic Load Balancing works': the DNS entry has a TTL of 60 seconds; ALB guide, 'Target group health': client DNS caches may keep a node's addresses until the TTL expires (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/how-elastic-load-balancing-works.html)"),
        Entry(key: "network.cross_region", value: "lognormal, median 28ms",
              source: "AWS Network Manager 'Infrastructure Performance' publishes the median round trip between each pair of regions (https://docs.aws.amazon.com/network-manager/latest/infrastructure-performance/how-nmip-works.html); one way is taken as half of about 55 ms measured between us-east-1 and us-west-2 over VPC peering (third-party measurement, dev.to 'AWS multi-region networking'); other pairs: set network.cross_region"),
        Entry(key: "route53.ttl", value: "60s",
              source: "Route 53 developer guide, 'Values specific for failover records' (TTL); Route 53 FAQ: use a TTL of 60 s or less for DNS failover; alias records to an ELB take the ELB's fixed 60 s"),
        Entry(key: "route53.health_check.interval", value: "30s",
              source: "Route 53 developer guide, 'How Amazon Route 53 determines whether a health check is healthy': each checker sends a request every 30 s (standard) or 10 s (fast) (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html)"),
        Entry(key: "route53.health_check.failure_threshold", value: "3",
              source: "Route 53 API, HealthCheckConfig.FailureThreshold: consecutive checks an endpoint must pass or fail to change status (1-10, default 3)"),
        Entry(key: "route53.health_check.checkers", value: "8",
              source: "Route 53 API, HealthCheckConfig.Regions: checkers in us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2, ap-northeast-1 and sa-east-1 unless fewer (at least 3) are chosen; one checker per region is modelled"),
        Entry(key: "route53.health_check.healthy_share", value: "18%",
              source: "Route 53 developer guide, 'How Amazon Route 53 determines whether a health check is healthy': healthy if more than 18 % of health checkers report healthy"),
        Entry(key: "route53.health_check.timeout", value: "6s",
              source: "same page: an HTTP check needs a TCP connection within 4 s and an answer within 2 s of connecting"),
        Entry(key: "workload.connect_timeout", value: "127s",
              source: "assumption: a client that sets no connect timeout of its own waits for the kernel's SYN retries (Linux tcp(7): tcp_syn_retries 6, 'retrying for up to approximately 127 seconds'); the AWS SDK for Java 2.x sets 2 s (connect_timeout: 2s)"),
        Entry(key: "alb.deregistration_delay", value: "300s", source: "ELB ALB guide, 'Deregistration delay': default 300 s (0-3600)"),
        Entry(key: "sqs.visibility_timeout", value: "30s", source: "SQS guide / ChangeMessageVisibility: default 30 s, max 12 h"),
        Entry(key: "sqs.wait", value: "0s", source: "SQS guide, long polling: ReceiveMessageWaitTimeSeconds default 0 (short polling), max 20 s"),
        Entry(key: "sqs.batch", value: "1", source: "SQS ReceiveMessage: MaxNumberOfMessages default 1, max 10"),
        Entry(key: "sqs.retention", value: "4d", source: "SQS CreateQueue: MessageRetentionPeriod default 345,600 s (60 s - 14 d)"),
        Entry(key: "sqs.inflight_limit", value: "120000", source: "SQS quotas: about 120,000 in-flight messages per standard queue (OverLimit)"),
        Entry(key: "sqs.fifo.quota", value: "300 calls/s per action; high_throughput: 70000 calls/s per action",
              source: "SQS Developer Guide, 'Amazon SQS message quotas': FIFO 'limited to 300 transactions per second, per API action (SendMessage, ReceiveMessage, and DeleteMessage)', 3,000 messages/s with batches of 10; high throughput 'Up to 70,000 transactions per second (TPS)' in US East (N. Virginia), US West (Oregon), Europe (Ireland); 'FIFO limits are based on the number of API requests, not message limits'; 'Requests over 300 TPS get the ThrottlingException error' ('Troubleshoot FIFO throttling issues') (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html)"),
        Entry(key: "sqs.fifo.dedup_window", value: "5m", source: "SQS FIFO: deduplication interval 5 minutes"),
        Entry(key: "sns.http.retry_policy", value: "3 retries, 20 s apart", source: "SNS guide, HTTP/S delivery policy default: 3 retries, linear, 20 s"),
        Entry(key: "sns.managed.retry_policy", value: "3 immediate, 2 x 1 s, 10 backoff 1-20 s, 100,000 x 20 s", source: "SNS guide, 'Amazon SNS message delivery retries', AWS-managed endpoints"),
        Entry(key: "sns.http.timeout", value: "15s", source: "SNS HTTP/S delivery: 15 s per attempt (assumption: not in the retries page)"),
        Entry(key: "sns.retryable", value: "5xx, 429, timeouts, connection failures",
              source: "SNS guide, 'Amazon SNS message delivery retries': 'all 5XX errors and 429 (too many requests sent) errors as retryable ... All other errors are considered as permanent failures and retries will not be attempted'; 'Amazon SNS dead-letter queues': client-side errors are not retried; a message that gives up goes to the subscription's DLQ, else is discarded (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html)"),
        Entry(key: "sns.jitter", value: "equal jitter on the backoff phase, never below min_delay",
              source: "assumption: the SNS guide says 'Amazon SNS applies jittering to delivery retries' (pointing to the AWS Architecture Blog's 'Exponential Backoff and Jitter') but not which; the backoff phase's delay d becomes d/2 + U(0, d/2), at least min_delay (https://docs.aws.amazon.com/sns/latest/dg/sns-message-delivery-retries.html)"),
        Entry(key: "sns.sqs.retry_policy", value: "managed (100,015 attempts over 23 days)",
              source: "SNS guide, 'Amazon SNS message delivery retries': AWS managed endpoints (Lambda, SQS): 3 immediate, 2 x 1 s, 10 backoff 1-20 s, 100,000 x 20 s, '100,015 times, over 23 days'; 'With the exception of HTTP/S, you can't change Amazon SNS-defined delivery policies'"),
        Entry(key: "api_gateway.rate", value: "10000/s", source: "API Gateway: a stage without throttling settings is limited by the account's 10,000 RPS only (stage limits 'cannot be higher than' the account's)"),
        Entry(key: "api_gateway.burst", value: "5000", source: "API Gateway: a stage without throttling settings is limited by the account's burst of 5,000 only"),
        Entry(key: "api_gateway.account", value: "10000/s, burst 5000, shared by every gateway of the topology",
              source: "API Gateway quotas: 'Throttle quota per account, per Region across HTTP APIs, REST APIs, WebSocket APIs, and WebSocket callback APIs: 10,000 requests per second (RPS) with ... a maximum bucket capacity of 5,000 requests' (us-east-1; 2,500/1,250 in some newer Regions); 'API Gateway examines the rate and a burst of request submissions against all APIs in your account, per Region' (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html, .../api-gateway-request-throttling.html)"),
        Entry(key: "api_gateway.timeout", value: "29s", source: "API Gateway: integration timeout 50 ms - 29 s (default 29 s), 504 past it"),
        Entry(key: "session_store.failover", value: "30s", source: "AWS Database Blog, ElastiCache Redis automatic failover: 'usually about 30 seconds'"),
        Entry(key: "session_store.replicas", value: "1", source: "ElastiCache Multi-AZ needs at least one replica (assumed on unless the file says 0)"),
        Entry(key: "session_store.replace", value: "10m", source: "assumption: ElastiCache detects a failed node that has no replica and replaces it, empty, 'in a few minutes'"),
        Entry(key: "autoscaling.grace", value: "300s", source: "EC2 Auto Scaling: health check grace period 300 s when created in the console"),
        Entry(key: "autoscaling.health_check_type", value: "ec2", source: "EC2 Auto Scaling User Guide, 'About the health checks for your Auto Scaling group': EC2 status checks are the default health check type; ELB checks must be turned on (https://docs.aws.amazon.com/autoscaling/ec2/userguide/health-checks-overview.html)"),
        Entry(key: "autoscaling.impaired_wait", value: "3m", source: "assumption: EC2 Auto Scaling 'waits a few minutes for AWS to fix the issue' before it replaces an impaired instance; one not running is replaced at once (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html)"),
        Entry(key: "autoscaling.zones", value: "balanced-best-effort", source: "EC2 Auto Scaling: the default AZ distribution launches in a healthy zone when one is impaired, and AZ rebalancing launches before it terminates (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-availability-zone-balanced.html)"),
        Entry(key: "fault.reboot.reboot_time", value: "60s", source: "assumption: EC2 User Guide, 'Reboot your instance': 'in most cases, it takes only a few minutes'; 1 minute for a small Linux instance"),
        Entry(key: "fault.spot_notice", value: "2m", source: "EC2 Spot interruption notice: two minutes before the instance is interrupted (aws:ec2:send-spot-instance-interruptions)"),
        Entry(key: "workload.retry", value: "none",
              source: "SPEC 'Who retries': the end user is a person in a browser placing an order, who makes one attempt; sdk or sdk_2026 model a program that calls the entry through an AWS SDK"),
        Entry(key: "workload.retry.max_attempts", value: "3", source: "AWS SDKs reference guide, standard retry mode: 3 attempts"),
        Entry(key: "workload.retry.base", value: "100ms", source: "AWS SDK for JavaScript v3: DEFAULT_RETRY_DELAY_BASE 100 ms"),
        Entry(key: "workload.retry.cap", value: "20s", source: "AWS SDKs reference guide: maximum back-off 20 s"),
        Entry(key: "workload.retry.quota", value: "500 / 5 / 10 / 1", source: "AWS SDK standard mode retry quota: 500 tokens, 5 per retry, 10 per timeout retry, 1 back per success"),
        Entry(key: "workload.retry.sdk_2026", value: "3 attempts, base 50ms (throttling 1s), cap 20s, quota 500 / 14 / 14 / 1, throttled 5",
              source: "AWS Developer Tools Blog, 'Updated default retry behavior for AWS SDKs and tools' (default since 10 Nov 2026, https://aws.amazon.com/blogs/developer/updated-default-retry-behavior-for-aws-sdks-and-tools/); aws-sdk-go-v2 issue 3416"),
        Entry(key: "instances.retry", value: "sdk to sqs, sns, api_gateway, lambda; none otherwise",
              source: "SPEC 'Who retries': a call to an AWS API is an SDK call and retries in the SDK's standard mode, with one retry quota per calling process (AWS SDKs and Tools Reference Guide, 'Retry behavior'); a plain HTTP call retries only if the application does; a database query goes over the engine's driver (the MySQL or PostgreSQL protocol), not an AWS SDK, so it retries only if the application does"),
        Entry(key: "instances.timeout", value: "30s", source: "assumption: a typical HTTP client timeout for a calls: edge"),
        Entry(key: "workload.users", value: "10000", source: "SPEC: open-loop requests belong to 10,000 users by default"),
        Entry(key: "lambda.concurrency", value: "1000", source: "Lambda: default account concurrency 1,000 per Region"),
        Entry(key: "lambda.timeout", value: "3s", source: "Lambda Developer Guide, \"Configure Lambda function timeout\": the default is 3 seconds, at most 900 seconds (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html)"),
        Entry(key: "lambda.memory", value: "128", source: "Lambda Developer Guide, \"Configure Lambda function memory\": memory from 128 MB (the default) to 10,240 MB"),
        Entry(key: "lambda.architecture", value: "x86_64", source: "Lambda Developer Guide, \"Selecting and configuring an instruction set architecture\": x86_64 is the default"),
        Entry(key: "lambda.sqs_scaling", value: "5 batches, +5 every second while messages are visible, at most 1000; back to 5 when the queue is empty",
              source: "Lambda guide, 'Configuring scaling behavior for SQS event source mappings': starts with five concurrent batches, adds up to 300 per minute while messages are available, at most 1,000 batches, scales back to five when traffic is low (the step of 5 a second and when it scales back are assumptions)"),
        Entry(key: "lambda.maximum_concurrency", value: "none: min(concurrency, 1000)",
              source: "CloudFormation AWS::Lambda::EventSourceMapping ScalingConfig: MaximumConcurrency 2-1000, not set by default"),
        Entry(key: "lambda.cold_start", value: "lognormal, median 250ms, sigma 0.7",
              source: "assumption from a third-party measurement (A. Tanasa, Nov 2023, nodejs20.x 256 MB, 1 KB package: Init Duration mean 242 ms, p90 584 ms); AWS: 'from under 100 ms to over 1 second' (Lambda guide, execution environment lifecycle)"),
        Entry(key: "lambda.keep_warm", value: "10m",
              source: "assumption: AWS keeps an idle execution environment 'for a period of time' it does not document; third-party observations say 5-15 minutes"),
        Entry(key: "autoscaling.status_check", value: "60s", source: "EC2 status checks run every minute"),
        Entry(key: "autoscaling.target_tracking.period", value: "60s", source: "EC2 Auto Scaling target tracking: CloudWatch alarms on one-minute metrics"),
        Entry(key: "autoscaling.target_tracking.alarms", value: "scale out: > target for 3 of 3 minutes; scale in: < 0.9 x target for 15 of 15 minutes",
              source: "Application Auto Scaling User Guide, 'How target tracking scaling works': scales in only when utilization falls below a threshold 'sufficiently below the target value (usually more than 10% lower)'; CloudWatch 'Alarm actions': Auto Scaling actions repeat while the alarm stays in ALARM; the 3 and 15 one-minute data points are the shape of the alarms AWS creates (AlarmHigh/AlarmLow, seen in the console; assumption: AWS documents no figure) (https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html)"),
        Entry(key: "database.max_connections", value: "{DBInstanceClassMemory/12582880}: 1365 for db.r6g.large (16 GiB)",
              source: "RDS User Guide, 'Maximum number of database connections': MySQL and MariaDB default {DBInstanceClassMemory/12582880} (PostgreSQL LEAST({DBInstanceClassMemory/9531392},5000)); DBInstanceClassMemory taken as the class's memory (RDS reserves some for the OS, so a real instance has a few percent fewer); the same formula for aurora, an assumption (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections)"),
        Entry(key: "database.failover", value: "rds_multi_az uniform 60s..120s; rds_multi_az_cluster uniform 20s..35s; aurora uniform 20s..30s",
              source: "RDS User Guide, 'Failing over a Multi-AZ DB instance': 'Failover times are typically 60-120 seconds' (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html); 'Failing over a Multi-AZ DB cluster': 'Failover times are typically under 35 seconds' (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-failover.html); Amazon Aurora FAQs: 'Start-to-finish, failover typically completes within 30 seconds' (https://aws.amazon.com/rds/aurora/faqs/); the 20 s lower bounds are assumptions"),
        Entry(key: "database.recovery", value: "uniform 1m..5m",
              source: "assumption: an instance without a standby whose zone gets power back boots and runs crash recovery; RebootDBInstance: 'The time required to reboot is a function of the specific database engine's crash recovery process' (no figure)"),
        Entry(key: "session_store.remap", value: "next_node",
              source: "assumption: what a Memcached client does when a node dies is the client library's choice; next_node is consistent hashing with failed nodes ejected (ketama with auto-eject), none keeps sending a dead node's keys to it"),
        Entry(key: "sqs.receive_timeout", value: "20s", source: "assumption: a ReceiveMessage with no answer (partition) is retried after 20 s, the longest long poll"),
    ]
}
