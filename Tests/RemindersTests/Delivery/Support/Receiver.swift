import Foundation
import HTTP
import System

@testable import Reminders

/// A receiver for the sender's requests: the project's own server on an ephemeral loopback port, which records
/// every request that arrives and answers as the test's plan says (a status, a delay, or never).
final class Receiver: Sendable {
    /// One request as the receiver saw it.
    struct Arrival: Sendable {
        var method: String
        var path: String
        var headers: HTTPHeaders
        var body: [UInt8]
        /// Monotonic milliseconds at which it arrived.
        var at: Int64
        /// Wall-clock milliseconds at which it arrived.
        var wallAt: Int64
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// How to answer one request.
    indirect enum Reply: Sendable {
        case status(Int, headers: [(String, String)] = [], body: [UInt8] = [])
        /// After `millis`, as `then` says.
        case delayed(millis: Int, Reply)
        /// Never: the client gives up first. Answered 503 when the receiver shuts down.
        case hang
    }

    private let server: HTTPServer
    var port: Int { server.port }
    /// What arrived, in order, and how many are still being answered.
    let log = ConditionLock(Log())
    private let hung = ConditionLock<[Responder]>([])

    struct Log: Sendable {
        var arrivals: [Arrival] = []
        var open = 0
        var mostOpen = 0
        /// Requests being answered, and the most at once, by path.
        var openByPath: [String: Int] = [:]
        var mostOpenByPath: [String: Int] = [:]
    }

    /// A receiver that answers the `n`-th request (from 0) with `plan(arrival, n)`.
    init(plan: @escaping @Sendable (Arrival, Int) -> Reply = { _, _ in .status(200) }) throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, eventLoops: 2, maxPendingOutputBytes: 16 << 20, shutdownGraceMilliseconds: 200,
            accessLog: .off)
        var router = Router()
        let log = self.log
        let hung = self.hung
        let handler = Handler.deferred { request, responder in
            let arrival = Arrival(
                method: request.method, path: request.path, headers: request.headers, body: request.body,
                at: Clock.monotonicMilliseconds(), wallAt: Clock.wallMilliseconds())
            let index = log.withLockThenWake { log -> Int in
                log.arrivals.append(arrival)
                log.open += 1
                log.mostOpen = max(log.mostOpen, log.open)
                log.openByPath[arrival.path, default: 0] += 1
                log.mostOpenByPath[arrival.path] = max(
                    log.mostOpenByPath[arrival.path] ?? 0, log.openByPath[arrival.path] ?? 0)
                return log.arrivals.count - 1
            }
            Self.answer(plan(arrival, index), path: arrival.path, responder: responder, log: log, hung: hung)
        }
        for pattern in ["/", "/:a", "/:a/:b", "/:a/:b/:c"] {
            router.add("POST", pattern, handler)
        }
        server = try HTTPServer(configuration: configuration, router: router)
        try server.start()
    }

    private static func answer(
        _ reply: Reply, path: String, responder: Responder, log: ConditionLock<Log>, hung: ConditionLock<[Responder]>
    ) {
        switch reply {
        case .status(let status, let headers, let body):
            log.withLockThenWake { log in
                log.open -= 1
                log.openByPath[path, default: 1] -= 1
            }
            responder.respond(
                Response(status: status, headers: HTTPHeaders(headers.map { (name: $0.0, value: $0.1) }), body: body))
        case .delayed(let millis, let then):
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(millis)) {
                answer(then, path: path, responder: responder, log: log, hung: hung)
            }
        case .hang:
            hung.withLock { $0.append(responder) }
        }
    }

    /// The URL of `path` on this receiver.
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// Waits (at most `seconds`) until `count` requests arrived, and returns those that did.
    @discardableResult
    func waitForArrivals(_ count: Int, seconds: Double = 10) -> [Arrival] {
        let deadline = Clock.monotonicMilliseconds() + Int64(seconds * 1000)
        return log.wait(until: { $0.arrivals.count >= count }, deadline: deadline) { $0.arrivals }
    }

    var arrivals: [Arrival] { log.withLock { $0.arrivals } }
    var mostOpen: Int { log.withLock { $0.mostOpen } }
    var mostOpenByPath: [String: Int] { log.withLock { $0.mostOpenByPath } }

    /// Answers the hung requests and stops the server.
    func shutdown() {
        for responder in hung.withLock({ $0 }) {
            responder.respond(Response(status: 503))
        }
        server.shutdown()
    }

    deinit { shutdown() }
}
