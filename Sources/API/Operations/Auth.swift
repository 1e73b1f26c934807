import HTTP

/// Bearer-token authentication (RFC 6750). With a token configured every route but the health
/// checks and the web page's files needs `Authorization: Bearer <token>`; the calendar feed also takes
/// the read-only feed token, as a bearer token or as `?feed_token=` (calendar apps cannot send headers).
enum Auth {
    /// Routes anyone may call: a container runtime or a load balancer probes the health checks without secrets, a
    /// browser loads the web page before it has a token to send (the page asks for it, and holds no data itself),
    /// and a one-tap link carries its own authority, a token signed by the service for that one action.
    static let open: Set<String> = ["/healthz", "/readyz", "/", "/app/:name", LinkRoutes.pattern]
    static let feedRoute = "/v1/agenda.ics"

    struct Unauthorized: ProblemConvertible {
        let detail: String
        let invalid: Bool

        var problem: Problem { Problem(status: 401, detail: detail, type: "/problems/unauthorized") }

        var headers: HTTPHeaders {
            // RFC 6750 §3: say which scheme, and whether the token sent was wrong.
            HTTPHeaders([
                (
                    "WWW-Authenticate",
                    invalid ? "Bearer realm=\"notapest\", error=\"invalid_token\"" : "Bearer realm=\"notapest\""
                )
            ])
        }
    }

    static func check(_ request: Request, pattern: String, token: String?, feedToken: () -> String) throws {
        guard let token, !open.contains(pattern) else { return }
        // Two credentials are one too many: which one counts would depend on which a proxy or a library
        // keeps, so neither is used.
        guard request.headers.values("Authorization").count <= 1 else {
            throw APIError.invalid([FieldError("Authorization", "is sent more than once; send one bearer token")])
        }
        let presented = bearer(request)
        if let presented, constantTimeEqual(presented, token) { return }
        if pattern == feedRoute {
            let feed = feedToken()
            if let presented, constantTimeEqual(presented, feed) { return }
            if let query = request.query("feed_token"), constantTimeEqual(query, feed) { return }
        }
        if presented == nil && request.headers["Authorization"] == nil {
            throw Unauthorized(
                detail: "This server needs a bearer token: send Authorization: Bearer <token>.", invalid: false)
        }
        throw Unauthorized(detail: "The token is not valid for this server.", invalid: true)
    }

    /// The token of an `Authorization: Bearer …` header (scheme case-insensitive), or nil.
    static func bearer(_ request: Request) -> String? {
        guard let value = request.headers["Authorization"] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1].trimmingSpaces)
    }

    /// Compares without an early exit, so the time taken says nothing about how much matched.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for i in 0..<max(x.count, y.count) {
            let p = i < x.count ? x[i] : 0
            let q = i < y.count ? y[i] : 0
            difference |= p ^ q
        }
        return difference == 0 && x.count == y.count
    }
}
