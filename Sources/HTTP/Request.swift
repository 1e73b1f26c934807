/// One complete request: its head, its body, and what the router found in its path.
public struct Request: Sendable {
    public var head: RequestHead
    public var body: [UInt8]
    /// Values of the route pattern's named parameters (`:id` → `"42"`).
    public var parameters: [String: String]
    /// The pattern of the route that matched (`/v1/applications/:id`), for metrics; nil when none did.
    public var routePattern: String?
    /// How the body was framed: whether the request declared one at all, even an empty one.
    public var framing: BodyFraming = .none
    /// The route the head was admitted to; nil for a request that was not routed (tests).
    var route: Router.Route?

    public init(head: RequestHead, body: [UInt8] = [], parameters: [String: String] = [:]) {
        self.head = head
        self.body = body
        self.parameters = parameters
    }

    /// A request whose head was admitted to `route` (nil in tests of the connection alone), with its body as
    /// its framing delimited it.
    init(
        admitted head: RequestHead, body: [UInt8], route: Router.Route?, parameters: [String: String],
        framing: BodyFraming
    ) {
        self.init(head: head, body: body, parameters: parameters)
        self.route = route
        self.routePattern = route?.pattern
        self.framing = framing
    }

    public var method: String { head.method }
    public var path: String { head.path }
    public var headers: HTTPHeaders { head.headers }

    /// Whether the request declares a body (a non-zero `Content-Length`, or chunked), decided by its head.
    public var declaresBody: Bool {
        switch framing {
        case .none, .contentLength(0): false
        case .contentLength, .chunked: true
        }
    }

    /// The query's `name=value` pairs in order, percent-decoded, `+` as space (HTML form encoding,
    /// which is what clients put in query strings). A pair that does not decode is kept raw.
    public var queryItems: [(name: String, value: String)] {
        guard let query = head.query, !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(parts[0], plusAsSpace: true) ?? String(parts[0])
            let rawValue = parts.count > 1 ? parts[1] : ""
            let value = PercentDecoding.decode(rawValue, plusAsSpace: true) ?? String(rawValue)
            return (name, value)
        }
    }

    /// The first value of a query parameter, or nil.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
