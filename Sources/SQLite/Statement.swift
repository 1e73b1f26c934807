import CSQLite

/// One prepared statement (https://sqlite.org/c3ref/stmt.html).
///
/// Values reach SQLite only through bound parameters (`?`, `?NNN`, `:name`, `@name`, `$name`); never build SQL text
/// from values, which would open the door to SQL injection and put personal data into error messages.
///
/// Not `Sendable`: like its connection, a statement is used from one thread at a time. It is finalized in `deinit`,
/// or earlier when its connection closes a cached statement.
public final class Statement {
    /// The SQL text as prepared.
    public let sql: String
    private(set) var handle: OpaquePointer?
    private var cachedLayout: ColumnLayout?

    /// Prepares exactly one statement; SQL holding a second statement is refused rather than half-run.
    init(connection: OpaquePointer, sql: String, persistent: Bool) throws(SQLiteError) {
        self.sql = sql
        // SQLITE_PREPARE_PERSISTENT tells SQLite the statement will be reused many times
        // (https://sqlite.org/c3ref/c_prepare_normalize.html).
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let outcome: Result<OpaquePointer, SQLiteError> = sql.withCString { start in
            var prepared: OpaquePointer?
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, start, -1, flags, &prepared, &tail)
            guard code == SQLITE_OK else {
                return .failure(SQLiteError(connection: connection, code: code, sql: sql))
            }
            guard let prepared else {
                return .failure(SQLiteError(code: SQLITE_MISUSE, message: "the SQL holds no statement", sql: sql))
            }
            if let tail, Statement.holdsStatement(connection, tail) {
                sqlite3_finalize(prepared)
                let message = "the SQL holds more than one statement; use Database.execute for scripts"
                return .failure(SQLiteError(code: SQLITE_MISUSE, message: message, sql: sql))
            }
            return .success(prepared)
        }
        handle = try outcome.get()
    }

    deinit {
        finalize()
    }

    /// Whether the text after a statement holds another one; comments and whitespace alone do not count.
    private static func holdsStatement(_ connection: OpaquePointer, _ text: UnsafePointer<CChar>) -> Bool {
        if text.pointee == 0 {
            return false
        }
        var next: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, text, -1, &next, nil)
        sqlite3_finalize(next)
        return code != SQLITE_OK || next != nil
    }

    /// The live handle, or a misuse error once finalized.
    func liveHandle() throws(SQLiteError) -> OpaquePointer {
        guard let handle else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "the statement is finalized", sql: sql)
        }
        return handle
    }

    /// Releases the statement. Idempotent; later use throws SQLITE_MISUSE.
    public func finalize() {
        guard let handle else { return }
        sqlite3_finalize(handle)
        self.handle = nil
    }

    /// Whether `finalize()` has run.
    public var isFinalized: Bool { handle == nil }

    /// Runs the statement to its next row: true when a row is ready to read, false when it has finished.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let statement = try liveHandle()
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            throw SQLiteError(connection: sqlite3_db_handle(statement), code: code, sql: sql)
        }
    }

    /// Steps to the end, discarding any rows; for INSERT, UPDATE and DELETE.
    public func run() throws(SQLiteError) {
        while try step() {}
    }

    /// Runs a statement without parameters to the end and rewinds it for its next use.
    func runOnce() throws(SQLiteError) {
        defer { reset() }
        try run()
    }

    /// Rewinds the statement so it can run again; bindings are kept. Ends the statement's read of the database, so
    /// a half-read result no longer pins a WAL snapshot (https://sqlite.org/c3ref/reset.html).
    ///
    /// Not throwing: sqlite3_reset only repeats the error the last `step()` already threw.
    public func reset() {
        guard let handle else { return }
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL, so values from an earlier use neither leak into the next nor linger.
    public func clearBindings() {
        guard let handle else { return }
        sqlite3_clear_bindings(handle)
    }

    /// The column names of the result, computed once.
    var layout: ColumnLayout {
        if let cachedLayout {
            return cachedLayout
        }
        var names: [String] = []
        if let handle {
            let count = sqlite3_column_count(handle)
            names.reserveCapacity(Int(count))
            for index in 0..<count {
                names.append(sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "")
            }
        }
        let layout = ColumnLayout(names: names)
        cachedLayout = layout
        return layout
    }
}
