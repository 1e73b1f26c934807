import CSQLite

/// Brings a database's schema up to date, keyed by `PRAGMA user_version`
/// (https://sqlite.org/pragma.html#pragma_user_version).
///
/// Each pending migration runs in its own IMMEDIATE transaction together with its `user_version` bump: schema
/// changes and the header are transactional in SQLite, so a migration either fully lands with its version or leaves
/// the database exactly at the previous one. A rebuild that needs foreign keys off cannot switch them inside a
/// transaction; use `PRAGMA defer_foreign_keys = ON` and `PRAGMA foreign_key_check` within the migration instead
/// (https://sqlite.org/lang_altertable.html#otheralter).
public struct Migrator: Sendable {
    /// The migrations, versions 1, 2, 3… in order.
    public let migrations: [Migration]

    /// Makes a migrator; the order of versions is checked by `validate()` and before migrating.
    public init(_ migrations: [Migration]) {
        self.migrations = migrations
    }

    /// The version the last migration produces; 0 with no migrations.
    public var newestVersion: Int { migrations.last?.version ?? 0 }

    /// Checks that versions are exactly 1, 2, 3… in order, so none is skipped, repeated or reordered.
    public func validate() throws(MigrationError) {
        for (position, migration) in migrations.enumerated() where migration.version != position + 1 {
            throw .versionsOutOfOrder(position: position, expected: position + 1, found: migration.version)
        }
    }

    /// The versions not yet applied to `database`.
    public func pendingVersions(in database: Database) throws -> [Int] {
        let current = try database.userVersion()
        return migrations.map(\.version).filter { $0 > current }
    }

    /// Applies every pending migration in order and returns the versions applied.
    ///
    /// Throws `MigrationError.schemaTooNew` for a database from a newer release, and
    /// `MigrationError.migrationFailed` when a step throws; steps before it stay applied.
    /// Refused inside a transaction, where the steps could not be committed one by one.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Int] {
        try validate()
        guard !database.isInTransaction else {
            let message = "migrations commit one by one and cannot run inside a transaction"
            throw SQLiteError(code: SQLITE_MISUSE, message: message)
        }
        let newest = newestVersion
        let found = try database.userVersion()
        guard found <= newest else {
            throw MigrationError.schemaTooNew(found: found, supported: newest)
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > found {
            let ran = try database.transaction(.immediate) { database in
                // Read again under the write lock: another process may have migrated in the meantime.
                let current = try database.userVersion()
                guard current < migration.version else { return false }
                do {
                    try migration.apply(database)
                } catch {
                    throw MigrationError.migrationFailed(
                        version: migration.version, name: migration.name, underlying: error)
                }
                try database.setUserVersion(migration.version)
                return true
            }
            if ran {
                applied.append(migration.version)
            }
        }
        return applied
    }
}
