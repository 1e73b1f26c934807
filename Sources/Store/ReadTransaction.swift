import SQLite

/// A read on the calling thread's reader, inside one transaction: every query sees the snapshot it began with.
/// Its queries are `StoreReading`'s.
public struct ReadTransaction: StoreReading {
    public let connection: StoreConnection

    init(_ database: Database) {
        connection = StoreConnection(database: database)
    }

    /// Runs the simplest query there is: whether the database answers at all.
    public func ping() throws(StoreError) {
        _ = try query { try $0.queryOne("SELECT 1") }
    }
}
