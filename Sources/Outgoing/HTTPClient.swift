/// Sends one request and waits for what came of it. Blocking: call it from the sender's workers or another thread
/// of its own, never from an event loop.
public protocol HTTPClient: Sendable {
    /// Sends `request`, waits at most `timeout` for the whole exchange, and tells what came of it. Never throws:
    /// a failure to send is an outcome like any status.
    func send(_ request: OutgoingRequest, timeout: Duration) -> HTTPAttempt
}

extension Duration {
    /// The duration in whole milliseconds, rounded down.
    public var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}

/// What the service's clients wait and read when not told otherwise.
public enum HTTPClientDefaults {
    /// The timeout of a delivery: the whole exchange, connection to the end of the answer.
    public static let timeout: Duration = .seconds(15)
    /// How much of a response body is read before the rest is dropped with the connection.
    public static let bodyLimit = 64 * 1024
}
