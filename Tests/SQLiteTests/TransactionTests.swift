import CSQLite
import Testing

@testable import SQLite

/// An error a transaction body throws, to check it comes back unchanged.
struct BodyFailure: Error, Equatable {
    let reason: String
}

@Suite("Transactions: commit, rollback on any error, savepoints (https://sqlite.org/lang_transaction.html)")
struct TransactionTests {
    static func database() throws -> Database {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE items(id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)")
        return database
    }

    static func labels(_ database: Database) throws -> [String] {
        try database.query("SELECT label FROM items ORDER BY id").map { try $0.get(0, as: String.self) }
    }

    @Test("a body that returns commits its writes and its result is returned", arguments: TransactionKind.allCases)
    func commits(_ kind: TransactionKind) throws {
        let database = try Self.database()
        let id = try database.transaction(kind) { database in
            try database.run("INSERT INTO items(label) VALUES (?)", ["one"])
            try database.run("INSERT INTO items(label) VALUES (?)", ["two"])
            return database.lastInsertRowID
        }
        #expect(id == 2)
        #expect(database.isInTransaction == false)
        #expect(try Self.labels(database) == ["one", "two"])
    }

    @Test("a body that throws leaves nothing written and its error is rethrown unchanged")
    func rollsBackOnThrow() throws {
        let database = try Self.database()
        let error = #expect(throws: BodyFailure.self) {
            try database.transaction(.immediate) { database in
                try database.run("INSERT INTO items(label) VALUES (?)", ["doomed"])
                throw BodyFailure(reason: "validation")
            }
        }
        #expect(error == BodyFailure(reason: "validation"))
        #expect(database.isInTransaction == false)
        #expect(try Self.labels(database).isEmpty)
    }

    @Test("a SQLite error inside the body rolls back the earlier writes and is rethrown")
    func rollsBackOnSQLiteError() throws {
        let database = try Self.database()
        let error = #expect(throws: SQLiteError.self) {
            try database.transaction(.immediate) { database in
                try database.run("INSERT INTO items(label) VALUES (?)", ["dup"])
                try database.run("INSERT INTO items(label) VALUES (?)", ["dup"])
            }
        }
        #expect(error?.isUniqueViolation == true)
        #expect(try Self.labels(database).isEmpty)
    }

    @Test("a rollback that fails does not mask the error that caused it")
    func failingRollbackDoesNotMask() throws {
        let database = try Self.database()
        let error = #expect(throws: BodyFailure.self) {
            try database.transaction(.immediate) { database in
                try database.run("INSERT INTO items(label) VALUES (?)", ["gone"])
                // Ending the transaction here makes the wrapper's own ROLLBACK fail.
                try database.execute("ROLLBACK")
                throw BodyFailure(reason: "first")
            }
        }
        #expect(error == BodyFailure(reason: "first"))
        #expect(try Self.labels(database).isEmpty)
        // The connection is usable afterwards.
        try database.transaction(.immediate) { try $0.run("INSERT INTO items(label) VALUES ('after')") }
        #expect(try Self.labels(database) == ["after"])
    }

    @Test("a COMMIT that fails on a deferred foreign key rolls back and throws the COMMIT's error")
    func failingCommit() throws {
        let database = try Database(path: ":memory:")
        try database.execute(
            """
            CREATE TABLE parents(id INTEGER PRIMARY KEY);
            CREATE TABLE children(parent INTEGER REFERENCES parents(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = #expect(throws: SQLiteError.self) {
            try database.transaction(.immediate) { try $0.run("INSERT INTO children(parent) VALUES (?)", [7]) }
        }
        #expect(error?.isForeignKeyViolation == true)
        #expect(error?.sql == "COMMIT TRANSACTION")
        #expect(database.isInTransaction == false)
        #expect(try database.queryOne("SELECT count(*) FROM children")?.get(0, as: Int.self) == 0)
    }

    // Nested calls map to SAVEPOINT / ROLLBACK TO / RELEASE (https://sqlite.org/lang_savepoint.html).
    @Test("a nested transaction is a savepoint: its failure undoes only its own writes")
    func nestedFailureIsContained() throws {
        let database = try Self.database()
        try database.transaction(.immediate) { database in
            try database.run("INSERT INTO items(label) VALUES (?)", ["outer"])
            #expect(throws: BodyFailure.self) {
                try database.transaction(.immediate) { database in
                    try database.run("INSERT INTO items(label) VALUES (?)", ["inner"])
                    throw BodyFailure(reason: "inner")
                }
            }
            try database.transaction(.deferred) { try $0.run("INSERT INTO items(label) VALUES (?)", ["kept"]) }
            #expect(database.isInTransaction)
        }
        #expect(try Self.labels(database) == ["outer", "kept"])
    }

    @Test("savepoints three deep, opened again and again, use the statements prepared for each depth once")
    func savepointStatementsArePreparedOncePerDepth() throws {
        let database = try Self.database()
        try database.transaction(.immediate) { database in
            for round in 0..<50 {
                try database.transaction(.immediate) { database in
                    try database.transaction(.immediate) { database in
                        try database.transaction(.immediate) { database in
                            try database.run("INSERT INTO items(label) VALUES (?)", [.text("r\(round)")])
                        }
                    }
                }
            }
        }
        #expect(database.savepointStatements.map(\.name) == ["nested_1", "nested_2", "nested_3"])
        #expect(try Self.labels(database).count == 50)
        database.close()
        #expect(database.savepointStatements.isEmpty)
    }

    @Test("work of a nested transaction that succeeded is undone when the outer one throws")
    func outerFailureUndoesNested() throws {
        let database = try Self.database()
        #expect(throws: BodyFailure.self) {
            try database.transaction(.immediate) { database in
                try database.transaction(.immediate) { try $0.run("INSERT INTO items(label) VALUES (?)", ["inner"]) }
                throw BodyFailure(reason: "outer")
            }
        }
        #expect(try Self.labels(database).isEmpty)
    }

    @Test("a transaction opened by hand is not silently joined")
    func manualTransactionRefused() throws {
        let database = try Self.database()
        try database.execute("BEGIN")
        let error = #expect(throws: SQLiteError.self) { try database.transaction(.immediate) { _ in 1 } }
        #expect(error?.code == SQLITE_MISUSE)
        try database.execute("ROLLBACK")
        #expect(try database.transaction(.immediate) { _ in 1 } == 1)
    }

    @Test("a savepoint is refused once the enclosing transaction is gone, instead of committing on its own")
    func savepointAfterTheTransactionEnded() throws {
        let database = try Self.database()
        var nested: (any Error)?
        _ = try? database.transaction(.immediate) { database in
            // As SQLite itself does on some errors (SQLITE_FULL, SQLITE_IOERR) that the body may catch.
            try database.execute("ROLLBACK")
            do {
                try database.transaction(.immediate) { try $0.run("INSERT INTO items(label) VALUES (?)", ["stray"]) }
            } catch {
                nested = error
            }
        }
        #expect((nested as? SQLiteError)?.code == SQLITE_MISUSE)
        #expect(try Self.labels(database).isEmpty)
        #expect(database.isInTransaction == false)
    }

    @Test("work a savepoint cannot undo is not committed with the rest: the whole transaction is rolled back")
    func savepointThatCannotBeUndone() throws {
        let database = try Self.database()
        _ = try? database.transaction(.immediate) { database in
            try database.run("INSERT INTO items(label) VALUES (?)", ["outer"])
            try? database.transaction(.immediate) { database in
                try database.run("INSERT INTO items(label) VALUES (?)", ["inner"])
                // Released by hand, so the ROLLBACK TO that should undo "inner" fails.
                try database.execute("RELEASE SAVEPOINT nested_1")
                throw BodyFailure(reason: "inner")
            }
            #expect(database.isInTransaction == false)
        }
        #expect(try Self.labels(database).isEmpty)
    }
}
