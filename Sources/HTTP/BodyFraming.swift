/// How the message body of a request is delimited (RFC 9112 §6.3).
public enum BodyFraming: Sendable, Equatable {
    /// No body: neither Content-Length nor Transfer-Encoding was sent.
    case none
    /// Exactly this many bytes follow the head.
    case contentLength(Int)
    /// Transfer-Encoding: chunked (RFC 9112 §7.1).
    case chunked
}
