import Foundation
import Guidance
import Store
import Testing
import Time

@testable import API

/// The agenda's facts come from the timeline cache where it holds them and from the database, a part at a
/// time, where it does not: whatever the budget and the part size, the agenda is the same.
@Suite struct AgendaFactsTests {
    /// Eleven applications on a recruiter route, every third with an interview.
    static func seeded(_ arguments: [String] = []) throws -> InProcessAPI {
        let api = try InProcessAPI(arguments: arguments)
        _ = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Sam","role":"interviewer"}"#)
        for n in 1...11 {
            let id = try api.create(
                "/v1/applications", #"{"employer":"E\#(n)","route":"recruiter_submitted","recruiter_id":1}"#)
            _ = try api.create(
                "/v1/applications/\(id)/events",
                #"{"kind":"resume_sent","occurred_at":"2026-10-2\#(n % 9)T10:00:00Z","contact_id":1,"channel":"email"}"#
            )
            if n % 3 == 0 {
                _ = try api.create(
                    "/v1/applications/\(id)/events",
                    #"{"kind":"interview","occurred_at":"2026-11-01T15:00:00Z","interviewer_ids":[2]}"#)
            }
        }
        return api
    }

    @Test(arguments: [0, 1 << 10, 64 << 20], [(1, 8_192), (4, 8_192), (4_096, 8_192), (4_096, 1)])
    func sameFactsWhateverTheBudgetAndThePartSize(budget: Int, part: (size: Int, events: Int)) throws {
        let partSize = part.size
        let api = try Self.seeded()
        // A store of its own, whose reader belongs to this test's thread.
        let store = try Store(path: api.directory.appendingPathComponent("t.sqlite").path, readers: 1)
        defer { store.close() }
        let context = try APIContext(store: store, now: { Instant(millis: 0) }, cacheBytes: budget)
        // Half the applications in the cache, half not.
        for id in stride(from: 1, through: 11, by: 2) { _ = try context.timeline(Int64(id)) }
        var parts: [[Int]] = []
        try context.forEachFactsPart(partSize: partSize, eventsPerPart: part.events) { facts in
            parts.append(facts.map(\.id))
        }
        #expect(parts.flatMap { $0 } == Array(1...11))
        #expect(parts.allSatisfy { $0.count <= partSize })
        #expect(context.timelines.usage.bytes <= budget)
        // The same facts as one read of everything would give.
        let whole = try context.read { db in try db.timelines(ofApplications: Array(1...11)) }
        var collected: [ApplicationFacts] = []
        try context.forEachFactsPart(partSize: partSize, eventsPerPart: part.events) { collected += $0 }
        #expect(collected.count == whole.count)
        for (facts, timeline) in zip(collected, whole) {
            #expect(facts == (try Facts.application(timeline, statuses: [:])))
        }
    }

    @Test func anAgendaWithoutACacheEqualsOneWithIt() throws {
        let cached = try Self.seeded()
        let body = try cached.call("GET", "/v1/agenda?as_of=2026-11-02T00:00:00Z").bodyText
        #expect(body.contains("send_thank_you"))
        let uncached = try Self.seeded(["--cache-mib", "0"])
        #expect(try uncached.call("GET", "/v1/agenda?as_of=2026-11-02T00:00:00Z").bodyText == body)
    }
}
