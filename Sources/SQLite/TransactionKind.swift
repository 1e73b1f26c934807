/// When a transaction takes its locks (https://sqlite.org/lang_transaction.html).
public enum TransactionKind: Sendable, CaseIterable {
    /// Locks are taken on first read or write. A read transaction that later writes may fail with SQLITE_BUSY
    /// without waiting, so use this for reads.
    case deferred
    /// The write lock is taken at BEGIN, waiting up to the busy timeout; use this for every write.
    case immediate
    /// As `immediate`; in WAL mode the two are the same.
    case exclusive

    /// The BEGIN statement for this kind.
    var beginSQL: String {
        switch self {
        case .deferred: "BEGIN DEFERRED TRANSACTION"
        case .immediate: "BEGIN IMMEDIATE TRANSACTION"
        case .exclusive: "BEGIN EXCLUSIVE TRANSACTION"
        }
    }
}
