import App
import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

/// Configuration of auth, and the operator's subcommands against a running server.
@Suite struct OperationsTests {
    struct TokenCase: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let environment: [String: String]
        let token: String?
        let refused: Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        TokenCase(name: "loopback needs no token", arguments: [], environment: [:], token: nil, refused: false),
        TokenCase(
            name: "a public address without a token is refused", arguments: ["--host", "0.0.0.0"],
            environment: [:], token: nil, refused: true),
        TokenCase(
            name: "IPv6 any without a token is refused", arguments: ["--host", "::"], environment: [:],
            token: nil, refused: true),
        TokenCase(
            name: "a public address with a token", arguments: ["--host", "0.0.0.0"],
            environment: ["NOTAPEST_TOKEN": "abc"], token: "abc", refused: false),
        TokenCase(
            name: "knowingly open", arguments: ["--host", "0.0.0.0", "--insecure-no-auth"], environment: [:],
            token: nil, refused: false),
        TokenCase(
            name: "a token with a space is refused", arguments: ["--token", "a b"], environment: [:], token: nil,
            refused: true),
    ])
    func tokens(_ row: TokenCase) throws {
        let options = try ServeOptions.parse(row.arguments, environment: row.environment)
        if row.refused {
            #expect(throws: UsageError.self) { _ = try options.resolvedToken() }
        } else {
            #expect(try options.resolvedToken() == row.token)
        }
    }

    @Test func tokenFileIsReadAndTrimmed() throws {
        let path = NSTemporaryDirectory() + "/np-token-\(UUID().uuidString)"
        try "  from-a-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { unlink(path) }
        let options = try ServeOptions.parse(["--token-file", path, "--host", "0.0.0.0"], environment: [:])
        #expect(try options.resolvedToken() == "from-a-file")
    }

    @Test func refusesToServeAPublicAddressWithoutAToken() throws {
        #expect(NotAPest.main(["serve", "--host", "0.0.0.0", "--port", "0"], environment: [:]) == 2)
    }

    @Test func healthcheckAndBackupWhileWriting() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("np-ops-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("live.sqlite").path
        let child = try DurabilityTests.Child(database: database)
        defer { child.stop() }
        #expect(NotAPest.main(["healthcheck", "--port", String(child.port)], environment: [:]) == 0)
        #expect(NotAPest.main(["healthcheck", "--port", "1"], environment: [:]) == 1)

        let port = child.port
        let writing = Atomic<Bool>(true)
        let written = Atomic<Int>(0)
        Thread.detachNewThread {
            guard let client = try? TestClient(port: port) else { return }
            _ = try? client.request("POST", "/v1/applications", body: #"{"route":"posted_opening"}"#)
            while writing.load(ordering: .relaxed) {
                let body = #"{"kind":"note","occurred_at":"2026-11-02T09:00:00Z","note":"busy"}"#
                guard (try? client.request("POST", "/v1/applications/1/events", body: body))?.status == 201 else {
                    return
                }
                written.wrappingAdd(1, ordering: .relaxed)
            }
        }
        while written.load(ordering: .relaxed) < 50 { usleep(2_000) }
        let copy = directory.appendingPathComponent("copy.sqlite").path
        #expect(NotAPest.main(["backup", copy, "--db", database], environment: [:]) == 0)
        writing.store(false, ordering: .relaxed)
        #expect(NotAPest.main(["backup", copy, "--db", database], environment: [:]) == 1, "refuses to overwrite")

        // The copy opens as a service database of its own and holds the writes made before it.
        let restored = try DurabilityTests.Child(database: copy)
        defer { restored.stop() }
        let events = try TestClient(port: restored.port).request("GET", "/v1/applications/1/events?limit=200")
        #expect(events.status == 200)
        #expect((events.object["items"] as? [Any])?.count ?? 0 >= 50)
    }
}
