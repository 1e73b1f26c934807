import SQLite

extension Database {
    /// Why a guarded write must not go ahead, or nil when it may: the row is missing, or its version is not the
    /// expected one (the `If-Match` precondition of RFC 9110 §13.1.1).
    static func versionCheck<Record>(
        current: Int64?, expected: Int64?, as type: Record.Type
    ) -> WriteOutcome<Record>? {
        guard let current else { return .notFound }
        if let expected, expected != current {
            return .versionMismatch(current: current)
        }
        return nil
    }

    /// The row a RETURNING clause gave back. Only reached after the row was seen in the same transaction, so a
    /// missing one means the statement misbehaved; that is an error, not a crash.
    static func returned<Record>(_ record: Record?, sql: String) throws(SQLiteError) -> Record {
        guard let record else {
            // 2 is SQLITE_INTERNAL (https://sqlite.org/rescode.html#internal); Store does not import the C module.
            throw SQLiteError(code: 2, message: "the statement returned no row", sql: sql)
        }
        return record
    }
}
