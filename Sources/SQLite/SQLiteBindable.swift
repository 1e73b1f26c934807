/// A Swift value that can be bound to a statement parameter.
public protocol SQLiteBindable {
    /// The value as SQLite will store it.
    var sqliteValue: SQLiteValue { get }
}

extension SQLiteValue {
    /// The stored form of any bindable Swift value, for building binding lists: `[SQLiteValue(name), 3]`.
    public init(_ value: some SQLiteBindable) {
        self = value.sqliteValue
    }
}
