import SQLite
import Testing

@testable import Store

@Suite("Keyset pagination: pages in order, a cursor only when more remain, stable under inserts")
struct PaginationTests {
    /// Seven rows read `limit` at a time must come back whole, in order, in `pages` pages.
    struct Case: CustomTestStringConvertible, Sendable {
        let limit: Int
        let pages: Int
        var testDescription: String { "limit \(limit) over 7 rows: \(pages) pages" }
    }

    static let cases = [
        Case(limit: 1, pages: 7), Case(limit: 2, pages: 4), Case(limit: 3, pages: 3), Case(limit: 6, pages: 2),
        Case(limit: 7, pages: 1), Case(limit: 50, pages: 1), Case(limit: 0, pages: 7),
    ]

    @Test("contacts, by id ascending (a limit below 1 counts as 1)", arguments: cases)
    func contacts(_ row: Case) throws {
        let database = try Fixture.database()
        for index in 1...7 {
            try Fixture.contact(database, "Contact \(index)")
        }
        var seen: [Int64] = []
        var cursor: IDCursor?
        var pages = 0
        repeat {
            let page = try database.contacts(after: cursor, limit: row.limit)
            seen += page.items.map(\.id)
            pages += 1
            #expect(page.nextCursor == nil || page.nextCursor == page.items.last.map { IDCursor(lastId: $0.id) })
            cursor = page.nextCursor
        } while cursor != nil && pages < 20
        #expect(seen == Array(1...7))
        #expect(pages == row.pages)
    }

    @Test("applications, by id ascending", arguments: cases)
    func applications(_ row: Case) throws {
        let database = try Fixture.database()
        for _ in 1...7 {
            try Fixture.application(database)
        }
        var seen: [Int64] = []
        var cursor: IDCursor?
        var pages = 0
        repeat {
            let page = try database.applications(matching: ApplicationFilter(), after: cursor, limit: row.limit)
            seen += page.items.map(\.id)
            pages += 1
            cursor = page.nextCursor
        } while cursor != nil && pages < 20
        #expect(seen == Array(1...7))
        #expect(pages == row.pages)
    }

    @Test("rows inserted or deleted between pages neither repeat nor skip a row already listed")
    func stableUnderWrites() throws {
        let database = try Fixture.database()
        for index in 1...4 {
            try Fixture.contact(database, "Contact \(index)")
        }
        let first = try database.contacts(after: nil, limit: 2)
        #expect(first.items.map(\.id) == [1, 2])
        _ = try database.deleteContact(id: 1, expectedVersion: nil)
        try Fixture.contact(database, "Contact 5")
        let second = try database.contacts(after: first.nextCursor, limit: 2)
        #expect(second.items.map(\.id) == [3, 4])
        let third = try database.contacts(after: second.nextCursor, limit: 2)
        #expect(third.items.map(\.id) == [5])
        #expect(third.nextCursor == nil)
    }

    @Test("events come oldest first by occurred_at, ties by id, across pages", arguments: [1, 2, 3, 5, 10])
    func events(_ limit: Int) throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let other = try Fixture.application(database)
        // Inserted out of time order; ids 2 and 4 share a time, as do 1 and 5.
        let times: [Int64] = [300, 200, 100, 200, 300]
        for time in times {
            try Fixture.event(database, on: application.id, at: time)
        }
        try Fixture.event(database, on: other.id, at: 150)
        var seen: [Int64] = []
        var cursor: EventCursor?
        var pages = 0
        repeat {
            let page = try database.events(ofApplication: application.id, after: cursor, limit: limit)
            seen += page.items.map(\.id)
            pages += 1
            cursor = page.nextCursor
        } while cursor != nil && pages < 20
        #expect(seen == [3, 2, 4, 1, 5])
        #expect(try database.allEvents(ofApplication: application.id).map(\.id) == [3, 2, 4, 1, 5])
    }

    @Test("an event inserted between pages at an earlier time does not disturb the later pages")
    func eventsStableUnderInserts() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        for time: Int64 in [10, 20, 30, 40] {
            try Fixture.event(database, on: application.id, at: time)
        }
        let first = try database.events(ofApplication: application.id, after: nil, limit: 2)
        #expect(first.nextCursor == EventCursor(occurredAt: 20, id: 2))
        try Fixture.event(database, on: application.id, at: 5)
        try Fixture.event(database, on: application.id, at: 20)
        let second = try database.events(ofApplication: application.id, after: first.nextCursor, limit: 10)
        #expect(second.items.map(\.id) == [6, 3, 4])
        #expect(second.nextCursor == nil)
    }

    @Test("events on a page carry their interviewers and violations")
    func eventDetailsOnPages() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let ivan = try Fixture.contact(database, "Ivan")
        let violation = StoredViolation(rule: "follow-up-gap", severity: "block", message: "soon")
        let interview = try Fixture.event(database, on: application.id, "interview", at: 1, interviewerIds: [ivan.id])
        let forced = try Fixture.event(database, on: application.id, "follow_up", at: 2, violations: [violation])
        let page = try database.events(ofApplication: application.id, after: nil, limit: 5)
        #expect(page.items == [interview, forced])
        #expect(page.items.first?.interviewerIds == [ivan.id])
        #expect(page.items.last?.violations == [violation])
    }
}
