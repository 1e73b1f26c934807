import SQLite

extension Database {
    /// The saved response for an `Idempotency-Key`, or nil. Whether it is too old to count is the caller's
    /// decision, made with its own clock.
    func idempotencyRecord(key: String) throws -> IdempotencyRecord? {
        let sql = "SELECT key, fingerprint, status, headers, body, created_at FROM idempotency_keys WHERE key = ?"
        return try first(sql, [.text(key)]) { row in
            guard let status = Int(exactly: try row.int64(2)) else {
                throw RowDecodingError.typeMismatch(column: "status", expected: "Int", found: "integer")
            }
            return IdempotencyRecord(
                key: try row.text(0), fingerprint: try row.text(1), status: status, headers: try row.text(3),
                body: try row.bytes(4), createdAt: try row.int64(5))
        }
    }

    /// Saves a response under its key, replacing one saved before under the same key (e.g. an expired one not yet
    /// purged).
    func saveIdempotencyRecord(_ record: IdempotencyRecord) throws {
        let sql = """
            INSERT INTO idempotency_keys (key, fingerprint, status, headers, body, created_at) \
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, \
            status = excluded.status, headers = excluded.headers, body = excluded.body, \
            created_at = excluded.created_at
            """
        let bindings: [SQLiteValue] = [
            .text(record.key), .text(record.fingerprint), .integer(Int64(record.status)), .text(record.headers),
            .blob(record.body), .integer(record.createdAt),
        ]
        try run(sql, bindings)
    }

    /// Deletes responses saved before `cutoff` (ms since the epoch) and returns how many. Keys must be kept at
    /// least 24 hours, so pass a cutoff of now minus a day or more.
    @discardableResult
    func purgeIdempotencyRecords(olderThan cutoff: Int64) throws -> Int {
        try run("DELETE FROM idempotency_keys WHERE created_at < ?", [.integer(cutoff)])
        return changes
    }
}
