/// One value as SQLite stores it: one of the five storage classes (https://sqlite.org/datatype3.html).
public enum SQLiteValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A signed 64-bit integer.
    case integer(Int64)
    /// An IEEE 754 double. SQLite stores NaN as NULL (https://sqlite.org/c3ref/bind_blob.html).
    case real(Double)
    /// UTF-8 text; bound and read by length, so an embedded NUL survives.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// The storage class name SQLite's `typeof()` reports: "null", "integer", "real", "text" or "blob".
    ///
    /// Errors name the storage class, never the value, because values may be personal data.
    public var storageClass: String {
        switch self {
        case .null: "null"
        case .integer: "integer"
        case .real: "real"
        case .text: "text"
        case .blob: "blob"
        }
    }

    /// True for SQL NULL.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
