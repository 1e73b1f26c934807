import API
import App
import Foundation
import HTTP
import Store
import Synchronization
import TestSupport

/// The whole service on an ephemeral port with a temporary database and a clock the test sets.
final class APIServer {
    let server: HTTPServer
    let store: Store
    let directory: URL
    let clock: Clock

    final class Clock: Sendable {
        private let value: Mutex<Int64>
        init(_ millis: Int64) { value = Mutex(millis) }
        func now() -> Int64 { value.withLock { $0 } }
        func set(_ text: String) {
            guard let millis = Timestamp.parse(text) else { return }
            value.withLock { $0 = millis }
        }
    }

    init(now: String = "2026-11-02T12:00:00Z", arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("notapest-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        clock = Clock(Timestamp.parse(now) ?? 0)
        var options = try ServeOptions.parse(
            ["--port", "0", "--quiet", "--event-loops", "2", "--db", directory.appendingPathComponent("t.sqlite").path]
                + arguments, environment: [:])
        options.host = "127.0.0.1"
        let clock = self.clock
        (server, store) = try Service.start(options, now: { clock.now() })
    }

    deinit {
        server.shutdown()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    var port: Int { server.port }

    func client() throws -> TestClient { try TestClient(port: port) }

    /// One request on a fresh connection.
    func call(_ method: String, _ target: String, _ body: String? = nil, headers: [(String, String)] = [])
        throws -> RawResponse
    {
        try client().request(method, target, body: body, headers: headers)
    }

    /// Creates a resource and returns its id, failing loudly otherwise.
    func create(_ target: String, _ body: String) throws -> Int {
        let response = try call("POST", target, body)
        guard response.status == 201, let id = response.object["id"] as? Int else {
            throw TestClient.ClientError(description: "POST \(target) gave \(response.status): \(response.bodyText)")
        }
        return id
    }
}
