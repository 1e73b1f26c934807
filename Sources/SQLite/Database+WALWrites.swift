import CSQLite
import Glibc

extension Database {
    /// The message of the error a coalescing connection answers a statement setting `synchronous` with.
    static let synchronousRefusal =
        "synchronous cannot be changed on a connection whose WAL writes are coalesced: the coalescing is correct "
        + "only at FULL or EXTRA, which the connection was opened with"

    /// Whether a connection opened with `options` goes through `WALCoalescingVFS`: only when it asks, writes a WAL
    /// file and syncs it at every commit, since SQLite publishes a commit to other connections only after that sync
    /// (https://sqlite.org/pragma.html#pragma_synchronous), and the library is a release the VFS was proven with.
    /// When the release alone is why not, `log` gets one line saying so.
    static func coalescesWALWrites(
        path: String, options: DatabaseOptions, libraryVersion: Int32, log: (String) -> Void
    ) -> Bool {
        guard options.coalesceWALWrites, !options.readOnly, options.journalMode == .wal, isFileBacked(path),
            options.synchronous == .full || options.synchronous == .extra
        else { return false }
        if let refusal = WALCoalescingVFS.versionRefusal(libraryVersion) {
            log(refusal)
            return false
        }
        return WALCoalescingVFS.isRegistered
    }

    /// Writes a line to standard error in one call, so that lines from different threads do not interleave.
    static func writeToStandardError(_ line: String) {
        let text = line + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }

    /// Has SQLite refuse, when it prepares them, statements that set `synchronous` on any schema of the connection;
    /// reading it stays allowed. For SQLITE_PRAGMA an authorizer gets the pragma's name and its argument, NULL
    /// when there is none (https://sqlite.org/c3ref/set_authorizer.html), so every spelling is caught: any case,
    /// `main.`, `= 0`, `(off)`. The statement fails with SQLITE_AUTH.
    static func refuseSynchronousChanges(on connection: OpaquePointer) {
        sqlite3_set_authorizer(
            connection,
            { _, action, name, argument, _, _ in
                guard action == SQLITE_PRAGMA, argument != nil, let name, sqlite3_stricmp(name, "synchronous") == 0
                else { return SQLITE_OK }
                return SQLITE_DENY
            }, nil)
    }

    /// `error`, or for the refusal of a statement setting `synchronous` an error that says what was refused and
    /// why: SQLite's own message is only "not authorized", and on a coalescing connection that is the one statement
    /// the authorizer refuses.
    func explained(_ error: SQLiteError) -> SQLiteError {
        guard coalescesWALWrites, error.code == SQLITE_AUTH else { return error }
        return SQLiteError(code: error.extendedCode, message: Self.synchronousRefusal, sql: error.sql)
    }

    /// For a connection whose WAL writes are coalesced (see `WALCoalescingVFS`), the writes SQLite asked of its
    /// WAL so far and those that reached the file system; nil for any other connection, or before its WAL is open.
    var coalescedWALWrites: (requested: Int, performed: Int)? {
        guard let handle else { return nil }
        var file: UnsafeMutablePointer<sqlite3_file>?
        // https://sqlite.org/c3ref/c_fcntl_begin_atomic_write.html#sqlitefcntljournalpointer
        guard sqlite3_file_control(handle, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file) == SQLITE_OK, let file,
            file.pointee.pMethods != nil
        else { return nil }
        return WALCoalescingVFS.writeCounts(of: file)
    }
}
