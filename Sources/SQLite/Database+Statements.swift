import CSQLite

extension Database {
    /// Runs a script of statements without parameters, such as a schema. Stops at the first failure, whose error
    /// names the statement that failed. Never pass text built from values: use `run(_:_:)` with bindings.
    public func execute(_ sql: String) throws(SQLiteError) {
        let connection = try connection()
        let failure: SQLiteError? = sql.withCString { start in
            var next = start
            while next.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let prepared = sqlite3_prepare_v2(connection, next, -1, &statement, &tail)
                let current = Database.text(from: next, to: tail)
                guard prepared == SQLITE_OK else {
                    return SQLiteError(connection: connection, code: prepared, sql: current)
                }
                defer { sqlite3_finalize(statement) }
                guard let tail else { return nil }
                next = tail
                // Comments and whitespace prepare to no statement.
                guard let statement else { continue }
                var code = sqlite3_step(statement)
                while code == SQLITE_ROW {
                    code = sqlite3_step(statement)
                }
                guard code == SQLITE_DONE else {
                    return SQLiteError(connection: connection, code: code, sql: current)
                }
            }
            return nil
        }
        if let failure {
            throw explained(failure)
        }
    }

    /// The text of one statement of a script, trimmed, for error messages.
    private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>?) -> String {
        let text =
            end.map { String(decoding: UnsafeRawBufferPointer(start: start, count: $0 - start), as: UTF8.self) }
            ?? String(cString: start)
        let isBlank: (Character) -> Bool = { $0.isWhitespace || $0 == ";" }
        guard let first = text.firstIndex(where: { !isBlank($0) }),
            let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }

    /// Prepares one statement, owned by the caller. Bind values to its parameters; never interpolate them.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        let connection = try connection()
        do {
            return try Statement(connection: connection, sql: sql, persistent: false)
        } catch {
            throw explained(error)
        }
    }

    /// The connection's prepared statement for this SQL text, prepared on first use and then reused. Each call
    /// resets it and clears its bindings, so it starts fresh.
    ///
    /// The statement is shared: finish with it before asking for the same SQL again, or the second request rewinds
    /// the first. The cache is keyed by SQL text and unbounded, which suits SQL written in code; do not cache text
    /// that varies.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        let connection = try connection()
        let key = SQLKey(text: sql)
        if let cached = statementCache[key], !cached.isFinalized {
            cached.reset()
            cached.clearBindings()
            return cached
        }
        let statement: Statement
        do {
            statement = try Statement(connection: connection, sql: sql, persistent: true)
        } catch {
            throw explained(error)
        }
        statementCache[key] = statement
        return statement
    }

    /// Finalizes and forgets every cached statement; for instance before a schema change by another connection.
    public func clearStatementCache() {
        for statement in statementCache.values {
            statement.finalize()
        }
        statementCache.removeAll()
    }

    /// Runs one statement with values bound by position, discarding any rows.
    public func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) {
        let statement = try cachedStatement(sql)
        defer { release(statement) }
        try statement.bind(bindings)
        try statement.run()
    }

    /// Runs one statement with values bound by name, discarding any rows.
    public func run(_ sql: String, named bindings: [String: SQLiteValue]) throws(SQLiteError) {
        let statement = try cachedStatement(sql)
        defer { release(statement) }
        try statement.bind(named: bindings)
        try statement.run()
    }

    /// Runs one query with values bound by position and returns every row.
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> [Row] {
        let statement = try cachedStatement(sql)
        defer { release(statement) }
        try statement.bind(bindings)
        return try collect(statement)
    }

    /// Runs one query with values bound by name and returns every row.
    public func query(_ sql: String, named bindings: [String: SQLiteValue]) throws(SQLiteError) -> [Row] {
        let statement = try cachedStatement(sql)
        defer { release(statement) }
        try statement.bind(named: bindings)
        return try collect(statement)
    }

    /// Runs one query with values bound by position and returns its first row, or nil if it has none.
    public func queryOne(_ sql: String, _ bindings: [SQLiteValue] = []) throws(SQLiteError) -> Row? {
        let statement = try cachedStatement(sql)
        defer { release(statement) }
        try statement.bind(bindings)
        return try statement.step() ? statement.row() : nil
    }

    /// Runs one query with values bound by name and returns its first row, or nil if it has none.
    public func queryOne(_ sql: String, named bindings: [String: SQLiteValue]) throws(SQLiteError) -> Row? {
        let statement = try cachedStatement(sql)
        defer { release(statement) }
        try statement.bind(named: bindings)
        return try statement.step() ? statement.row() : nil
    }

    private func collect(_ statement: Statement) throws(SQLiteError) -> [Row] {
        var rows: [Row] = []
        while try statement.step() {
            rows.append(statement.row())
        }
        return rows
    }

    /// Ends a convenience call: the reset ends its read so no WAL snapshot stays pinned, and clearing the bindings
    /// lets no personal data linger in the cache.
    private func release(_ statement: Statement) {
        statement.reset()
        statement.clearBindings()
    }
}
