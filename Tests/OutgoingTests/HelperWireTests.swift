import Glibc
import System
import Testing

@testable import Outgoing

/// The frames between the service and its HTTPS helper: every request and attempt comes back as it went, and a
/// frame that breaks the format is refused, never read past its end.
@Suite struct HelperWireTests {
    static let request = OutgoingRequest(
        url: "https://ntfy.example/topic?x=1",
        headers: [.init("Content-Type", "application/json"), .init("webhook-id", "msg_é"), .init("Empty", "")],
        body: Array(#"{"a":"ü"}"#.utf8))

    static func payload(_ frame: [UInt8]) -> ArraySlice<UInt8> { frame.dropFirst(4) }

    @Test(
        "a request comes back as it went",
        arguments: [
            HelperWire.Request(id: 1, timeoutMillis: 15_000, request: request),
            HelperWire.Request(id: .max, timeoutMillis: 0, request: OutgoingRequest(url: "", headers: [], body: [])),
            HelperWire.Request(
                id: 7, timeoutMillis: 1,
                request: OutgoingRequest(
                    method: "PUT", url: "https://h/", headers: [], body: Array(repeating: 0, count: 100_000))),
        ])
    func requestRoundTrip(_ request: HelperWire.Request) throws {
        let frame = HelperWire.frame(request)
        let length = frame.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        #expect(length == frame.count - 4)
        #expect(try HelperWire.request(from: Self.payload(frame)) == request)
    }

    @Test(
        "a number put into a frame made before it is the number read", arguments: [0, 1, 0x0102_0304_0506_0708, .max])
    func numbering(_ id: UInt64) throws {
        var frame = HelperWire.frame(HelperWire.Request(id: 0, timeoutMillis: 5, request: Self.request))
        HelperWire.number(&frame, id: id)
        #expect(
            try HelperWire.request(from: Self.payload(frame)) == .init(id: id, timeoutMillis: 5, request: Self.request))
    }

    @Test(
        "an attempt comes back as it went",
        arguments: [
            HTTPAttempt(.response(status: 202), retryAfter: "7", durationMillis: 12, bodyBytes: 2),
            HTTPAttempt(
                .response(status: 307), location: "https://elsewhere/", durationMillis: 0, bodyBytes: 65_537,
                bodyTruncated: true),
            HTTPAttempt(.failure(.timedOut(millis: 300)), durationMillis: 301),
            HTTPAttempt(.failure(.connectionRefused), durationMillis: 1),
            HTTPAttempt(.failure(.unsupportedURL), durationMillis: 0),
            HTTPAttempt(.failure(.transport("TLS failed: certificate unknown")), retryAfter: "", durationMillis: 5),
        ])
    func attemptRoundTrip(_ attempt: HTTPAttempt) throws {
        let decoded = try HelperWire.attempt(from: Self.payload(HelperWire.frame(id: 42, attempt: attempt)))
        #expect(decoded.id == 42)
        #expect(decoded.attempt == attempt)
    }

    @Test(
        "a text from a response is cut at the limit, between characters",
        arguments: [
            (String(repeating: "a", count: HelperWire.textLimit), HelperWire.textLimit),
            (String(repeating: "a", count: HelperWire.textLimit + 1), HelperWire.textLimit),
            // "é" is two bytes: the one that would straddle the limit goes whole.
            ("a" + String(repeating: "é", count: HelperWire.textLimit / 2), HelperWire.textLimit - 1),
        ])
    func textsAreCut(_ text: String, keptBytes: Int) throws {
        let attempt = HTTPAttempt(.failure(.transport(text)), location: text, durationMillis: 0)
        let decoded = try HelperWire.attempt(from: Self.payload(HelperWire.frame(id: 1, attempt: attempt))).attempt
        #expect(decoded.result == .failure(.transport(String(decoding: text.utf8.prefix(keptBytes), as: UTF8.self))))
        #expect(decoded.location?.utf8.count == keptBytes)
    }

    @Test("every cut of a request frame is refused, and so is a byte more")
    func truncatedRequests() throws {
        let payload = Array(
            Self.payload(HelperWire.frame(HelperWire.Request(id: 3, timeoutMillis: 9, request: Self.request))))
        for end in 0..<payload.count {
            #expect(throws: HelperWireError.self) { try HelperWire.request(from: payload[..<end]) }
        }
        #expect(throws: HelperWireError("1 bytes follow the last field")) {
            try HelperWire.request(from: (payload + [0])[...])
        }
    }

    @Test("every cut of an attempt frame is refused")
    func truncatedAttempts() throws {
        let attempt = HTTPAttempt(.response(status: 429), retryAfter: "60", location: "x", durationMillis: 3)
        let payload = Array(Self.payload(HelperWire.frame(id: 9, attempt: attempt)))
        for end in 0..<payload.count {
            #expect(throws: HelperWireError.self) { try HelperWire.attempt(from: payload[..<end]) }
        }
    }

    @Test(
        "a frame that lies is refused",
        arguments: [
            // A header count far beyond what the frame holds: refused before anything is reserved for it.
            (
                [0, 0, 0, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 8) + [0, 0, 0, 0] + [0, 0, 0, 0]
                    + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], "more headers than the frame holds"
            ),
            // A text that is not UTF-8.
            ([0, 0, 0, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 8) + [0, 0, 0, 1, 0xC3], "a text is not UTF-8"),
            // A length beyond the frame.
            (
                [0, 0, 0, 0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 8) + [0x7F, 0, 0, 0],
                "the frame ends inside a field"
            ),
        ] as [([UInt8], String)])
    func lyingRequests(_ payload: [UInt8], said: String) {
        #expect(throws: HelperWireError(said)) { try HelperWire.request(from: payload[...]) }
    }

    @Test(
        "an attempt with an unknown result or flag is refused",
        arguments: [
            ([UInt8](repeating: 0, count: 8) + [5], "no result is numbered 5"),
            ([UInt8](repeating: 0, count: 8) + [2, 2], "a flag is neither 0 nor 1"),
            (
                [UInt8](repeating: 0, count: 8) + [2, 0, 0] + [UInt8](repeating: 0, count: 16) + [2],
                "a flag is neither 0 nor 1"
            ),
        ] as [([UInt8], String)])
    func lyingAttempts(_ payload: [UInt8], said: String) {
        #expect(throws: HelperWireError(said)) { try HelperWire.attempt(from: payload[...]) }
    }

    /// A connected pair of stream sockets, both ends closed at the end.
    final class Pair {
        let ends: [Int32]
        init() throws {
            var ends: [Int32] = [-1, -1]
            let type = SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue
            #expect(socketpair(AF_UNIX, Int32(type), 0, &ends) == 0)
            self.ends = ends
        }
        deinit { ends.forEach { _ = close($0) } }
    }

    @Test("frames written whole are read whole, several in one read or one across many, then the end")
    func framesOverASocket() throws {
        let pair = try Pair()
        let small = HelperWire.frame(id: 1, attempt: HTTPAttempt(.failure(.connectionRefused), durationMillis: 1))
        let large = HelperWire.frame(
            HelperWire.Request(
                id: 2, timeoutMillis: 5,
                request: OutgoingRequest(url: "u", headers: [], body: Array(repeating: 7, count: 300_000))))
        // The large frame is more than the socket buffers: a thread writes while this one reads.
        let socket = pair.ends[0]
        let thread = try SystemThread.spawn(named: "test-writer") {
            _ = HelperWire.write(small + small + large, to: socket)
            shutdown(socket, Int32(SHUT_WR))
        }
        var reader = FrameReader(socket: pair.ends[1])
        var frames: [[UInt8]] = []
        while true {
            if let payload = try reader.buffered() {
                frames.append(Array(payload))
                continue
            }
            guard try reader.fill() else { break }
        }
        pthread_join(thread, nil)
        #expect(frames == [Array(small.dropFirst(4)), Array(small.dropFirst(4)), Array(large.dropFirst(4))])
    }

    @Test(
        "a stream that ends inside a frame, or announces one over the limit, is refused",
        arguments: [
            ([0, 0, 0, 5, 1, 2], "the stream ended inside a frame"),
            ([0, 0x40, 0, 1], "a frame of \(HelperWire.frameLimit + 1) bytes is longer than \(HelperWire.frameLimit)"),
        ] as [([UInt8], String)])
    func brokenStreams(_ bytes: [UInt8], said: String) throws {
        let pair = try Pair()
        #expect(HelperWire.write(bytes, to: pair.ends[0]))
        shutdown(pair.ends[0], Int32(SHUT_WR))
        var reader = FrameReader(socket: pair.ends[1])
        #expect(throws: HelperWireError(said)) {
            while try reader.buffered() == nil {
                guard try reader.fill() else { return }
            }
        }
    }

    @Test("a write to a socket whose other end is gone fails, and raises no SIGPIPE")
    func writeToAClosedPeer() throws {
        var ends: [Int32] = [-1, -1]
        let type = SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue
        #expect(socketpair(AF_UNIX, Int32(type), 0, &ends) == 0)
        close(ends[1])
        defer { close(ends[0]) }
        #expect(!HelperWire.write([0, 0, 0, 0], to: ends[0]))
    }
}
