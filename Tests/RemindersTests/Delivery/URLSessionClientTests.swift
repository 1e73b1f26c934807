import Foundation
import Glibc
import System
import Testing

@testable import Reminders

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Serialized: the tests measure time, and every session of the process shares one queue.
@Suite("URLSessionClient: one bounded exchange per request, no redirects, http and https only", .serialized)
struct URLSessionClientTests {
    static func request(_ url: String, body: String = #"{"a":1}"#) -> OutgoingRequest {
        OutgoingRequest(
            url: url, headers: [.init("Content-Type", "application/json"), .init("X-Test", "yes")],
            body: Array(body.utf8))
    }

    @Test("the request arrives as made, and the status, Retry-After and duration come back")
    func exchange() throws {
        let receiver = try Receiver { _, _ in .status(202, headers: [("Retry-After", "7")], body: Array("ok".utf8)) }
        let attempt = URLSessionClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 202))
        #expect(attempt.retryAfter == "7")
        #expect(attempt.bodyBytes == 2 && !attempt.bodyTruncated)
        let arrival = try #require(receiver.arrivals.first)
        #expect(arrival.method == "POST" && arrival.path == "/hook")
        #expect(arrival.headers["content-type"] == "application/json" && arrival.headers["x-test"] == "yes")
        #expect(arrival.text == #"{"a":1}"#)
        #expect(arrival.headers["cookie"] == nil)
    }

    @Test("the session is made by the first request, not before")
    func madeOnFirstUse() throws {
        let receiver = try Receiver()
        let client = URLSessionClient()
        #expect(!client.sessionMade)
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        #expect(client.sessionMade)
    }

    @Test("a redirect is not followed: the 3xx is the outcome and its target sees nothing")
    func redirect() throws {
        let target = try Receiver()
        let receiver = try Receiver { _, _ in .status(307, headers: [("Location", target.url("/elsewhere"))]) }
        let attempt = URLSessionClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 307))
        #expect(attempt.location == target.url("/elsewhere"))
        #expect(target.arrivals.isEmpty)
        #expect(receiver.arrivals.count == 1)
    }

    @Test("a receiver that never answers is a timeout, bounded by the timeout given")
    func timeout() throws {
        let receiver = try Receiver { _, _ in .hang }
        let attempt = URLSessionClient().send(Self.request(receiver.url("/hook")), timeout: .milliseconds(300))
        #expect(attempt.result == .failure(.timedOut(millis: 300)))
        #expect(attempt.durationMillis >= 290 && attempt.durationMillis < 2_000)
    }

    @Test("a port where nothing listens is a refused connection, at once")
    func refused() throws {
        let (descriptor, port) = try #require(LoopbackSocket.refusingPort())
        defer { close(descriptor) }
        let attempt = URLSessionClient().send(Self.request("http://127.0.0.1:\(port)/hook"), timeout: .seconds(5))
        #expect(attempt.result == .failure(.connectionRefused))
        #expect(attempt.durationMillis < 2_000)
    }

    @Test("a huge body is read to the limit and dropped, and its status stands")
    func hugeBody() throws {
        let receiver = try Receiver { _, _ in .status(200, body: Array(repeating: 0x61, count: 4 << 20)) }
        let attempt = URLSessionClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes > URLSessionClient.defaultBodyLimit && attempt.bodyBytes < 1 << 20, "\(attempt)")
    }

    @Test("a body of unknown length is cut at the limit, and the attempt returns with its status at once")
    func unannouncedBody() throws {
        // 8 MiB as fast as loopback goes, framed by the end of the connection.
        let (port, thread) = try #require(
            try LoopbackSocket.trickle(intervalMillis: 0, chunk: 1 << 16, announced: false, total: 8 << 20))
        let attempt = URLSessionClient().send(Self.request("http://127.0.0.1:\(port)/hook"), timeout: .seconds(10))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes > URLSessionClient.defaultBodyLimit && attempt.bodyBytes < 1 << 20, "\(attempt)")
        #expect(attempt.durationMillis < 2_000)
        pthread_join(thread, nil)
    }

    @Test("a body that trickles in is cut at the timeout, and its status stands")
    func slowBody() throws {
        let (port, thread) = try #require(try LoopbackSocket.trickle(intervalMillis: 20))
        let attempt = URLSessionClient().send(
            Self.request("http://127.0.0.1:\(port)/hook"), timeout: .milliseconds(800))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated)
        #expect(attempt.bodyBytes < 800 / 20 + 10)
        #expect(attempt.durationMillis >= 790 && attempt.durationMillis < 3_000)
        pthread_join(thread, nil)
    }

    @Test("a TLS handshake that fails is a TLS failure, with what the transport said")
    func tlsHandshake() throws {
        // A plain HTTP receiver behind an https URL: the client's handshake meets no TLS server.
        let receiver = try Receiver()
        let url = "https" + receiver.url("/hook").dropFirst("http".count)
        let attempt = URLSessionClient().send(Self.request(url), timeout: .seconds(5))
        guard case .failure(.transport(let detail)) = attempt.result else {
            Issue.record("not a transport failure: \(attempt)")
            return
        }
        #expect(detail.hasPrefix("TLS failed"), "\(detail)")
        #expect(receiver.arrivals.isEmpty)
    }

    /// FoundationNetworking reports libcurl's TLS failures (an untrusted certificate, a failed handshake) as
    /// `URLError.unknown`, with libcurl's own message as the description.
    @Test(
        "what a transport error is said to be",
        arguments: [
            (
                URLError.Code.unknown, "SSL certificate problem: unable to get local issuer certificate",
                "TLS failed: SSL certificate problem: unable to get local issuer certificate"
            ),
            (
                .unknown, "error:0A00010B:SSL routines::wrong version number",
                "TLS failed: error:0A00010B:SSL routines::wrong version number"
            ),
            (.unknown, "TLS connect error", "TLS failed: TLS connect error"),
            (.unknown, "Recv failure: Connection reset by peer", "the request failed (URL error -1)"),
            (.unknown, "", "the request failed (URL error -1)"),
            (
                .serverCertificateUntrusted, "",
                "TLS failed (URL error -1202): an untrusted certificate or a failed handshake"
            ),
            (.networkConnectionLost, "SSL_read: unexpected eof", "the connection was lost before a response"),
        ])
    func transportFailure(_ code: URLError.Code, _ description: String, _ said: String) {
        let error = URLError(code, userInfo: description.isEmpty ? [:] : [NSLocalizedDescriptionKey: description])
        #expect(URLSessionClient.failure(error, timeoutMillis: 1_000) == .transport(said))
    }

    @Test(
        "only absolute http and https URLs are sent to",
        arguments: ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/", "/relative", "http://"])
    func schemes(_ url: String) {
        let attempt = URLSessionClient().send(Self.request(url), timeout: .seconds(1))
        #expect(attempt.result == .failure(.unsupportedURL))
    }
}
