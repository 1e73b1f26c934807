import SQLite

/// The service's database, and the boundary around it: one writer with group commit, and a reader for each
/// thread that reads. SQLite stays inside: callers read and write through the Store's transactions, whose
/// methods say what they do, and get `StoreError`s back.
///
/// Open it once at start-up. Reads go through `read`, on the calling thread's own reader; writes through
/// `submit` from a handler (`perform` elsewhere), in the writer's next group commit, and each reports what it
/// changed. Several queries and writes compose inside one transaction.
public final class Store: Sendable {
    /// The database file.
    public let path: String
    /// The single writer connection and its thread.
    let writer: DatabaseWriter
    /// A read-only connection for each thread that reads.
    let readers: ReaderPool

    /// The WAL size, in pages, that triggers a checkpoint: four times SQLite's default (16 MiB of 4 KiB pages).
    /// A checkpoint runs inside the commit that crosses it and holds up the writes waiting behind, and it writes
    /// each page once however often the WAL holds it: new events keep changing the same index pages, so a longer
    /// WAL means fewer checkpoints of about the same size (https://sqlite.org/wal.html#automatic_checkpoint).
    public static let checkpointPages = 4000

    /// Opens the database file at `path` (creating it), in WAL mode with foreign keys on, and brings its schema up
    /// to date on the writer before anything else runs. Throws `MigrationError.schemaTooNew` for a file written
    /// by a newer release. `path` must name a file: readers cannot share a `:memory:` database. At most `readers`
    /// threads read at once; each has a connection of its own from its first read until it ends.
    public init(path: String, readers: Int, synchronous: SynchronousMode = .full, batchLimit: Int = 512) throws {
        self.path = path
        writer = try DatabaseWriter(
            path: path,
            // Each commit's WAL frames reach the file system in one write, where that is proven safe (see
            // `DatabaseOptions.coalesceWALWrites`); bench/README.md has what that saves. Each job of a batch runs
            // in a savepoint, whose statement journal stays in memory: in a temporary file it cost two `pwrite`s
            // for every page each job changed. A job that may change pages without a bound runs alone with it on
            // disk (`WriteExtent.unbounded`).
            options: DatabaseOptions(
                synchronous: synchronous, walAutocheckpointPages: Self.checkpointPages, coalesceWALWrites: true,
                temporaryFilesInMemory: true),
            batchLimit: batchLimit
        ) { database in
            // A migration may rewrite whole tables: its statement journal must not grow in memory.
            _ = try database.withTemporaryFilesOnDisk { try StoreSchema.migrator.migrate(database) }
        }
        self.readers = ReaderPool(path: path, limit: readers)
    }

    /// Runs the queued writes, then closes the writer and every reader. Call once the loops have stopped.
    public func close() {
        writer.close()
        readers.close()
    }
}
