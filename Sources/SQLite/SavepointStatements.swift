/// The statements that open and release the savepoint of one nesting depth, prepared once per connection.
struct SavepointStatements {
    /// The savepoint's name, which comes from the nesting depth, never from input.
    let name: String
    let open: Statement
    let release: Statement

    init(connection: OpaquePointer, depth: Int) throws(SQLiteError) {
        name = "nested_\(depth)"
        open = try Statement(connection: connection, sql: "SAVEPOINT \(name)", persistent: true)
        release = try Statement(connection: connection, sql: "RELEASE SAVEPOINT \(name)", persistent: true)
    }
}
