import SQLite

extension ContactRecord {
    /// The columns every contact query selects, in the order `init(_:at:)` reads them.
    static let columns =
        "id, name, title, organization, email, phone, role, notes, created_at, updated_at, version"

    /// Reads a record from the current row, starting at column `offset`.
    init(_ row: Row, at offset: Int = 0) throws(RowDecodingError) {
        self.init(
            id: try row.int64(offset),
            ContactFields(
                name: try row.text(offset + 1),
                title: try row.optionalText(offset + 2),
                organization: try row.optionalText(offset + 3),
                email: try row.optionalText(offset + 4),
                phone: try row.optionalText(offset + 5),
                role: try row.optionalText(offset + 6),
                notes: try row.optionalText(offset + 7)),
            createdAt: try row.int64(offset + 8),
            updatedAt: try row.int64(offset + 9),
            version: try row.int64(offset + 10))
    }
}
