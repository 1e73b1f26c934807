/// One result row, copied out of the statement so it outlives it and may cross threads.
public struct Row: Sendable, Equatable {
    let layout: ColumnLayout
    /// The values in column order.
    public let values: [SQLiteValue]

    init(layout: ColumnLayout, values: [SQLiteValue]) {
        self.layout = layout
        self.values = values
    }

    /// Makes a row from names and values of equal count (for tests and in-memory results).
    public init(columnNames: [String], values: [SQLiteValue]) {
        self.init(layout: ColumnLayout(names: columnNames), values: values)
    }

    /// The column names in order.
    public var columnNames: [String] { layout.names }

    /// The number of columns.
    public var count: Int { values.count }

    /// The value at a zero-based index, or nil past the last column.
    public func value(at index: Int) -> SQLiteValue? {
        values.indices.contains(index) ? values[index] : nil
    }

    /// The value of the named column (case-insensitive), or nil if the row has no such column.
    public func value(named name: String) -> SQLiteValue? {
        layout.index(of: name).flatMap { value(at: $0) }
    }

    /// The value at a zero-based index as `T`; throws if the index is out of range, the value is NULL and `T` is
    /// not optional, or the storage class does not convert.
    public func get<T: SQLiteDecodable>(_ index: Int, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        guard values.indices.contains(index), layout.names.indices.contains(index) else {
            throw .columnIndexOutOfRange(index: index, count: values.count)
        }
        return try T.decoded(from: values[index], column: layout.names[index])
    }

    /// The named column's value as `T`; throws if there is no such column, or as `get(_:as:)` by index.
    public func get<T: SQLiteDecodable>(_ name: String, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        guard let index = layout.index(of: name), values.indices.contains(index) else {
            throw .noSuchColumn(name)
        }
        return try T.decoded(from: values[index], column: layout.names[index])
    }

    public static func == (lhs: Row, rhs: Row) -> Bool {
        lhs.layout.names == rhs.layout.names && lhs.values == rhs.values
    }
}
