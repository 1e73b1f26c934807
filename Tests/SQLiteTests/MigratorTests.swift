import CSQLite
import SQLite
import Testing

/// A migrator numbering that must be refused, and where.
struct NumberingCase: Sendable, CustomTestStringConvertible {
    let name: String
    let versions: [Int]
    let position: Int
    let expected: Int
    let found: Int
    var testDescription: String { name }
}

@Suite("Migrator: schema versions by PRAGMA user_version (https://sqlite.org/pragma.html#pragma_user_version)")
struct MigratorTests {
    static let steps: [Migration] = [
        Migration(version: 1, name: "create contacts") { database in
            try database.execute("CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        },
        Migration(version: 2, name: "create applications") { database in
            try database.execute(
                """
                CREATE TABLE applications(id INTEGER PRIMARY KEY, contact_id INTEGER REFERENCES contacts(id));
                CREATE INDEX applications_contact ON applications(contact_id);
                """)
        },
        Migration(version: 3, name: "add contact email") { database in
            try database.execute("ALTER TABLE contacts ADD COLUMN email TEXT")
        },
    ]

    static func schema(_ database: Database) throws -> [String] {
        try database.query("SELECT type || ' ' || name || ': ' || sql FROM sqlite_master ORDER BY type, name")
            .map { try $0.get(0, as: String.self) }
    }

    @Test("a database at any earlier version migrates to the same newest schema", arguments: 0...3)
    func fromEveryVersion(_ start: Int) throws {
        let fresh = try Database(path: ":memory:")
        try Migrator(Self.steps).migrate(fresh)
        let database = try Database(path: ":memory:")
        try Migrator(Array(Self.steps.prefix(start))).migrate(database)
        #expect(try database.userVersion() == start)

        let applied = try Migrator(Self.steps).migrate(database)
        #expect(applied == Array(stride(from: start + 1, through: 3, by: 1)))
        #expect(try database.userVersion() == 3)
        #expect(try Self.schema(database) == Self.schema(fresh))
        #expect(try Migrator(Self.steps).migrate(database).isEmpty)
    }

    @Test("a failing step leaves the schema and user_version at the previous step", arguments: [true, false])
    func failingStepIsAtomic(_ failsWithSQLiteError: Bool) throws {
        let broken = Migration(version: 3, name: "half done") { database in
            try database.execute("CREATE TABLE leftovers(x)")
            if failsWithSQLiteError {
                try database.execute("INSERT INTO no_such_table VALUES (1)")
            }
            throw BodyFailure(reason: "step 3")
        }
        let database = try Database(path: ":memory:")
        try Migrator(Array(Self.steps.prefix(2))).migrate(database)
        let before = try Self.schema(database)

        let error = #expect(throws: MigrationError.self) {
            try Migrator(Array(Self.steps.prefix(2)) + [broken]).migrate(database)
        }
        guard case .migrationFailed(let version, let name, let underlying)? = error else {
            Issue.record("expected migrationFailed, got \(String(describing: error))")
            return
        }
        #expect(version == 3)
        #expect(name == "half done")
        #expect((underlying is SQLiteError) == failsWithSQLiteError)
        #expect(try database.userVersion() == 2)
        #expect(try Self.schema(database) == before)
    }

    @Test("steps before a failing one stay applied")
    func earlierStepsStay() throws {
        let failing = Migration(version: 2, name: "fails") { _ in throw BodyFailure(reason: "no") }
        let database = try Database(path: ":memory:")
        #expect(throws: MigrationError.self) { try Migrator([Self.steps[0], failing]).migrate(database) }
        #expect(try database.userVersion() == 1)
        #expect(try Self.schema(database).contains { $0.hasPrefix("table contacts") })
    }

    @Test("a database newer than the newest migration is refused with a clear error")
    func newerDatabaseRefused() throws {
        let database = try Database(path: ":memory:")
        try database.setUserVersion(9)
        let error = #expect(throws: MigrationError.self) { try Migrator(Self.steps).migrate(database) }
        guard case .schemaTooNew(let found, let supported)? = error else {
            Issue.record("expected schemaTooNew, got \(String(describing: error))")
            return
        }
        #expect(found == 9)
        #expect(supported == 3)
        #expect(
            error?.description
                == "database schema version 9 is newer than this binary supports (3); upgrade notapest")
        #expect(try database.userVersion() == 9)
    }

    static let numberings: [NumberingCase] = [
        NumberingCase(name: "starts at 2", versions: [2, 3], position: 0, expected: 1, found: 2),
        NumberingCase(name: "skips a version", versions: [1, 3], position: 1, expected: 2, found: 3),
        NumberingCase(name: "repeats a version", versions: [1, 1], position: 1, expected: 2, found: 1),
        NumberingCase(name: "out of order", versions: [1, 3, 2], position: 1, expected: 2, found: 3),
        NumberingCase(name: "starts at 0", versions: [0, 1], position: 0, expected: 1, found: 0),
    ]

    @Test("migration versions must run 1, 2, 3… in order", arguments: numberings)
    func numbering(_ example: NumberingCase) throws {
        let migrator = Migrator(example.versions.map { Migration(version: $0, name: "v\($0)") { _ in } })
        let expectedError = MigrationError.versionsOutOfOrder(
            position: example.position, expected: example.expected, found: example.found)
        let error = #expect(throws: MigrationError.self) { try migrator.validate() }
        #expect(error?.description == expectedError.description)
        let database = try Database(path: ":memory:")
        #expect(throws: MigrationError.self) { try migrator.migrate(database) }
        #expect(try database.userVersion() == 0)
    }

    @Test("migrating inside an open transaction is refused, since each step must commit on its own")
    func insideTransactionRefused() throws {
        let database = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) {
            try database.transaction(.immediate) { try Migrator(Self.steps).migrate($0) }
        }
        #expect(error?.code == SQLITE_MISUSE)
        #expect(try database.userVersion() == 0)
    }

    @Test("pending versions are those above user_version")
    func pending() throws {
        let database = try Database(path: ":memory:")
        let migrator = Migrator(Self.steps)
        #expect(try migrator.pendingVersions(in: database) == [1, 2, 3])
        try Migrator(Array(Self.steps.prefix(1))).migrate(database)
        #expect(try migrator.pendingVersions(in: database) == [2, 3])
        #expect(migrator.newestVersion == 3)
        #expect(Migrator([]).newestVersion == 0)
    }
}
