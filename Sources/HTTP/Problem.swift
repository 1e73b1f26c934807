import JSON

/// A problem details document (RFC 9457), the body of every error response.
public struct Problem: Sendable, Equatable {
    public var status: Int
    public var title: String
    public var detail: String
    public var type: String
    /// Further members, after the standard ones: `errors`, `violations`, …
    public var extensions: [Extension]

    public struct Extension: Sendable, Equatable {
        public var name: String
        public var value: JSON
        public init(name: String, value: JSON) {
            self.name = name
            self.value = value
        }
    }

    public init(
        status: Int, title: String? = nil, detail: String, type: String = "about:blank",
        extensions: [Extension] = []
    ) {
        self.status = status
        self.title = title ?? HTTPStatus.reasonPhrase(status)
        self.detail = detail
        self.type = type
        self.extensions = extensions
    }

    /// The document: the standard members in the order RFC 9457 §3.1 lists them, then the extensions.
    public var document: JSON {
        var object: JSONObject = [
            "type": JSON(type), "title": JSON(title), "status": JSON(Int64(status)), "detail": JSON(detail),
        ]
        for ext in extensions { object[ext.name] = ext.value }
        return .object(object)
    }

    public var response: Response {
        var body: [UInt8] = []
        document.write(into: &body)
        return Response(status: status, contentType: "application/problem+json", body: body)
    }
}

/// An error that knows the problem it stands for. The server maps these to their status; any
/// other error is logged and answered with a bare 500 (its details never reach the client).
public protocol ProblemConvertible: Error {
    var problem: Problem { get }
    /// Headers to add to the error response (`Allow`, `WWW-Authenticate`, …).
    var headers: HTTPHeaders { get }
}

extension ProblemConvertible {
    public var headers: HTTPHeaders { HTTPHeaders() }
}

/// An error raised by a handler with a status and a human explanation.
public struct HTTPError: ProblemConvertible, Sendable {
    public var problem: Problem
    public var headers: HTTPHeaders

    public init(_ status: Int, _ detail: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.problem = Problem(status: status, detail: detail)
        self.headers = headers
    }

    public init(problem: Problem, headers: HTTPHeaders = HTTPHeaders()) {
        self.problem = problem
        self.headers = headers
    }
}

// Here rather than beside the error: the parser's files need nothing outside themselves, so that the fuzz target
// (scripts/fuzz.sh) compiles them alone.
extension HTTPParseError {
    /// The problem document a connection answers this error with, before it closes.
    var response: Response { Problem(status: status, detail: detail).response }
}
