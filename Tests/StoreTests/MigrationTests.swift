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
            #expect(version == 4)
            #expect(
                tables == [
                    "applications", "channels", "contacts", "deliveries", "event_interviewers", "event_violations",
                    "events", "idempotency_keys", "reminder_marks", "settings", "snoozes", "sqlite_sequence",
                    "used_links",
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

    @Test(
        "a version 2 file migrates to the current version, keeps its data, and takes channels, deliveries and snoozes")
    func fromVersion2() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("v2.sqlite")
            let (contact, application, event) = try {
                let database = try Database(path: path)
                defer { database.close() }
                try Migrator(Array(StoreSchema.migrator.migrations.prefix(2))).migrate(database)
                #expect(try database.userVersion() == 2)
                let contact = try database.insertContact(ContactFields(name: "Dana", role: "recruiter"), now: 1)
                let application = try database.insertApplication(
                    ApplicationFields(route: "recruiter_submitted", recruiterId: contact.id), now: 1)
                let fields = EventFields(kind: "follow_up", occurredAt: 2, contactId: contact.id, channel: "email")
                let event = try database.insertEvent(applicationId: application.id, fields, now: 3)
                try database.writeSettings(["time_zone": "\"Europe/Paris\"", "feed_token": "\"abc\""])
                return (contact, application, event)
            }()
            let store = try Store(path: path, readers: 1)
            defer { store.close() }
            let version = try store.writer.perform { try $0.userVersion() }
            #expect(version == StoreSchema.currentVersion)
            let kept = try store.read { reading in
                (
                    try reading.contact(id: contact.id), try reading.application(id: application.id),
                    try reading.event(applicationId: application.id, id: event.id), try reading.settings()
                )
            }
            #expect(kept.0 == contact)
            #expect(kept.1 == application)
            #expect(kept.2 == event)
            #expect(kept.3 == ["time_zone": "\"Europe/Paris\"", "feed_token": "\"abc\""])
            // The new tables take rows beside the data kept, with their defaults; the snooze names a kept application.
            let defaults = try store.writer.perform { database in
                try database.run(
                    "INSERT INTO channels (name, kind, url, actions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    ["n8n", "webhook", "https://hooks.example/a", #"["follow_up"]"#, 10, 10])
                try database.run(
                    """
                    INSERT INTO deliveries (channel_id, message_id, type, body, status, next_attempt_at, created_at) \
                    VALUES (1, 'msg_1', 'agenda.item_due', '{}', 'pending', 10, 10)
                    """)
                try database.run(
                    """
                    INSERT INTO reminder_marks (channel_id, item_key, phase, delivery_id, created_at) \
                    VALUES (1, '1:follow_up:1:5', 'due', 1, 10)
                    """)
                try database.run(
                    "INSERT INTO snoozes (application_id, action, contact_id, until, created_at) VALUES (?, ?, ?, ?, ?)",
                    [.integer(application.id), "follow_up", .integer(contact.id), 99, 10])
                try database.run("INSERT INTO used_links (nonce, used_at) VALUES ('n', 10)")
                let sql = """
                    SELECT c.enabled || '', c.mode, c.digest_at, c.gave_up_in_row || '', c.version || '', d.attempts || '' \
                    FROM channels c JOIN deliveries d ON d.channel_id = c.id
                    """
                return try database.queryOne(sql).map { row in
                    try (0..<6).map { try row.get($0, as: String.self) }
                }
            }
            #expect(defaults == ["1", "each", "08:00", "0", "1", "0"])
            let indexes = try store.writer.perform { database in
                try database.query(
                    "SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                ).map { try $0.get(0, as: String.self) }
            }
            for index in [
                "deliveries_channel", "deliveries_due", "deliveries_due_by_channel", "reminder_marks_by_delivery",
                "snoozes_by_application", "snoozes_by_until",
            ] {
                #expect(indexes.contains(index), "\(index) in \(indexes)")
            }
            let strict = try store.writer.perform { database in
                try database.query("SELECT name FROM pragma_table_list WHERE strict = 1 ORDER BY name")
                    .map { try $0.get(0, as: String.self) }
            }
            #expect(Set(["channels", "deliveries", "reminder_marks", "snoozes", "used_links"]).isSubset(of: strict))
            #expect(try store.writer.perform { try $0.query("PRAGMA foreign_key_check") }.isEmpty)
        }
    }

    @Test("a version 3 file migrates to version 4, keeps its deliveries, and indexes by channel only those waiting")
    func fromVersion3() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("v3.sqlite")
            let waiting = try {
                let database = try Database(path: path)
                defer { database.close() }
                try Migrator(Array(StoreSchema.migrator.migrations.prefix(3))).migrate(database)
                let channel = try Fixture.channel(database)
                for number in 1...3 {
                    try Fixture.delivery(database, channelId: channel.id, number, due: Fixture.now - Int64(number))
                }
                _ = try database.recordDeliveryAttempt(id: 2, .delivered(status: 204), now: Fixture.now)
                return try database.dueRuns(at: Fixture.now, channels: 10, runLength: 10, excludingChannels: [])
            }()
            #expect(waiting.map { $0.map(\.id) } == [[3, 1]])
            let store = try Store(path: path, readers: 1)
            defer { store.close() }
            let (version, indexed, due) = try store.writer.perform { database in
                (
                    try database.userVersion(),
                    try database.queryOne(
                        """
                        SELECT count(*) FROM deliveries INDEXED BY deliveries_due_by_channel \
                        WHERE next_attempt_at IS NOT NULL
                        """)?.get(0, as: Int64.self),
                    try database.dueRuns(at: Fixture.now, channels: 10, runLength: 10, excludingChannels: [])
                )
            }
            #expect(version == 4)
            #expect(indexed == 2)
            #expect(due == waiting)
        }
    }

    @Test("the reminders' lookups use their indexes: the outbox, a channel's deliveries, a delivery's marks")
    func reminderIndexesAnswerLookups() throws {
        try GroupCommitTests.withStore { store, _ throws in
            for (sql, index) in [
                (
                    "SELECT id FROM deliveries WHERE next_attempt_at IS NOT NULL ORDER BY next_attempt_at",
                    "deliveries_due"
                ),
                ("SELECT id FROM deliveries WHERE channel_id = 1 AND id < 9 ORDER BY id DESC", "deliveries_channel"),
                ("SELECT item_key FROM reminder_marks WHERE delivery_id = 3", "reminder_marks_by_delivery"),
                ("SELECT id FROM snoozes WHERE application_id = 4", "snoozes_by_application"),
            ] {
                let plan = try store.writer.perform { database in
                    try database.query("EXPLAIN QUERY PLAN " + sql).map { try $0.get(3, as: String.self) }
                }
                #expect(plan.contains { $0.contains("INDEX \(index)") }, "\(sql): \(plan)")
            }
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
