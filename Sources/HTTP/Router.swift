/// Method + path pattern routing. Patterns are `/`-separated segments where `:name` matches any
/// one non-empty segment. Built once at start-up, then only read, so it is shared by all loops.
public struct Router: Sendable {
    public struct Route: Sendable {
        public let method: String
        public let pattern: String
        public let handler: Handler
        /// Checked on the head, after the router's guard and before any body is read: a throw answers
        /// instead of the handler (an unsupported media type, say), and the body is never read.
        public let admit: (@Sendable (Request) throws -> Void)?
        let segments: [Segment]
    }

    enum Segment: Sendable, Equatable {
        /// The segment's bytes.
        case literal([UInt8])
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
    /// Runs on the head of every request that matched a route, before its body is read (authentication);
    /// a throw answers instead of the handler, and the body is never read.
    public var guardRoute: (@Sendable (Request, Route) throws -> Void)?
    /// Routes without parameters, by path, for the common case of a literal match without splitting.
    private var literal: [String: [Route]] = [:]
    /// The positions in `routes` of the routes with each number of segments, in order, so that a path is compared
    /// only with routes of its length.
    private var positionsBySegmentCount: [[Int]] = []

    public init() {}

    public mutating func add(
        _ method: String, _ pattern: String, _ handler: Handler,
        admit: (@Sendable (Request) throws -> Void)? = nil
    ) {
        let segments = Self.split(pattern).map { part -> Segment in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(Array(part.utf8))
        }
        let route = Route(method: method, pattern: pattern, handler: handler, admit: admit, segments: segments)
        while positionsBySegmentCount.count <= segments.count { positionsBySegmentCount.append([]) }
        positionsBySegmentCount[segments.count].append(routes.count)
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
    /// The path is split into segment ranges on the stack and compared byte by byte; strings are
    /// made only for the parameters of the route that matches.
    public func match(method: String, path: String) -> Match {
        if let candidates = literal[path], let route = candidates.first(where: { $0.method == method }) {
            return .found(route, parameters: [:])
        }
        var path = path
        return path.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: Self.maxSegments) { ranges in
                guard let count = Self.segments(of: bytes, into: ranges), count < positionsBySegmentCount.count else {
                    return .notFound
                }
                let candidates = positionsBySegmentCount[count]
                // Parameters are made for the route that answers, not for every route on the path.
                for position in candidates {
                    let route = routes[position]
                    guard route.method == method || (method == "HEAD" && route.method == "GET"),
                        Self.literalsMatch(route.segments, bytes, ranges),
                        let parameters = Self.bind(route.segments, bytes, ranges)
                    else { continue }
                    return .found(route, parameters: parameters)
                }
                var allowed: [String] = []
                for position in candidates {
                    let route = routes[position]
                    guard !allowed.contains(route.method), Self.literalsMatch(route.segments, bytes, ranges),
                        Self.bind(route.segments, bytes, ranges) != nil
                    else { continue }
                    allowed.append(route.method)
                }
                guard !allowed.isEmpty else { return .notFound }
                if allowed.contains("GET") { allowed.append("HEAD") }
                allowed.append("OPTIONS")
                return method == "OPTIONS" ? .options(allow: allowed) : .methodNotAllowed(allow: allowed)
            }
        }
    }

    /// No route has more segments than this; a longer path matches nothing.
    static let maxSegments = 16

    /// The byte ranges between slashes of a path that starts with `/`; nil when it does not, or
    /// when it has more segments than any route.
    static func segments(of bytes: UnsafeBufferPointer<UInt8>, into ranges: UnsafeMutableBufferPointer<Range<Int>>)
        -> Int?
    {
        guard bytes.first == UInt8(ascii: "/") else { return nil }
        var count = 0
        var start = 1
        for index in 1...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
            guard count < ranges.count else { return nil }
            ranges[count] = start..<index
            count += 1
            start = index + 1
        }
        return count
    }

    /// Whether every literal segment of a route is the path's segment at the same place.
    static func literalsMatch(
        _ segments: [Segment], _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: UnsafeMutableBufferPointer<Range<Int>>
    ) -> Bool {
        for (index, segment) in segments.enumerated() {
            guard case .literal(let text) = segment else { continue }
            let range = ranges[index]
            guard range.count == text.count,
                text.withUnsafeBufferPointer({ literal in
                    zip(literal, bytes[range]).allSatisfy { $0 == $1 }
                })
            else { return false }
        }
        return true
    }

    /// The route's parameters, decoded, for a path whose literal segments match; nil when one is empty or does not
    /// decode.
    static func bind(
        _ segments: [Segment], _ bytes: UnsafeBufferPointer<UInt8>, _ ranges: UnsafeMutableBufferPointer<Range<Int>>
    )
        -> [String: String]?
    {
        var parameters: [String: String] = [:]
        for (index, segment) in segments.enumerated() {
            guard case .parameter(let name) = segment else { continue }
            let raw = UnsafeBufferPointer(rebasing: bytes[ranges[index]])
            // Most segments (ids) hold no escape, and need only to be valid UTF-8.
            let value =
                raw.contains(UInt8(ascii: "%"))
                ? PercentDecoding.decode(Substring(decoding: raw, as: UTF8.self))
                : String(validating: raw, as: UTF8.self)
            guard !raw.isEmpty, let value else { return nil }
            parameters[name] = value
        }
        return parameters
    }

    static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }
}
