import SQLite
import Testing

@testable import Store

@Suite("Snoozes: create, list, delete, which are active at an instant, and the purge of expired ones")
struct SnoozeTests {
    @Test("insert assigns an id and the caller's time; get returns it; an unknown application is refused")
    func insertAndGet() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let fields = SnoozeFields(applicationId: application.id, action: "follow_up", contactId: 7, until: 500)
        let snooze = try database.insertSnooze(fields, now: 100)
        #expect(snooze == SnoozeRecord(id: 1, fields, createdAt: 100))
        #expect(try database.snooze(id: 1) == snooze)
        #expect(try database.snooze(id: 2) == nil)
        let without = try database.insertSnooze(
            SnoozeFields(applicationId: application.id, action: "record_directions", until: 500), now: 100)
        #expect(without.contactId == nil)
        let missing = #expect(throws: SQLiteError.self) {
            try database.insertSnooze(SnoozeFields(applicationId: 99, action: "follow_up", until: 1), now: 1)
        }
        #expect(missing?.isForeignKeyViolation == true)
    }

    @Test("delete returns the snooze as it was, then nil")
    func delete() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let snooze = try database.insertSnooze(
            SnoozeFields(applicationId: application.id, action: "follow_up", until: 5), now: 1)
        #expect(try database.deleteSnooze(id: snooze.id) == snooze)
        #expect(try database.deleteSnooze(id: snooze.id) == nil)
        #expect(try database.snooze(id: snooze.id) == nil)
    }

    @Test("deleting an application deletes its snoozes, and no other's")
    func cascade() throws {
        let database = try Fixture.database()
        let gone = try Fixture.application(database)
        let kept = try Fixture.application(database)
        for application in [gone, kept] {
            _ = try database.insertSnooze(
                SnoozeFields(applicationId: application.id, action: "follow_up", until: 5), now: 1)
        }
        _ = try database.deleteApplication(id: gone.id, expectedVersion: nil)
        #expect(try database.activeSnoozes(at: 0).map(\.applicationId) == [kept.id])
    }

    /// A snooze until `now + offset`, and whether it is active at `now`.
    static let activeCases: [(offset: Int64, active: Bool)] = [(-1, false), (0, false), (1, true)]

    @Test("a snooze is active while until > now: at until exactly the item shows again", arguments: activeCases)
    func active(_ offset: Int64, active: Bool) throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let other = try Fixture.application(database)
        let now = Fixture.now
        let snooze = try database.insertSnooze(
            SnoozeFields(applicationId: application.id, action: "follow_up", until: now + offset), now: 1)
        #expect(try database.activeSnoozes(at: now) == (active ? [snooze] : []))
        #expect(try database.activeSnoozes(ofApplications: [application.id], at: now) == (active ? [snooze] : []))
        #expect(try database.activeSnoozes(ofApplications: [other.id], at: now).isEmpty)
        let listed = try database.snoozes(after: nil, limit: 10, activeAt: now).items
        #expect(listed == (active ? [snooze] : []))
        #expect(try database.snoozes(after: nil, limit: 10, activeAt: nil).items == [snooze])
    }

    @Test(
        "the purge deletes the snoozes expired at now (until <= now) and keeps the active ones", arguments: activeCases)
    func purge(_ offset: Int64, active: Bool) throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let now = Fixture.now
        let snooze = try database.insertSnooze(
            SnoozeFields(applicationId: application.id, action: "follow_up", until: now + offset), now: 1)
        #expect(try database.purgeExpiredSnoozes(at: now) == (active ? 0 : 1))
        #expect((try database.snooze(id: snooze.id) != nil) == active)
    }

    @Test("snoozes page by id ascending", arguments: PaginationTests.cases)
    func pagination(_ row: PaginationTests.Case) throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        for index in 1...7 {
            _ = try database.insertSnooze(
                SnoozeFields(applicationId: application.id, action: "a\(index)", until: 10), now: 1)
        }
        var seen: [Int64] = []
        var cursor: IDCursor?
        var pages = 0
        repeat {
            let page = try database.snoozes(after: cursor, limit: row.limit, activeAt: nil)
            seen += page.items.map(\.id)
            pages += 1
            cursor = page.nextCursor
        } while cursor != nil && pages < 20
        #expect(seen == Array(1...7))
        #expect(pages == row.pages)
    }
}
