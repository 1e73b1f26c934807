/// A Swift value that can be read from a result column.
public protocol SQLiteDecodable {
    /// Makes the value from what SQLite returned; nil when the storage class does not fit this type.
    init?(sqliteValue: SQLiteValue)
}

/// A type that can be both bound and read back.
public typealias SQLiteValueConvertible = SQLiteBindable & SQLiteDecodable

extension SQLiteDecodable {
    /// Decodes `value`, naming `column` in the error, which tells a NULL apart from a storage class that does not fit.
    static func decoded(from value: SQLiteValue, column: String) throws(RowDecodingError) -> Self {
        if let decoded = Self(sqliteValue: value) {
            return decoded
        }
        if value.isNull {
            throw .unexpectedNull(column: column)
        }
        throw .typeMismatch(column: column, expected: String(describing: Self.self), found: value.storageClass)
    }
}
