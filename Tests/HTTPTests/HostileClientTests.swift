import Foundation
import Glibc
import HTTP
import Synchronization
import TestSupport
import Testing

/// Clients that attack the server instead of using it, at scale and with garbage, over real sockets:
/// whatever they do, the server keeps serving everyone else, frees what they held, and afterwards
/// still answers a normal request.
@Suite struct HostileClientTests {
    /// Short deadlines, so that every wait below is short: a head must arrive within 300 ms of its
    /// first byte (RFC 9110 §15.5.9), a kept-alive connection may idle 500 ms.
    static let shortTimeouts = ServerConfiguration.Timeouts(
        headMilliseconds: 300, idleMilliseconds: 500, bodyMilliseconds: 300)

    static func server(
        _ configuration: ServerConfiguration = ServerConfiguration(timeouts: shortTimeouts),
        routes: (inout Router) -> Void = TestServer.standardRoutes
    ) throws -> TestServer {
        try TestServer(configuration: configuration, routes: routes)
    }

    /// Every test ends here: a new client sends a normal request and gets the normal answer.
    static func expectStillServes(_ server: TestServer, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let client = try server.client()
            let response = try client.request("GET", "/hello")
            #expect(response.status == 200, sourceLocation: sourceLocation)
            #expect(response.bodyText == "hello", sourceLocation: sourceLocation)
        } catch {
            Issue.record(error, sourceLocation: sourceLocation)
        }
    }

    /// The descriptors of `clients` that have something to read (or were closed), waiting at most
    /// `milliseconds` for the first.
    static func readable(_ clients: [TestClient], milliseconds: Int32) -> Set<Int32> {
        var entries = clients.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        guard poll(&entries, nfds_t(entries.count), milliseconds) > 0 else { return [] }
        return Set(entries.filter { $0.revents != 0 }.map(\.fd))
    }

    static let idleConnections = 10_000

    /// Raises this process's soft limit on open descriptors to its hard limit; returns the soft limit.
    @discardableResult
    static func raiseOpenFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(clamping: limit.rlim_cur)
    }

    /// What this process saw while another process held the idle connections.
    struct Observed: Sendable {
        var peak = 0
        var allOpenAt: Date?
        var bystanderStatus: Int?
        var bystanderSeconds = 0.0
        var allClosedAt: Date?
        var finished = false
    }

    @Test(
        .enabled(
            if: HostileClientTests.raiseOpenFileLimit() >= HostileClientTests.idleConnections + 200,
            "10,000 connections need a hard RLIMIT_NOFILE of at least 10,200 in each of the two processes"))
    func tenThousandIdleConnectionsAreHeldWhileOthersAreServedThenFreed() async throws {
        // RFC 9112 §9.8 lets a server close a connection that has been idle. Each loopback connection
        // costs a descriptor at both ends, so the clients live in a child process (an exit test) and
        // the server's side alone fills this one.
        let idle = 2_000
        let config = ServerConfiguration(
            timeouts: .init(headMilliseconds: 2_000, idleMilliseconds: idle, bodyMilliseconds: 2_000),
            maxConnections: Self.idleConnections + 100)
        let server = try Self.server(config)
        let http = server.server
        let port = server.port
        let count = Self.idleConnections
        let observed = Mutex(Observed())
        let started = Date()
        Thread.detachNewThread {
            defer { observed.withLock { $0.finished = true } }
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let open = http.openConnections
                observed.withLock { $0.peak = max($0.peak, open) }
                if open >= count { break }
                usleep(1_000)
            }
            observed.withLock { $0.allOpenAt = Date() }
            let asked = Date()
            if let bystander = try? TestClient(port: port), let response = try? bystander.request("GET", "/hello") {
                observed.withLock {
                    $0.bystanderStatus = response.status
                    $0.bystanderSeconds = Date().timeIntervalSince(asked)
                }
            }
            while Date() < deadline, http.openConnections > 0 { usleep(5_000) }
            if http.openConnections == 0 { observed.withLock { $0.allClosedAt = Date() } }
        }

        await #expect(processExitsWith: .success) { [port = port as Int, count = count as Int] in
            HostileClientTests.raiseOpenFileLimit()
            var clients: [TestClient] = []
            clients.reserveCapacity(count)
            for _ in 0..<count { clients.append(try TestClient(port: port)) }
            // The server closes every one at its idle timeout, and sends nothing before.
            let deadline = Date().addingTimeInterval(20)
            for client in clients {
                client.setTimeout(max(deadline.timeIntervalSinceNow, 0.01))
                guard client.readAll().isEmpty, deadline.timeIntervalSinceNow > 0 else {
                    throw TestClient.ClientError(description: "an idle connection got bytes or was never closed")
                }
            }
        }

        let waitUntil = Date().addingTimeInterval(30)
        while !observed.withLock({ $0.finished }) && Date() < waitUntil { usleep(5_000) }
        let seen = observed.withLock { $0 }
        #expect(seen.peak >= count, "the server held \(seen.peak) of \(count) connections at once")
        #expect(seen.bystanderStatus == 200)
        #expect(seen.bystanderSeconds < 1, "a normal request took \(seen.bystanderSeconds) s")
        let allOpenAt = try #require(seen.allOpenAt)
        let allClosedAt = try #require(seen.allClosedAt, "the idle connections were never all freed")
        // None closed before its idle time, and the last within it (plus scheduling slack).
        #expect(allClosedAt.timeIntervalSince(started) >= Double(idle) / 1000)
        #expect(allClosedAt.timeIntervalSince(allOpenAt) < Double(idle) / 1000 + 3)
        Self.expectStillServes(server)
    }

    @Test func clientsThatNeverReadTheirResponsesDoNotStarveOthers() throws {
        // Eight clients pipeline (RFC 9112 §9.3.2) requests for a 1 MiB response and read nothing:
        // the server stops reading each once 256 KiB waits for it, so it runs only a few of their
        // requests, serves everyone else meanwhile, and drops them at the idle timeout.
        let config = ServerConfiguration(timeouts: Self.shortTimeouts, maxPendingOutputBytes: 256 * 1024)
        let handled = Atomic<Int>(0)
        let server = try Self.server(config) { router in
            let big = [UInt8](repeating: 66, count: 1024 * 1024)
            router.add("GET", "/big") { _ in
                handled.wrappingAdd(1, ordering: .relaxed)
                return Response(status: 200, contentType: "application/octet-stream", body: big)
            }
            TestServer.standardRoutes(&router)
        }
        // Small requests, a hundred to a write, until the socket buffers are full: thousands each.
        let batch = Array(String(repeating: "GET /big HTTP/1.1\r\nHost: t\r\n\r\n", count: 100).utf8)
        var greedy: [TestClient] = []
        var requestsSent = 0
        for _ in 0..<8 {
            let client = try server.client(timeoutSeconds: 0.2)
            var small: Int32 = 4096
            setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            var batches = 0
            while batches < 200, (try? client.send(batch)) != nil { batches += 1 }
            requestsSent += batches * 100
            greedy.append(client)
        }
        #expect(requestsSent >= 8 * 1_000, "only \(requestsSent) requests were sent")

        let other = try server.client()
        for n in 0..<20 {
            let asked = Date()
            let response = try other.request("GET", "/items/\(n)")
            #expect(response.bodyText == "item \(n)")
            #expect(Date().timeIntervalSince(asked) < 1)
        }
        // The greedy connections, still open at the client, are dropped by the server itself.
        #expect(server.waitForConnections(timeoutSeconds: 5) { $0 <= 1 })
        withExtendedLifetime(greedy) {}
        // Without the pause every request sent would have run and held 1 MiB of output; with it, each
        // client got what its socket buffers and the 256 KiB took.
        let run = handled.load(ordering: .relaxed)
        #expect(run <= 8 * 8, "ran \(run) of the \(requestsSent) requests sent")
        Self.expectStillServes(server)
    }

    @Test func headsTrickledOneBytePerTickAreCutOffWith408AtTheHeadTimeout() throws {
        // Slowloris at scale: 50 clients each send one byte of a head every 100 ms. RFC 9110
        // §15.5.9: the 300 ms head timeout runs from the first byte, so the trickle does not extend
        // it; every one gets 408 and is closed long before its head is complete, and a bystander
        // on a kept-alive connection is answered at every tick.
        let server = try Self.server()
        let head = Array(
            "GET /hello HTTP/1.1\r\nHost: t\r\nX-Trickle: \(String(repeating: "t", count: 40))\r\n\r\n".utf8)
        let tricklers = try (0..<50).map { _ in try server.client(timeoutSeconds: 3) }
        let bystander = try server.client()
        var firstByteAt: [Int32: Date] = [:]
        var cutOff: [Int32: (status: Int, seconds: Double, bytesSent: Int)] = [:]
        let deadline = Date().addingTimeInterval(4)
        var offset = 0
        while cutOff.count < tricklers.count, offset < head.count, Date() < deadline {
            let tick = Date()
            for client in tricklers where cutOff[client.fd] == nil {
                if (try? client.send([head[offset]])) != nil, firstByteAt[client.fd] == nil {
                    firstByteAt[client.fd] = Date()
                }
            }
            offset += 1
            #expect(try bystander.request("GET", "/items/\(offset)").bodyText == "item \(offset)")
            let left = Int32(max(0, 100 - Date().timeIntervalSince(tick) * 1000))
            let ready = Self.readable(tricklers.filter { cutOff[$0.fd] == nil }, milliseconds: left)
            for client in tricklers where ready.contains(client.fd) {
                let status = (try? client.readResponse().status) ?? 0
                let seconds = Date().timeIntervalSince(firstByteAt[client.fd] ?? tick)
                cutOff[client.fd] = (status, seconds, offset)
                #expect(client.readsEndOfStream())
            }
            let remaining = 0.1 - Date().timeIntervalSince(tick)
            if remaining > 0 { usleep(UInt32(remaining * 1_000_000)) }
        }
        #expect(cutOff.count == tricklers.count, "\(tricklers.count - cutOff.count) trickling heads were never cut off")
        for (_, result) in cutOff {
            #expect(result.status == 408)
            #expect(result.seconds >= 0.25 && result.seconds < 1.5, "cut off after \(result.seconds) s")
            #expect(result.bytesSent < head.count / 2)
        }
        Self.expectStillServes(server)
    }

    struct OversizedCase: CustomTestStringConvertible, Sendable {
        let name: String
        let head: String
        let body: [UInt8]
        var testDescription: String { name }
    }

    static let fourMiB = 4 * 1024 * 1024
    static let chunkedFourMiB: [UInt8] = {
        let chunk = Array("2000\r\n".utf8) + [UInt8](repeating: 120, count: 8192) + Array("\r\n".utf8)
        return Array((0..<512).map { _ in chunk }.joined()) + Array("0\r\n\r\n".utf8)
    }()

    @Test(arguments: [
        OversizedCase(
            name: "RFC 9110 §15.5.14 Content-Length past the limit, 4 MiB sent without Expect",
            head: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(fourMiB)\r\n\r\n",
            body: [UInt8](repeating: 120, count: fourMiB)),
        OversizedCase(
            name: "RFC 9112 §7.1 chunked body growing past the limit, 4 MiB sent without Expect",
            head: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", body: chunkedFourMiB),
    ])
    func bodyPastTheLimitSentWholeIs413AndClosed(_ row: OversizedCase) throws {
        let config = ServerConfiguration(limits: ParserLimits(maxBodyBytes: 64 * 1024), timeouts: Self.shortTimeouts)
        let server = try Self.server(config)
        let client = try server.client()
        // The whole body goes out at once, as a client that never asked whether it may send it;
        // once the server has answered, a refused write is expected.
        try? client.send(Array(row.head.utf8) + row.body)
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
        #expect(client.readsEndOfStream())
        #expect(server.waitForConnections { $0 == 0 })
        Self.expectStillServes(server)
    }

    /// SplitMix64: a small fixed-seed generator, so that every run sends the same garbage.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What garbage starts with, to reach different depths of the parser; the last is a complete
    /// request, answered before the garbage that follows it.
    static let garbagePrefixes = [
        "", "GET /", "GET /hello HTTP/1.1\r\n", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n",
        "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n",
    ]

    @Test func randomBytesGetA4xxOrACloseAndNeverACrash() throws {
        // RFC 9112 §2.2: octets that do not match the message grammar get 400 and a close; a head
        // left unfinished gets 408 at the head timeout. Never a 2xx or 5xx, never a hang.
        let server = try Self.server()
        var generator = SplitMix64(state: 0x6E6F_7461_7065_7374)
        var clients: [(client: TestClient, answersFirst: Bool)] = []
        for n in 0..<300 {
            let prefix = Self.garbagePrefixes[n % Self.garbagePrefixes.count]
            let length = Int.random(in: 1...2048, using: &generator)
            let garbage = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let client = try server.client(timeoutSeconds: 3)
            try? client.send(Array(prefix.utf8) + garbage)
            clients.append((client, prefix.hasSuffix("\r\n\r\n")))
        }
        var closed = 0
        var statuses: [Int: Int] = [:]
        for (client, answersFirst) in clients {
            if answersFirst { #expect(try client.readResponse().status == 200) }
            do {
                let status = try client.readResponse().status
                statuses[status, default: 0] += 1
            } catch let error as TestClient.ClientError where !error.description.hasPrefix("timed out") {
                closed += 1
            }
        }
        #expect(closed + statuses.values.reduce(0, +) == clients.count, "some connections got no answer at all")
        #expect(statuses.keys.allSatisfy { (400..<500).contains($0) }, "statuses: \(statuses)")
        #expect(server.waitForConnections { $0 == 0 })
        Self.expectStillServes(server)
    }

    struct SmugglingCase: CustomTestStringConvertible, Sendable {
        let name: String
        let request: String
        var testDescription: String { name }
    }

    static let hidden = "GET /counted HTTP/1.1\r\nHost: t\r\n\r\n"

    @Test(arguments: [
        SmugglingCase(
            name: "RFC 9112 §6.1 Content-Length with Transfer-Encoding: chunked, request after the last chunk",
            request: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(5 + hidden.utf8.count)\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n\(hidden)"),
        SmugglingCase(
            name: "RFC 9112 §6.1 Transfer-Encoding: chunked then a short Content-Length, request in a chunk",
            request: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n"
                + "\(String(hidden.utf8.count, radix: 16))\r\n\(hidden)\r\n0\r\n\r\n"),
        SmugglingCase(
            name: "RFC 9112 §6.3 two different Content-Length values",
            request:
                "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: \(5 + hidden.utf8.count)\r\n"
                + "\r\nhello\(hidden)"),
        SmugglingCase(
            name: "RFC 9112 §5.2 Transfer-Encoding hidden in an obs-fold line",
            request: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(5 + hidden.utf8.count)\r\nX-Fold: a\r\n"
                + " Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n\(hidden)"),
        SmugglingCase(
            name: "RFC 9112 §5.1 whitespace between Transfer-Encoding and its colon",
            request: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(5 + hidden.utf8.count)\r\n"
                + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n\(hidden)"),
    ])
    func smugglingPairIs400AndTheHiddenRequestNeverRuns(_ row: SmugglingCase) throws {
        let calls = Atomic<Int>(0)
        let server = try Self.server { router in
            router.add("GET", "/counted") { _ in
                calls.wrappingAdd(1, ordering: .relaxed)
                return .text("counted")
            }
            TestServer.standardRoutes(&router)
        }
        let client = try server.client()
        try client.send(row.request)
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.header("Connection") == "close")
        #expect(client.readsEndOfStream())
        #expect(calls.load(ordering: .relaxed) == 0, "the request hidden in the body was executed")
        // The route does count: asked openly, it runs once.
        #expect(try server.client().request("GET", "/counted").bodyText == "counted")
        #expect(calls.load(ordering: .relaxed) == 1)
        Self.expectStillServes(server)
    }
}
