/// A place to keep users' sessions outside the instances (ElastiCache), as the `instances` kind
/// reads it on every request of a user (`sessions: <store>`).
protocol SessionService: AnyObject {
    /// Reads (and refreshes) a user's session on behalf of an instance in `zone`.
    func readSession(user: Int32, fromZone zone: Int8, sender: Int32) -> SessionReadResult
}

enum SessionReadResult {
    /// The session was read; the round trip to the store took this long.
    case ok(SimTime)
    case unavailable
}
