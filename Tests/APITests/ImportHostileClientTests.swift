import Dispatch
import Foundation
import Glibc
import Synchronization
import TestSupport
import Testing

/// Clients that send `POST /v1/import` bodies made to cost the server as much as a few MiB can: values as small as
/// `0` or `{}` by the million, each a fault. Whatever they send, the answer names at most 100 faults, `/healthz`
/// answers promptly meanwhile, and the memory the server takes is a small multiple of the body and is given
/// back. The server is the built `notapest serve` in a process of its own, so that what the tests running beside
/// these take does not count as the import's (`/proc/PID/status`).
@Suite(.serialized) struct ImportHostileClientTests {
    /// One hostile body and the answer it must get.
    struct Garbage: Sendable, CustomTestStringConvertible {
        let name: String
        let status: Int
        let body: @Sendable () -> [UInt8]
        var testDescription: String { name }
    }

    static let bodySize = 4 << 20
    static let mib = 1 << 20

    /// How much the resident set may grow while an import of `body` is read, stored or refused: the body
    /// arrives in a buffer and is kept as the request's, and valid records take about as much again as their text.
    static func peakAllowed(_ body: [UInt8]) -> Int { 6 * body.count }

    /// How far above where it was the resident set may stay once the import is answered.
    static func settledAllowed(_ body: [UInt8]) -> Int { body.count }

    /// `prefix`, then `unit(i)` for i = 0, 1, … until the body is about `bodySize` bytes, then `suffix`.
    static func filled(_ prefix: String, _ suffix: String, unit: (Int) -> String) -> [UInt8] {
        var bytes = Array(prefix.utf8)
        bytes.reserveCapacity(bodySize + 64)
        var index = 0
        while bytes.count < bodySize {
            bytes += unit(index).utf8
            index += 1
        }
        return bytes + suffix.utf8
    }

    static let head = #"{"format":"notapest-export","version":1,"settings":{},"#

    static let garbage: [Garbage] = [
        // A document that is right but for its records, so that they are all read and checked.
        Garbage(name: "contacts: 0,0,0,…", status: 400) {
            filled(head + #""applications":[],"events":[],"contacts":["#, "0]}") { _ in "0," }
        },
        Garbage(name: "contacts: {},{},{},…", status: 400) {
            filled(head + #""applications":[],"events":[],"contacts":["#, "{}]}") { _ in "{}," }
        },
        Garbage(name: "contacts: {},{},{},… with no other member", status: 400) {
            filled(#"{"contacts":["#, "{}]}") { _ in "{}," }
        },
        Garbage(name: "events: {},{},{},…", status: 400) {
            filled(head + #""contacts":[],"applications":[],"events":["#, "{}]}") { _ in "{}," }
        },
        Garbage(name: "unknown members by the million", status: 400) { filled("{", #""end":0}"#) { #""m\#($0)":0,"# } },
        Garbage(name: "one contact of a million values", status: 400) {
            filled(#"{"contacts":[{"id":1,"x":["#, "0]}]}") { _ in "0," }
        },
        Garbage(name: "valid contacts that all share one id", status: 422) {
            let contact =
                #"{"id":7,"name":"A","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"},"#
            let tail = #"{"id":8,"name":"B","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}],"#
            return filled(head + #""contacts":["#, tail + #""applications":[],"events":[]}"#) { _ in contact }
        },
    ]

    /// The server's resident set (`VmRSS`), or its peak since `resetPeak()` (`VmHWM`), in bytes.
    static func memory(_ pid: Int32, _ field: String) -> Int { ServerProcess.memoryKiB(of: pid, field) * 1024 }

    /// What one import cost, as seen from here.
    struct Cost {
        var response: RawResponse
        var seconds: Double
        var peakGrowth: Int
        var slowestHealth: Double
        var healthChecks: Int
        var residentAfter: Int
        var baseline: Int
    }

    /// What the `/healthz` asker saw.
    struct Health: Sendable {
        var slowest = 0.0
        var checks = 0
        var failures = 0
        var sampledPeak = 0
    }

    /// Sends the body as an import on one connection while another thread asks `/healthz` again and again on
    /// fresh connections (which the server spreads over its event loops), until the import is answered.
    static func measure(_ api: ServerProcess, _ body: [UInt8], settle: Bool = true) throws -> Cost {
        let pid = api.process.processIdentifier
        let baseline = memory(pid, "VmRSS")
        let peakWasReset = api.resetPeak()
        let answered = Atomic<Bool>(false)
        let health = Mutex(Health(sampledPeak: baseline))
        let asking = DispatchSemaphore(value: 0)
        let port = api.port
        DispatchQueue.global().async {
            repeat {
                let asked = Date()
                let status = (try? TestClient(port: port).request("GET", "/healthz"))?.status
                let seconds = Date().timeIntervalSince(asked)
                let resident = peakWasReset ? 0 : memory(pid, "VmRSS")
                health.withLock { seen in
                    seen.slowest = max(seen.slowest, seconds)
                    seen.checks += 1
                    seen.failures += status == 200 ? 0 : 1
                    seen.sampledPeak = max(seen.sampledPeak, resident)
                }
            } while !answered.load(ordering: .acquiring)
            asking.signal()
        }
        let started = Date()
        let sent = Result {
            let client = try TestClient(port: port, timeoutSeconds: 60)
            try client.send(
                "POST /v1/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: \(body.count)\r\n\r\n")
            try client.send(body)
            return try client.readResponse()
        }
        let seconds = Date().timeIntervalSince(started)
        // However the import ended, the asker stops before anything is read of what it saw.
        answered.store(true, ordering: .releasing)
        asking.wait()
        let response = try sent.get()
        let seen = health.withLock { $0 }
        #expect(seen.failures == 0)
        let peak = peakWasReset ? memory(pid, "VmHWM") : seen.sampledPeak
        // A bounded wait for the memory to be given back, not a fixed sleep.
        let settled = Date().addingTimeInterval(5)
        var after = memory(pid, "VmRSS")
        while settle, after > baseline + settledAllowed(body), Date() < settled {
            usleep(10_000)
            after = memory(pid, "VmRSS")
        }
        return Cost(
            response: response, seconds: seconds, peakGrowth: peak - baseline, slowestHealth: seen.slowest,
            healthChecks: seen.checks, residentAfter: after, baseline: baseline)
    }

    @Test(arguments: garbage)
    func garbageCostsLittleAndLeavesNothing(_ garbage: Garbage) throws {
        // One event loop, so that every body is read on the same thread, into the same heap.
        let api = try ServerProcess(["--event-loops", "1"])
        let body = garbage.body()
        // A first import pays for what is made once (threads, tables, caches, and the heap the body is read into:
        // blocks under 8 MiB are kept for the next request, Memory.mmapThreshold); the ones measured come after.
        _ = try Self.measure(api, body, settle: false)
        var costs: [Cost] = []
        // The server's memory moves with its own threads too (the /healthz asker's connections, the allocator's
        // arenas): the least of three tries is the closest to what the import alone took.
        for _ in 0..<3 {
            let cost = try Self.measure(api, body)
            costs.append(cost)
            #expect(cost.response.status == garbage.status, "\(String(cost.response.bodyText.prefix(300)))")
            #expect((1...100).contains(try cost.response.decode(ProblemBody.self).fields.count))
            #expect(cost.healthChecks >= 1)
            #expect(cost.slowestHealth < 0.5, "GET /healthz waited \(cost.slowestHealth) s")
            let settled = cost.residentAfter - cost.baseline
            if cost.peakGrowth <= Self.peakAllowed(body) && settled <= Self.settledAllowed(body) { break }
        }
        let best = costs.min { $0.peakGrowth < $1.peakGrowth }
        let peak = best?.peakGrowth ?? .max
        let settled = costs.map { $0.residentAfter - $0.baseline }.min() ?? .max
        print(
            "\(garbage.name): \(body.count / Self.mib) MiB body, peak +\(peak / Self.mib) MiB, "
                + "after +\(settled / Self.mib) MiB, \(String(format: "%.3f", best?.seconds ?? 0)) s, "
                + "slowest /healthz \(String(format: "%.3f", costs.map(\.slowestHealth).max() ?? 0)) s")
        #expect(peak <= Self.peakAllowed(body), "peak resident set grew by \(peak / Self.mib) MiB")
        #expect(
            settled <= Self.settledAllowed(body), "resident set stayed \(settled / Self.mib) MiB above where it was")
    }
}
