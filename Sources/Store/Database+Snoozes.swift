import SQLite

// A snooze hides its item while `until > now`: at `until` exactly the item shows again, and the snooze has
// expired.
extension Database {
    /// The snooze with this id, or nil.
    func snooze(id: Int64) throws -> SnoozeRecord? {
        try first("SELECT \(SnoozeRecord.columns) FROM snoozes WHERE id = ?", [.integer(id)]) {
            try SnoozeRecord($0)
        }
    }

    /// Stores a new snooze made `now` (ms) and returns it with its new id. An application that does not exist
    /// fails with a FOREIGN KEY error.
    func insertSnooze(_ fields: SnoozeFields, now: Int64) throws -> SnoozeRecord {
        let sql = """
            INSERT INTO snoozes (application_id, action, contact_id, until, created_at) VALUES (?, ?, ?, ?, ?) \
            RETURNING \(SnoozeRecord.columns)
            """
        let bindings: [SQLiteValue] = [
            .integer(fields.applicationId), .text(fields.action), SQLiteValue(fields.contactId),
            .integer(fields.until), .integer(now),
        ]
        let record = try first(sql, bindings) { try SnoozeRecord($0) }
        return try Self.returned(record, sql: sql)
    }

    /// Deletes the snooze and returns it as it was, or nil when there is none.
    func deleteSnooze(id: Int64) throws -> SnoozeRecord? {
        try first("DELETE FROM snoozes WHERE id = ? RETURNING \(SnoozeRecord.columns)", [.integer(id)]) {
            try SnoozeRecord($0)
        }
    }

    /// Snoozes by id ascending, `limit` (clamped to 1...10,000) at a time, after `cursor`; only those still
    /// active at `activeAt` (ms) when it is given, else every one stored, expired ones not yet purged included.
    func snoozes(after cursor: IDCursor?, limit: Int, activeAt: Int64?) throws -> Page<SnoozeRecord, IDCursor> {
        let limit = Page<SnoozeRecord, IDCursor>.clamped(limit)
        let sql = "SELECT \(SnoozeRecord.columns) FROM snoozes WHERE id > ? AND until > ? ORDER BY id LIMIT ?"
        let bindings: [SQLiteValue] = [
            .integer(cursor?.lastId ?? 0), .integer(activeAt ?? Int64.min), .integer(Int64(limit + 1)),
        ]
        let fetched = try map(sql, bindings) { try SnoozeRecord($0) }
        return Page(fetched: fetched, limit: limit) { IDCursor(lastId: $0.id) }
    }

    /// The snoozes active at `now` (ms), by id: those with `until > now`.
    func activeSnoozes(at now: Int64) throws -> [SnoozeRecord] {
        let sql = "SELECT \(SnoozeRecord.columns) FROM snoozes WHERE until > ? ORDER BY id"
        return try map(sql, [.integer(now)]) { try SnoozeRecord($0) }
    }

    /// The snoozes of the applications among `applicationIds` active at `now` (ms), by id.
    func activeSnoozes(ofApplications applicationIds: some Sequence<Int64>, at now: Int64) throws -> [SnoozeRecord] {
        let sql = """
            SELECT \(SnoozeRecord.columns) FROM snoozes \
            WHERE application_id IN (SELECT value FROM json_each(?)) AND until > ? ORDER BY id
            """
        return try map(sql, [Self.jsonArray(applicationIds), .integer(now)]) { try SnoozeRecord($0) }
    }

    /// Deletes the snoozes expired at `now` (ms), those with `until <= now`, and returns how many.
    func purgeExpiredSnoozes(at now: Int64) throws -> Int {
        try run("DELETE FROM snoozes WHERE until <= ?", [.integer(now)])
        return changes
    }
}
