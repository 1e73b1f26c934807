/// Literals let constant bindings read naturally: `[42, "open", true]`.
extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral
{
    /// An integer literal binds as `.integer`.
    public init(integerLiteral value: Int64) {
        self = .integer(value)
    }

    /// A float literal binds as `.real`.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }

    /// A string literal binds as `.text`.
    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// SQLite has no boolean class; true and false are the integers 1 and 0 (https://sqlite.org/datatype3.html).
    public init(booleanLiteral value: Bool) {
        self = .integer(value ? 1 : 0)
    }
}
