import Dispatch
import Glibc
import HTTP
import Synchronization
import System
import Testing

/// Requests served in process, as the route tests serve them: the same admission, handlers and error responses as
/// on a connection, with no socket.
@Suite struct RequestDispatcherTests {
    /// Counts the handlers that ran, and what the observer was told.
    final class Record: Sendable, ServerObserver {
        let handled = Atomic<Int>(0)
        let observed = Mutex<[String]>([])

        func requestCompleted(method: String, route: String?, status: Int, micros: Int64) {
            observed.withLock { $0.append("\(method) \(route ?? "-") \(status)") }
        }
    }

    /// Where a dispatched request's answer is handed over, from whichever thread.
    final class Delivery: Sendable {
        private let answered = DispatchSemaphore(value: 0)
        private let answer = Mutex<RequestDispatcher.Answer?>(nil)

        func hand(_ given: RequestDispatcher.Answer) {
            answer.withLock { $0 = given }
            answered.signal()
        }

        /// The answer, once handed over within five seconds.
        func wait() -> RequestDispatcher.Answer? {
            guard answered.wait(timeout: .now() + 5) == .success else { return nil }
            return answer.withLock { $0 }
        }
    }

    /// The thread a response was built on.
    final class Builder: Sendable {
        let thread = Mutex<pthread_t?>(nil)
    }

    static let refused = HTTPError(409, "Refused by the handler.")

    static func dispatcher(_ record: Record) -> RequestDispatcher {
        var router = Router()
        router.add("GET", "/text") { _ in
            record.handled.wrappingAdd(1, ordering: .relaxed)
            return .text("hello")
        }
        router.add(
            "POST", "/echo",
            .immediate { request in
                record.handled.wrappingAdd(1, ordering: .relaxed)
                return Response(status: 200, contentType: "application/octet-stream", body: request.body)
            },
            admit: { request in
                guard request.headers["Content-Type"] == "application/json" else { throw HTTPError(415, "JSON only") }
            })
        router.add("POST", "/large") { request in
            record.handled.wrappingAdd(1, ordering: .relaxed)
            return .text("\(request.body.count)")
        }
        router.add("GET", "/guarded") { _ in
            record.handled.wrappingAdd(1, ordering: .relaxed)
            return .text("secret")
        }
        router.add("GET", "/throws") { _ in
            record.handled.wrappingAdd(1, ordering: .relaxed)
            throw refused
        }
        router.add(
            "GET", "/later",
            .deferred { _, responder in
                record.handled.wrappingAdd(1, ordering: .relaxed)
                try? SystemThread.spawnDetached(named: "test") { responder.respond(.text("later")) }
            })
        router.add(
            "GET", "/fails-later",
            .deferred { _, responder in
                record.handled.wrappingAdd(1, ordering: .relaxed)
                try? SystemThread.spawnDetached(named: "test") { responder.fail(refused) }
            })
        router.guardRoute = { request, route in
            if route.pattern == "/guarded", request.headers["X-Key"] != "k" {
                throw HTTPError(401, "no key")
            }
        }
        var configuration = ServerConfiguration(limits: ParserLimits(maxBodyBytes: 16))
        configuration.largeBodies = ["/large": 64]
        configuration.allowedHosts = ["localhost"]
        return RequestDispatcher(router: router, configuration: configuration, observer: record)
    }

    /// Dispatches `text` and waits, at most five seconds, for its answer; nil if none came.
    static func serve(_ text: String, _ dispatcher: RequestDispatcher) -> Response? {
        let delivery = Delivery()
        dispatcher.dispatch(Array(text.utf8)) { delivery.hand($0) }
        return delivery.wait()?.response()
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let request: String
        let status: Int
        let body: String?
        /// Whether the route's handler ran: a request refused from its head never reaches it.
        let handled: Bool
    }

    @Test(arguments: [
        Row(
            testDescription: "a routed GET", request: "GET /text HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 200,
            body: "hello", handled: true),
        Row(
            testDescription: "HEAD runs the GET route and gets no body",
            request: "HEAD /text HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 200, body: "", handled: true),
        Row(
            testDescription: "an unknown path is 404", request: "GET /nothing HTTP/1.1\r\nHost: localhost\r\n\r\n",
            status: 404, body: nil, handled: false),
        Row(
            testDescription: "a method the path does not take is 405",
            request: "DELETE /text HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 405, body: nil, handled: false),
        Row(
            testDescription: "OPTIONS is answered from the routes",
            request: "OPTIONS /text HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 204, body: "", handled: false),
        Row(
            testDescription: "a foreign Host is 421", request: "GET /text HTTP/1.1\r\nHost: evil.example\r\n\r\n",
            status: 421, body: nil, handled: false),
        Row(
            testDescription: "no Host on HTTP/1.1 is 400", request: "GET /text HTTP/1.1\r\n\r\n", status: 400,
            body: nil, handled: false),
        Row(
            testDescription: "the router's guard refuses before the handler",
            request: "GET /guarded HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 401, body: nil, handled: false),
        Row(
            testDescription: "the router's guard lets the key through",
            request: "GET /guarded HTTP/1.1\r\nHost: localhost\r\nX-Key: k\r\n\r\n", status: 200, body: "secret",
            handled: true),
        Row(
            testDescription: "the route's check refuses before the handler",
            request:
                "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi",
            status: 415, body: nil, handled: false),
        Row(
            testDescription: "a body framed by Content-Length",
            request:
                "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
            status: 200, body: "{}", handled: true),
        Row(
            testDescription: "a chunked body is decoded",
            request: "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n1\r\n[\r\n1\r\n]\r\n0\r\n\r\n",
            status: 200, body: "[]", handled: true),
        Row(
            testDescription: "a body over the limit is 413",
            request: "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 17\r\n\r\n\"0123456789abcde\"",
            status: 413, body: nil, handled: false),
        Row(
            testDescription: "a route with a larger limit takes more",
            request: "POST /large HTTP/1.1\r\nHost: localhost\r\nContent-Length: 20\r\n\r\n01234567890123456789",
            status: 200, body: "20", handled: true),
        Row(
            testDescription: "bytes after the declared body are refused",
            request:
                "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n{}",
            status: 400, body: nil, handled: false),
        Row(
            testDescription: "a head that does not end is refused", request: "GET /text HTTP/1.1\r\nHost: local",
            status: 400, body: nil, handled: false),
        Row(
            testDescription: "an error the handler throws is its problem",
            request: "GET /throws HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 409, body: nil, handled: true),
        Row(
            testDescription: "a deferred handler answers from another thread",
            request: "GET /later HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 200, body: "later", handled: true),
        Row(
            testDescription: "a deferred handler's error is its problem",
            request: "GET /fails-later HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 409, body: nil, handled: true),
    ])
    func requests(_ row: Row) throws {
        let record = Record()
        let response = try #require(Self.serve(row.request, Self.dispatcher(record)), "no answer")
        #expect(response.status == row.status, "\(String(decoding: response.body, as: UTF8.self))")
        if let body = row.body {
            #expect(String(decoding: response.body, as: UTF8.self) == body)
        } else {
            #expect(response.headers["Content-Type"] == "application/problem+json")
        }
        #expect((record.handled.load(ordering: .relaxed) == 1) == row.handled)
    }

    @Test func aDeferredResponseIsBuiltOnTheThreadThatAsksForItAndObserved() throws {
        let record = Record()
        var router = Router()
        let builder = Builder()
        router.add(
            "GET", "/built",
            .deferred { _, responder in
                try? SystemThread.spawnDetached(named: "test") {
                    responder.respond(building: {
                        builder.thread.withLock { $0 = pthread_self() }
                        return .text("built")
                    })
                }
            })
        let dispatcher = RequestDispatcher(router: router, observer: record)
        let response = try #require(Self.serve("GET /built HTTP/1.1\r\nHost: localhost\r\n\r\n", dispatcher))
        #expect(String(decoding: response.body, as: UTF8.self) == "built")
        #expect(builder.thread.withLock { $0 } == pthread_self())
        #expect(record.observed.withLock { $0 } == ["GET /built 200"])
    }
}
