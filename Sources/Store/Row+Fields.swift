import SQLite

// Non-generic readers for the column types the schema uses. Records are decoded from a whole `Row` copied out at
// once: reading column by column through the generic `get(_:as:)` costs a type-metadata lookup per value, which
// dominated the agenda's bulk load of every event.
extension Row {
    /// An INTEGER column that holds no NULL.
    func int64(_ index: Int) throws(RowDecodingError) -> Int64 {
        switch try value(index) {
        case .integer(let integer): return integer
        case let other: throw mismatch(index, expected: "Int64", found: other)
        }
    }

    /// An INTEGER column that may hold NULL.
    func optionalInt64(_ index: Int) throws(RowDecodingError) -> Int64? {
        switch try value(index) {
        case .null: return nil
        case .integer(let integer): return integer
        case let other: throw mismatch(index, expected: "Int64?", found: other)
        }
    }

    /// A TEXT column that holds no NULL.
    func text(_ index: Int) throws(RowDecodingError) -> String {
        switch try value(index) {
        case .text(let text): return text
        case let other: throw mismatch(index, expected: "String", found: other)
        }
    }

    /// A TEXT column that may hold NULL.
    func optionalText(_ index: Int) throws(RowDecodingError) -> String? {
        switch try value(index) {
        case .null: return nil
        case .text(let text): return text
        case let other: throw mismatch(index, expected: "String?", found: other)
        }
    }

    /// An INTEGER column that holds no NULL, as an `Int` (a count).
    func int(_ index: Int) throws(RowDecodingError) -> Int {
        let value = try int64(index)
        guard let int = Int(exactly: value) else {
            throw mismatch(index, expected: "Int", found: .integer(value))
        }
        return int
    }

    /// An INTEGER column that may hold NULL, as an `Int` (an HTTP status).
    func optionalInt(_ index: Int) throws(RowDecodingError) -> Int? {
        guard let value = try optionalInt64(index) else { return nil }
        guard let int = Int(exactly: value) else {
            throw mismatch(index, expected: "Int?", found: .integer(value))
        }
        return int
    }

    /// A TEXT column that holds one of the raw values of `Value`, which a CHECK constraint keeps it to.
    func rawValue<Value: RawRepresentable>(_ index: Int, as type: Value.Type) throws(RowDecodingError) -> Value
    where Value.RawValue == String {
        let text = try text(index)
        guard let value = Value(rawValue: text) else {
            throw mismatch(index, expected: String(describing: type), found: .text(text))
        }
        return value
    }

    /// A 0/1 INTEGER column.
    func bool(_ index: Int) throws(RowDecodingError) -> Bool {
        try int64(index) != 0
    }

    /// A BLOB column that holds no NULL.
    func bytes(_ index: Int) throws(RowDecodingError) -> [UInt8] {
        switch try value(index) {
        case .blob(let bytes): return bytes
        case let other: throw mismatch(index, expected: "[UInt8]", found: other)
        }
    }

    private func value(_ index: Int) throws(RowDecodingError) -> SQLiteValue {
        guard values.indices.contains(index) else {
            throw .columnIndexOutOfRange(index: index, count: values.count)
        }
        return values[index]
    }

    private func mismatch(_ index: Int, expected: String, found: SQLiteValue) -> RowDecodingError {
        let column = columnNames.indices.contains(index) ? columnNames[index] : "#\(index)"
        if found.isNull {
            return .unexpectedNull(column: column)
        }
        return .typeMismatch(column: column, expected: expected, found: found.storageClass)
    }
}
