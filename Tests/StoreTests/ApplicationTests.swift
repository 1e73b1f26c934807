import SQLite
import Testing

@testable import Store

@Suite("Applications: create, read, update, delete with its events")
struct ApplicationTests {
    @Test("insert applies the defaults (status active, direct contact not permitted) and get returns it")
    func insertDefaults() throws {
        let database = try Fixture.database()
        let recruiter = try Fixture.contact(database, "Rita")
        let fields = ApplicationFields(
            employer: nil, position: nil, route: "recruiter_general", recruiterId: recruiter.id, notes: "on file")
        let record = try database.insertApplication(fields, now: Fixture.now)
        #expect(record.id == 1)
        #expect(record.status == "active")
        #expect(record.directContactPermitted == false)
        #expect(record.employer == nil)
        #expect(record.version == 1)
        #expect(record.fields == fields)
        #expect(try database.application(id: record.id) == record)
    }

    @Test("update writes every field and bumps the version; a stale version is refused")
    func update() throws {
        let database = try Fixture.database()
        let created = try Fixture.application(database)
        var fields = created.fields
        fields.status = "passed"
        fields.directContactPermitted = true
        let updated = try #require(
            try database.updateApplication(id: created.id, fields, expectedVersion: 1, now: Fixture.now + 9).record)
        #expect(updated.status == "passed")
        #expect(updated.directContactPermitted)
        #expect(updated.version == 2)
        #expect(updated.updatedAt == Fixture.now + 9)
        let stale = try database.updateApplication(id: created.id, fields, expectedVersion: 1, now: Fixture.now)
        #expect(stale == .versionMismatch(current: 2))
    }

    @Test("a recruiter id naming no contact fails with a FOREIGN KEY error (https://sqlite.org/foreignkeys.html)")
    func unknownRecruiter() throws {
        let database = try Fixture.database()
        let error = #expect(throws: SQLiteError.self) {
            try Fixture.application(database, route: "recruiter_submitted", recruiterId: 5)
        }
        #expect(error?.isForeignKeyViolation == true)
    }

    @Test("deleting an application deletes its events, their interviewers and violations (ON DELETE CASCADE)")
    func cascade() throws {
        let database = try Fixture.database()
        let interviewer = try Fixture.contact(database, "Ivan", role: "interviewer")
        let doomed = try Fixture.application(database)
        let kept = try Fixture.application(database, employer: "Kept")
        try Fixture.event(database, on: doomed.id, "interview", interviewerIds: [interviewer.id])
        try Fixture.event(
            database, on: doomed.id, "follow_up",
            violations: [StoredViolation(rule: "follow-up-gap", severity: "block", message: "too soon")])
        let survivor = try Fixture.event(database, on: kept.id)
        #expect(try database.deleteApplication(id: doomed.id, expectedVersion: nil) == .done(doomed))
        #expect(try database.application(id: doomed.id) == nil)
        #expect(try Self.count(database, "events") == 1)
        #expect(try Self.count(database, "event_interviewers") == 0)
        #expect(try Self.count(database, "event_violations") == 0)
        #expect(try database.allEvents(ofApplication: kept.id) == [survivor])
        // The interviewer is free again once the interview is gone.
        #expect(try database.referrers(ofContact: interviewer.id).isEmpty)
    }

    @Test("an offer disclosure naming a deleted application keeps its event, with the reference cleared (SET NULL)")
    func otherApplicationSetNull() throws {
        let database = try Fixture.database()
        let offer = try Fixture.application(database, employer: "Offer Inc", status: "offer")
        let target = try Fixture.application(database, employer: "Target")
        let fields = EventFields(kind: "offer_disclosure", occurredAt: Fixture.now, otherApplicationId: offer.id)
        let disclosure = try database.insertEvent(applicationId: target.id, fields, now: Fixture.now)
        #expect(disclosure.otherApplicationId == offer.id)
        _ = try database.deleteApplication(id: offer.id, expectedVersion: nil)
        let after = try #require(try database.event(applicationId: target.id, id: disclosure.id))
        #expect(after.otherApplicationId == nil)
        #expect(after.kind == "offer_disclosure")
    }

    @Test("statuses(ofApplications:) answers for the existing ids only")
    func statuses() throws {
        let database = try Fixture.database()
        let active = try Fixture.application(database)
        let offer = try Fixture.application(database, status: "offer")
        #expect(try database.statuses(ofApplications: [active.id, offer.id, 42]) == [1: "active", 2: "offer"])
    }

    @Test("import keeps ids and versions; later applications continue above them")
    func importKeepsIds() throws {
        let database = try Fixture.database()
        let record = ApplicationRecord(
            id: 12, ApplicationFields(employer: "Old", route: "unsolicited", status: "on_file"), createdAt: 1,
            updatedAt: 2, version: 4)
        try database.importApplication(record)
        #expect(try database.application(id: 12) == record)
        #expect(try Fixture.application(database).id == 13)
        #expect(try database.allApplications().map(\.id) == [12, 13])
    }

    static func count(_ database: Database, _ table: String) throws -> Int64 {
        // Table names come from the test code, never from input.
        try database.queryOne("SELECT count(*) FROM \(table)")?.get(0) ?? -1
    }
}
