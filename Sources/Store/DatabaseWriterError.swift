/// Why the writer did not run a job, or could not keep it.
public enum DatabaseWriterError: Error, Sendable, CustomStringConvertible {
    /// The writer was closed before the job was submitted.
    case closed
    /// `perform` was called on the writer's own thread, where waiting for the job would wait forever.
    case performOnWriterThread
    /// SQLite ended the batch's transaction by itself after a job's error (SQLITE_FULL, SQLITE_IOERR…,
    /// https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction), so no job of the batch
    /// was kept.
    case batchRolledBack(underlying: any Error)
    /// The writer thread could not be started.
    case threadStartFailed(code: Int32)

    public var description: String {
        switch self {
        case .closed:
            "the database writer is closed"
        case .performOnWriterThread:
            "perform was called on the writer thread, which would wait for itself"
        case .batchRolledBack(let underlying):
            "SQLite rolled back the whole batch after a job failed: \(underlying)"
        case .threadStartFailed(let code):
            "cannot start the writer thread: pthread_create returned \(code)"
        }
    }
}
