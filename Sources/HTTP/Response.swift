/// A response a handler returns. The server adds `Date`, `Server`, `Content-Length` and
/// `Connection` itself; handlers set everything else.
public struct Response: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int = 200, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a body of the given media type.
    public init(status: Int = 200, contentType: String, body: [UInt8]) {
        self.status = status
        self.headers = HTTPHeaders(name: "Content-Type", value: contentType)
        self.body = body
    }

    /// A JSON response from already-encoded JSON text.
    public static func json(_ text: String, status: Int = 200) -> Response {
        Response(status: status, contentType: "application/json", body: Array(text.utf8))
    }

    public static func text(_ text: String, status: Int = 200) -> Response {
        Response(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    /// Status codes whose responses never carry content (RFC 9110 §6.4.1).
    var forbidsContent: Bool { status < 200 || status == 204 || status == 304 }
}
