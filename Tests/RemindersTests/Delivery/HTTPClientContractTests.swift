import Foundation
import Glibc
import Outgoing
import System
import Testing
@testable import Reminders

/// What every client the service sends through does alike, run against each: one exchange bounded by the timeout,
/// no redirects, the body bounded, the status standing whatever the body does.
@Suite("HTTP clients: one bounded exchange per request, no redirects, the body bounded", .serialized)
struct HTTPClientContractTests {
    static func request(_ url: String, body: String = #"{"a":1}"#) -> OutgoingRequest {
        OutgoingRequest(
            url: url, headers: [.init("Content-Type", "application/json"), .init("X-Test", "yes")],
            body: Array(body.utf8))
    }

    @Test(
        "the request arrives as made, and the status, Retry-After and duration come back",
        arguments: ClientUnderTest.allCases)
    func exchange(_ client: ClientUnderTest) throws {
        let receiver = try Receiver { _, _ in .status(202, headers: [("Retry-After", "7")], body: Array("ok".utf8)) }
        let attempt = client.make().send(Self.request(receiver.url("/hook?x=1")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 202))
        #expect(attempt.retryAfter == "7")
        #expect(attempt.bodyBytes == 2 && !attempt.bodyTruncated)
        #expect(attempt.durationMillis >= 0 && attempt.durationMillis < 2_000)
        let arrival = try #require(receiver.arrivals.first)
        #expect(arrival.method == "POST" && arrival.path == "/hook")
        #expect(arrival.headers["host"] == "127.0.0.1:\(receiver.port)")
        #expect(arrival.headers["content-type"] == "application/json" && arrival.headers["x-test"] == "yes")
        #expect(arrival.headers["content-length"] == "7")
        #expect(arrival.text == #"{"a":1}"#)
        #expect(arrival.headers["cookie"] == nil)
    }

    @Test("a 429's Retry-After comes back with it", arguments: ClientUnderTest.allCases)
    func tooManyRequests(_ client: ClientUnderTest) throws {
        let receiver = try Receiver { _, _ in .status(429, headers: [("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")])
        }
        let attempt = client.make().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 429))
        #expect(attempt.retryAfter == "Wed, 21 Oct 2026 07:28:00 GMT")
    }

    @Test(
        "a redirect is not followed: the 3xx is the outcome and its target sees nothing",
        arguments: ClientUnderTest.allCases)
    func redirect(_ client: ClientUnderTest) throws {
        let target = try Receiver()
        let receiver = try Receiver { _, _ in .status(307, headers: [("Location", target.url("/elsewhere"))]) }
        let attempt = client.make().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 307))
        #expect(attempt.location == target.url("/elsewhere"))
        #expect(target.arrivals.isEmpty)
        #expect(receiver.arrivals.count == 1)
    }

    @Test(
        "a receiver that never answers is a timeout, bounded by the timeout given", arguments: ClientUnderTest.allCases)
    func timeout(_ client: ClientUnderTest) throws {
        let receiver = try Receiver { _, _ in .hang }
        let attempt = client.make().send(Self.request(receiver.url("/hook")), timeout: .milliseconds(300))
        #expect(attempt.result == .failure(.timedOut(millis: 300)))
        #expect(attempt.durationMillis >= 290 && attempt.durationMillis < 2_000)
    }

    @Test("a port where nothing listens is a refused connection, at once", arguments: ClientUnderTest.allCases)
    func refused(_ client: ClientUnderTest) throws {
        let (descriptor, port) = try #require(LoopbackSocket.refusingPort())
        defer { close(descriptor) }
        let attempt = client.make().send(Self.request("http://127.0.0.1:\(port)/hook"), timeout: .seconds(5))
        #expect(attempt.result == .failure(.connectionRefused))
        #expect(attempt.durationMillis < 2_000)
    }

    @Test("a huge body is read to the limit and dropped, and its status stands", arguments: ClientUnderTest.allCases)
    func hugeBody(_ client: ClientUnderTest) throws {
        let receiver = try Receiver { _, _ in .status(200, body: Array(repeating: 0x61, count: 4 << 20)) }
        let attempt = client.make().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes > HTTPClientDefaults.bodyLimit && attempt.bodyBytes < 1 << 20, "\(attempt)")
    }

    @Test(
        "a body of unknown length is cut at the limit, and the attempt returns with its status at once",
        arguments: ClientUnderTest.allCases)
    func unannouncedBody(_ client: ClientUnderTest) throws {
        // 8 MiB as fast as loopback goes, framed by the end of the connection.
        let (port, thread) = try #require(
            try LoopbackSocket.trickle(intervalMillis: 0, chunk: 1 << 16, announced: false, total: 8 << 20))
        let attempt = client.make().send(Self.request("http://127.0.0.1:\(port)/hook"), timeout: .seconds(10))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes > HTTPClientDefaults.bodyLimit && attempt.bodyBytes < 1 << 20, "\(attempt)")
        #expect(attempt.durationMillis < 2_000)
        pthread_join(thread, nil)
    }

    @Test("a body that trickles in is cut at the timeout, and its status stands", arguments: ClientUnderTest.allCases)
    func slowBody(_ client: ClientUnderTest) throws {
        let (port, thread) = try #require(try LoopbackSocket.trickle(intervalMillis: 20))
        let attempt = client.make().send(
            Self.request("http://127.0.0.1:\(port)/hook"), timeout: .milliseconds(800))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes < 800 / 20 + 10)
        #expect(attempt.durationMillis >= 790 && attempt.durationMillis < 3_000)
        pthread_join(thread, nil)
    }

    @Test(
        "only absolute http and https URLs are sent to",
        arguments: ClientUnderTest.allCases,
        ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "/relative", "http://"])
    func schemes(_ client: ClientUnderTest, _ url: String) {
        let attempt = client.make().send(Self.request(url), timeout: .seconds(1))
        #expect(attempt.result == .failure(.unsupportedURL))
    }
}
