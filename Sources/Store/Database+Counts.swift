import SQLite

extension Database {
    /// True when there are no contacts, applications or events (settings do not count); an import is accepted
    /// only then.
    func isEmpty() throws -> Bool {
        let sql = """
            SELECT NOT EXISTS (SELECT 1 FROM contacts) AND NOT EXISTS (SELECT 1 FROM applications) \
            AND NOT EXISTS (SELECT 1 FROM events)
            """
        return try Self.returned(try first(sql, []) { try $0.bool(0) }, sql: sql)
    }
}
