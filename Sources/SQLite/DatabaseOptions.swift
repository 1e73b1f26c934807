/// How a connection is opened and configured.
public struct DatabaseOptions: Sendable, Equatable {
    /// Open with SQLITE_OPEN_READONLY; for reader connections. The journal mode is then left as the file has it.
    public var readOnly: Bool
    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY
    /// (https://sqlite.org/c3ref/busy_timeout.html).
    public var busyTimeoutMilliseconds: Int
    /// Durability of commits; `.full` so that an acknowledged write survives a crash of the process or machine.
    public var synchronous: SynchronousMode
    /// The journal mode set on writer connections to file databases.
    public var journalMode: JournalMode
    /// Enforce FOREIGN KEY constraints, which SQLite leaves off by default
    /// (https://sqlite.org/foreignkeys.html#fk_enable).
    public var foreignKeys: Bool
    /// The WAL size, in pages, past which a commit on this connection copies the WAL back into the database file
    /// (https://sqlite.org/pragma.html#pragma_wal_autocheckpoint); SQLite's default is 1000.
    public var walAutocheckpointPages: Int
    /// Hand each commit's WAL frames to the file system in one write (`WALCoalescingVFS`), for a writer whose
    /// commits are its bottleneck. Off by default. Granted only to a read-write connection to a file, in WAL mode,
    /// at `synchronous` FULL or EXTRA (the only modes it is correct at), and only on a SQLite whose WAL code it was
    /// proven with; elsewhere the connection writes as SQLite does, with a line on stderr when the version is why.
    /// A connection granted it refuses any statement that sets `synchronous`.
    public var coalesceWALWrites: Bool
    /// Keep temporary files in memory (`PRAGMA temp_store = MEMORY`, https://sqlite.org/pragma.html#pragma_temp_store):
    /// above all the statement journal a savepoint writes the first time it changes each page, which SQLite
    /// otherwise spills to a temporary file past 64 KiB, at two `pwrite`s a page. For a writer whose transactions
    /// are bounded (its memory grows with the pages one transaction changes). Off by default.
    public var temporaryFilesInMemory: Bool

    /// The defaults: read-write, 5 s busy timeout, synchronous FULL, WAL, foreign keys enforced, SQLite's
    /// checkpoint threshold, WAL writes as SQLite makes them, temporary files as SQLite keeps them.
    public init(
        readOnly: Bool = false,
        busyTimeoutMilliseconds: Int = 5000,
        synchronous: SynchronousMode = .full,
        journalMode: JournalMode = .wal,
        foreignKeys: Bool = true,
        walAutocheckpointPages: Int = 1000,
        coalesceWALWrites: Bool = false,
        temporaryFilesInMemory: Bool = false
    ) {
        self.readOnly = readOnly
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.synchronous = synchronous
        self.journalMode = journalMode
        self.foreignKeys = foreignKeys
        self.walAutocheckpointPages = walAutocheckpointPages
        self.coalesceWALWrites = coalesceWALWrites
        self.temporaryFilesInMemory = temporaryFilesInMemory
    }

    /// The defaults for a read-only reader connection.
    public static var reader: DatabaseOptions { DatabaseOptions(readOnly: true) }
}
