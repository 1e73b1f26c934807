import Store
import TestSupport
import Testing

/// What a write changed is the Store's to say, from the rows it touched: each kind of write, on data where
/// every kind of reference is present once, reports exactly the timelines that show what it wrote.
@Suite struct StoreChangeTests {
    /// Dana recruits for 1; Sam interviewed on 2; Lee was followed up with on 3, where directions name Kim as the
    /// next contact; 4 discloses an offer from 2; Pat is named nowhere. Events: 10 on 2, 11 and 12 on 3, 13 on 4.
    static func seed(_ transaction: inout WriteTransaction) throws {
        let contacts = ["Dana", "Sam", "Kim", "Lee", "Pat"].enumerated().map { index, name in
            ContactRecord(id: Int64(index + 1), ContactFields(name: name), createdAt: 1, updatedAt: 1)
        }
        let applications = (1...4).map { id in
            ApplicationRecord(
                id: Int64(id),
                ApplicationFields(
                    route: id == 1 ? "recruiter_submitted" : "posted_opening", recruiterId: id == 1 ? 1 : nil),
                createdAt: 1, updatedAt: 1)
        }
        let events = [
            EventRecord(
                id: 10, applicationId: 2, EventFields(kind: "interview", occurredAt: 5, interviewerIds: [2]),
                createdAt: 5),
            EventRecord(
                id: 11, applicationId: 3, EventFields(kind: "follow_up", occurredAt: 5, contactId: 4, channel: "email"),
                createdAt: 5),
            EventRecord(
                id: 12, applicationId: 3,
                EventFields(kind: "directions", occurredAt: 6, followUpContactId: 3), createdAt: 6),
            EventRecord(
                id: 13, applicationId: 4, EventFields(kind: "offer_disclosure", occurredAt: 7, otherApplicationId: 2),
                createdAt: 7),
        ]
        try transaction.importRecords(contacts: contacts, applications: applications, events: events)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let write: @Sendable (inout WriteTransaction) throws -> Void
        /// What the write changed; nil when it throws.
        let change: StoreChange?
        var testDescription: String { name }
    }

    static let contact = ContactFields(name: "Renamed", role: "recruiter")
    static let application = ApplicationFields(route: "posted_opening", status: "rejected")

    @Test(arguments: [
        Row(
            name: "a new contact: none", write: { _ = try $0.insertContact(contact, now: 9) }, change: StoreChange.none),
        Row(
            name: "a recruiter's update: the application it recruits for",
            write: { _ = try $0.updateContact(id: 1, contact, expectedVersion: nil, now: 9) },
            change: .applications([1])),
        Row(
            name: "an interviewer's update: the application of the interview",
            write: { _ = try $0.updateContact(id: 2, contact, expectedVersion: 1, now: 9) },
            change: .applications([2])),
        Row(
            name: "a follow-up contact's update: the application of the directions",
            write: { _ = try $0.updateContact(id: 3, contact, expectedVersion: nil, now: 9) },
            change: .applications([3])),
        Row(
            name: "an event contact's update: the application of the event",
            write: { _ = try $0.updateContact(id: 4, contact, expectedVersion: nil, now: 9) },
            change: .applications([3])),
        Row(
            name: "an update of a contact named nowhere: none",
            write: { _ = try $0.updateContact(id: 5, contact, expectedVersion: nil, now: 9) }, change: StoreChange.none),
        Row(
            name: "an update refused for its version: none",
            write: { _ = try $0.updateContact(id: 1, contact, expectedVersion: 7, now: 9) }, change: StoreChange.none),
        Row(
            name: "the delete of a contact named nowhere: none",
            write: { _ = try $0.deleteContact(id: 5, expectedVersion: nil) }, change: StoreChange.none),
        Row(
            name: "the delete of a contact still named: refused",
            write: { _ = try $0.deleteContact(id: 1, expectedVersion: nil) }, change: nil),
        Row(
            name: "a new application: none",
            write: { _ = try $0.insertApplication(application, now: 9) }, change: StoreChange.none),
        Row(
            name: "an application's update: it, and the applications disclosing it",
            write: { _ = try $0.updateApplication(id: 2, application, expectedVersion: nil, now: 9) },
            change: .applications([2, 4])),
        Row(
            name: "an update of an application no one discloses: it alone",
            write: { _ = try $0.updateApplication(id: 3, application, expectedVersion: 1, now: 9) },
            change: .applications([3])),
        Row(
            name: "an update of an application that does not exist: none",
            write: { _ = try $0.updateApplication(id: 99, application, expectedVersion: nil, now: 9) },
            change: StoreChange.none),
        Row(
            name: "an application's delete: it, and the applications that disclosed it",
            write: { _ = try $0.deleteApplication(id: 2, expectedVersion: nil) }, change: .applications([2, 4])),
        Row(
            name: "a delete refused for its version: none",
            write: { _ = try $0.deleteApplication(id: 2, expectedVersion: 5) }, change: StoreChange.none),
        Row(
            name: "a new event: that event on its application",
            write: { _ = try $0.insertEvent(applicationId: 1, EventFields(kind: "note", occurredAt: 9), now: 9) },
            change: .eventAdded(id: 14, applicationId: 1)),
        Row(
            name: "a new event with a status it sets: its application, and those disclosing it",
            write: { transaction in
                _ = try transaction.insertEvent(applicationId: 2, EventFields(kind: "rejection", occurredAt: 9), now: 9)
                _ = try transaction.updateApplication(id: 2, application, expectedVersion: nil, now: 9)
            }, change: .applications([2, 4])),
        Row(
            name: "two new events: both applications, neither extended",
            write: { transaction in
                _ = try transaction.insertEvent(applicationId: 1, EventFields(kind: "note", occurredAt: 9), now: 9)
                _ = try transaction.insertEvent(applicationId: 3, EventFields(kind: "note", occurredAt: 9), now: 9)
            }, change: .applications([1, 3])),
        Row(
            name: "an event naming a contact that does not exist: refused",
            write: {
                _ = try $0.insertEvent(
                    applicationId: 1, EventFields(kind: "note", occurredAt: 9, contactId: 99), now: 9)
            }, change: nil),
        Row(
            name: "an event's delete: its application",
            write: { _ = try $0.deleteEvent(applicationId: 3, id: 12) }, change: .applications([3])),
        Row(
            name: "the delete of an event another application holds: none",
            write: { _ = try $0.deleteEvent(applicationId: 1, id: 12) }, change: StoreChange.none),
        Row(
            name: "settings: the settings", write: { try $0.writeSettings(["time_zone": "\"UTC\""]) },
            change: .settings),
        Row(
            name: "an idempotency key: none",
            write: {
                try $0.saveIdempotencyRecord(
                    IdempotencyRecord(key: "k", fingerprint: "f", status: 201, headers: "", body: [], createdAt: 9))
            }, change: StoreChange.none),
    ])
    func eachWriteReportsTheTimelinesItChanged(_ row: Row) throws {
        try GroupCommitTests.withStore { store, _ throws in
            try store.perform { try Self.seed(&$0) }
            let write = row.write
            do {
                let committed = try store.perform { try write(&$0) }
                #expect(committed.change == row.change)
            } catch {
                #expect(row.change == nil, "\(error)")
            }
        }
    }

    @Test func refusalsAreTheStoresOwnErrors() throws {
        try GroupCommitTests.withStore { store, _ throws in
            try store.perform { try Self.seed(&$0) }
            #expect(throws: StoreError.referenced(ContactReferrers(applicationIds: [1]))) {
                try store.perform { _ = try $0.deleteContact(id: 1, expectedVersion: nil) }
            }
            #expect(throws: StoreError.missingReference) {
                try store.perform {
                    try $0.insertEvent(applicationId: 99, EventFields(kind: "note", occurredAt: 1), now: 1)
                }
            }
            #expect(throws: StoreError.duplicate) {
                try store.perform {
                    try $0.importRecords(
                        contacts: [ContactRecord(id: 1, ContactFields(name: "Again"), createdAt: 1, updatedAt: 1)],
                        applications: [], events: [])
                }
            }
        }
    }

    @Test func anImportChangesEverything() throws {
        try GroupCommitTests.withStore { store, _ throws in
            #expect(try store.perform { try Self.seed(&$0) }.change == .everything)
            #expect(try store.perform { try $0.isEmpty() }.change == StoreChange.none)
        }
    }
}

/// Two changes in one transaction: the wider word for both, and the settings with a timeline is everything.
struct StoreChangeThenTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let first: StoreChange
        let next: StoreChange
        let both: StoreChange
        var testDescription: String { "\(first) then \(next)" }
    }

    @Test(arguments: [
        Row(first: .none, next: .settings, both: .settings),
        Row(first: .settings, next: .none, both: .settings),
        Row(first: .settings, next: .settings, both: .settings),
        Row(first: .settings, next: .eventAdded(id: 1, applicationId: 2), both: .everything),
        Row(first: .applications([3]), next: .settings, both: .everything),
        Row(first: .settings, next: .everything, both: .everything),
        Row(first: .eventAdded(id: 1, applicationId: 2), next: .applications([3]), both: .applications([2, 3])),
        Row(first: .none, next: .none, both: .none),
    ])
    func theChangeOfBoth(_ row: Row) {
        #expect(row.first.then(row.next) == row.both)
    }
}
