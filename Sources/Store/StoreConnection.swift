import SQLite

/// The connection a transaction runs on, as the Store holds it: opaque outside the Store, whose queries are the
/// only way to it. Not `Sendable`, as the connection is not: it stays on the thread of its transaction.
public struct StoreConnection {
    let database: Database
}
