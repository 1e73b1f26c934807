import SQLite

extension SnoozeRecord {
    /// The columns every snooze query selects, in the order `init(_:at:)` reads them.
    static let columns = "id, application_id, action, contact_id, until, created_at"

    /// Reads a record from the current row, starting at column `offset`.
    init(_ row: Row, at offset: Int = 0) throws(RowDecodingError) {
        self.init(
            id: try row.int64(offset),
            SnoozeFields(
                applicationId: try row.int64(offset + 1),
                action: try row.text(offset + 2),
                contactId: try row.optionalInt64(offset + 3),
                until: try row.int64(offset + 4)),
            createdAt: try row.int64(offset + 5))
    }
}
