import CSQLite

extension Statement {
    /// The number of distinct parameters (https://sqlite.org/c3ref/bind_parameter_count.html).
    public var parameterCount: Int {
        handle.map { Int(sqlite3_bind_parameter_count($0)) } ?? 0
    }

    /// Binds every parameter by position; the count must match exactly, so a forgotten value is an error rather
    /// than a silent NULL.
    public func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        let expected = parameterCount
        guard values.count == expected else {
            let message = "the statement takes \(expected) parameters but \(values.count) values were given"
            throw SQLiteError(code: SQLITE_RANGE, message: message, sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: offset + 1)
        }
    }

    /// Binds every parameter by name; each parameter must be named and given exactly once.
    /// Keys may omit the `:` prefix.
    public func bind(named values: [String: SQLiteValue]) throws(SQLiteError) {
        let expected = parameterCount
        guard values.count == expected else {
            let message = "the statement takes \(expected) parameters but \(values.count) named values were given"
            throw SQLiteError(code: SQLITE_RANGE, message: message, sql: sql)
        }
        for (name, value) in values {
            try bind(value, named: name)
        }
    }

    /// Binds one parameter by its name: `:name`, `@name` or `$name`; a bare `name` means `:name`.
    public func bind(_ value: SQLiteValue, named name: String) throws(SQLiteError) {
        let statement = try liveHandle()
        let prefixed = name.first.map { ":@$".contains($0) } == true ? name : ":" + name
        let index = sqlite3_bind_parameter_index(statement, prefixed)
        guard index > 0 else {
            throw SQLiteError(code: SQLITE_RANGE, message: "the statement has no parameter \(prefixed)", sql: sql)
        }
        try bind(value, at: Int(index))
    }

    /// Binds one parameter by its 1-based position, as SQLite numbers them
    /// (https://sqlite.org/c3ref/bind_blob.html).
    public func bind(_ value: SQLiteValue, at position: Int) throws(SQLiteError) {
        let statement = try liveHandle()
        let count = parameterCount
        guard position >= 1, position <= count else {
            let message = "parameter position \(position) is outside 1...\(count)"
            throw SQLiteError(code: SQLITE_RANGE, message: message, sql: sql)
        }
        let index = Int32(position)  // In range: at most the Int32 parameter count.
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(statement, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(statement, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(statement, index, real)
        case .text(let text):
            code = Statement.bindText(text, to: statement, at: index)
        case .blob(let bytes):
            code = Statement.bindBlob(bytes, to: statement, at: index)
        }
        guard code == SQLITE_OK else {
            throw SQLiteError(connection: sqlite3_db_handle(statement), code: code, sql: sql)
        }
    }

    /// Binds text by byte length, so an embedded NUL is kept; SQLITE_TRANSIENT makes SQLite copy the bytes
    /// before the Swift buffer goes away.
    private static func bindText(_ text: String, to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            // A NULL pointer would bind SQL NULL, so empty text gets a real, empty C string.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(statement, index, "", 0, csqlite_transient())
            }
            let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text64(
                statement, index, characters, UInt64(bytes.count), csqlite_transient(), UInt8(SQLITE_UTF8))
        }
    }

    /// Binds bytes; an empty array binds a zero-length blob, not NULL.
    private static func bindBlob(_ bytes: [UInt8], to statement: OpaquePointer, at index: Int32) -> Int32 {
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, !raw.isEmpty else {
                return sqlite3_bind_zeroblob(statement, index, 0)
            }
            return sqlite3_bind_blob64(statement, index, base, UInt64(raw.count), csqlite_transient())
        }
    }
}
