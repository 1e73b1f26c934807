/// One HTTP request the sender makes: what `MessageRenderer` builds from a delivery and an `HTTPClient` sends.
public struct OutgoingRequest: Sendable, Equatable {
    /// A header field, in the order the request lists them.
    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Always `POST` for the messages the service sends.
    public var method: String
    /// An absolute `http` or `https` URL.
    public var url: String
    public var headers: [Header]
    public var body: [UInt8]

    public init(method: String = "POST", url: String, headers: [Header], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name`, compared without regard to case (RFC 9110 §5.1), or nil.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
