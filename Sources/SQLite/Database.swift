import CSQLite

/// One SQLite connection, with its statement cache.
///
/// Not `Sendable`, on purpose: it is opened with SQLITE_OPEN_NOMUTEX (https://sqlite.org/threadsafe.html), so
/// SQLite does no locking of its own and the connection, its statements and its transaction state belong to one
/// thread at a time. The service owns one writer connection on its writer thread and one read-only connection per
/// event loop.
public final class Database {
    /// The path as opened; `:memory:` is a private in-memory database.
    public let path: String
    /// The options the connection was opened with.
    public let options: DatabaseOptions
    private(set) var handle: OpaquePointer?
    var statementCache: [SQLKey: Statement] = [:]
    /// How many `transaction(_:_:)` calls are running: 0 none, 1 the outer BEGIN, more the nested savepoints.
    var transactionDepth = 0
    /// The SAVEPOINT and RELEASE statements of each nesting depth, prepared once: a group commit opens and
    /// releases one savepoint per job.
    var savepointStatements: [SavepointStatements] = []

    /// Whether the connection was opened through `WALCoalescingVFS`, as `DatabaseOptions.coalesceWALWrites` asks
    /// where it is allowed; it then refuses statements that set `synchronous`.
    public let coalescesWALWrites: Bool

    /// Opens (creating it unless read-only) and configures a connection: busy timeout, foreign keys, synchronous
    /// and, for writers to a file, the journal mode.
    public convenience init(path: String, options: DatabaseOptions = DatabaseOptions()) throws(SQLiteError) {
        try self.init(
            path: path, options: options, libraryVersion: sqlite3_libversion_number(), log: Self.writeToStandardError)
    }

    /// Opens as `init(path:options:)` does, judging the WAL coalescing by `libraryVersion` instead of the loaded
    /// library's and giving `log` the line that says why it is not used.
    init(
        path: String, options: DatabaseOptions, libraryVersion: Int32, log: (String) -> Void
    ) throws(SQLiteError) {
        self.path = path
        self.options = options
        let access = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        var opened: OpaquePointer?
        let coalesces = Self.coalescesWALWrites(
            path: path, options: options, libraryVersion: libraryVersion, log: log)
        coalescesWALWrites = coalesces
        let code = sqlite3_open_v2(
            path, &opened, access | SQLITE_OPEN_NOMUTEX, coalesces ? WALCoalescingVFS.name : nil)
        guard code == SQLITE_OK, let opened else {
            // SQLite hands back a handle even on failure; it carries the message and must still be closed.
            let failure = SQLiteError(connection: opened, code: code, sql: nil)
            sqlite3_close_v2(opened)
            throw SQLiteError(code: failure.extendedCode, message: "cannot open \(path): \(failure.message)")
        }
        handle = opened
        // Report UNIQUE, FOREIGN KEY, NOT NULL... apart, not all as SQLITE_CONSTRAINT
        // (https://sqlite.org/c3ref/extended_result_codes.html).
        sqlite3_extended_result_codes(opened, 1)
        do {
            try configure(opened)
            // After configure, which sets synchronous itself.
            if coalesces {
                Self.refuseSynchronousChanges(on: opened)
            }
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Whether the database lives in a file; WAL needs one.
    public var isFileBacked: Bool { Self.isFileBacked(path) }

    /// Whether `path` names a file, rather than a private in-memory or temporary database.
    static func isFileBacked(_ path: String) -> Bool { path != ":memory:" && !path.isEmpty }

    // PRAGMA takes no bound parameters, so these statements interpolate values from closed enums and
    // booleans, never from input.
    private func configure(_ connection: OpaquePointer) throws(SQLiteError) {
        sqlite3_busy_timeout(connection, Int32(clamping: options.busyTimeoutMilliseconds))
        try execute("PRAGMA foreign_keys = \(options.foreignKeys ? "ON" : "OFF")")
        try execute("PRAGMA synchronous = \(options.synchronous.pragmaKeyword)")
        if options.temporaryFilesInMemory { try execute("PRAGMA temp_store = MEMORY") }
        // The journal mode is stored in the file for WAL, so readers inherit it and cannot set it anyway.
        guard !options.readOnly, isFileBacked else { return }
        try execute("PRAGMA wal_autocheckpoint = \(max(options.walAutocheckpointPages, 0))")
        let wanted = options.journalMode.rawValue
        let sql = "PRAGMA journal_mode = \(wanted)"
        let reported = try queryOne(sql)?.value(at: 0)
        guard case .text(let mode)? = reported, mode.lowercased() == wanted else {
            // SQLite answers with the mode still in force when it cannot switch
            // (https://sqlite.org/pragma.html#pragma_journal_mode).
            var actual = "unknown"
            if case .text(let mode)? = reported {
                actual = mode
            }
            throw SQLiteError(code: SQLITE_ERROR, message: "journal_mode is \(actual), not \(wanted)", sql: sql)
        }
    }

    /// The open handle, or a misuse error once closed.
    func connection() throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the database connection is closed")
        }
        return handle
    }

    /// Finalizes cached statements and closes the connection. Idempotent; also run by `deinit`.
    ///
    /// Uses sqlite3_close_v2, which defers the close until statements still held elsewhere are finalized
    /// (https://sqlite.org/c3ref/close.html), so a stray `Statement` can never point at freed memory. An open
    /// transaction is rolled back.
    public func close() {
        guard let handle else { return }
        for statement in statementCache.values {
            statement.finalize()
        }
        statementCache.removeAll()
        for statements in savepointStatements {
            statements.open.finalize()
            statements.release.finalize()
        }
        savepointStatements.removeAll()
        sqlite3_close_v2(handle)
        self.handle = nil
        transactionDepth = 0
    }

    /// Whether `close()` has run.
    public var isClosed: Bool { handle == nil }

    /// The rowid of the most recent successful INSERT on this connection
    /// (https://sqlite.org/c3ref/last_insert_rowid.html).
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// Rows changed by the most recent INSERT, UPDATE or DELETE (https://sqlite.org/c3ref/changes.html).
    public var changes: Int {
        handle.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// Whether a transaction is open, i.e. the connection is out of autocommit mode
    /// (https://sqlite.org/c3ref/get_autocommit.html).
    public var isInTransaction: Bool {
        handle.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }
}
