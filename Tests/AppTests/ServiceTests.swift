import App
import Foundation
import HTTP
import TestSupport
import Testing

/// What `Service.start` makes is let go once the caller stops and drops it: a server kept alive by its own
/// metrics would keep every event loop's epoll set and eventfd open, four descriptors a start with two loops.
@Suite struct ServiceTests {
    @Test func aStoppedServiceLetsGoOfItsServer() throws {
        try ScratchDirectory.with { scratch in
            let options = try ServeOptions.parse(
                ["--port", "0", "--quiet", "--event-loops", "2", "--db", scratch.path("t.sqlite")], environment: [:])
            weak var released: HTTPServer?
            do {
                let running = try Service.start(options)
                released = running.server
                #expect(try TestClient(port: running.server.port).request("GET", "/metrics").status == 200)
                running.stop()
            }
            #expect(released == nil, "the server outlived its last owner")
        }
    }
}
