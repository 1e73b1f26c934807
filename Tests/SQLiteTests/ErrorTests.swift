import CSQLite
import SQLite
import TestSupport
import Testing

/// A statement that breaks one constraint with a private value bound, and the codes it must report.
struct ConstraintCase: Sendable, CustomTestStringConvertible {
    let name: String
    let sql: String
    let extendedCode: Int32
    let messageFragment: String
    var testDescription: String { name }
}

/// A misuse of the binding API and the message fragment it must report.
struct MisuseCase: Sendable, CustomTestStringConvertible {
    let name: String
    let attempt: @Sendable (Database) throws -> Void
    let code: Int32
    let messageFragment: String
    var testDescription: String { name }
}

@Suite("SQLiteError: result codes, messages and SQL, never bound values (https://sqlite.org/rescode.html)")
struct ErrorTests {
    static let secret = "private.person@example.org"

    static func schema() throws -> Database {
        let database = try Database(path: ":memory:")
        try database.execute(
            """
            CREATE TABLE contacts(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, CHECK (length(email) < 100));
            CREATE TABLE events(id INTEGER PRIMARY KEY, contact_id INTEGER NOT NULL REFERENCES contacts(id));
            INSERT INTO contacts(id, email) VALUES (1, 'taken@example.org');
            """)
        return database
    }

    @Test("a syntax error reports SQLITE_ERROR, SQLite's message and the SQL")
    func syntaxError() throws {
        let database = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
        #expect(error?.code == SQLITE_ERROR)
        #expect(error?.message.contains("syntax error") == true)
        #expect(error?.sql == "SELEC 1")
        #expect(error?.description.contains("SELEC 1") == true)
    }

    @Test("a failing statement in a script is named in the error")
    func scriptError() throws {
        let database = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) {
            try database.execute("CREATE TABLE a(x);\n  INSERT INTO missing VALUES (1);\nCREATE TABLE b(y);")
        }
        #expect(error?.sql == "INSERT INTO missing VALUES (1)")
        #expect(error?.message.contains("no such table") == true)
        // The statements before the failure ran; the ones after did not.
        #expect(try database.query("SELECT name FROM sqlite_master").map { try $0.get(0, as: String.self) } == ["a"])
    }

    static let constraints: [ConstraintCase] = [
        ConstraintCase(
            name: "UNIQUE", sql: "INSERT INTO contacts(id, email) VALUES (2, 'taken@example.org'), (3, ?)",
            extendedCode: SQLiteError.constraintUnique, messageFragment: "UNIQUE constraint failed: contacts.email"),
        ConstraintCase(
            name: "PRIMARY KEY", sql: "INSERT INTO contacts(id, email) VALUES (1, ?)",
            extendedCode: SQLiteError.constraintPrimaryKey, messageFragment: "UNIQUE constraint failed: contacts.id"),
        ConstraintCase(
            name: "FOREIGN KEY with foreign_keys on",
            sql: "INSERT INTO events(contact_id) SELECT 404 WHERE ? IS NOT NULL",
            extendedCode: SQLiteError.constraintForeignKey, messageFragment: "FOREIGN KEY constraint failed"),
        ConstraintCase(
            name: "NOT NULL", sql: "INSERT INTO contacts(id, email) VALUES (5, CASE WHEN ? = '' THEN 1 ELSE NULL END)",
            extendedCode: SQLiteError.constraintNotNull, messageFragment: "NOT NULL constraint failed: contacts.email"),
        ConstraintCase(
            name: "CHECK", sql: "INSERT INTO contacts(id, email) VALUES (6, ? || printf('%.200c', 'x'))",
            extendedCode: SQLiteError.constraintCheck, messageFragment: "CHECK constraint failed"),
    ]

    @Test("a constraint violation reports its extended code and leaves the bound value out", arguments: constraints)
    func constraintViolation(_ example: ConstraintCase) throws {
        let database = try Self.schema()
        let error = #expect(throws: SQLiteError.self) { try database.run(example.sql, [.text(Self.secret)]) }
        #expect(error?.code == SQLITE_CONSTRAINT)
        #expect(error?.extendedCode == example.extendedCode)
        #expect(error?.isConstraintViolation == true)
        #expect(
            error?.isUniqueViolation
                == (example.extendedCode == SQLiteError.constraintUnique
                    || example.extendedCode == SQLiteError.constraintPrimaryKey))
        #expect(error?.isForeignKeyViolation == (example.extendedCode == SQLiteError.constraintForeignKey))
        #expect(error?.isNotNullViolation == (example.extendedCode == SQLiteError.constraintNotNull))
        #expect(error?.message.contains(example.messageFragment) == true)
        #expect(error?.description.contains(Self.secret) == false)
        #expect(error?.description.contains(example.messageFragment) == true)
        #expect(error?.isBusy == false)
    }

    static let misuses: [MisuseCase] = [
        MisuseCase(
            name: "too few positional values", attempt: { try $0.run("SELECT ?, ?", [1]) },
            code: SQLITE_RANGE, messageFragment: "takes 2 parameters but 1 values"),
        MisuseCase(
            name: "too many positional values", attempt: { try $0.run("SELECT ?", [1, 2]) },
            code: SQLITE_RANGE, messageFragment: "takes 1 parameters but 2 values"),
        MisuseCase(
            name: "unknown parameter name", attempt: { try $0.run("SELECT :a", named: ["b": 1]) },
            code: SQLITE_RANGE, messageFragment: "no parameter :b"),
        MisuseCase(
            name: "a named parameter left unbound", attempt: { try $0.run("SELECT :a, :b", named: ["a": 1]) },
            code: SQLITE_RANGE, messageFragment: "takes 2 parameters but 1 named values"),
        MisuseCase(
            name: "position 0, parameters count from 1", attempt: { try $0.prepare("SELECT ?").bind(1, at: 0) },
            code: SQLITE_RANGE, messageFragment: "position 0 is outside 1...1"),
        MisuseCase(
            name: "two statements given to prepare", attempt: { _ = try $0.prepare("SELECT 1; SELECT 2") },
            code: SQLITE_MISUSE, messageFragment: "more than one statement"),
        MisuseCase(
            name: "only a comment given to prepare", attempt: { _ = try $0.prepare("-- nothing") },
            code: SQLITE_MISUSE, messageFragment: "holds no statement"),
        MisuseCase(
            name: "a finalized statement stepped",
            attempt: {
                let s = try $0.prepare("SELECT 1"); s.finalize(); try s.step()
            },
            code: SQLITE_MISUSE, messageFragment: "finalized"),
        MisuseCase(
            name: "a closed connection used",
            attempt: {
                $0.close(); try $0.run("SELECT 1")
            },
            code: SQLITE_MISUSE, messageFragment: "closed"),
    ]

    @Test("misuse is refused with a typed error instead of silently binding NULL or running half", arguments: misuses)
    func misuse(_ example: MisuseCase) throws {
        let database = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try example.attempt(database) }
        #expect(error?.code == example.code)
        #expect(error?.message.contains(example.messageFragment) == true)
    }

    @Test("a trailing comment after one statement is accepted by prepare")
    func trailingComment() throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT 1; -- the answer")
        #expect(try statement.step())
        #expect(try statement.get(0, as: Int.self) == 1)
    }

    @Test(
        "a second writer that cannot get the lock within its timeout sees isBusy (https://sqlite.org/rescode.html#busy)"
    )
    func busy() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("busy.sqlite")
            let first = try Database(path: path)
            let second = try Database(path: path, options: DatabaseOptions(busyTimeoutMilliseconds: 0))
            try first.execute("BEGIN IMMEDIATE")
            let error = #expect(throws: SQLiteError.self) { try second.execute("BEGIN IMMEDIATE") }
            #expect(error?.isBusy == true)
            #expect(error?.code == SQLITE_BUSY)
            try first.execute("ROLLBACK")
            try second.execute("BEGIN IMMEDIATE; ROLLBACK")
        }
    }
}
