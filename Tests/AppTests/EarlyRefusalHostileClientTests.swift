import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

/// Clients that send what the head of their request already refuses (no token, an unknown path or method, a
/// media type no route takes, a body over the limit), over real sockets to the real binary: the answer comes
/// from the head, before a byte of the body is read and without 100 (Continue), so such bodies cost the server
/// nothing (RFC 9110 §10.1.1).
@Suite struct EarlyRefusalHostileClientTests {
    static let token = "s3cret-token"
    static let importHead = "POST /v1/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"

    /// Heads whose answer does not depend on a body the client never sends (each declares 60 MiB).
    static let refusals: [(name: String, head: String, status: Int)] = [
        ("no token", importHead, 401),
        ("a wrong token", importHead + "Authorization: Bearer nope\r\n", 401),
        ("two tokens", importHead + "Authorization: Bearer \(token)\r\nAuthorization: Bearer \(token)\r\n", 400),
        ("no token, waiting for 100", importHead + "Expect: 100-continue\r\n", 401),
        ("unknown path", "POST /v1/nothing HTTP/1.1\r\nHost: localhost\r\n", 404),
        ("method the path does not take", "PUT /v1/import HTTP/1.1\r\nHost: localhost\r\n", 405),
        (
            "a form instead of JSON",
            "POST /v1/contacts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n", 415
        ),
        ("authorised, over the import limit", importHead + "Authorization: Bearer \(token)\r\n", 413),
        (
            "authorised, over the limit elsewhere",
            "POST /v1/contacts HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer \(token)\r\n", 413
        ),
    ]

    @Test(arguments: refusals)
    func refusedFromTheHeadWithoutTheBody(row: (name: String, head: String, status: Int)) throws {
        let server = try ServerProcess(["--token", Self.token, "--max-import-bytes", "\(32 << 20)"])
        let client = try TestClient(port: server.port)
        // 60 MiB declared, none sent: an answer can only come from the head.
        try client.send(row.head + "Content-Length: 62914560\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == row.status, "\(row.name)")
        #expect(response.header("Content-Type") == "application/problem+json", "\(row.name)")
        #expect(response.header("Connection") == "close", "\(row.name): a body that is never read must end it")
        #expect(client.readsEndOfStream(), "\(row.name)")
    }

    @Test func anAuthorisedImportWithinItsLimitIsRead() throws {
        // The larger import limit is the authorised client's: its body is read (here it is not a valid
        // document, which only reading it can tell).
        let server = try ServerProcess(["--token", Self.token])
        let client = try TestClient(port: server.port)
        let body = "{\"format\":\"x\"}" + String(repeating: " ", count: 2 << 20)
        try client.send(
            Self.importHead + "Authorization: Bearer \(Self.token)\r\nExpect: 100-continue\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send(body)
        let response = try client.readResponse()
        #expect(response.status == 400 || response.status == 422)
    }

    @Test func aShortRefusedBodyIsSkippedAndTheConnectionKept() throws {
        let server = try ServerProcess(["--token", Self.token])
        let client = try TestClient(port: server.port)
        let body = #"{"name":"Ann"}"#
        try client.send(
            "POST /v1/contacts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
                + "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try client.readResponse().status == 401)
        let health = try client.readResponse()
        #expect(health.status == 200)
        #expect(health.bodyText == #"{"status":"ok"}"#)
    }

    @Test func eightClientsPushingUnauthorisedBodiesDoNotGrowTheServer() throws {
        // Each client declares 60 MiB and pushes up to 16 MiB of it after its 401; before any body was read
        // ahead of its answer, each such connection held its whole body (the issue measured +130 MB each).
        let server = try ServerProcess(["--token", Self.token])
        for _ in 0..<20 { _ = try TestClient(port: server.port).request("GET", "/healthz") }
        let before = server.memoryKiB("VmHWM")
        let statuses = Mutex<[Int]>([])
        let pushed = Mutex<[Int]>([])
        let port = server.port
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            guard let client = try? TestClient(port: port, timeoutSeconds: 5) else { return }
            try? client.send(Self.importHead + "Content-Length: 62914560\r\n\r\n")
            let status = (try? client.readResponse().status) ?? 0
            statuses.withLock { $0.append(status) }
            let chunk = [UInt8](repeating: 0x20, count: 64 * 1024)
            var sent = 0
            while sent < 16 << 20, (try? client.send(chunk)) != nil { sent += chunk.count }
            pushed.withLock { $0.append(sent) }
        }
        let after = server.memoryKiB("VmHWM")
        #expect(statuses.withLock { $0 } == [Int](repeating: 401, count: 8))
        // The lingering close reads at most its budget before it gives up on a client that keeps sending.
        #expect(pushed.withLock { $0 }.allSatisfy { $0 < 16 << 20 }, "\(pushed.withLock { $0 })")
        #expect(after - before < 4 * 1024, "peak RSS grew from \(before) KiB to \(after) KiB")
        #expect(try TestClient(port: server.port).request("GET", "/healthz").status == 200)
    }
}
