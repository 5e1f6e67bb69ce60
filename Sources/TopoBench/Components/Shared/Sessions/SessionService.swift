/// What a session store answers an instance that reads a user's session
/// (``ComponentModel/readSession(user:fromZone:sender:)``).
enum SessionReadResult {
    /// The session was read; the round trip to the store took this long.
    case ok(SimTime)
    case unavailable
}
