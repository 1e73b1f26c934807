import SQLite

@testable import Store

/// Builders for a migrated database and the rows tests need.
enum Fixture {
    /// A fixed time: 2023-11-14T22:13:20Z in milliseconds.
    static let now: Int64 = 1_700_000_000_000
    static let hour: Int64 = 3_600_000

    /// A private in-memory database with the store's schema.
    static func database() throws -> Database {
        let database = try Database(path: ":memory:")
        try StoreSchema.migrator.migrate(database)
        return database
    }

    @discardableResult
    static func contact(_ database: Database, _ name: String, role: String? = "recruiter") throws -> ContactRecord {
        try database.insertContact(ContactFields(name: name, role: role), now: now)
    }

    @discardableResult
    static func application(
        _ database: Database, employer: String? = "Acme", position: String? = "Engineer",
        route: String = "posted_opening", recruiterId: Int64? = nil, status: String = "active"
    ) throws -> ApplicationRecord {
        let fields = ApplicationFields(
            employer: employer, position: position, route: route, recruiterId: recruiterId, status: status)
        return try database.insertApplication(fields, now: now)
    }

    @discardableResult
    static func event(
        _ database: Database, on applicationId: Int64, _ kind: String = "note", at occurredAt: Int64 = now,
        contactId: Int64? = nil, interviewerIds: [Int64] = [], followUpContactId: Int64? = nil,
        violations: [StoredViolation] = []
    ) throws -> EventRecord {
        let fields = EventFields(
            kind: kind, occurredAt: occurredAt, contactId: contactId, interviewerIds: interviewerIds,
            followUpContactId: followUpContactId, forced: !violations.isEmpty, violations: violations)
        return try database.insertEvent(applicationId: applicationId, fields, now: now)
    }
}
