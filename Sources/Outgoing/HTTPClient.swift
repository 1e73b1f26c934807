/// Sends one request and waits for what came of it. Blocking: call it from the sender's workers or another thread
/// of its own, never from an event loop.
public protocol HTTPClient: Sendable {
    /// Sends `request`, waits at most `timeout` for the whole exchange, and tells what came of it. Never throws:
    /// a failure to send is an outcome like any status.
    func send(_ request: OutgoingRequest, timeout: Duration) -> HTTPAttempt
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
