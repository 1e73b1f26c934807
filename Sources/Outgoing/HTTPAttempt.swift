/// What came of one request: the status of the response, or why none came; what retrying needs of the response;
/// and how long it took.
public struct HTTPAttempt: Sendable, Equatable {
    /// Why no response came.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// No complete response head within the timeout (milliseconds).
        case timedOut(millis: Int)
        /// Nothing listens at the address (`ECONNREFUSED`).
        case connectionRefused
        /// The URL is not an absolute `http` or `https` URL.
        case unsupportedURL
        /// Anything else on the way: a name that does not resolve, a reset, a TLS failure; with what the
        /// transport said.
        case transport(String)

        public var description: String {
            switch self {
            case .timedOut(let millis): return "no response within \(millis) ms"
            case .connectionRefused: return "connection refused"
            case .unsupportedURL: return "only absolute http and https URLs are sent to"
            case .transport(let detail): return detail
            }
        }
    }

    /// The response's status, or the failure.
    public enum Result: Sendable, Equatable {
        case response(status: Int)
        case failure(Failure)
    }

    public var result: Result
    /// The response's `Retry-After` value as sent (RFC 9110 §10.2.3), or nil.
    public var retryAfter: String?
    /// The response's `Location`, for saying where a redirect that was not followed pointed.
    public var location: String?
    /// From the request's start to the response's end, or to the failure.
    public var durationMillis: Int
    /// Bytes of the response body read (and discarded).
    public var bodyBytes: Int
    /// Whether the body was cut off: longer than the client reads, or still coming at the timeout.
    public var bodyTruncated: Bool

    public init(
        _ result: Result, retryAfter: String? = nil, location: String? = nil, durationMillis: Int, bodyBytes: Int = 0,
        bodyTruncated: Bool = false
    ) {
        self.result = result
        self.retryAfter = retryAfter
        self.location = location
        self.durationMillis = durationMillis
        self.bodyBytes = bodyBytes
        self.bodyTruncated = bodyTruncated
    }

    /// The status, or nil when no response came.
    public var status: Int? {
        if case .response(let status) = result { return status }
        return nil
    }
}
