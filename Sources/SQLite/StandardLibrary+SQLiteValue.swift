// Conversions are strict: a value is read only from the storage class that holds it without loss, so a column
// holding the wrong kind of data surfaces as a typed error instead of a silently coerced value.

extension SQLiteValue: SQLiteBindable, SQLiteDecodable {
    /// The value itself.
    public var sqliteValue: SQLiteValue { self }

    /// Any stored value, NULL included.
    public init?(sqliteValue: SQLiteValue) {
        self = sqliteValue
    }
}

extension Int64: SQLiteBindable, SQLiteDecodable {
    /// Binds as `.integer`.
    public var sqliteValue: SQLiteValue { .integer(self) }

    /// Reads an `integer`.
    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Int: SQLiteBindable, SQLiteDecodable {
    /// Binds as `.integer`; `Int` is 64 bits on every platform the service runs on.
    public var sqliteValue: SQLiteValue { .integer(Int64(self)) }

    /// Reads an `integer` that fits `Int`.
    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue, let exact = Int(exactly: value) else { return nil }
        self = exact
    }
}

extension Double: SQLiteBindable, SQLiteDecodable {
    /// Binds as `.real`.
    public var sqliteValue: SQLiteValue { .real(self) }

    /// Reads a `real`, or an `integer`: a REAL column stores integral values as integers on disk and an expression
    /// such as `SELECT 2` has no affinity (https://sqlite.org/datatype3.html#type_affinity).
    public init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension String: SQLiteBindable, SQLiteDecodable {
    /// Binds as `.text`.
    public var sqliteValue: SQLiteValue { .text(self) }

    /// Reads `text`.
    public init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Bool: SQLiteBindable, SQLiteDecodable {
    /// Binds as the integer 1 or 0, SQLite having no boolean class
    /// (https://sqlite.org/datatype3.html#boolean_datatype).
    public var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }

    /// Reads an `integer`: zero is false, anything else true, as in SQL.
    public init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value != 0
    }
}

extension Array: SQLiteBindable where Element == UInt8 {
    /// Binds as `.blob`.
    public var sqliteValue: SQLiteValue { .blob(self) }
}

extension Array: SQLiteDecodable where Element == UInt8 {
    /// Reads a `blob`.
    public init?(sqliteValue: SQLiteValue) {
        guard case .blob(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    /// `nil` binds as NULL.
    public var sqliteValue: SQLiteValue {
        switch self {
        case .none: .null
        case .some(let wrapped): wrapped.sqliteValue
        }
    }
}

extension Optional: SQLiteDecodable where Wrapped: SQLiteDecodable {
    /// NULL reads as `nil`; anything else must fit `Wrapped`.
    public init?(sqliteValue: SQLiteValue) {
        if sqliteValue.isNull {
            self = .none
            return
        }
        guard let wrapped = Wrapped(sqliteValue: sqliteValue) else { return nil }
        self = .some(wrapped)
    }
}
