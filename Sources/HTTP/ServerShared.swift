import Glibc
import Synchronization
import System

/// What every event loop of one server shares: configuration, the read-only router, the count of
/// open connections, and the one place where errors become responses.
final class ServerShared: Sendable, HeadAdmitting {
    let configuration: ServerConfiguration
    let router: Router
    let observer: (any ServerObserver)?
    private let openConnections = Atomic<Int>(0)
    /// Whether a pause in accepting (out of descriptors) has been logged and not yet followed by an accept.
    private let acceptPauseLogged = Atomic<Bool>(false)
    /// When a pause was last logged (monotonic milliseconds): while descriptors stay scarce, accepts fail and
    /// succeed by turns, and one line a minute says as much as one per turn.
    private let acceptPauseLoggedAt = Atomic<Int64>(Int64.min / 2)
    /// The error numbers of connection failures already logged.
    private let socketErrorsSeen = Mutex<Set<Int32>>([])
    /// Why the server stopped on its own, if it did.
    let failure = Mutex<String?>(nil)
    private let dealt = Atomic<Int>(0)
    /// The loops, to deal new connections to; emptied when the server stops, which ends the cycle
    /// between the loops and this object.
    let loops = Mutex<[EventLoop]>([])
    let overloadResponse: [UInt8]
    /// `configuration.allowedHosts` as the bytes the Host check compares.
    private let allowedHosts: [[UInt8]]?

    /// What the router made of a request.
    enum Outcome {
        case respond(Response)
        case deferred(@Sendable (Request, Responder) -> Void)
    }

    init(configuration: ServerConfiguration, router: Router, observer: (any ServerObserver)?) {
        self.configuration = configuration
        self.router = router
        self.observer = observer
        allowedHosts = configuration.allowedHosts.map(HostCheck.names)
        var bytes: [UInt8] = []
        let problem = Problem(status: 503, detail: "The server has too many open connections; try again shortly.")
        var response = problem.response
        response.headers.add(name: "Retry-After", value: "1")
        ResponseEncoder.encode(
            response, into: &bytes, date: [], server: Array(configuration.serverName.utf8), omitBody: false,
            connection: .close)
        overloadResponse = bytes
    }

    var connectionCount: Int { openConnections.load(ordering: .relaxed) }

    func reserveConnection() -> Bool {
        let after = openConnections.wrappingAdd(1, ordering: .relaxed).newValue
        if after > configuration.maxConnections {
            openConnections.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// The loop whose turn it is to take a new connection.
    func nextLoop() -> EventLoop? {
        loops.withLock { loops in
            guard !loops.isEmpty else { return nil }
            let turn = dealt.wrappingAdd(1, ordering: .relaxed).oldValue
            return loops[(turn % loops.count + loops.count) % loops.count]
        }
    }

    func releaseConnection() {
        openConnections.wrappingSubtract(1, ordering: .relaxed)
    }

    /// A loop stopped accepting because the process or the system is out of descriptors: said once, and
    /// again at most once a minute, however many loops pause and however often.
    func acceptPaused(errno code: Int32, now: Int64) {
        let last = acceptPauseLoggedAt.load(ordering: .relaxed)
        guard now - last >= 60_000,
            acceptPauseLoggedAt.compareExchange(expected: last, desired: now, ordering: .relaxed).exchanged
        else { return }
        acceptPauseLogged.store(true, ordering: .relaxed)
        ServerLog.write(
            "warning: cannot accept connections: \(SystemError("accept4", code)); "
                + "pausing accepts until a descriptor is free (\(connectionCount) connections open)")
    }

    /// A connection was accepted: a pause, if one was logged, is over.
    func acceptResumed() {
        guard acceptPauseLogged.load(ordering: .relaxed), acceptPauseLogged.exchange(false, ordering: .relaxed)
        else { return }
        ServerLog.write("notice: accepting connections again")
    }

    /// A socket call on a connection failed. A peer that resets or goes away is part of a server's life and
    /// says nothing; anything else is said once per error number, so that it is seen without flooding the log.
    func socketFailed(_ error: SystemError) {
        switch error.code {
        case ECONNRESET, EPIPE, ETIMEDOUT, ECONNABORTED, EHOSTUNREACH, ENETUNREACH, ENETDOWN: return
        default: break
        }
        let first = socketErrorsSeen.withLock { $0.insert(error.code).inserted }
        if first { ServerLog.write("warning: a connection failed: \(error) (said once for this error)") }
    }

    /// Something the server cannot go on without failed (an event loop's epoll set): say so, stop every
    /// loop, and tell the process, which decides how to exit.
    func fail(_ message: String) {
        let first = failure.withLock { failure -> Bool in
            defer { if failure == nil { failure = message } }
            return failure == nil
        }
        ServerLog.write("error: \(message); stopping the server")
        guard first else { return }
        for loop in loops.withLock({ $0 }) { loop.requestStop() }
        configuration.onFailure?(message)
    }

    /// Decides a request from its head: a foreign Host, `*`, an unknown path, a method the path does not
    /// take, `OPTIONS`, and whatever the router's guard refuses (a missing token, an unsupported media type)
    /// are answered at once; anything else is admitted with the body limit of its route.
    func admit(_ head: RequestHead, _ info: MessageInfo) -> Admission {
        if let allowed = allowedHosts, !HostCheck.allows(head.headers["Host"], allowed) {
            return .answer(HostCheck.misdirected(head.headers["Host"]).response, route: nil)
        }
        if head.path == "*" {
            // RFC 9110 §9.3.7: OPTIONS * asks about the server as a whole.
            guard head.method == "OPTIONS" else {
                return .answer(Problem(status: 400, detail: "The target * is only for OPTIONS.").response, route: nil)
            }
            return .answer(
                Response(
                    status: 204, headers: HTTPHeaders([("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")])),
                route: nil)
        }
        switch router.match(method: head.method, path: head.path) {
        case .found(let route, let parameters):
            if router.guardRoute != nil || route.admit != nil {
                var request = Request(head: head, parameters: parameters)
                request.framing = info.framing
                request.routePattern = route.pattern
                do {
                    try router.guardRoute?(request, route)
                    try route.admit?(request)
                } catch {
                    return .answer(
                        errorResponse(for: error, method: head.method, path: head.path), route: route.pattern)
                }
            }
            let larger = head.method == "POST" ? configuration.largeBodies[route.pattern] : nil
            return .admit(
                route: route, parameters: parameters, maxBodyBytes: larger ?? configuration.limits.maxBodyBytes)
        case .options(let allow):
            return .answer(
                Response(status: 204, headers: HTTPHeaders([("Allow", allow.joined(separator: ", "))])), route: nil)
        case .methodNotAllowed(let allow):
            var response = Problem(status: 405, detail: "\(head.method) is not allowed on \(head.path).").response
            response.headers.add(name: "Allow", value: allow.joined(separator: ", "))
            return .answer(response, route: nil)
        case .notFound:
            return .answer(Problem(status: 404, detail: "Nothing is at \(head.path).").response, route: nil)
        }
    }

    /// Runs the handler of the route a request was admitted to; errors become responses here.
    func run(_ request: Request) -> Outcome {
        guard let route = request.route else {
            return .respond(Problem(status: 404, detail: "Nothing is at \(request.path).").response)
        }
        switch route.handler {
        case .immediate(let handler):
            do {
                return .respond(try handler(request))
            } catch {
                return .respond(errorResponse(for: error, method: request.method, path: request.path))
            }
        case .deferred(let handler):
            return .deferred(handler)
        }
    }

    /// The response a deferred handler's completion comes to, made on the thread that calls this (an event loop):
    /// a `build` step runs here, and an error becomes its problem document.
    func response(to completion: Responder.Completion, method: String, path: String) -> Response {
        switch completion {
        case .success(let response):
            return response
        case .failure(let error):
            return errorResponse(for: error, method: method, path: path)
        case .build(let build):
            do {
                return try build()
            } catch {
                return errorResponse(for: error, method: method, path: path)
            }
        }
    }

    /// The one place where a thrown error becomes a response. Errors that know their problem
    /// answer with it; anything else is logged and answered with a bare 500.
    func errorResponse(for error: any Error, method: String, path: String) -> Response {
        if let known = error as? any ProblemConvertible {
            var response = known.problem.response
            for field in known.headers { response.headers.add(name: field.name, value: field.value) }
            return response
        }
        ServerLog.write("error: \(method) \(path) failed: \(String(describing: error))")
        return Problem(status: 500, detail: "The server failed to handle the request.").response
    }

    func observe(method: String, route: String?, status: Int, micros: Int64) {
        observer?.requestCompleted(method: method, route: route, status: status, micros: micros)
    }
}

/// Told about every completed request (metrics).
public protocol ServerObserver: Sendable {
    /// `route` is the matched route's pattern, nil for requests no route took (404, errors).
    func requestCompleted(method: String, route: String?, status: Int, micros: Int64)
}
