import SQLite

extension Database {
    /// Runs a cached query with positional bindings and calls `body` on each row, copied out of the statement.
    func forEachRow(_ sql: String, _ bindings: [SQLiteValue], _ body: (Row) throws -> Void) throws {
        let statement = try cachedStatement(sql)
        // Reset ends the read, so no WAL snapshot stays pinned; clearing drops personal data from the cache.
        defer {
            statement.reset()
            statement.clearBindings()
        }
        try statement.bind(bindings)
        while try statement.step() {
            try body(statement.row())
        }
    }

    /// Runs a cached query and turns every row into a value.
    func map<T>(_ sql: String, _ bindings: [SQLiteValue], _ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow(sql, bindings) { results.append(try transform($0)) }
        return results
    }

    /// Runs a cached statement to its end and turns its first row, if any, into a value; for SELECTs of one row
    /// and for INSERT, UPDATE and DELETE with RETURNING.
    func first<T>(_ sql: String, _ bindings: [SQLiteValue], _ transform: (Row) throws -> T) throws -> T? {
        var result: T?
        try forEachRow(sql, bindings) { row in
            if result == nil {
                result = try transform(row)
            }
        }
        return result
    }

    /// A JSON array of ids, bound as one parameter and read back with `json_each`
    /// (https://sqlite.org/json1.html#jeach), so a list of any length keeps the SQL text constant.
    static func jsonArray(_ ids: some Sequence<Int64>) -> SQLiteValue {
        .text("[" + ids.map(String.init).joined(separator: ",") + "]")
    }
}
