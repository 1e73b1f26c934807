/// The request line and header section of one request, as the parser found them.
public struct RequestHead: Sendable, Equatable {
    /// The method token, case-sensitive (RFC 9110 §9.1).
    public var method: String
    /// The request-target exactly as sent.
    public var target: String
    /// The path of the target: for origin-form the part before `?`, for absolute-form the
    /// path of the URI (`/` when empty), `*` for asterisk-form. Not percent-decoded.
    public var path: String
    /// The query after `?`, without the `?`, or nil when there is none.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders

    public init(
        method: String, target: String, path: String, query: String?, version: HTTPVersion,
        headers: HTTPHeaders
    ) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
    }
}
