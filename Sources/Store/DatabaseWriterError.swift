/// Why the writer did not run a job, or could not keep it.
enum DatabaseWriterError: Error, Sendable, CustomStringConvertible {
    /// The writer was closed before the job was submitted.
    case closed
    /// `perform` was called on the writer's own thread, where waiting for the job would wait forever.
    case performOnWriterThread
    /// The writer's transaction was gone after the job ran, though the job returned: it caught the error after
    /// which SQLite rolled back (https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction).
    /// What it wrote is not kept; the other jobs of its batch ran again in a new transaction.
    case transactionEnded
    /// The writer thread could not be started.
    case threadStartFailed(code: Int32)

    var description: String {
        switch self {
        case .closed:
            "the database writer is closed"
        case .performOnWriterThread:
            "perform was called on the writer thread, which would wait for itself"
        case .transactionEnded:
            "SQLite rolled back the transaction while the job ran, so its writes are not kept"
        case .threadStartFailed(let code):
            "cannot start the writer thread: pthread_create returned \(code)"
        }
    }
}
