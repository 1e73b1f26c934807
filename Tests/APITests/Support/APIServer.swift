import API
import App
import Foundation
import HTTP
import Store
import TestSupport

/// The whole service on an ephemeral port with a temporary database and a clock the test sets, for the tests
/// whose subject is HTTP itself: connections, `Host`, tokens, limits, what travels on the wire, requests at once.
final class APIServer: APICalling {
    let running: Service.Running
    var server: HTTPServer { running.server }
    var store: Store { running.store }
    let directory: URL
    let clock: TestClock

    init(now: String = "2026-11-02T12:00:00Z", arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("notapest-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clock = TestClock(now)
        var options = try ServeOptions.parse(
            ["--port", "0", "--quiet", "--event-loops", "2", "--db", directory.appendingPathComponent("t.sqlite").path]
                + arguments, environment: [:])
        options.host = "127.0.0.1"
        let clock = self.clock
        running = try Service.start(options, now: { clock.now() })
    }

    deinit {
        running.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    var port: Int { server.port }

    func client() throws -> TestClient { try TestClient(port: port) }

    /// One request on a fresh connection.
    func send(
        _ method: String, _ target: String, body: String?, contentType: String?, headers: [(String, String)]
    ) throws -> RawResponse {
        try client().request(method, target, body: body, contentType: contentType, headers: headers)
    }
}
