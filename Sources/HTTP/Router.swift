/// Method + path pattern routing. Patterns are `/`-separated segments where `:name` matches any
/// one non-empty segment. Built once at start-up, then only read, so it is shared by all loops.
public struct Router: Sendable {
    public struct Route: Sendable {
        public let method: String
        public let pattern: String
        public let handler: Handler
        let segments: [Segment]
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// What the router decided for one request.
    public enum Match: Sendable {
        case found(Route, parameters: [String: String])
        /// The path exists, the method does not: 405 with this `Allow` list (RFC 9110 §15.5.6).
        case methodNotAllowed(allow: [String])
        /// `OPTIONS` on a known path: 204 with `Allow` (RFC 9110 §9.3.7).
        case options(allow: [String])
        case notFound
    }

    public private(set) var routes: [Route] = []
    /// Runs before every matched route's handler (authentication); a throw answers instead of it.
    public var guardRoute: (@Sendable (Request, Route) throws -> Void)?
    /// Routes without parameters, by path, for the common case of a literal match without splitting.
    private var literal: [String: [Route]] = [:]

    public init() {}

    public mutating func add(_ method: String, _ pattern: String, _ handler: Handler) {
        let segments = Self.split(pattern).map { part -> Segment in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(String(part))
        }
        let route = Route(method: method, pattern: pattern, handler: handler, segments: segments)
        routes.append(route)
        if !segments.contains(where: { if case .parameter = $0 { true } else { false } }) {
            literal[pattern, default: []].append(route)
        }
    }

    public mutating func add(
        _ method: String, _ pattern: String,
        _ body: @escaping @Sendable (Request) throws -> Response
    ) {
        add(method, pattern, .immediate(body))
    }

    /// Finds the route for a method and a (not yet decoded) path. `HEAD` runs the `GET` route.
    public func match(method: String, path: String) -> Match {
        if let candidates = literal[path], let route = candidates.first(where: { $0.method == method }) {
            return .found(route, parameters: [:])
        }
        let parts = Self.split(path)
        var allowed: [String] = []
        var parameters: [String: String] = [:]
        for route in routes where Self.bind(route.segments, to: parts, into: &parameters) {
            if route.method == method || (method == "HEAD" && route.method == "GET") {
                return .found(route, parameters: parameters)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
            parameters.removeAll(keepingCapacity: true)
        }
        guard !allowed.isEmpty else { return .notFound }
        if allowed.contains("GET") { allowed.append("HEAD") }
        allowed.append("OPTIONS")
        return method == "OPTIONS" ? .options(allow: allowed) : .methodNotAllowed(allow: allowed)
    }

    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }

    static func bind(_ segments: [Segment], to parts: [Substring], into parameters: inout [String: String]) -> Bool {
        guard segments.count == parts.count else { return false }
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text):
                guard part == text else { return false }
            case .parameter(let name):
                guard !part.isEmpty, let value = PercentDecoding.decode(part) else { return false }
                parameters[name] = value
            }
        }
        return true
    }
}
