import SQLite

extension Database {
    /// The application with this id, or nil.
    func application(id: Int64) throws -> ApplicationRecord? {
        try first("SELECT \(ApplicationRecord.columns) FROM applications WHERE id = ?", [.integer(id)]) {
            try ApplicationRecord($0)
        }
    }

    /// Stores a new application at version 1, created and updated `now` (ms), and returns it with its new id.
    /// A `recruiterId` naming no contact fails with a FOREIGN KEY error.
    func insertApplication(_ fields: ApplicationFields, now: Int64) throws -> ApplicationRecord {
        let sql = """
            INSERT INTO applications (employer, position, route, recruiter_id, direct_contact_permitted, status, \
            notes, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) \
            RETURNING \(ApplicationRecord.columns)
            """
        let record = try first(sql, Self.bindings(fields) + [.integer(now), .integer(now)]) {
            try ApplicationRecord($0)
        }
        return try Self.returned(record, sql: sql)
    }

    /// Stores an application exactly as given, id, timestamps and version included; for import.
    func importApplication(_ record: ApplicationRecord) throws {
        let sql = """
            INSERT INTO applications (employer, position, route, recruiter_id, direct_contact_permitted, status, \
            notes, id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        let bindings =
            Self.bindings(record.fields)
            + [.integer(record.id), .integer(record.createdAt), .integer(record.updatedAt), .integer(record.version)]
        try run(sql, bindings)
    }

    /// Replaces every writable field, sets `updated_at` to `now` and adds one to the version; refused when
    /// `expectedVersion` is given and differs from the stored version.
    func updateApplication(
        id: Int64, _ fields: ApplicationFields, expectedVersion: Int64?, now: Int64
    ) throws -> WriteOutcome<ApplicationRecord> {
        let current = try first("SELECT version FROM applications WHERE id = ?", [.integer(id)]) {
            try $0.int64(0)
        }
        if let mismatch = Self.versionCheck(current: current, expected: expectedVersion, as: ApplicationRecord.self) {
            return mismatch
        }
        let sql = """
            UPDATE applications SET employer = ?, position = ?, route = ?, recruiter_id = ?, \
            direct_contact_permitted = ?, status = ?, notes = ?, updated_at = ?, version = version + 1 \
            WHERE id = ? RETURNING \(ApplicationRecord.columns)
            """
        let record = try first(sql, Self.bindings(fields) + [.integer(now), .integer(id)]) {
            try ApplicationRecord($0)
        }
        return .done(try Self.returned(record, sql: sql))
    }

    /// Deletes the application with its events (their interviewers and violations too) and returns it as it was;
    /// refused when `expectedVersion` is given and differs. Offer disclosures elsewhere that named it keep their
    /// event with `otherApplicationId` cleared.
    func deleteApplication(id: Int64, expectedVersion: Int64?) throws -> WriteOutcome<ApplicationRecord> {
        let current = try first("SELECT version FROM applications WHERE id = ?", [.integer(id)]) {
            try $0.int64(0)
        }
        if let mismatch = Self.versionCheck(current: current, expected: expectedVersion, as: ApplicationRecord.self) {
            return mismatch
        }
        let sql = "DELETE FROM applications WHERE id = ? RETURNING \(ApplicationRecord.columns)"
        let record = try first(sql, [.integer(id)]) { try ApplicationRecord($0) }
        return .done(try Self.returned(record, sql: sql))
    }

    /// Applications matching `filter`, by id ascending, `limit` (clamped to 1...10,000) at a time, after `cursor`.
    ///
    /// The SQL is put together from fixed fragments, one per condition given, so there are at most 16 texts (each
    /// prepared once and cached) and every value stays a bound parameter.
    ///
    /// The text search is `instr` over both sides in lower case: SQLite lowers ASCII letters only, so case is
    /// ignored just as LIKE ignores it (https://sqlite.org/lang_corefunc.html#instr). Not LIKE itself: it
    /// reads a pattern and a value only up to their first NUL, so a search for a NUL matched everything and a
    /// text after a stored NUL could not be found; and its wildcards need escaping, which once went by grapheme
    /// and so left a `%` or `_` followed by a combining mark unescaped. `instr` compares bytes over the whole
    /// length: every character of the search, NUL included, matches only itself.
    func applications(
        matching filter: ApplicationFilter, after cursor: IDCursor?, limit: Int
    ) throws -> Page<ApplicationRecord, IDCursor> {
        let limit = Page<ApplicationRecord, IDCursor>.clamped(limit)
        var conditions = ["id > ?"]
        var bindings: [SQLiteValue] = [.integer(cursor?.lastId ?? 0)]
        if let status = filter.status {
            conditions.append("status = ?")
            bindings.append(.text(status))
        }
        if let route = filter.route {
            conditions.append("route = ?")
            bindings.append(.text(route))
        }
        if let recruiterId = filter.recruiterId {
            conditions.append("recruiter_id = ?")
            bindings.append(.integer(recruiterId))
        }
        if let text = filter.text {
            // Plain `?` twice rather than `?NNN`, whose number would depend on the conditions before it.
            conditions.append("(instr(lower(employer), lower(?)) > 0 OR instr(lower(position), lower(?)) > 0)")
            bindings += [.text(text), .text(text)]
        }
        bindings.append(.integer(Int64(limit + 1)))
        let sql = """
            SELECT \(ApplicationRecord.columns) FROM applications WHERE \(conditions.joined(separator: " AND ")) \
            ORDER BY id LIMIT ?
            """
        let fetched = try map(sql, bindings) { try ApplicationRecord($0) }
        return Page(fetched: fetched, limit: limit) { IDCursor(lastId: $0.id) }
    }

    /// Every application, by id ascending; for export and CSV.
    func allApplications() throws -> [ApplicationRecord] {
        try map("SELECT \(ApplicationRecord.columns) FROM applications ORDER BY id", []) {
            try ApplicationRecord($0)
        }
    }

    /// The status of each application among `ids` that exists, by id; for `real-offers-only`.
    func statuses(ofApplications ids: some Sequence<Int64>) throws -> [Int64: String] {
        let sql = "SELECT id, status FROM applications WHERE id IN (SELECT value FROM json_each(?))"
        var statuses: [Int64: String] = [:]
        try forEachRow(sql, [Self.jsonArray(ids)]) { row in
            statuses[try row.int64(0)] = try row.text(1)
        }
        return statuses
    }

    /// The id of every application, ascending.
    func applicationIds() throws -> [Int64] {
        var ids: [Int64] = []
        try forEachRow("SELECT id FROM applications ORDER BY id", []) { row in ids.append(try row.int64(0)) }
        return ids
    }

    private static func bindings(_ fields: ApplicationFields) -> [SQLiteValue] {
        [
            SQLiteValue(fields.employer), SQLiteValue(fields.position), .text(fields.route),
            SQLiteValue(fields.recruiterId), SQLiteValue(fields.directContactPermitted), .text(fields.status),
            SQLiteValue(fields.notes),
        ]
    }
}
