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
        ])

    /// `target_tracking` of an `autoscaling` group.
    public static let targetTracking = MapDeclaration(
        "autoscaling.target_tracking", "A target-tracking scaling policy: keeps a metric near its target.",
        keys: [
            KeyDeclaration("metric", .choice(["cpu"]), default: "cpu", source: .assumption("average CPU utilisation, the usual predefined metric"), "The metric tracked (cpu: busy workers over workers)."),
            KeyDeclaration("target", .number(1...100), default: "50", source: .assumption("50 %"), "The metric's target value, in percent."),
            KeyDeclaration("warmup", .duration(0...ScenarioLoader.Limits.maxDelay), default: "300s", source: .assumption("EC2 Auto Scaling's default instance warm-up of 300 s"),
                           "Time before a new instance's metrics count."),
        ])
}
