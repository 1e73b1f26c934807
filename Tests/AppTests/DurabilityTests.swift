import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

/// An acknowledged write survives the process being killed: the built server runs as a child
/// process, takes concurrent writes, is killed with SIGKILL mid-stream, and restarts on the same file.
@Suite struct DurabilityTests {
    /// A child `notapest serve` on an ephemeral port.
    final class Child {
        let process = Process()
        let port: Int

        init(database: String) throws {
            process.executableURL = ProcessTests.binary
            process.arguments = ["serve", "--port", "0", "--quiet", "--db", database]
            let stderr = Pipe()
            process.standardError = stderr
            try process.run()
            let line = try ProcessTests().readLine(from: stderr.fileHandleForReading, timeoutSeconds: 20)
            guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
            else { throw TestClient.ClientError(description: "no port in '\(line)'") }
            self.port = port
        }

        func kill() {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func stop() {
            Glibc.kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
    }

    @Test func everyAcknowledgedWriteSurvivesSIGKILL() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("np-durable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("d.sqlite").path

        let first = try Child(database: database)
        let setup = try TestClient(port: first.port)
        #expect(try setup.request("POST", "/v1/applications", body: #"{"route":"posted_opening"}"#).status == 201)

        let port = first.port
        let acknowledged = Mutex<[String]>([])
        let writers = 8
        let done = Atomic<Int>(0)
        for writer in 0..<writers {
            Thread.detachNewThread {
                defer { done.wrappingAdd(1, ordering: .relaxed) }
                guard let client = try? TestClient(port: port, timeoutSeconds: 5) else { return }
                for n in 0..<10_000 {
                    let note = "w\(writer)-n\(n)"
                    let body = "{\"kind\":\"note\",\"occurred_at\":\"2026-11-02T09:00:00Z\",\"note\":\"\(note)\"}"
                    guard let response = try? client.request("POST", "/v1/applications/1/events", body: body),
                        response.status == 201
                    else { return }
                    acknowledged.withLock { $0.append(note) }
                }
            }
        }
        // Kill once a good number of writes were answered, with the writers still going.
        let deadline = Date().addingTimeInterval(20)
        while acknowledged.withLock({ $0.count }) < 300 && Date() < deadline { usleep(5_000) }
        first.kill()
        while done.load(ordering: .relaxed) < writers && Date() < deadline { usleep(5_000) }
        let answered = acknowledged.withLock { $0 }
        #expect(answered.count >= 300)

        let second = try Child(database: database)
        defer { second.stop() }
        var stored: [String] = []
        var cursor: String?
        let reader = try TestClient(port: second.port)
        repeat {
            let target = "/v1/applications/1/events?limit=200" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try reader.request("GET", target)
            #expect(page.status == 200)
            let items = page.object["items"] as? [[String: Any]] ?? []
            stored += items.compactMap { $0["note"] as? String }
            cursor = page.object["next_cursor"] as? String
        } while cursor != nil
        let counts = Dictionary(stored.map { ($0, 1) }, uniquingKeysWith: +)
        let missing = answered.filter { counts[$0] == nil }
        let duplicated = counts.filter { $0.value > 1 }
        #expect(missing.isEmpty, "acknowledged but lost: \(missing.prefix(5))")
        #expect(duplicated.isEmpty, "stored twice: \(duplicated.keys.prefix(5))")
    }
}
