import CSQLite

extension Statement {
    /// The number of result columns; zero for statements that return no rows.
    public var columnCount: Int { layout.names.count }

    /// The result column names in order.
    public var columnNames: [String] { layout.names }

    /// The current row's value at a zero-based index, or nil past the last column.
    /// Valid only after `step()` returned true.
    public func value(at index: Int) -> SQLiteValue? {
        guard let handle, index >= 0, index < columnCount else { return nil }
        return Statement.read(handle, Int32(index))
    }

    /// The current row's value in the named column (case-insensitive), or nil if there is no such column.
    public func value(named name: String) -> SQLiteValue? {
        layout.index(of: name).flatMap { value(at: $0) }
    }

    /// The current row's value at a zero-based index as `T`.
    public func get<T: SQLiteDecodable>(_ index: Int, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        guard let value = value(at: index) else {
            throw .columnIndexOutOfRange(index: index, count: columnCount)
        }
        return try T.decoded(from: value, column: layout.names[index])
    }

    /// The current row's value in the named column as `T`.
    public func get<T: SQLiteDecodable>(_ name: String, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        guard let index = layout.index(of: name), let value = value(at: index) else {
            throw .noSuchColumn(name)
        }
        return try T.decoded(from: value, column: layout.names[index])
    }

    /// Copies the current row out of the statement.
    public func row() -> Row {
        let layout = self.layout
        guard let handle else { return Row(layout: layout, values: []) }
        var values: [SQLiteValue] = []
        values.reserveCapacity(layout.names.count)
        for index in 0..<Int32(layout.names.count) {
            values.append(Statement.read(handle, index))
        }
        return Row(layout: layout, values: values)
    }

    /// Reads one column by its storage class (https://sqlite.org/c3ref/column_blob.html). The byte count is asked
    /// after the pointer, as SQLite requires, and text is decoded by length so an embedded NUL is kept.
    private static func read(_ statement: OpaquePointer, _ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE3_TEXT:
            guard let text = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a NULL pointer.
            guard let bytes = sqlite3_column_blob(statement, index) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
