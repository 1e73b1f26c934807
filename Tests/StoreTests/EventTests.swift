import SQLite
import Testing

@testable import Store

@Suite("Events: recorded once with interviewers and violations, read and deleted per application")
struct EventTests {
    @Test("insert keeps every field, the interviewers in their order and the violations of a forced event")
    func insertAndGet() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let first = try Fixture.contact(database, "Zed", role: "interviewer")
        let second = try Fixture.contact(database, "Amy", role: "interviewer")
        let other = try Fixture.application(database, employer: "Other", status: "offer")
        let fields = EventFields(
            kind: "directions", occurredAt: Fixture.now, contactId: first.id, channel: "email", note: "call back",
            interviewerIds: [second.id, first.id], followUpAfter: "2023-11-20", followUpContactId: second.id,
            followUpChannel: "phone", decisionExpectedBy: "2023-12-01", otherApplicationId: other.id, forced: true,
            violations: [
                StoredViolation(rule: "follow-up-gap", severity: "block", message: "gap"),
                StoredViolation(rule: "follow-up-limit", severity: "block", message: "limit"),
            ])
        let record = try database.insertEvent(applicationId: application.id, fields, now: Fixture.now + 5)
        #expect(record.id == 1)
        #expect(record.applicationId == application.id)
        #expect(record.createdAt == Fixture.now + 5)
        #expect(record.fields == fields)
        #expect(try database.event(applicationId: application.id, id: record.id) == record)
    }

    @Test("an event is found only under its own application")
    func scopedToApplication() throws {
        let database = try Fixture.database()
        let mine = try Fixture.application(database)
        let theirs = try Fixture.application(database)
        let event = try Fixture.event(database, on: mine.id)
        #expect(try database.event(applicationId: theirs.id, id: event.id) == nil)
        #expect(try database.deleteEvent(applicationId: theirs.id, id: event.id) == nil)
        #expect(try database.event(applicationId: mine.id, id: event.id) == event)
    }

    @Test("delete removes the event with its interviewers and returns it as it was")
    func delete() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let interviewer = try Fixture.contact(database, "Ivan")
        let event = try Fixture.event(database, on: application.id, "interview", interviewerIds: [interviewer.id])
        #expect(try database.deleteEvent(applicationId: application.id, id: event.id) == event)
        #expect(try database.event(applicationId: application.id, id: event.id) == nil)
        #expect(try ApplicationTests.count(database, "event_interviewers") == 0)
    }

    @Test("an event on an unknown application or naming an unknown interviewer fails with a FOREIGN KEY error")
    func foreignKeys() throws {
        let database = try Fixture.database()
        let unknownApplication = #expect(throws: SQLiteError.self) { try Fixture.event(database, on: 9) }
        #expect(unknownApplication?.isForeignKeyViolation == true)
        let application = try Fixture.application(database)
        let unknownInterviewer = #expect(throws: SQLiteError.self) {
            try database.transaction(.immediate) { database in
                try Fixture.event(database, on: application.id, "interview", interviewerIds: [31])
            }
        }
        #expect(unknownInterviewer?.isForeignKeyViolation == true)
        #expect(try ApplicationTests.count(database, "events") == 0)
    }

    @Test("import keeps the id, creation time, interviewers and violations")
    func importEvent() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let interviewer = try Fixture.contact(database, "Ivan")
        let record = EventRecord(
            id: 70, applicationId: application.id,
            EventFields(
                kind: "interview", occurredAt: 100, interviewerIds: [interviewer.id], forced: true,
                violations: [StoredViolation(rule: "r", severity: "block", message: "m")]), createdAt: 200)
        try database.importEvent(record)
        #expect(try database.event(applicationId: application.id, id: 70) == record)
        #expect(try Fixture.event(database, on: application.id).id == 71)
    }
}
