import Dispatch
import Foundation
import Glibc
import TestSupport
import Testing

/// Imports run one at a time: another meanwhile is 503 with `Retry-After` (RFC 9110 §15.6.4, §10.2.3), and the
/// gate is open again by the time the first one is answered.
@Suite struct ImportGateAPITests {
    /// The descriptor of the first of `clients` with something to read, waiting at most `milliseconds`.
    static func firstReadable(_ clients: [TestClient], milliseconds: Int32) -> Int32? {
        var entries = clients.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        guard poll(&entries, nfds_t(entries.count), milliseconds) > 0 else { return nil }
        return entries.first { $0.revents != 0 }?.fd
    }

    @Test func anImportWhileAnotherRunsIs503AndTheGateOpensWithTheFirstAnswer() throws {
        let api = try APIServer()
        let body = try DataAPITests.text(DataAPITests.base())
        // The writer is held, so whichever import gets the gate first keeps it until it is let go.
        let gate = DispatchSemaphore(value: 0)
        let released = DispatchSemaphore(value: 0)
        api.store.submit({ _ in gate.wait() }) { _ in released.signal() }
        // Let go on every way out, or the server could not close.
        var holding = true
        defer { if holding { gate.signal() } }
        let request =
            "POST /v1/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        let clients = [try api.client(), try api.client()]
        for client in clients { try client.send(request) }
        let first = try #require(Self.firstReadable(clients, milliseconds: 10_000), "neither import was answered")
        let refused = try #require(clients.first { $0.fd == first })
        let waiting = try #require(clients.first { $0.fd != first })
        let busy = try refused.readResponse()
        #expect(busy.status == 503, "\(busy.bodyText)")
        #expect(busy.header("Retry-After") == "1")
        #expect(busy.header("Content-Type") == "application/problem+json")
        #expect(try busy.decode(ProblemBody.self).type == "/problems/busy")
        gate.signal()
        holding = false
        released.wait()
        #expect(try waiting.readResponse().status == 201)
        // Answered, the first import has left the gate: the next one is read, and finds the database full.
        #expect(try api.call("POST", "/v1/import", body).status == 409)
    }
}
