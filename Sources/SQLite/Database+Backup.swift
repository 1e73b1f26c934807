import CSQLite

extension Database {
    /// Copies this database, live, into the file at `path` with SQLite's online backup
    /// (https://sqlite.org/backup.html, https://sqlite.org/c3ref/backup_finish.html).
    ///
    /// The copy is one consistent snapshot even while other connections write: SQLite restarts the copy when the
    /// source changes between steps. Each step copies `pagesPerStep` pages under a short read lock; after a few
    /// restarts the rest is copied in one step, so steady writes cannot starve the backup. In WAL mode that
    /// step's read does not block writers. Steps that find the source or destination locked are retried until
    /// the busy timeout has passed.
    ///
    /// `afterStep` is called after each step that made progress, on this thread.
    public func backup(
        to path: String,
        pagesPerStep: Int = 64,
        afterStep: (BackupProgress) -> Void = { _ in }
    ) throws(SQLiteError) {
        let source = try connection()
        var opened: OpaquePointer?
        let openCode = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        defer { sqlite3_close_v2(opened) }
        guard openCode == SQLITE_OK, let destination = opened else {
            let failure = SQLiteError(connection: opened, code: openCode, sql: nil)
            throw SQLiteError(code: failure.extendedCode, message: "cannot open \(path): \(failure.message)")
        }
        sqlite3_extended_result_codes(destination, 1)
        sqlite3_busy_timeout(destination, Int32(clamping: options.busyTimeoutMilliseconds))
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw SQLiteError(connection: destination, code: sqlite3_errcode(destination), sql: nil)
        }
        let failure = Database.copy(
            backup, pagesPerStep: pagesPerStep, patienceMilliseconds: options.busyTimeoutMilliseconds,
            afterStep: afterStep)
        // Finish always runs, to release the backup's locks; its code repeats any failure of a step.
        let finished = sqlite3_backup_finish(backup)
        if let failure {
            throw failure
        }
        guard finished == SQLITE_OK else {
            throw SQLiteError(connection: destination, code: finished, sql: nil)
        }
    }

    /// Restarts tolerated before the rest of the copy is done in one step.
    static let backupRestartsBeforeOneStep = 4
    /// Pause between retries of a step that found a lock.
    static let backupRetryMilliseconds: Int32 = 10

    private static func copy(
        _ backup: OpaquePointer,
        pagesPerStep: Int,
        patienceMilliseconds: Int,
        afterStep: (BackupProgress) -> Void
    ) -> SQLiteError? {
        // -1 asks SQLite for every remaining page at once.
        var pages = pagesPerStep > 0 ? Int32(clamping: pagesPerStep) : -1
        var restarts = 0
        var waited = 0
        var lastRemaining = Int32.max
        while true {
            let code = sqlite3_backup_step(backup, pages)
            switch code & 0xFF {
            case SQLITE_DONE:
                afterStep(BackupProgress(remainingPages: 0, totalPages: Int(sqlite3_backup_pagecount(backup))))
                return nil
            case SQLITE_OK:
                waited = 0
                let remaining = sqlite3_backup_remaining(backup)
                // No fewer pages left than before means the copy restarted because the source changed.
                if remaining >= lastRemaining {
                    restarts += 1
                    if restarts >= backupRestartsBeforeOneStep {
                        pages = -1
                    }
                }
                lastRemaining = remaining
                let total = Int(sqlite3_backup_pagecount(backup))
                afterStep(BackupProgress(remainingPages: Int(remaining), totalPages: total))
            case SQLITE_BUSY, SQLITE_LOCKED:
                guard waited < patienceMilliseconds else {
                    let message = "backup gave up after waiting \(waited) ms for a lock"
                    return SQLiteError(code: code, message: message)
                }
                sqlite3_sleep(backupRetryMilliseconds)
                waited += Int(backupRetryMilliseconds)
            default:
                return SQLiteError(code: code, message: "backup failed: " + String(cString: sqlite3_errstr(code)))
            }
        }
    }
}
