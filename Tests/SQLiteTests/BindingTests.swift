import SQLite
import Testing

/// One value to store and read back, named for the test report.
struct StoredValueCase: Sendable, CustomTestStringConvertible {
    let name: String
    let value: SQLiteValue
    var testDescription: String { name }
}

/// A Swift value, the storage class it must land in, and the value that must come back.
struct NativeValueCase: Sendable, CustomTestStringConvertible {
    let name: String
    let value: any SQLiteValueConvertible & Equatable & Sendable
    let stored: SQLiteValue
    var testDescription: String { name }
}

@Suite("Binding and reading values (https://sqlite.org/c3ref/bind_blob.html, https://sqlite.org/datatype3.html)")
struct BindingTests {
    static let storedValues: [StoredValueCase] = [
        StoredValueCase(name: "NULL", value: .null),
        StoredValueCase(name: "Int64.min", value: .integer(.min)),
        StoredValueCase(name: "Int64.max", value: .integer(.max)),
        StoredValueCase(name: "negative integer", value: .integer(-42)),
        StoredValueCase(name: "zero", value: .integer(0)),
        StoredValueCase(name: "real", value: .real(3.25)),
        StoredValueCase(name: "negative real", value: .real(-1e-300)),
        StoredValueCase(name: "ASCII text", value: .text("follow up on Tuesday")),
        StoredValueCase(name: "unicode text", value: .text("Zoë Ñúñez — 日本語 👩🏽‍💻")),
        StoredValueCase(name: "text with embedded NUL, stored by length", value: .text("before\u{0}after")),
        StoredValueCase(name: "empty text is not NULL", value: .text("")),
        StoredValueCase(name: "blob", value: .blob([0x00, 0x01, 0x7F, 0x80, 0xFF])),
        StoredValueCase(name: "blob of zero bytes", value: .blob([0, 0, 0])),
        StoredValueCase(name: "empty blob is not NULL", value: .blob([])),
    ]

    private func storeAndRead(_ value: SQLiteValue, insert: (Database) throws -> Void) throws -> Row? {
        let database = try Database(path: ":memory:")
        // A column without a declared type has no affinity, so the storage class is kept as bound.
        try database.execute("CREATE TABLE kept(v)")
        try insert(database)
        return try database.queryOne("SELECT v, typeof(v) AS class, length(CAST(v AS BLOB)) AS bytes FROM kept")
    }

    private func expectStored(_ row: Row?, _ value: SQLiteValue) throws {
        let row = try #require(row)
        #expect(row.value(at: 0) == value)
        #expect(try row.get("class", as: String.self) == value.storageClass)
        if case .text(let text) = value {
            #expect(try row.get("bytes", as: Int.self) == text.utf8.count)
        }
    }

    @Test("a value bound by position reads back with the same storage class", arguments: storedValues)
    func boundByPosition(_ example: StoredValueCase) throws {
        let row = try storeAndRead(example.value) { try $0.run("INSERT INTO kept(v) VALUES (?)", [example.value]) }
        try expectStored(row, example.value)
    }

    @Test("a value bound by name reads back with the same storage class", arguments: storedValues)
    func boundByName(_ example: StoredValueCase) throws {
        let row = try storeAndRead(example.value) {
            try $0.run("INSERT INTO kept(v) VALUES (:v)", named: ["v": example.value])
        }
        try expectStored(row, example.value)
    }

    @Test("a value bound through a statement reads back through the statement's typed getters", arguments: storedValues)
    func throughStatement(_ example: StoredValueCase) throws {
        let database = try Database(path: ":memory:")
        let statement = try database.prepare("SELECT ?1 AS v, @same AS w")
        try statement.bind(example.value, at: 1)
        try statement.bind(example.value, named: "@same")
        #expect(try statement.step())
        #expect(statement.value(at: 0) == example.value)
        #expect(statement.value(named: "w") == example.value)
        #expect(try statement.get(0, as: SQLiteValue.self) == example.value)
        #expect(try statement.get("V", as: SQLiteValue.self) == example.value)
        #expect(try !statement.step())
    }

    static let nativeValues: [NativeValueCase] = [
        NativeValueCase(name: "Int", value: 7, stored: .integer(7)),
        NativeValueCase(name: "Int64.min", value: Int64.min, stored: .integer(.min)),
        NativeValueCase(name: "Double", value: 0.5, stored: .real(0.5)),
        NativeValueCase(name: "String", value: "recruiter", stored: .text("recruiter")),
        NativeValueCase(name: "Bool true is 1", value: true, stored: .integer(1)),
        NativeValueCase(name: "Bool false is 0", value: false, stored: .integer(0)),
        NativeValueCase(name: "[UInt8]", value: [UInt8]([1, 2, 3]), stored: .blob([1, 2, 3])),
        NativeValueCase(name: "Optional nil is NULL", value: String?.none, stored: .null),
        NativeValueCase(name: "Optional value", value: Int?.some(12), stored: .integer(12)),
    ]

    /// Reads the stored value back as the type it was bound from.
    private func readsBack<T: SQLiteValueConvertible & Equatable>(_ value: T, from database: Database) throws -> Bool {
        let row = try #require(try database.queryOne("SELECT v FROM kept"))
        return try row.get("v", as: T.self) == value
    }

    @Test("Swift values bind to their storage class and read back equal", arguments: nativeValues)
    func nativeRoundTrip(_ example: NativeValueCase) throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE kept(v)")
        try database.run("INSERT INTO kept(v) VALUES (?)", [SQLiteValue(example.value)])
        #expect(try database.queryOne("SELECT v FROM kept")?.value(at: 0) == example.stored)
        #expect(try readsBack(example.value, from: database))
    }
}
