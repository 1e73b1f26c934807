import SQLite

extension Database {
    /// Every stored setting, name to value. Values are opaque text (the API keeps JSON in them).
    func settings() throws -> [String: String] {
        var settings: [String: String] = [:]
        try forEachRow("SELECT name, value FROM settings", []) { row in
            settings[try row.text(0)] = try row.text(1)
        }
        return settings
    }

    /// Stores each setting, replacing a previous value of the same name; settings not named are left alone.
    /// Run inside a transaction so that all of them land or none.
    func writeSettings(_ values: [String: String]) throws {
        // An upsert (https://sqlite.org/lang_upsert.html); sorted so the writes happen in a repeatable order.
        let sql =
            "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value"
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            try run(sql, [.text(name), .text(value)])
        }
    }
}
