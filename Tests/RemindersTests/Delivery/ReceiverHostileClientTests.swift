import Glibc
import Outgoing
import System
import Testing
@testable import Reminders

/// Receivers that misbehave, against the plain-HTTP client: answers that are not HTTP, heads without end, bodies
/// without end, framings that lie. Each ends in an outcome within the deadline (the status standing once it came),
/// with every connection closed. (Named so that `--filter HostileClientTests` runs it with the server's.)
@Suite("PlainHTTPClient against hostile receivers: every exchange ends, bounded, and closes its connection")
struct ReceiverHostileClientTests {
    static func request(_ url: String) -> OutgoingRequest {
        OutgoingRequest(url: url, headers: [.init("Content-Type", "application/json")], body: Array("{}".utf8))
    }

    /// A receiver that writes `bytes` to each request and then keeps the connection open until the client closes.
    static func answering(_ bytes: String) throws -> RawReceiver {
        try RawReceiver { _ in
            .script { peer in
                peer.write(bytes)
                peer.waitForClose()
            }
        }
    }

    @Test(
        "an answer that is not HTTP is said to be so at once, without waiting for the deadline",
        arguments: [
            "SSH-2.0-OpenSSH_9.6\r\n", "<html>hello</html>", "HTTP/2 200\r\n\r\n", "HTTP/1.1 abc\r\n\r\n",
            "HTTP/1.1 200 OK\r\nX: a\u{0}b\r\n\r\n", "HTTP/1.1 200 OK\r\n Folded: yes\r\n\r\n",
        ])
    func notHTTP(_ answer: String) throws {
        let receiver = try Self.answering(answer)
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        guard case .failure(.transport(let detail)) = attempt.result else {
            Issue.record("not a transport failure: \(attempt)")
            return
        }
        #expect(detail.hasPrefix("the response was not HTTP"), "\(detail)")
        #expect(attempt.durationMillis < 2_000)
    }

    @Test("a head that never ends is cut at its bound, at once")
    func endlessHead() throws {
        let receiver = try RawReceiver { _ in
            .script { peer in
                peer.write("HTTP/1.1 200 OK\r\nX-Filler: ")
                for _ in 0..<64 where peer.write(String(repeating: "a", count: 1024)) {}
                peer.waitForClose()
            }
        }
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the response head is too long")))
        #expect(attempt.durationMillis < 2_000)
    }

    @Test("interim responses without end count against the head's bound")
    func endlessInterim() throws {
        let receiver = try RawReceiver { _ in
            .script { peer in
                for _ in 0..<4_000 where peer.write("HTTP/1.1 100 Continue\r\n\r\n") {}
                peer.waitForClose()
            }
        }
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the response head is too long")))
        #expect(attempt.durationMillis < 2_000)
    }

    @Test(
        "the head's bound: a head of exactly the limit is read, one byte more is not",
        arguments: [(64, 200), (63, nil)])
    func headBound(_ limit: Int, _ status: Int?) throws {
        // 64 bytes, its empty line included.
        let head = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX: " + String(repeating: "a", count: 21) + "\r\n\r\n"
        #expect(head.utf8.count == 64)
        let receiver = try RawReceiver { _ in .write(Array(head.utf8)) }
        let client = PlainHTTPClient(bodyLimit: 1024, headLimit: limit, poolLimits: .init())
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.status == status)
    }

    @Test("a head sent a byte at a time, never ending, is a timeout")
    func trickledHead() throws {
        let receiver = try RawReceiver { _ in
            .script { peer in
                let head = Array("HTTP/1.1 200 OK\r\nX-Slow: ".utf8)
                var index = 0
                while peer.write([index < head.count ? head[index] : UInt8(ascii: "a")]) {
                    index += 1
                    usleep(10_000)
                }
            }
        }
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .milliseconds(400))
        #expect(attempt.result == .failure(.timedOut(millis: 400)))
        #expect(attempt.durationMillis >= 390 && attempt.durationMillis < 2_000)
    }

    @Test("a chunked body that trickles forever is cut at the deadline, and its status stands")
    func endlessChunks() throws {
        let receiver = try RawReceiver { _ in
            .script { peer in
                guard peer.write("HTTP/1.1 503 Busy\r\nRetry-After: 9\r\nTransfer-Encoding: chunked\r\n\r\n") else {
                    return
                }
                while peer.write("1\r\nx\r\n") { usleep(10_000) }
            }
        }
        let client = PlainHTTPClient()
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .milliseconds(500))
        #expect(attempt.result == .response(status: 503) && attempt.retryAfter == "9")
        #expect(attempt.bodyTruncated && attempt.bodyBytes > 0 && attempt.bodyBytes < 100)
        #expect(attempt.durationMillis >= 490 && attempt.durationMillis < 2_000)
        #expect(client.pool.count() == 0)
    }

    @Test(
        "a body that breaks off or lies about its framing leaves its status standing, the body cut, the connection closed",
        arguments: [
            "HTTP/1.1 500 X\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloGARBAGE",
            "HTTP/1.1 500 X\r\nTransfer-Encoding: chunked\r\n\r\n1;" + String(repeating: "e", count: 5_000),
            "HTTP/1.1 500 X\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFF\r\n",
            "HTTP/1.1 500 X\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + String(repeating: "T: t\r\n", count: 5_000),
        ])
    func brokenBody(_ answer: String) throws {
        let receiver = try Self.answering(answer)
        let client = PlainHTTPClient()
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 500))
        #expect(attempt.bodyTruncated)
        #expect(attempt.durationMillis < 2_000)
        #expect(client.pool.count() == 0)
    }

    @Test("a body cut short by the receiver's close or reset leaves its status standing", arguments: [false, true])
    func cutShort(_ reset: Bool) throws {
        let receiver = try RawReceiver { _ in
            .script { peer in
                peer.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten..")
                if reset { peer.resetOnClose() }
            }
        }
        let client = PlainHTTPClient()
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 200))
        #expect(attempt.bodyTruncated && attempt.bodyBytes <= 10)
        #expect(client.pool.count() == 0)
    }

    @Test(
        "a Content-Length that is not one length discards the response (RFC 9112 §6.3)",
        arguments: ["5, 6", "-1", "abc", "99999999999999999999"])
    func badLength(_ length: String) throws {
        let receiver = try Self.answering("HTTP/1.1 200 OK\r\nContent-Length: \(length)\r\n\r\nhello")
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the response was not HTTP: its Content-Length is not a length")))
    }

    @Test("a connection closed in the middle of a head is no response")
    func closedInHead() throws {
        let receiver = try RawReceiver { _ in .writeAndClose(Array("HTTP/1.1 200 OK\r\nX: 1".utf8)) }
        let attempt = PlainHTTPClient().send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .failure(.transport("the connection was closed before the whole response head")))
    }

    @Test("no failure leaves a connection open: the client holds none to the receivers after a batch of them")
    func nothingLeaks() throws {
        let receivers = try [
            Self.answering("SSH-2.0-OpenSSH_9.6\r\n"),
            Self.answering("HTTP/1.1 200 OK\r\nX: " + String(repeating: "a", count: 20_000)),
            Self.answering("HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n"),
            Self.answering("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
            Self.answering(
                "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + String(repeating: "b", count: 100_000)),
            Self.answering("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nslow"),
            RawReceiver { _ in .close },
            RawReceiver { _ in .writeAndClose(Array("HTTP/1.1 200 OK\r\nX:".utf8)) },
            RawReceiver { _ in .script { $0.resetOnClose() } },
            RawReceiver { _ in .script { $0.waitForClose() } },
        ]
        let ports = Set(receivers.map(\.port))
        let (refusing, refusedPort) = try #require(LoopbackSocket.refusingPort())
        defer { close(refusing) }
        #expect(OpenSockets.connected(to: ports) == 0)
        let client = PlainHTTPClient()
        for _ in 0..<5 {
            for receiver in receivers {
                let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .milliseconds(150))
                #expect(attempt.status == nil || attempt.bodyTruncated, "\(attempt)")
            }
            _ = client.send(Self.request("http://127.0.0.1:\(refusedPort)/hook"), timeout: .milliseconds(150))
        }
        #expect(client.pool.count() == 0)
        #expect(OpenSockets.connected(to: ports) == 0)
    }

    @Test("a kept connection is the only one held, and is closed with its client")
    func keptIsClosedWithClient() throws {
        let receiver = try RawReceiver { _ in .write(RawReceiver.response(200)) }
        do {
            let client = PlainHTTPClient()
            #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).status == 200)
            #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).status == 200)
            #expect(OpenSockets.connected(to: [receiver.port]) == 1)
        }
        #expect(OpenSockets.connected(to: [receiver.port]) == 0)
        #expect(receiver.waitForClosed(1) == 1)
    }
}
