import CSQLite

extension Database {
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
