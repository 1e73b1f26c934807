import SQLite

extension ApplicationRecord {
    /// The columns every application query selects, in the order `init(_:at:)` reads them.
    static let columns = """
        id, employer, position, route, recruiter_id, direct_contact_permitted, status, notes, created_at, \
        updated_at, version
        """

    /// Reads a record from the current row, starting at column `offset`.
    init(_ row: Row, at offset: Int = 0) throws(RowDecodingError) {
        self.init(
            id: try row.int64(offset),
            ApplicationFields(
                employer: try row.optionalText(offset + 1),
                position: try row.optionalText(offset + 2),
                route: try row.text(offset + 3),
                recruiterId: try row.optionalInt64(offset + 4),
                directContactPermitted: try row.bool(offset + 5),
                status: try row.text(offset + 6),
                notes: try row.optionalText(offset + 7)),
            createdAt: try row.int64(offset + 8),
            updatedAt: try row.int64(offset + 9),
            version: try row.int64(offset + 10))
    }
}
