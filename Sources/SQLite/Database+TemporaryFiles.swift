import CSQLite

extension Database {
    /// Runs `body` with SQLite's temporary files on disk, for a connection that otherwise keeps them in memory
    /// (`DatabaseOptions.temporaryFilesInMemory`); on any other connection it just runs `body`.
    ///
    /// In memory, a transaction's statement journal holds the first image of every existing page it changes,
    /// without a bound: deleting rows spread over 100,000 pages holds 400 MiB. On disk, SQLite keeps the first
    /// 64 KiB in memory and spills the rest to a deleted temporary file. SQLite reads the setting when a write
    /// transaction begins, and refuses to change it inside one
    /// (https://sqlite.org/pragma.html#pragma_temp_store), so call this outside any transaction and open the
    /// transaction inside `body`. Memory is set again afterwards, whatever `body` did.
    public func withTemporaryFilesOnDisk<T>(_ body: () throws -> T) throws -> T {
        guard options.temporaryFilesInMemory else { return try body() }
        guard !isInTransaction else {
            throw SQLiteError(
                code: SQLITE_MISUSE, message: "temporary storage cannot be changed inside a transaction",
                sql: "PRAGMA temp_store = FILE")
        }
        try execute("PRAGMA temp_store = FILE")
        defer {
            // Outside a transaction this cannot fail but on a closed connection; a connection left on disk
            // still works, only slower.
            try? execute("PRAGMA temp_store = MEMORY")
        }
        return try body()
    }
}
