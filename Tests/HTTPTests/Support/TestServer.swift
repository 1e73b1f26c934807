import Foundation
import HTTP
import TestSupport

/// The real server on an ephemeral loopback port, stopped when the test is done.
final class TestServer {
    let server: HTTPServer
    var port: Int { server.port }

    init(configuration: ServerConfiguration = ServerConfiguration(), routes: (inout Router) -> Void) throws {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        if configuration.eventLoops == 0 { configuration.eventLoops = 2 }
        configuration.accessLog = .off
        var router = Router()
        routes(&router)
        server = try HTTPServer(configuration: configuration, router: router)
        try server.start()
    }

    deinit { server.shutdown() }

    func client(timeoutSeconds: Double = 5) throws -> TestClient {
        try TestClient(port: port, timeoutSeconds: timeoutSeconds)
    }

    /// Waits (bounded) until the server's open connection count satisfies `condition`.
    func waitForConnections(timeoutSeconds: Double = 5, _ condition: (Int) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            if condition(server.openConnections) { return true }
            usleep(5_000)
        }
        return condition(server.openConnections)
    }

    /// A router with the routes most tests use.
    static func standardRoutes(_ router: inout Router) {
        router.add("GET", "/hello") { _ in .text("hello") }
        router.add("POST", "/echo") { request in
            Response(status: 200, contentType: "application/octet-stream", body: request.body)
        }
        router.add("GET", "/items/:id") { request in .text("item \(request.parameters["id"] ?? "?")") }
        router.add("DELETE", "/items/:id") { _ in Response(status: 204) }
        router.add("GET", "/boom") { _ in throw BoomError() }
        router.add("GET", "/teapot") { _ in throw HTTPError(418, "short and stout") }
    }

    struct BoomError: Error {
        let secret = "database password is hunter2"
    }
}
