import SQLite
import Testing

@testable import Store

@Suite("Contacts: create, read, versioned update and delete")
struct ContactTests {
    @Test("insert assigns id 1, version 1 and the caller's time; get by id returns the same record")
    func insertAndGet() throws {
        let database = try Fixture.database()
        let fields = ContactFields(
            name: "Dana Reyes", title: "Senior Recruiter", organization: "Talent Co", email: "dana@example.com",
            phone: "+1 555 0100", role: "recruiter", notes: "met at fair")
        let record = try database.insertContact(fields, now: Fixture.now)
        #expect(record.id == 1)
        #expect(record.version == 1)
        #expect(record.createdAt == Fixture.now)
        #expect(record.updatedAt == Fixture.now)
        #expect(record.fields == fields)
        #expect(try database.contact(id: 1) == record)
        #expect(try database.contact(id: 2) == nil)
    }

    @Test("update replaces the fields, adds one to the version and keeps created_at")
    func updateBumpsVersion() throws {
        let database = try Fixture.database()
        let created = try Fixture.contact(database, "Dana")
        let later = Fixture.now + Fixture.hour
        let outcome = try database.updateContact(
            id: created.id, ContactFields(name: "Dana R.", email: "d@example.com"), expectedVersion: nil, now: later)
        let updated = try #require(outcome.record)
        #expect(updated.name == "Dana R.")
        #expect(updated.role == nil)
        #expect(updated.email == "d@example.com")
        #expect(updated.version == 2)
        #expect(updated.createdAt == Fixture.now)
        #expect(updated.updatedAt == later)
        #expect(try database.contact(id: created.id) == updated)
    }

    /// One guarded write: which id and expected version, and what must come of it.
    struct GuardCase: CustomTestStringConvertible, Sendable {
        let name: String
        let exists: Bool
        let expectedVersion: Int64?
        let outcome: WriteOutcome<Int64>
        var testDescription: String { name }
    }

    static let guardCases = [
        GuardCase(name: "no If-Match: written", exists: true, expectedVersion: nil, outcome: .done(2)),
        GuardCase(name: "matching version: written", exists: true, expectedVersion: 1, outcome: .done(2)),
        GuardCase(
            name: "stale version: 412, nothing written", exists: true, expectedVersion: 7,
            outcome: .versionMismatch(current: 1)),
        GuardCase(name: "unknown id: 404", exists: false, expectedVersion: nil, outcome: .notFound),
        GuardCase(name: "unknown id with a version: 404", exists: false, expectedVersion: 1, outcome: .notFound),
    ]

    @Test("update honours the expected version (RFC 9110 §13.1.1 If-Match)", arguments: guardCases)
    func updateGuard(_ row: GuardCase) throws {
        let database = try Fixture.database()
        let created = try Fixture.contact(database, "Dana")
        let id = row.exists ? created.id : 99
        let outcome = try database.updateContact(
            id: id, ContactFields(name: "Changed"), expectedVersion: row.expectedVersion, now: Fixture.now + 1)
        #expect(Self.versionOnly(outcome) == row.outcome)
        if case .done = row.outcome {
            #expect(try database.contact(id: id)?.name == "Changed")
        } else {
            #expect(try database.contact(id: created.id) == created)
        }
    }

    @Test("delete honours the expected version and returns the record as it was", arguments: guardCases)
    func deleteGuard(_ row: GuardCase) throws {
        let database = try Fixture.database()
        let created = try Fixture.contact(database, "Dana")
        let id = row.exists ? created.id : 99
        let outcome = try database.deleteContact(id: id, expectedVersion: row.expectedVersion)
        switch row.outcome {
        case .done:
            #expect(outcome == .done(created))
            #expect(try database.contact(id: created.id) == nil)
        case .notFound, .versionMismatch:
            #expect(Self.versionOnly(outcome) == row.outcome)
            #expect(try database.contact(id: created.id) == created)
        }
    }

    @Test("a deleted id is never handed out again (AUTOINCREMENT)")
    func deletedIdNotReused() throws {
        let database = try Fixture.database()
        try Fixture.contact(database, "One")
        let second = try Fixture.contact(database, "Two")
        _ = try database.deleteContact(id: second.id, expectedVersion: nil)
        let third = try Fixture.contact(database, "Three")
        #expect(third.id == 3)
    }

    @Test("import keeps id, timestamps and version; later inserts continue above the largest id")
    func importKeepsIds() throws {
        let database = try Fixture.database()
        let imported = ContactRecord(
            id: 40, ContactFields(name: "Imported", role: "other"), createdAt: 5, updatedAt: 6, version: 3)
        try database.importContact(imported)
        #expect(try database.contact(id: 40) == imported)
        #expect(try Fixture.contact(database, "New").id == 41)
    }

    @Test("importing an id that is already stored fails with a PRIMARY KEY violation")
    func duplicateImportFails() throws {
        let database = try Fixture.database()
        let record = ContactRecord(id: 1, ContactFields(name: "A"), createdAt: 1, updatedAt: 1)
        try database.importContact(record)
        let error = #expect(throws: SQLiteError.self) { try database.importContact(record) }
        #expect(error?.isUniqueViolation == true)
    }

    @Test("contacts(ids:) returns the existing ones only")
    func contactsByIds() throws {
        let database = try Fixture.database()
        let one = try Fixture.contact(database, "One")
        let two = try Fixture.contact(database, "Two")
        #expect(try database.contacts(ids: [two.id, 77, one.id]) == [one.id: one, two.id: two])
        #expect(try database.contacts(ids: []) == [:])
        #expect(try database.allContacts() == [one, two])
    }

    static func versionOnly(_ outcome: WriteOutcome<ContactRecord>) -> WriteOutcome<Int64> {
        switch outcome {
        case .done(let record): .done(record.version)
        case .notFound: .notFound
        case .versionMismatch(let current): .versionMismatch(current: current)
        }
    }
}
