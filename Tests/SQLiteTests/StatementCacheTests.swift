import SQLite
import Testing

@Suite("Statement cache: one prepared statement per SQL text, reset and cleared on reuse")
struct StatementCacheTests {
    @Test("the same SQL returns the same statement object; different SQL a different one")
    func sameObject() throws {
        let database = try Database(path: ":memory:")
        let first = try database.cachedStatement("SELECT ?")
        let again = try database.cachedStatement("SELECT ?")
        let other = try database.cachedStatement("SELECT ? + 1")
        #expect(first === again)
        #expect(first !== other)
        #expect(first !== (try database.prepare("SELECT ?")))
    }

    @Test("long statements that differ only between their ends are told apart; the same text built anew is found")
    func longStatementsDifferingInTheMiddle() throws {
        let database = try Database(path: ":memory:")
        let ends = (head: "SELECT 1 AS a, 2 AS b, 3 AS c, 4 AS d, ", tail: " AS middle, 5 AS e, 6 AS f, 7 AS g")
        var statements: [Statement] = []
        for middle in ["10", "11", "12", "'text'", "NULL"] {
            let sql = ends.head + middle + ends.tail
            let statement = try database.cachedStatement(sql)
            #expect(statement.sql == sql)
            #expect(!statements.contains { $0 === statement }, "\(middle) got another text's statement")
            statements.append(statement)
            let rebuilt = String(sql.reversed().reversed())
            #expect(try database.cachedStatement(rebuilt) === statement)
        }
    }

    @Test("texts that differ in their bytes are different statements, even when Unicode counts them equal")
    func keysCompareBytes() throws {
        let database = try Database(path: ":memory:")
        let composed = "SELECT 'caf\u{E9}' AS word, 1 AS a, 2 AS b, 3 AS c, 4 AS d, 5 AS e, 6 AS f"
        let decomposed = "SELECT 'cafe\u{301}' AS word, 1 AS a, 2 AS b, 3 AS c, 4 AS d, 5 AS e, 6 AS f"
        #expect(composed == decomposed, "Swift compares strings by canonical equivalence")
        let first = try database.cachedStatement(composed)
        let second = try database.cachedStatement(decomposed)
        #expect(first !== second)
        #expect(Array(first.sql.utf8) == Array(composed.utf8))
        #expect(Array(second.sql.utf8) == Array(decomposed.utf8))
        #expect(try database.cachedStatement(composed) === first)
    }

    @Test("reuse rewinds a half-read statement and clears its bindings, so no old value leaks in")
    func reuseStartsFresh() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE numbers(n INTEGER); INSERT INTO numbers VALUES (1), (2), (3);")
        let statement = try database.cachedStatement("SELECT n, ? AS tag FROM numbers ORDER BY n")
        try statement.bind(["private"])
        #expect(try statement.step())
        #expect(try statement.get("n", as: Int.self) == 1)

        let reused = try database.cachedStatement("SELECT n, ? AS tag FROM numbers ORDER BY n")
        #expect(reused === statement)
        #expect(try reused.step())
        #expect(try reused.get("n", as: Int.self) == 1)
        #expect(reused.value(named: "tag") == .null)
    }

    @Test("convenience calls reuse their cached statement with new bindings each time")
    func repeatedRuns() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE people(name TEXT)")
        let sql = "INSERT INTO people(name) VALUES (?)"
        for name in ["Ada", "Grace", "Edsger"] {
            try database.run(sql, [.text(name)])
        }
        let statement = try database.cachedStatement(sql)
        #expect(statement.parameterCount == 1)
        let names = try database.query("SELECT name FROM people ORDER BY rowid").map { try $0.get(0, as: String.self) }
        #expect(names == ["Ada", "Grace", "Edsger"])
    }

    @Test("a cached statement that failed works again on reuse")
    func reuseAfterFailure() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE tags(name TEXT UNIQUE)")
        let sql = "INSERT INTO tags(name) VALUES (?)"
        try database.run(sql, ["a"])
        #expect(throws: SQLiteError.self) { try database.run(sql, ["a"]) }
        try database.run(sql, ["b"])
        #expect(try database.queryOne("SELECT count(*) FROM tags")?.get(0, as: Int.self) == 2)
    }

    @Test("closing finalizes cached statements; clearing the cache prepares anew")
    func closeAndClear() throws {
        let database = try Database(path: ":memory:")
        let cached = try database.cachedStatement("SELECT 1")
        database.clearStatementCache()
        #expect(cached.isFinalized)
        let fresh = try database.cachedStatement("SELECT 1")
        #expect(fresh !== cached)
        let owned = try database.prepare("SELECT 2")
        database.close()
        #expect(fresh.isFinalized)
        // A statement the caller owns outlives the connection safely (sqlite3_close_v2) and is finalized by it.
        #expect(!owned.isFinalized)
        owned.finalize()
        #expect(throws: SQLiteError.self) { try database.cachedStatement("SELECT 1") }
    }
}
