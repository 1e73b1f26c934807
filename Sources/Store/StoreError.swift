import SQLite

/// Why the Store could not read or write: what its callers can tell their own clients. SQLite's errors stay
/// inside the Store, which says what they mean here instead.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A row the write names does not exist (a FOREIGN KEY constraint refused it); nothing was written.
    case missingReference
    /// The contact is still named by these applications and events; nothing was deleted.
    case referenced(ContactReferrers)
    /// A value that must be unique is stored already (a PRIMARY KEY or UNIQUE constraint); nothing was written.
    case duplicate
    /// The database could not grow (SQLITE_FULL): the disk is full, or a table has handed out the largest id
    /// there is (https://sqlite.org/autoinc.html). Nothing was written.
    case full
    /// Another connection held a lock past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED); trying again later may
    /// succeed.
    case busy
    /// The store is closed, or closing, and takes no more writes.
    case closed
    /// More threads read at once than the store has readers for.
    case readersExhausted(limit: Int)
    /// Anything else, told for the log: the stored data or the database itself is not as the Store expects.
    case failed(String)

    /// What `error` means to a caller of the Store: the Store's own errors and those of the caller's code pass as
    /// they are; those of SQLite and of the Store's parts become a `StoreError`.
    static func from(_ error: any Error) -> any Error {
        switch error {
        case let error as SQLiteError: StoreError(error)
        case let error as DatabaseWriterError: StoreError(error)
        case let error as ReaderPoolError: StoreError(error)
        case let error as RowDecodingError: StoreError.failed(error.description)
        default: error
        }
    }

    /// `error`, which came from the database alone, as a `StoreError`.
    init(wrapping error: any Error) {
        switch Self.from(error) {
        case let error as StoreError: self = error
        case let error: self = .failed(String(describing: error))
        }
    }

    init(_ error: SQLiteError) {
        if error.isFull {
            self = .full
        } else if error.isBusy {
            self = .busy
        } else if error.isForeignKeyViolation {
            self = .missingReference
        } else if error.isUniqueViolation {
            self = .duplicate
        } else {
            self = .failed(error.description)
        }
    }

    init(_ error: DatabaseWriterError) {
        switch error {
        case .closed: self = .closed
        case .performOnWriterThread, .transactionEnded, .threadStartFailed: self = .failed(error.description)
        }
    }

    init(_ error: ReaderPoolError) {
        switch error {
        case .exhausted(let limit): self = .readersExhausted(limit: limit)
        case .threadStorageFailed: self = .failed(error.description)
        }
    }

    public var description: String {
        switch self {
        case .missingReference: "a row the write names does not exist"
        case .referenced(let referrers):
            "still referenced by \(referrers.applicationIds.count) application(s) and \(referrers.events.count) event(s)"
        case .duplicate: "a value that must be unique is stored already"
        case .full: "the database is full"
        case .busy: "the database is busy"
        case .closed: "the store is closed"
        case .readersExhausted(let limit): "all \(limit) readers are held by other threads"
        case .failed(let text): text
        }
    }
}
