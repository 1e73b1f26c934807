import CSQLite

/// A failure reported by SQLite, or a misuse the wrapper refuses before it reaches SQLite.
///
/// Carries the result codes, SQLite's message and the SQL text. It never carries bound values: they may be
/// personal data, and SQLite's messages name tables and columns, not values.
public struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (https://sqlite.org/rescode.html#extrc), e.g. SQLITE_CONSTRAINT_UNIQUE (2067).
    public let extendedCode: Int32
    /// SQLite's message, e.g. "UNIQUE constraint failed: contacts.email".
    public let message: String
    /// The statement that failed, if any. Holds parameter markers only, since values are always bound.
    public let sql: String?

    /// Makes an error from a result code and a message.
    public init(code: Int32, message: String, sql: String? = nil) {
        self.extendedCode = code
        self.message = message
        self.sql = sql
    }

    /// Reads the message and extended code of `connection`'s most recent failure, which returned `code`.
    init(connection: OpaquePointer?, code: Int32, sql: String?) {
        guard let connection else {
            self.init(code: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
            return
        }
        // The connection's extended code is more precise, but only if it describes the same failure.
        let extended = sqlite3_extended_errcode(connection)
        let precise = (extended & 0xFF) == (code & 0xFF) ? extended : code
        self.init(code: precise, message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }

    /// The primary result code: the low 8 bits of the extended code (https://sqlite.org/rescode.html).
    public var code: Int32 { extendedCode & 0xFF }

    /// Any constraint failure: UNIQUE, FOREIGN KEY, NOT NULL, CHECK, PRIMARY KEY.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    /// A UNIQUE or PRIMARY KEY constraint failed.
    public var isUniqueViolation: Bool {
        extendedCode == SQLiteError.constraintUnique || extendedCode == SQLiteError.constraintPrimaryKey
    }

    /// A FOREIGN KEY constraint failed.
    public var isForeignKeyViolation: Bool { extendedCode == SQLiteError.constraintForeignKey }

    /// A NOT NULL constraint failed.
    public var isNotNullViolation: Bool { extendedCode == SQLiteError.constraintNotNull }

    /// Another connection holds a conflicting lock (SQLITE_BUSY) or a table is locked within this process
    /// (SQLITE_LOCKED); retrying later may succeed.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    /// The database could not grow (SQLITE_FULL): the disk or a size limit is reached, or an AUTOINCREMENT table
    /// has handed out the largest rowid (https://sqlite.org/autoinc.html).
    public var isFull: Bool { code == SQLITE_FULL }

    public var description: String {
        let summary = String(cString: sqlite3_errstr(extendedCode))
        var text = "SQLite error \(code)/\(extendedCode) (\(summary)): \(message)"
        if let sql {
            text += " [SQL: \(sql)]"
        }
        return text
    }
}
