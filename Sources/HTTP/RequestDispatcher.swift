import System

/// Serves requests with no socket and no event loop, for tests of the routes: a request's bytes go through the
/// server's own parser, admission (`Host`, routing, the router's guard, the route's check, the body limit),
/// handler and error responses, and the response comes back as the handler made it, without the body a
/// connection would not send (`HEAD`, 204, 304). What the server adds on the wire (`Date`, `Content-Length`,
/// `Connection`) and what only a connection knows (keep-alive, timeouts, pipelining) is not here.
package struct RequestDispatcher: Sendable {
    private let shared: ServerShared

    package init(
        router: Router, configuration: ServerConfiguration = ServerConfiguration(),
        observer: (any ServerObserver)? = nil
    ) {
        shared = ServerShared(configuration: configuration, router: router, observer: observer)
    }

    /// What a dispatched request came to. `response()` makes the response: for a deferred handler, on the thread
    /// that calls it, as an event loop makes it on its own thread and not on the one that finished the work (the
    /// database writer's). Call it once: it tells the observer of the request.
    package struct Answer: Sendable {
        fileprivate let make: @Sendable () -> Response

        package func response() -> Response { make() }
    }

    /// Runs the one request in `bytes`: its head, then its body as the head frames it (`Content-Length` or
    /// chunked), and nothing after. `answer` is called exactly once: before this returns when the request is
    /// answered at once, and otherwise from the thread that completes the deferred handler.
    package func dispatch(_ bytes: [UInt8], answer: @escaping @Sendable (Answer) -> Void) {
        let started = Clock.monotonicMicroseconds()
        let shared = self.shared
        let head: RequestHead
        let consumed: Int
        switch RequestParser.parseHead(bytes, limits: shared.configuration.limits) {
        case .complete(let found, let used):
            (head, consumed) = (found, used)
        case .incomplete:
            answer(refused(.badRequest("The bytes end before the request head does."), method: "GET"))
            return
        case .failure(let error):
            answer(refused(error, method: "GET"))
            return
        }
        // As on a connection: framing first, whatever the route; the size is judged once the route is known.
        var framingLimits = shared.configuration.limits
        framingLimits.maxBodyBytes = Int.max
        let info: MessageInfo
        switch RequestParser.messageInfo(for: head, limits: framingLimits) {
        case .success(let found): info = found
        case .failure(let error):
            answer(refused(error, method: head.method))
            return
        }
        switch shared.admit(head, info) {
        case .answer(let response, let route):
            answer(finished(response, method: head.method, route: route, started: started))
        case .admit(let route, let parameters, let maxBodyBytes):
            let body: [UInt8]
            switch content(bytes[consumed...], framing: info.framing, maxBodyBytes: maxBodyBytes) {
            case .success(let content): body = content
            case .failure(let error):
                answer(refused(error, method: head.method))
                return
            }
            let request = Request(
                admitted: head, body: body, route: route, parameters: parameters, framing: info.framing)
            switch shared.run(request) {
            case .respond(let response):
                answer(finished(response, method: head.method, route: route?.pattern, started: started))
            case .deferred(let handler):
                let pattern = route?.pattern
                handler(
                    request,
                    Responder { completion in
                        answer(
                            Answer {
                                let response = shared.response(to: completion, method: head.method, path: head.path)
                                return Self.observed(
                                    response, by: shared, method: head.method, route: pattern, started: started)
                            })
                    })
            }
        }
    }

    /// The answer to a request decided from its head or answered at once by its handler.
    private func finished(_ response: Response, method: String, route: String?, started: Int64) -> Answer {
        let shared = self.shared
        return Answer { Self.observed(response, by: shared, method: method, route: route, started: started) }
    }

    /// The answer to bytes a connection would refuse and close on; as there, no route and no metrics.
    private func refused(_ error: HTTPParseError, method: String) -> Answer {
        let response = error.response
        return Answer { method == "HEAD" ? Response(status: response.status, headers: response.headers) : response }
    }

    /// `response` as a client gets it, the observer told.
    private static func observed(
        _ response: Response, by shared: ServerShared, method: String, route: String?, started: Int64
    ) -> Response {
        var response = response
        // RFC 9110 §9.3.2, §6.4.1: no content in answer to HEAD, or with 1xx, 204 or 304.
        if method == "HEAD" || response.forbidsContent { response.body = [] }
        shared.observe(
            method: method, route: route, status: response.status, micros: Clock.monotonicMicroseconds() - started)
        return response
    }

    /// The body the framing delimits in what follows the head, which must be exactly that body.
    private func content(_ rest: ArraySlice<UInt8>, framing: BodyFraming, maxBodyBytes: Int)
        -> Result<[UInt8], HTTPParseError>
    {
        let unframed = HTTPParseError.badRequest("The bytes after the head are not the one body the head declares.")
        switch framing {
        case .none:
            return rest.isEmpty ? .success([]) : .failure(unframed)
        case .contentLength(let length):
            guard length <= maxBodyBytes else { return .failure(.contentTooLarge) }
            return rest.count == length ? .success(Array(rest)) : .failure(unframed)
        case .chunked:
            var limits = shared.configuration.limits
            limits.maxBodyBytes = maxBodyBytes
            var decoder = ChunkedDecoder(limits: limits)
            var body: [UInt8] = []
            switch decoder.decode(Array(rest), into: &body) {
            case .done(let consumed, _) where consumed == rest.count: return .success(body)
            case .failure(let error): return .failure(error)
            case .done, .incomplete: return .failure(unframed)
            }
        }
    }
}
