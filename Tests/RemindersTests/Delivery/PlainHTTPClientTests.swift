import Glibc
import Outgoing
import System
import Testing
@testable import Reminders

/// The plain-HTTP client's own behaviours: the request as written, kept connections and when they are not kept,
/// the framings of a body. What it shares with the session's client is in `HTTPClientContractTests`; receivers that
/// misbehave are in `ReceiverHostileClientTests`.
@Suite("PlainHTTPClient: HTTP/1.1 on the caller's thread, connections kept between requests")
struct PlainHTTPClientTests {
    static func request(_ url: String, headers: [OutgoingRequest.Header]? = nil) -> OutgoingRequest {
        OutgoingRequest(
            url: url, headers: headers ?? [.init("Content-Type", "application/json"), .init("X-Test", "yes")],
            body: Array(#"{"a":1}"#.utf8))
    }

    static let ok = RawReceiver.response(200, body: "ok")

    @Test("the request is written as the client says: request line, Host, its fields in order, Content-Length, body")
    func written() throws {
        let receiver = try RawReceiver { _ in .write(Self.ok) }
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook?x=1")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        let request = try #require(receiver.requests.first)
        #expect(
            request.head
                == "POST /hook?x=1 HTTP/1.1\r\nHost: 127.0.0.1:\(receiver.port)\r\nContent-Type: application/json\r\n"
                + "X-Test: yes\r\nContent-Length: 7\r\n\r\n")
        #expect(request.body == Array(#"{"a":1}"#.utf8))
    }

    @Test("a name that resolves to several addresses is tried on each: localhost reaches a receiver on 127.0.0.1")
    func resolved() throws {
        let receiver = try RawReceiver { _ in .write(Self.ok) }
        let attempt = PlainHTTPClient().send(
            Self.request("http://localhost:\(receiver.port)/hook"), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(receiver.requests.first?.value("host") == "localhost:\(receiver.port)")
    }

    @Test("a second request goes on the connection the first left open")
    func keptAlive() throws {
        let receiver = try RawReceiver { _ in .write(Self.ok) }
        let client = PlainHTTPClient()
        for _ in 0..<3 {
            let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
            #expect(attempt.result == .response(status: 200) && attempt.bodyBytes == 2 && !attempt.bodyTruncated)
        }
        #expect(receiver.accepted == 1)
        #expect(receiver.requests.map(\.indexOnConnection) == [0, 1, 2])
        #expect(client.pool.count() == 1)
    }

    @Test(
        "a connection is not kept after Connection: close, an HTTP/1.0 answer without keep-alive, or a body that ended with it",
        arguments: [
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\nok\r\n0\r\n\r\n",
        ])
    func notKept(_ response: String) throws {
        let receiver = try RawReceiver { _ in .write(Array(response.utf8)) }
        let client = PlainHTTPClient()
        for _ in 0..<2 {
            let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
            #expect(attempt.result == .response(status: 200) && attempt.bodyBytes == 2 && !attempt.bodyTruncated)
        }
        #expect(receiver.accepted == 2)
        #expect(client.pool.count() == 0)
    }

    @Test(
        "bodies framed by length, by chunks, or by nothing when the status has none, keep the connection",
        arguments: [
            ("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, 5),
            ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200, 0),
            (
                "HTTP/1.1 202 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\nT: 1\r\n\r\n",
                202, 11
            ),
            ("HTTP/1.1 204 No Content\r\n\r\n", 204, 0),
            ("HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n", 304, 0),
            ("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 200, 2),
        ])
    func framings(_ response: String, _ status: Int, _ bodyBytes: Int) throws {
        let receiver = try RawReceiver { _ in .write(Array(response.utf8)) }
        let client = PlainHTTPClient()
        for _ in 0..<2 {
            let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
            #expect(attempt.result == .response(status: status))
            #expect(attempt.bodyBytes == bodyBytes && !attempt.bodyTruncated)
        }
        #expect(receiver.accepted == 1)
    }

    @Test("an HTTP/1.0 answer without a length is read until the receiver closes, whole")
    func readToClose() throws {
        let receiver = try RawReceiver { _ in .writeAndClose(Array("HTTP/1.0 200 OK\r\n\r\nhello, world".utf8)) }
        let client = PlainHTTPClient()
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyBytes == 12 && !attempt.bodyTruncated)
        #expect(client.pool.count() == 0)
    }

    @Test("a chunked body over the limit is cut there, its status stands, and its connection is closed")
    func chunkedOverLimit() throws {
        let receiver = try RawReceiver { _ in
            .script { peer in
                peer.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                let chunk = "4000\r\n" + String(repeating: "x", count: 0x4000) + "\r\n"
                for _ in 0..<128 where peer.write(chunk) {}
                peer.write("0\r\n\r\n")
                peer.waitForClose()
            }
        }
        let client = PlainHTTPClient()
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes > HTTPClientDefaults.bodyLimit && attempt.bodyBytes < 1 << 20, "\(attempt)")
        #expect(attempt.durationMillis < 2_000)
        #expect(client.pool.count() == 0)
        // The receiver sees the connection closed at once, not at the end of its body.
        #expect(receiver.waitForClosed(1, seconds: 5) == 1)
    }

    @Test("interim responses (100 Continue, 103 Early Hints) are skipped for the final one")
    func interim() throws {
        let answer =
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>; rel=preload\r\n\r\n"
            + "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok"
        let receiver = try RawReceiver { _ in .write(Array(answer.utf8)) }
        let client = PlainHTTPClient()
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 201) && attempt.bodyBytes == 2)
        #expect(client.pool.count() == 1)
    }

    @Test("a kept connection the receiver closed while idle is not used: the next request goes on a new one, once")
    func closedWhileIdle() throws {
        let receiver = try RawReceiver { _ in .writeAndClose(Self.ok) }
        let client = PlainHTTPClient()
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        #expect(client.pool.count() == 1)
        #expect(receiver.waitForClosed(1) == 1)
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        #expect(receiver.accepted == 2)
        #expect(receiver.requests.count == 2)
    }

    @Test("a kept connection with bytes no request asked for is not used")
    func strayBytes() throws {
        let stray = ConditionLock(false)
        let receiver = try RawReceiver { request in
            guard request.connection == 0 else { return .write(Self.ok) }
            return .script { peer in
                peer.write(Self.ok)
                stray.wait(until: { $0 }, deadline: Clock.monotonicMilliseconds() + 10_000) { _ in }
                peer.write("HTTP/1.1 500 Stray\r\nContent-Length: 0\r\n\r\n")
                peer.waitForClose()
            }
        }
        let client = PlainHTTPClient()
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        stray.withLockThenWake { $0 = true }
        // Waits until the stray bytes reached the parked connection, then parks it again.
        let origin = try #require(ReceiverURL.parse(receiver.url("/"))).origin
        let parked = try #require(client.pool.take(origin, now: Clock.monotonicMilliseconds()))
        #expect(parked.wait(for: Int16(POLLIN), deadline: Clock.monotonicMilliseconds() + 5_000) == nil)
        client.pool.put(parked, origin: origin, now: Clock.monotonicMilliseconds())
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        #expect(receiver.accepted == 2)
    }

    @Test("a kept connection that breaks before any byte of a response is answered on a new one")
    func retriedOnce() throws {
        // The first connection answers its first request and drops its second unanswered.
        let receiver = try RawReceiver { request in
            request.connection == 0 && request.indexOnConnection == 1 ? .close : .write(Self.ok)
        }
        let client = PlainHTTPClient()
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(receiver.accepted == 2)
        #expect(receiver.requests.map { [$0.connection, $0.indexOnConnection] } == [[0, 0], [0, 1], [1, 0]])
    }

    @Test("the request is sent again once only: when the new connection breaks too, that is the outcome")
    func notRetriedTwice() throws {
        let receiver = try RawReceiver { request in
            request.connection == 0 && request.indexOnConnection == 0 ? .write(Self.ok) : .close
        }
        let client = PlainHTTPClient()
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the connection was closed before a response")))
        #expect(receiver.accepted == 2 && receiver.requests.count == 3)
    }

    @Test("a new connection that breaks before a response is not sent again")
    func freshNotRetried() throws {
        let receiver = try RawReceiver { _ in .close }
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the connection was closed before a response")))
        #expect(receiver.accepted == 1 && receiver.requests.count == 1)
    }

    @Test("a kept connection whose receiver does not answer in time is a timeout, not sent again")
    func keptTimesOut() throws {
        let receiver = try RawReceiver { request in
            request.indexOnConnection == 0 ? .write(Self.ok) : .script { $0.waitForClose() }
        }
        let client = PlainHTTPClient()
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .milliseconds(300))
        #expect(attempt.result == .failure(.timedOut(millis: 300)))
        #expect(attempt.durationMillis >= 290 && attempt.durationMillis < 2_000)
        #expect(receiver.accepted == 1 && receiver.requests.count == 2)
    }

    @Test(
        "a request whose header would break its head is not sent at all",
        arguments: [
            (
                OutgoingRequest.Header("Authorization", "Bearer a\r\nX-Injected: 1"),
                "the request's Authorization header holds CR, LF or NUL: nothing was sent"
            ),
            (.init("X-Gotify-Key", "a\nb"), "the request's X-Gotify-Key header holds CR, LF or NUL: nothing was sent"),
            (.init("X-Gotify-Key", "a\rb"), "the request's X-Gotify-Key header holds CR, LF or NUL: nothing was sent"),
            (
                .init("X-Gotify-Key", "a\u{0}b"),
                "the request's X-Gotify-Key header holds CR, LF or NUL: nothing was sent"
            ),
            (.init("X Bad", "1"), "a header name of the request is not a token: nothing was sent"),
            (.init("", "1"), "a header name of the request is not a token: nothing was sent"),
            (.init("X:Y", "1"), "a header name of the request is not a token: nothing was sent"),
            (
                .init("content-length", "0"),
                "the request's content-length header is the client's to write: nothing was sent"
            ),
            (.init("Host", "elsewhere"), "the request's Host header is the client's to write: nothing was sent"),
            (
                .init("Transfer-Encoding", "chunked"),
                "the request's Transfer-Encoding header is the client's to write: nothing was sent"
            ),
        ])
    func refusedHeaders(_ header: OutgoingRequest.Header, _ said: String) throws {
        // A port where nothing listens: a request that was sent would be refused instead.
        let (descriptor, port) = try #require(LoopbackSocket.refusingPort())
        defer { close(descriptor) }
        let request = Self.request("http://127.0.0.1:\(port)/hook", headers: [.init("X-Test", "yes"), header])
        let attempt = PlainHTTPClient().send(request, timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport(said)))
    }

    @Test("a host that does not resolve is said so: an IPv6 literal that is no address, looked up as a number only")
    func unresolved() {
        let attempt = PlainHTTPClient().send(Self.request("http://[1::2::3]:8080/hook"), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the receiver's host name does not resolve")))
        #expect(attempt.durationMillis < 2_000)
    }

    @Test("a URL with credentials is not sent to")
    func credentials() throws {
        let receiver = try RawReceiver { _ in .write(Self.ok) }
        let url = "http://user:secret@127.0.0.1:\(receiver.port)/hook"
        #expect(PlainHTTPClient().send(Self.request(url), timeout: .seconds(5)).result == .failure(.unsupportedURL))
    }

    @Test("eight threads sending at once share the pool, each request answered")
    func concurrent() throws {
        let receiver = try RawReceiver { _ in .write(Self.ok) }
        let client = PlainHTTPClient()
        let statuses = ConditionLock<[Int?]>([])
        let threads = try (0..<8).map { _ in
            try SystemThread.spawn(named: "test") {
                for _ in 0..<25 {
                    let status = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(10)).status
                    statuses.withLock { $0.append(status) }
                }
            }
        }
        for thread in threads { pthread_join(thread, nil) }
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: 200))
        #expect(receiver.requests.count == 200)
        #expect(receiver.accepted < 200)
        #expect(client.pool.count() <= Sender.Configuration.defaultMaxInFlight)
    }

    @Test(
        "what each failure is said to be",
        arguments: [
            (PlainExchange.Failure.connect(.timedOut), HTTPAttempt.Failure.timedOut(millis: 1_000)),
            (.io(.timedOut), .timedOut(millis: 1_000)),
            (.connect(.unresolved), .transport("the receiver's host name does not resolve")),
            (.connect(.system(ECONNREFUSED)), .connectionRefused),
            (.connect(.system(EHOSTUNREACH)), .transport("the receiver's host cannot be reached")),
            (.connect(.system(ENETUNREACH)), .transport("the receiver's host cannot be reached")),
            (.closed(afterBytes: 0), .transport("the connection was closed before a response")),
            (.closed(afterBytes: 3), .transport("the connection was closed before the whole response head")),
            (.io(.system(ECONNRESET)), .transport("the connection was lost before a response")),
            (.io(.system(EPIPE)), .transport("the connection was lost before a response")),
            (.head(.notHTTP), .transport("the response was not HTTP")),
            (.head(.tooLong), .transport("the response head is too long")),
            (.framing, .transport("the response was not HTTP: its Content-Length is not a length")),
        ])
    func failures(_ failure: PlainExchange.Failure, _ said: HTTPAttempt.Failure) {
        #expect(PlainHTTPClient.failure(failure, timeoutMillis: 1_000) == said)
    }
}
