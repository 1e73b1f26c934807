/// A column could not be read as the type asked for. Names the column and storage class, never the value.
public enum RowDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The column holds NULL but a non-optional type was asked for.
    case unexpectedNull(column: String)
    /// The column's storage class does not convert to the type asked for.
    case typeMismatch(column: String, expected: String, found: String)
    /// The result has no column of that name.
    case noSuchColumn(String)
    /// The index is outside the result's columns.
    case columnIndexOutOfRange(index: Int, count: Int)

    public var description: String {
        switch self {
        case .unexpectedNull(let column):
            "column \(column) is NULL where a value is required"
        case .typeMismatch(let column, let expected, let found):
            "column \(column) holds \(found), which does not convert to \(expected)"
        case .noSuchColumn(let name):
            "the result has no column named \(name)"
        case .columnIndexOutOfRange(let index, let count):
            "column index \(index) is outside the result's \(count) columns"
        }
    }
}
