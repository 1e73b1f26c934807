import CSQLite

extension Database {
    /// The schema version the application keeps in the file header
    /// (https://sqlite.org/pragma.html#pragma_user_version).
    public func userVersion() throws(SQLiteError) -> Int {
        guard case .integer(let version)? = try queryOne("PRAGMA user_version")?.value(at: 0) else {
            throw SQLiteError(code: SQLITE_ERROR, message: "PRAGMA user_version returned no integer")
        }
        return Int(version)
    }

    /// Sets the schema version; part of the enclosing transaction, like any other write to the header.
    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        // PRAGMA takes no parameters; the value is a checked integer, so interpolation cannot inject SQL.
        guard let checked = Int32(exactly: version) else {
            throw SQLiteError(code: SQLITE_RANGE, message: "user_version \(version) does not fit 32 bits")
        }
        try execute("PRAGMA user_version = \(checked)")
    }

    /// Runs PRAGMA integrity_check (https://sqlite.org/pragma.html#pragma_integrity_check): ["ok"] when healthy,
    /// otherwise one line per problem found.
    public func integrityCheck() throws(SQLiteError) -> [String] {
        try query("PRAGMA integrity_check").map { row in
            guard case .text(let line)? = row.value(at: 0) else { return "" }
            return line
        }
    }

    /// Copies WAL frames back into the database file (https://sqlite.org/c3ref/wal_checkpoint_v2.html).
    /// Throws with `isBusy` when a FULL, RESTART or TRUNCATE checkpoint could not finish for readers or a writer.
    @discardableResult
    public func walCheckpoint(_ mode: CheckpointMode = .passive) throws(SQLiteError) -> CheckpointResult {
        let connection = try connection()
        var walFrames: Int32 = 0
        var checkpointed: Int32 = 0
        let code = sqlite3_wal_checkpoint_v2(connection, nil, mode.code, &walFrames, &checkpointed)
        guard code == SQLITE_OK else {
            throw SQLiteError(connection: connection, code: code, sql: nil)
        }
        return CheckpointResult(walFrames: Int(walFrames), checkpointedFrames: Int(checkpointed))
    }
}
