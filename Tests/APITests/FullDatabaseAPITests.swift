import Foundation
import Store
import Testing

/// A write SQLite cannot store (SQLITE_FULL) is 507 with a problem document, never 500, and leaves the other writes
/// alone. Imports cannot give ids past 2^53 - 1 any more; a database that got one before can still hold a table
/// whose AUTOINCREMENT has handed out the largest rowid, which is what these tests make.
@Suite struct FullDatabaseAPITests {
    struct Row: Sendable, CustomTestStringConvertible {
        let table: String
        let target: String
        let body: String
        var testDescription: String { "\(table) exhausted: POST \(target)" }
    }

    static let event = #"{"kind":"resume_sent","occurred_at":"2026-10-06T09:00:00Z","channel":"email"}"#

    /// Fills `table`'s AUTOINCREMENT up to its last id, beside a first application (id 1) to add events to.
    static func exhaust(_ table: String, _ api: InProcessAPI) throws {
        try api.store.perform { transaction in
            var contacts: [ContactRecord] = []
            var applications = [
                ApplicationRecord(id: 1, ApplicationFields(route: "unsolicited"), createdAt: 1, updatedAt: 1)
            ]
            var events: [EventRecord] = []
            switch table {
            case "contacts":
                contacts.append(ContactRecord(id: Int64.max, ContactFields(name: "Last"), createdAt: 1, updatedAt: 1))
            case "applications":
                applications.append(
                    ApplicationRecord(
                        id: Int64.max, ApplicationFields(route: "unsolicited"), createdAt: 1, updatedAt: 1))
            default:
                events.append(
                    EventRecord(id: Int64.max, applicationId: 1, EventFields(kind: "note", occurredAt: 1), createdAt: 1)
                )
            }
            try transaction.importRecords(contacts: contacts, applications: applications, events: events)
        }
    }

    @Test(arguments: [
        Row(table: "contacts", target: "/v1/contacts", body: #"{"name":"One too many"}"#),
        Row(table: "applications", target: "/v1/applications", body: #"{"route":"unsolicited"}"#),
        Row(table: "events", target: "/v1/applications/1/events", body: event),
    ])
    func aCreateInAFullTableIs507AndOthersGoOn(_ row: Row) throws {
        let api = try InProcessAPI()
        try Self.exhaust(row.table, api)
        let refused = try api.call("POST", row.target, row.body)
        #expect(refused.status == 507, "\(refused.bodyText)")
        #expect(refused.header("Content-Type") == "application/problem+json")
        #expect(try refused.decode(ProblemBody.self).type == "/problems/insufficient-storage")
        // The other tables still take writes, and so does the full one where no new id is needed.
        for (table, target, body) in [
            ("contacts", "/v1/contacts", #"{"name":"Dana"}"#),
            ("applications", "/v1/applications", #"{"route":"posted_opening"}"#),
            ("events", "/v1/applications/1/events", Self.event),
        ] where table != row.table {
            #expect(try api.call("POST", target, body).status == 201, "POST \(target)")
        }
        let patch = try api.call("PATCH", "/v1/applications/1", #"{"notes":"still writable"}"#)
        #expect(patch.status == 200, "\(patch.bodyText)")
    }
}
