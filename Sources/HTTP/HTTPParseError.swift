/// A request the parser refuses. Each case maps to exactly one status code.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// Malformed syntax (400); the reason says what, for the problem detail.
    case badRequest(String)
    /// The request-target is longer than allowed (414).
    case uriTooLong
    /// The header section is larger, or has more fields, than allowed (431).
    case headerFieldsTooLarge
    /// The body is larger than allowed (413).
    case contentTooLarge
    /// A transfer coding the server does not implement (501).
    case notImplemented(String)
    /// An HTTP major version other than 1, or a minor version other than 0 or 1 (505).
    case versionNotSupported
    /// An `Expect` value other than `100-continue` (417).
    case expectationFailed

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .uriTooLong: 414
        case .headerFieldsTooLarge: 431
        case .contentTooLarge: 413
        case .notImplemented: 501
        case .versionNotSupported: 505
        case .expectationFailed: 417
        }
    }

    public var detail: String {
        switch self {
        case .badRequest(let why): why
        case .uriTooLong: "The request target is longer than the server accepts."
        case .headerFieldsTooLarge: "The header section is larger than the server accepts."
        case .contentTooLarge: "The request body is larger than the server accepts."
        case .notImplemented(let what): what
        case .versionNotSupported: "Only HTTP/1.0 and HTTP/1.1 are served."
        case .expectationFailed: "Only the expectation 100-continue is supported."
        }
    }
}
