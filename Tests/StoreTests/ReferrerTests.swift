import SQLite
import Testing

@testable import Store

@Suite("Referrers of a contact: what blocks its deletion (https://sqlite.org/foreignkeys.html)")
struct ReferrerTests {
    /// One way of referring to a contact, and how it must be reported.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let refer: @Sendable (Database, _ contactId: Int64) throws -> Void
        let expected: @Sendable (_ applicationId: Int64) -> ContactReferrers
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            name: "recruiter of an application",
            refer: { database, contactId in
                try Fixture.application(database, route: "recruiter_submitted", recruiterId: contactId)
            },
            expected: { _ in ContactReferrers(applicationIds: [2]) }),
        Case(
            name: "contact of an event",
            refer: { database, contactId in try Fixture.event(database, on: 1, "follow_up", contactId: contactId) },
            expected: { ContactReferrers(events: [EventReference(applicationId: $0, eventId: 1, field: "contact_id")]) }
        ),
        Case(
            name: "follow-up contact of directions",
            refer: { database, contactId in
                try Fixture.event(database, on: 1, "directions", followUpContactId: contactId)
            },
            expected: {
                ContactReferrers(events: [EventReference(applicationId: $0, eventId: 1, field: "follow_up_contact_id")])
            }),
        Case(
            name: "interviewer, listed twice in one interview, named once",
            refer: { database, contactId in
                try Fixture.event(database, on: 1, "interview", interviewerIds: [contactId, contactId])
            },
            expected: {
                ContactReferrers(events: [EventReference(applicationId: $0, eventId: 1, field: "interviewer_ids")])
            }),
    ]

    @Test(
        "each kind of reference is reported, and deleting the contact then fails with a FOREIGN KEY error",
        arguments: cases)
    func referenced(_ row: Case) throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let contact = try Fixture.contact(database, "Referenced")
        try row.refer(database, contact.id)
        #expect(try database.referrers(ofContact: contact.id) == row.expected(application.id))
        let error = #expect(throws: SQLiteError.self) {
            try database.transaction(.immediate) { database in
                try database.deleteContact(id: contact.id, expectedVersion: nil)
            }
        }
        #expect(error?.isForeignKeyViolation == true)
        #expect(try database.contact(id: contact.id) == contact)
    }

    @Test("one contact referred to in several ways is reported in every one, ordered by application and event")
    func several() throws {
        let database = try Fixture.database()
        let contact = try Fixture.contact(database, "Busy")
        let first = try Fixture.application(database, route: "recruiter_submitted", recruiterId: contact.id)
        let second = try Fixture.application(database)
        try Fixture.event(database, on: second.id, "interview", contactId: contact.id, interviewerIds: [contact.id])
        try Fixture.event(database, on: first.id, "directions", followUpContactId: contact.id)
        let referrers = try database.referrers(ofContact: contact.id)
        #expect(referrers.applicationIds == [first.id])
        #expect(
            referrers.events == [
                EventReference(applicationId: first.id, eventId: 2, field: "follow_up_contact_id"),
                EventReference(applicationId: second.id, eventId: 1, field: "contact_id"),
                EventReference(applicationId: second.id, eventId: 1, field: "interviewer_ids"),
            ])
    }

    @Test("an unreferenced contact has no referrers and can be deleted")
    func free() throws {
        let database = try Fixture.database()
        let application = try Fixture.application(database)
        let contact = try Fixture.contact(database, "Free")
        let other = try Fixture.contact(database, "Other")
        try Fixture.event(database, on: application.id, contactId: other.id)
        #expect(try database.referrers(ofContact: contact.id).isEmpty)
        #expect(try database.deleteContact(id: contact.id, expectedVersion: 1) == .done(contact))
    }
}
