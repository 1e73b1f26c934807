import Foundation
import Glibc
import HTTP
import Synchronization
import TestSupport
import Testing

/// Limits, timeouts and hostile or careless clients, over real sockets.
@Suite struct ServerLimitTests {
    struct LimitCase: CustomTestStringConvertible, Sendable {
        let name: String
        let request: String
        let status: Int
        var testDescription: String { name }
    }

    static let longTarget = "/" + String(repeating: "a", count: 8 * 1024 + 1)
    static let bigHeader = "X-Big: " + String(repeating: "b", count: 33 * 1024) + "\r\n"
    static let manyHeaders = (0..<101).map { "X-\($0): v\r\n" }.joined()

    @Test(arguments: [
        LimitCase(
            name: "RFC 9112 §3 target over 8 KiB is 414", request: "GET \(longTarget) HTTP/1.1\r\nHost: t\r\n\r\n",
            status: 414),
        LimitCase(
            name: "RFC 6585 §5 header section over 32 KiB is 431",
            request: "GET /hello HTTP/1.1\r\nHost: t\r\n\(bigHeader)\r\n", status: 431),
        LimitCase(
            name: "RFC 6585 §5 more than 100 fields is 431",
            request: "GET /hello HTTP/1.1\r\nHost: t\r\n\(manyHeaders)\r\n", status: 431),
    ])
    func headLimits(_ row: LimitCase) throws {
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send(row.request)
        let response = try client.readResponse()
        #expect(response.status == row.status)
        #expect(client.readsEndOfStream())
    }

    @Test func oversizedBodyIs413WithoutReadingIt() throws {
        // RFC 9110 §15.5.14: refused from Content-Length alone, the body is never read; then close.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(1024 * 1024 + 1)\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        #expect(client.readsEndOfStream())
    }

    @Test func oversizedChunkedBodyIs413() throws {
        let config = ServerConfiguration(limits: ParserLimits(maxBodyBytes: 10))
        let server = try TestServer(configuration: config, routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678\r\n8\r\n")
        #expect(try client.readResponse().status == 413)
    }

    @Test func bodyAtTheLimitIsAccepted() throws {
        let config = ServerConfiguration(limits: ParserLimits(maxBodyBytes: 10))
        let server = try TestServer(configuration: config, routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n0123456789")
        #expect(try client.readResponse().bodyText == "0123456789")
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\n0123456789a")
        #expect(try client.readResponse().status == 413)
    }

    static let shortTimeouts = ServerConfiguration(
        timeouts: .init(headMilliseconds: 200, idleMilliseconds: 300, bodyMilliseconds: 200))

    @Test func slowHeadIsCutOffWith408WhileOthersAreServed() throws {
        // Slowloris: half a head is answered 408 once the head timeout passes, and meanwhile a
        // well-behaved client is served normally.
        let server = try TestServer(configuration: Self.shortTimeouts, routes: TestServer.standardRoutes)
        let slow = try server.client(timeoutSeconds: 3)
        try slow.send("GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        let other = try server.client()
        try other.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().status == 200)
        let started = Date()
        let response = try slow.readResponse()
        #expect(response.status == 408)
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(slow.readsEndOfStream())
    }

    @Test func tricklingHeadIsStillCutOffAtTheHeadTimeout() throws {
        // The head timeout runs from the first byte: sending a byte now and then does not extend it.
        let server = try TestServer(configuration: Self.shortTimeouts, routes: TestServer.standardRoutes)
        let slow = try server.client(timeoutSeconds: 3)
        var got408 = false
        for byte in "GET /hello HTTP/1.1\r\nHost: t\r\n".utf8 {
            guard (try? slow.send([byte])) != nil else { break }
            usleep(50_000)
            if let response = try? RawResponseProbe.poll(slow) {
                got408 = response.status == 408
                break
            }
        }
        #expect(got408)
    }

    @Test func idleKeepAliveConnectionIsClosedWithoutResponse() throws {
        let server = try TestServer(configuration: Self.shortTimeouts, routes: TestServer.standardRoutes)
        let client = try server.client(timeoutSeconds: 3)
        try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        let started = Date()
        #expect(client.readAll().isEmpty)
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(server.waitForConnections { $0 == 0 })
    }

    @Test func stalledBodyIs408() throws {
        let server = try TestServer(configuration: Self.shortTimeouts, routes: TestServer.standardRoutes)
        let client = try server.client(timeoutSeconds: 3)
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n01234")
        #expect(try client.readResponse().status == 408)
    }

    @Test func clientVanishingMidBodyFreesItsConnection() throws {
        let server = try TestServer(routes: TestServer.standardRoutes)
        do {
            let client = try server.client()
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nonly part")
            #expect(server.waitForConnections { $0 == 1 })
        }
        #expect(server.waitForConnections(timeoutSeconds: 30) { $0 == 0 })
        let next = try server.client()
        try next.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try next.readResponse().status == 200)
    }

    @Test func aHalfCloseThatArrivesWithTheLastBytesIsSeen() throws {
        // The first request holds the loop's reading of this connection while its handler runs; the
        // next request's head, part of its body and the client's FIN all arrive meanwhile, so the
        // read that follows finds data and end of stream together. The server must still see the
        // end of stream and free the connection, not wait for more bytes.
        let server = try TestServer { router in
            router.add(
                "GET", "/slow",
                .deferred { _, responder in
                    Thread.detachNewThread {
                        usleep(200_000)
                        responder.respond(.text("slow"))
                    }
                })
            router.add("POST", "/echo") { request in .text("\(request.body.count)") }
        }
        let client = try server.client()
        try client.send(
            "GET /slow HTTP/1.1\r\nHost: t\r\n\r\nPOST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\npart")
        shutdown(client.fd, Int32(SHUT_WR))
        #expect(try client.readResponse().bodyText == "slow")
        #expect(server.waitForConnections { $0 == 0 })
    }

    @Test func fiveHundredConcurrentConnections() throws {
        let server = try TestServer(routes: TestServer.standardRoutes)
        let clients = try (0..<500).map { _ in try server.client() }
        for (i, client) in clients.enumerated() {
            try client.send("GET /items/\(i) HTTP/1.1\r\nHost: t\r\n\r\n")
        }
        for (i, client) in clients.enumerated() {
            #expect(try client.readResponse().bodyText == "item \(i)")
        }
        #expect(server.server.openConnections == 500)
    }

    @Test func connectionsPastTheLimitGet503() throws {
        let config = ServerConfiguration(maxConnections: 2)
        let server = try TestServer(configuration: config, routes: TestServer.standardRoutes)
        let first = try server.client()
        let second = try server.client()
        #expect(server.waitForConnections { $0 == 2 })
        let third = try server.client()
        let refused = try third.readResponse()
        #expect(refused.status == 503)
        #expect(third.readsEndOfStream())
        for client in [first, second] {
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func clientThatDoesNotReadIsPausedNotBuffered() throws {
        // A client that pipelines requests but never reads: the server stops reading once its unsent
        // output passes the limit, so it handles only a bounded number of the requests, and serves
        // everyone else meanwhile.
        let config = ServerConfiguration(maxPendingOutputBytes: 64 * 1024)
        let handled = Atomic<Int>(0)
        let server = try TestServer(configuration: config) { router in
            let big = [UInt8](repeating: 65, count: 256 * 1024)
            router.add("GET", "/big") { _ in
                handled.wrappingAdd(1, ordering: .relaxed)
                return Response(status: 200, contentType: "text/plain", body: big)
            }
            router.add("GET", "/hello") { _ in .text("hello") }
        }
        let greedy = try server.client(timeoutSeconds: 1)
        var small: Int32 = 4096
        setsockopt(greedy.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(greedy.fd, SOL_SOCKET, SO_SNDBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        let pad = String(repeating: "p", count: 8000)
        let request = Array("GET /big HTTP/1.1\r\nHost: t\r\nX-Pad: \(pad)\r\n\r\n".utf8)
        // Send until the server stops taking requests (its reads pause, the buffers fill).
        var sent = 0
        while sent < 5000, (try? greedy.send(request)) != nil { sent += 1 }
        #expect(sent < 5000, "the server kept reading from a client that does not read")
        // Each response is 256 KiB: without the pause the server would have buffered gigabytes.
        #expect(handled.load(ordering: .relaxed) < 100)
        let other = try server.client()
        try other.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try other.readResponse().status == 200)
    }

    @Test func gracefulShutdownFinishesTheRequestInFlight() throws {
        var config = ServerConfiguration()
        config.host = "127.0.0.1"
        config.port = 0
        config.eventLoops = 1
        config.accessLog = .off
        var router = Router()
        router.add(
            "GET", "/slow",
            .deferred { _, responder in
                Thread.detachNewThread {
                    usleep(300_000)
                    responder.respond(.text("finished"))
                }
            })
        let server = try HTTPServer(configuration: config, router: router)
        try server.start()
        let client = try TestClient(port: server.port)
        try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        usleep(50_000)
        let stopped = Mutex(false)
        Thread.detachNewThread {
            server.shutdown()
            stopped.withLock { $0 = true }
        }
        let response = try client.readResponse()
        #expect(response.bodyText == "finished")
        #expect(response.header("Connection") == "close")
        let deadline = Date().addingTimeInterval(5)
        while !stopped.withLock({ $0 }) && Date() < deadline { usleep(5_000) }
        let didStop = stopped.withLock { $0 }
        #expect(didStop)
        #expect(throws: (any Error).self) { _ = try TestClient(port: server.port) }
    }
}

/// Reads whatever is already there without waiting long.
enum RawResponseProbe {
    static func poll(_ client: TestClient) throws -> RawResponse? {
        client.setTimeout(0.01)
        defer { client.setTimeout(3) }
        guard (try? client.fill()) != nil else { return nil }
        return try client.readResponse()
    }
}
