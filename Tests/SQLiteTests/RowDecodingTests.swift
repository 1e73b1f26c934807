import SQLite
import Testing

/// One typed read that must fail, and the error it must fail with.
struct DecodingFailureCase: Sendable, CustomTestStringConvertible {
    let name: String
    let read: @Sendable (Row) throws -> Void
    let expected: RowDecodingError
    var testDescription: String { name }
}

@Suite("Reading rows: NULL, typed getters and their errors")
struct RowDecodingTests {
    /// A row holding a private value in every non-NULL column, to check errors never repeat it.
    static func sampleRow() throws -> Row {
        let database = try Database(path: ":memory:")
        return try #require(
            try database.queryOne(
                "SELECT NULL AS missing, ? AS email, 41 AS count, 2.5 AS ratio, x'00ff' AS bytes",
                [.text("private.person@example.org")]))
    }

    static let failures: [DecodingFailureCase] = [
        DecodingFailureCase(
            name: "NULL read as a non-optional String", read: { _ = try $0.get("missing", as: String.self) },
            expected: .unexpectedNull(column: "missing")),
        DecodingFailureCase(
            name: "NULL read as a non-optional Int by index", read: { _ = try $0.get(0, as: Int.self) },
            expected: .unexpectedNull(column: "missing")),
        DecodingFailureCase(
            name: "text read as Int", read: { _ = try $0.get("email", as: Int.self) },
            expected: .typeMismatch(column: "email", expected: "Int", found: "text")),
        DecodingFailureCase(
            name: "real read as Int64 is not truncated", read: { _ = try $0.get("ratio", as: Int64.self) },
            expected: .typeMismatch(column: "ratio", expected: "Int64", found: "real")),
        DecodingFailureCase(
            name: "integer read as String", read: { _ = try $0.get("count", as: String.self) },
            expected: .typeMismatch(column: "count", expected: "String", found: "integer")),
        DecodingFailureCase(
            name: "blob read as an optional String", read: { _ = try $0.get("bytes", as: String?.self) },
            expected: .typeMismatch(column: "bytes", expected: "Optional<String>", found: "blob")),
        DecodingFailureCase(
            name: "unknown column name", read: { _ = try $0.get("nope", as: Int.self) },
            expected: .noSuchColumn("nope")),
        DecodingFailureCase(
            name: "index past the last column", read: { _ = try $0.get(5, as: Int.self) },
            expected: .columnIndexOutOfRange(index: 5, count: 5)),
        DecodingFailureCase(
            name: "negative index", read: { _ = try $0.get(-1, as: Int.self) },
            expected: .columnIndexOutOfRange(index: -1, count: 5)),
    ]

    @Test("a typed read that cannot succeed throws a typed error naming the column", arguments: failures)
    func failingRead(_ example: DecodingFailureCase) throws {
        let row = try Self.sampleRow()
        let error = #expect(throws: RowDecodingError.self) { try example.read(row) }
        #expect(error == example.expected)
        #expect(error?.description.contains("private.person") == false)
    }

    @Test("NULL reads as nil through an optional type, and values through optional types too")
    func optionalReads() throws {
        let row = try Self.sampleRow()
        #expect(try row.get("missing", as: String?.self) == nil)
        #expect(try row.get("missing", as: Int?.self) == nil)
        #expect(try row.get("count", as: Int?.self) == 41)
        #expect(try row.get("email", as: String?.self) == "private.person@example.org")
        #expect(row.value(named: "missing") == .null)
    }

    @Test("column names match case-insensitively, as SQL identifiers do (https://sqlite.org/lang_keywords.html)")
    func caseInsensitiveNames() throws {
        let row = try Self.sampleRow()
        #expect(try row.get("COUNT", as: Int.self) == 41)
        #expect(try row.get("Ratio", as: Double.self) == 2.5)
        #expect(row.value(named: "absent") == nil)
        #expect(row.value(at: 9) == nil)
    }

    @Test("an integer reads as Double, since REAL columns store integral values as integers")
    func integerAsDouble() throws {
        let row = try Self.sampleRow()
        #expect(try row.get("count", as: Double.self) == 41.0)
        #expect(try row.get("bytes", as: [UInt8].self) == [0x00, 0xFF])
    }

    @Test("a duplicated column name resolves to the leftmost column")
    func duplicateNames() throws {
        let database = try Database(path: ":memory:")
        let row = try #require(try database.queryOne("SELECT 1 AS id, 2 AS id"))
        #expect(try row.get("id", as: Int.self) == 1)
        #expect(row.columnNames == ["id", "id"])
    }

    @Test("query returns every row in order, and queryOne nil when there is none")
    func queryRows() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        for body in ["first", "second", "third"] {
            try database.run("INSERT INTO notes(body) VALUES (?)", [.text(body)])
            #expect(database.changes == 1)
        }
        #expect(database.lastInsertRowID == 3)
        let rows = try database.query("SELECT id, body FROM notes WHERE id >= ? ORDER BY id", [2])
        #expect(try rows.map { try $0.get("body", as: String.self) } == ["second", "third"])
        #expect(try database.queryOne("SELECT body FROM notes WHERE id = :id", named: ["id": 99]) == nil)
    }
}
