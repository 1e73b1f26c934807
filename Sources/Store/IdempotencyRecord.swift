/// A stored response to a POST that carried an `Idempotency-Key`, replayed when the same request comes again.
public struct IdempotencyRecord: Sendable, Equatable {
    /// The client's key.
    public var key: String
    /// What identifies the request (e.g. a hash of method, path and body); a repeat with another one is refused.
    public var fingerprint: String
    /// The HTTP status of the first response.
    public var status: Int
    /// The response's header fields, as text the API chose.
    public var headers: String
    /// The response body.
    public var body: [UInt8]
    /// Milliseconds since the Unix epoch (UTC) when it was saved; purges go by it.
    public var createdAt: Int64

    /// Makes a record.
    public init(key: String, fingerprint: String, status: Int, headers: String, body: [UInt8], createdAt: Int64) {
        self.key = key
        self.fingerprint = fingerprint
        self.status = status
        self.headers = headers
        self.body = body
        self.createdAt = createdAt
    }
}
