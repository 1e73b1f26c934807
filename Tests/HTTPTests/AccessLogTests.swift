import Foundation
import Glibc
import TestSupport
import Testing

@testable import HTTP

/// One line per request, as text or JSON, never with the query (it may hold a token).
@Suite struct AccessLogTests {
    func lines(_ format: AccessLogFormat, _ record: (inout AccessLog) -> Void) -> String {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return "" }
        defer { close(fds[0]) }
        var log = AccessLog(format: format, fd: fds[1])
        record(&log)
        log.flush()
        close(fds[1])
        var out = [UInt8](repeating: 0, count: 4096)
        let n = read(fds[0], &out, out.count)
        return n > 0 ? String(decoding: out[0..<n], as: UTF8.self) : ""
    }

    @Test func textLines() {
        let text = lines(.text) { log in
            log.record(
                time: "2026-11-29T14:00:00Z", method: "GET", path: "/v1/agenda.ics", status: 200, bytes: 15, micros: 42)
            log.record(
                time: "2026-11-29T14:00:01Z", method: "POST", path: "/v1/contacts", status: 201, bytes: 7, micros: 9)
        }
        #expect(
            text
                == "2026-11-29T14:00:00Z GET /v1/agenda.ics 200 15 42us\n2026-11-29T14:00:01Z POST /v1/contacts 201 7 9us\n"
        )
    }

    @Test func jsonLines() throws {
        let text = lines(.json) { log in
            log.record(time: "2026-11-29T14:00:00Z", method: "GET", path: "/a\"b", status: 404, bytes: 3, micros: 5)
        }
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["path"] as? String == "/a\"b")
        #expect(object?["status"] as? Int == 404)
        #expect(object?["us"] as? Int == 5)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func offWritesNothing() {
        #expect(
            lines(.off) { $0.record(time: "t", method: "GET", path: "/", status: 200, bytes: 0, micros: 0) }.isEmpty)
    }

    @Test func theServerLogsEachRequestWithoutItsQuery() throws {
        // The query may carry a feed token; the log line has the path alone.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        var router = Router()
        router.add("GET", "/hello") { _ in .text("hello") }
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0, eventLoops: 1)
        configuration.accessLogDescriptor = fds[1]
        let server = try HTTPServer(configuration: configuration, router: router)
        try server.start()
        let client = try TestClient(port: server.port)
        try client.send("GET /hello?feed_token=secret HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        server.shutdown()
        close(fds[1])
        var out = [UInt8](repeating: 0, count: 4096)
        let n = read(fds[0], &out, out.count)
        let text = String(decoding: out[0..<max(0, n)], as: UTF8.self)
        #expect(text.contains(" GET /hello 200 5 "))
        #expect(!text.contains("secret"))
    }
}
