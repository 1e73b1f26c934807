import SQLite
import TestSupport
import Testing

@testable import Store

@Suite("Schema migrations by user_version (https://sqlite.org/pragma.html#pragma_user_version)")
struct MigrationTests {
    @Test("an empty file gets every table and index, at the current version, in WAL mode")
    func fromEmptyFile() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("fresh.sqlite")
            let store = try Store(path: path, readers: 1)
            defer { store.close() }
            let (version, tables, mode) = try store.writer.perform { database in
                let tables = try database.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
                    .map { try $0.get(0, as: String.self) }
                let mode = try database.queryOne("PRAGMA journal_mode")?.get(0, as: String.self)
                return (try database.userVersion(), tables, mode)
            }
            #expect(version == StoreSchema.currentVersion)
            #expect(version == 2)
            #expect(
                tables == [
                    "applications", "contacts", "event_interviewers", "event_violations", "events",
                    "idempotency_keys", "settings", "sqlite_sequence",
                ])
            #expect(mode == "wal")
        }
    }

    @Test("reopening keeps the data and applies nothing again")
    func reopen() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("again.sqlite")
            let first = try Store(path: path, readers: 1)
            let contact = try first.writer.perform { try $0.insertContact(ContactFields(name: "Kept"), now: 1) }
            first.close()
            let second = try Store(path: path, readers: 1)
            defer { second.close() }
            #expect(try second.readers.withReader { try $0.contact(id: contact.id) } == contact)
            #expect(try second.writer.perform { try StoreSchema.migrator.pendingVersions(in: $0) } == [])
        }
    }

    @Test("a version 1 file migrates to the newest and keeps its data")
    func fromVersion1() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("v1.sqlite")
            let (contact, event) = try {
                let database = try Database(path: path)
                defer { database.close() }
                try Migrator(Array(StoreSchema.migrator.migrations.prefix(1))).migrate(database)
                #expect(try database.userVersion() == 1)
                let contact = try database.insertContact(ContactFields(name: "Dana"), now: 1)
                let application = try database.insertApplication(ApplicationFields(route: "unsolicited"), now: 1)
                let fields = EventFields(kind: "resume_sent", occurredAt: 2, contactId: contact.id)
                let event = try database.insertEvent(applicationId: application.id, fields, now: 3)
                return (contact, event)
            }()
            let store = try Store(path: path, readers: 1)
            defer { store.close() }
            let (version, indexes, kept) = try store.writer.perform { database in
                let sql = "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name LIKE 'events_by_%' ORDER BY name"
                return (
                    try database.userVersion(), try database.query(sql).map { try $0.get(0, as: String.self) },
                    try database.event(applicationId: event.applicationId, id: event.id)
                )
            }
            #expect(version == StoreSchema.currentVersion)
            #expect(kept == event)
            #expect(indexes.filter { $0.hasSuffix("IS NOT NULL") }.count == 3, "\(indexes)")
            let referrers = try store.readers.withReader { try $0.referrers(ofContact: contact.id) }
            #expect(referrers.events.count == 1)
        }
    }

    @Test("lookups by a referenced contact or application use the partial indexes (sqlite.org/partialindex.html)")
    func partialIndexesAnswerLookups() throws {
        try GroupCommitTests.withStore { store, _ throws in
            for (column, index) in [
                ("contact_id", "events_by_contact"), ("follow_up_contact_id", "events_by_follow_up_contact"),
                ("other_application_id", "events_by_other_application"),
            ] {
                let plan = try store.writer.perform { database in
                    let sql = "EXPLAIN QUERY PLAN SELECT id FROM events WHERE \(column) = ?"
                    return try database.query(sql, [.integer(7)]).map { try $0.get(3, as: String.self) }
                }
                #expect(plan.contains { $0.contains("INDEX \(index)") }, "\(column): \(plan)")
            }
        }
    }

    @Test("a file from a newer release is refused with schemaTooNew, and left as it was")
    func newerRefused() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("newer.sqlite")
            do {
                let database = try Database(path: path)
                try database.setUserVersion(StoreSchema.currentVersion + 1)
                database.close()
            }
            let error = #expect(throws: MigrationError.self) { try Store(path: path, readers: 1) }
            guard case .schemaTooNew(let found, let supported)? = error else {
                Issue.record("expected schemaTooNew, got \(String(describing: error))")
                return
            }
            #expect(found == StoreSchema.currentVersion + 1)
            #expect(supported == StoreSchema.currentVersion)
            let database = try Database(path: path, options: .reader)
            #expect(try database.userVersion() == StoreSchema.currentVersion + 1)
            #expect(try database.query("SELECT name FROM sqlite_schema").isEmpty)
        }
    }

    @Test("foreign keys are enforced on the writer (https://sqlite.org/foreignkeys.html#fk_enable)")
    func foreignKeysOn() throws {
        try GroupCommitTests.withStore { store, _ throws in
            #expect(try store.writer.perform { try $0.queryOne("PRAGMA foreign_keys")?.get(0, as: Int64.self) } == 1)
        }
    }
}
