/// The result of an update or delete guarded by a version: the record, or why nothing was written.
public enum WriteOutcome<Record: Sendable & Equatable>: Sendable, Equatable {
    /// Written: the record as it now is (update) or as it was (delete).
    case done(Record)
    /// No row has that id.
    case notFound
    /// The row's version is not the one the caller expected (HTTP 412 for `If-Match`); nothing was written.
    case versionMismatch(current: Int64)

    /// The record when written, else nil.
    public var record: Record? {
        if case .done(let record) = self {
            return record
        }
        return nil
    }
}
