/// What happened to one instance of a group, as a notification to the group and to the
/// components subscribed to it (``ComponentTable/notify(_:group:instance:)``).
///
/// This is how kinds hear about each other's instances without calling each other's internals:
/// the ALB deregisters a terminated target and registers a launched one, SQS stops and starts the
/// pollers on it, Auto Scaling replaces an instance that a load balancer found unhealthy.
enum Lifecycle: UInt8 {
    /// Its process stopped (a crash, or its zone lost power): it does no more work.
    case down
    /// Its process runs again.
    case up
    /// Auto Scaling starts a new instance in this slot (pending, not in service).
    case launching
    /// The new instance is in service.
    case launched
    /// It leaves the group: no new work, and what is in flight may finish for the
    /// deregistration delay (answered in ``LifecycleAnswer/drainFor``).
    case draining
    /// It is gone: whatever it still runs fails.
    case terminated
    /// A load balancer's health checks mark it unhealthy (ELB health of an Auto Scaling group).
    case failedHealthCheck
}

/// What the listeners of a notification answer.
struct LifecycleAnswer {
    /// ``Lifecycle/draining``: the longest deregistration delay of the target groups the
    /// instance is registered in, nil when none routes to it.
    var drainFor: SimTime? = nil
}
