extension MapDeclaration {
    /// `kind: autoscaling`: an EC2 Auto Scaling group over an instances group.
    public static let autoscaling = MapDeclaration.component(
        "autoscaling", "An EC2 Auto Scaling group: replaces instances its health checks find unhealthy (EC2 status checks; the ALB's too with health_check_type: elb), launches into healthy zones and rebalances, with a launch time; optional target tracking.",
        keys: [
            KeyDeclaration("group", .reference(["instances"]), required: true, "The instances group it manages."),
            KeyDeclaration("min", .integer(0...ScenarioLoader.Limits.maxInstancesPerGroup), default: .described("the group's count"), source: .assumption("the group's size"), "Smallest size."),
            KeyDeclaration("max", .integer(1...ScenarioLoader.Limits.maxInstancesPerGroup), default: .described("the group's count, or min if larger"), source: .assumption("the group's size"), "Largest size."),
            KeyDeclaration("health_check_type", .choice(AutoscalingSpec.HealthCheckType.allCases.map(\.rawValue)), default: "ec2", source: .aws("autoscaling.health_check_type"),
                           "ec2: EC2 status checks, which see the instance (stopped, terminated, impaired) but not a crashed application; elb: also the ALB's health checks."),
            KeyDeclaration("grace", .duration(0...7200 * Time.second), default: "300s", source: .aws("autoscaling.grace"), "Health-check grace period of a new instance."),
            KeyDeclaration("launch", .timeDistribution, default: .described("uniform from 60s to 180s"), source: .assumption("an EC2 instance boots and starts its application in one to three minutes"),
                           "Time from a launch until the instance serves."),
            KeyDeclaration("target_tracking", .map(.targetTracking), default: .described("no scaling policy"), nullable: true, "A target-tracking scaling policy."),
            KeyDeclaration("scheduled", .list(.map(.scheduledAction), minItems: 1), default: .described("no scheduled action"), nullable: true,
                           "Scheduled actions: at a time (and every period after it), the group's min, max and desired capacity change, as EC2 Auto Scaling's scheduled scaling does."),
        ])

    /// One `scheduled` action of an `autoscaling` group.
    public static let scheduledAction = MapDeclaration(
        "autoscaling.scheduled", "A scheduled action (PutScheduledUpdateGroupAction): new capacity limits at a time, once or recurring.",
        keys: [
            KeyDeclaration("at", .duration(0...Units.maxDuration), required: true, "When the action first runs, from the start of the run."),
            KeyDeclaration("every", .duration(Time.minute...Units.maxDuration), default: .described("once"), "Runs again each period after at (a daily action: every: 24h)."),
            KeyDeclaration("min", .integer(0...ScenarioLoader.Limits.maxInstancesPerGroup), default: .described("unchanged"), "The group's new minimum size."),
            KeyDeclaration("max", .integer(0...ScenarioLoader.Limits.maxInstancesPerGroup), default: .described("unchanged"), "The group's new maximum size."),
            KeyDeclaration("desired", .integer(0...ScenarioLoader.Limits.maxInstancesPerGroup), default: .described("unchanged, kept within the new min and max"),
                           "The group's new desired capacity: instances are launched, or the newest terminated, to reach it."),
        ])

    /// `target_tracking` of an `autoscaling` group.
    public static let targetTracking = MapDeclaration(
        "autoscaling.target_tracking", "A target-tracking scaling policy: keeps a metric near its target.",
        keys: [
            KeyDeclaration("metric", .choice(TargetTrackingSpec.Metric.allCases.map(\.rawValue)), default: "cpu", source: .assumption("average CPU utilisation, the usual predefined metric"),
                           "The metric tracked. cpu: busy workers over workers, in percent. sqs_backlog_per_instance: the visible messages of queue over the instances in service (AWS's \"scaling policy based on Amazon SQS\"); at zero instances, the backlog itself."),
            KeyDeclaration("target", .number(0.001...1e9), default: "50", source: .assumption("50 % for cpu"),
                           "The metric's target: a percentage from 1 to 100 for cpu; the acceptable backlog per instance for sqs_backlog_per_instance (the longest acceptable latency over the time to process a message)."),
            KeyDeclaration("queue", .reference(["sqs"]), default: .described("none"), "The queue whose backlog sqs_backlog_per_instance tracks."),
            KeyDeclaration("warmup", .duration(0...ScenarioLoader.Limits.maxDelay), default: "300s", source: .assumption("EC2 Auto Scaling's default instance warm-up of 300 s"),
                           "Time before a new instance's metrics count."),
        ])
}
