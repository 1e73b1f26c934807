import SQLite

// Queries take the connection they run on, so the Store's transactions compose several in one writer transaction
// (or one reader snapshot); none opens a transaction of its own. Times come from the caller, never from a clock
// here.
extension Database {
    /// The contact with this id, or nil.
    func contact(id: Int64) throws -> ContactRecord? {
        try first("SELECT \(ContactRecord.columns) FROM contacts WHERE id = ?", [.integer(id)]) {
            try ContactRecord($0)
        }
    }

    /// Stores a new contact at version 1, created and updated `now` (ms), and returns it with its new id.
    func insertContact(_ fields: ContactFields, now: Int64) throws -> ContactRecord {
        let sql = """
            INSERT INTO contacts (name, title, organization, email, phone, role, notes, created_at, updated_at, \
            version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING \(ContactRecord.columns)
            """
        let record = try first(sql, Self.bindings(fields) + [.integer(now), .integer(now)]) { try ContactRecord($0) }
        return try Self.returned(record, sql: sql)
    }

    /// Stores a contact exactly as given, id, timestamps and version included; for import. Contacts created later
    /// get ids above the largest one stored.
    func importContact(_ record: ContactRecord) throws {
        let sql = """
            INSERT INTO contacts (name, title, organization, email, phone, role, notes, id, created_at, updated_at, \
            version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        let bindings =
            Self.bindings(record.fields)
            + [.integer(record.id), .integer(record.createdAt), .integer(record.updatedAt), .integer(record.version)]
        try run(sql, bindings)
    }

    /// Replaces every writable field, sets `updated_at` to `now` and adds one to the version; refused when
    /// `expectedVersion` is given and differs from the stored version.
    func updateContact(
        id: Int64, _ fields: ContactFields, expectedVersion: Int64?, now: Int64
    ) throws -> WriteOutcome<ContactRecord> {
        let current = try first("SELECT version FROM contacts WHERE id = ?", [.integer(id)]) {
            try $0.int64(0)
        }
        if let mismatch = Self.versionCheck(current: current, expected: expectedVersion, as: ContactRecord.self) {
            return mismatch
        }
        let sql = """
            UPDATE contacts SET name = ?, title = ?, organization = ?, email = ?, phone = ?, role = ?, notes = ?, \
            updated_at = ?, version = version + 1 WHERE id = ? RETURNING \(ContactRecord.columns)
            """
        let record = try first(sql, Self.bindings(fields) + [.integer(now), .integer(id)]) { try ContactRecord($0) }
        return .done(try Self.returned(record, sql: sql))
    }

    /// Deletes the contact and returns it as it was; refused when `expectedVersion` is given and differs.
    ///
    /// A contact still referenced by an application or event is not deleted: SQLite throws a FOREIGN KEY error
    /// (`SQLiteError.isForeignKeyViolation`). Call `referrers(ofContact:)` first to name them.
    func deleteContact(id: Int64, expectedVersion: Int64?) throws -> WriteOutcome<ContactRecord> {
        let current = try first("SELECT version FROM contacts WHERE id = ?", [.integer(id)]) {
            try $0.int64(0)
        }
        if let mismatch = Self.versionCheck(current: current, expected: expectedVersion, as: ContactRecord.self) {
            return mismatch
        }
        let sql = "DELETE FROM contacts WHERE id = ? RETURNING \(ContactRecord.columns)"
        let record = try first(sql, [.integer(id)]) { try ContactRecord($0) }
        return .done(try Self.returned(record, sql: sql))
    }

    /// Contacts by id ascending, `limit` (clamped to 1...10,000) at a time, starting after `cursor`.
    func contacts(after cursor: IDCursor?, limit: Int) throws -> Page<ContactRecord, IDCursor> {
        let limit = Page<ContactRecord, IDCursor>.clamped(limit)
        let sql = "SELECT \(ContactRecord.columns) FROM contacts WHERE id > ? ORDER BY id LIMIT ?"
        let fetched = try map(sql, [.integer(cursor?.lastId ?? 0), .integer(Int64(limit + 1))]) {
            try ContactRecord($0)
        }
        return Page(fetched: fetched, limit: limit) { IDCursor(lastId: $0.id) }
    }

    /// Every contact, by id ascending; for export and the agenda.
    func allContacts() throws -> [ContactRecord] {
        try map("SELECT \(ContactRecord.columns) FROM contacts ORDER BY id", []) { try ContactRecord($0) }
    }

    /// The contacts among `ids` that exist, by id; an id with no contact is simply absent.
    func contacts(ids: some Sequence<Int64>) throws -> [Int64: ContactRecord] {
        let sql = """
            SELECT \(ContactRecord.columns) FROM contacts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
            """
        var found: [Int64: ContactRecord] = [:]
        try forEachRow(sql, [Self.jsonArray(ids)]) { row in
            let record = try ContactRecord(row)
            found[record.id] = record
        }
        return found
    }

    private static func bindings(_ fields: ContactFields) -> [SQLiteValue] {
        [
            .text(fields.name), SQLiteValue(fields.title), SQLiteValue(fields.organization),
            SQLiteValue(fields.email), SQLiteValue(fields.phone), SQLiteValue(fields.role), SQLiteValue(fields.notes),
        ]
    }
}
