import CSQLite
import Foundation
import TestSupport
import Testing

@testable import SQLite

/// The WAL coalescing is used only on the SQLite releases it was proven with, says so once on stderr when it is not,
/// and a connection using it keeps the `synchronous` it was opened with, the only modes it is correct at.
struct WALCoalescingGuardTests {
    static let proven = WALCoalescingVFS.provenVersions
    static let coalescing = DatabaseOptions(coalesceWALWrites: true)

    /// Opens `path` as if the library were `version`, with the lines it would have written to stderr.
    static func open(
        _ path: String, options: DatabaseOptions = coalescing, version: Int32
    ) throws -> (Database, [String]) {
        var lines: [String] = []
        let database = try Database(path: path, options: options, libraryVersion: version) { lines.append($0) }
        return (database, lines)
    }

    @Test(
        "a release is proven only inside the range, on both sides of each bound",
        arguments: [
            (proven.lowerBound - 1, false),
            (proven.lowerBound, true),
            (proven.upperBound, true),
            (proven.upperBound + 1, false),
            (3_046_001, false),
        ])
    func provenReleases(_ version: Int32, isProven: Bool) {
        #expect((WALCoalescingVFS.versionRefusal(version) == nil) == isProven, "\(version)")
    }

    @Test("the line for an unproven release names it and the proven ones")
    func refusalLine() {
        let line = WALCoalescingVFS.versionRefusal(3_046_001)
        #expect(
            line?.hasPrefix("warning: SQLite 3.46.1 is not a release the WAL-coalescing VFS was proven with") == true)
        #expect(line?.contains("(\(WALCoalescingVFS.release(Self.proven.lowerBound))") == true)
        #expect(line?.contains("\n") == false)
        #expect(WALCoalescingVFS.release(3_040_001) == "3.40.1")
        #expect(WALCoalescingVFS.release(3_008_011) == "3.8.11")
    }

    @Test(
        "outside the proven releases a connection asking for coalescing writes as SQLite does and says why, once",
        arguments: [proven.lowerBound - 1, proven.lowerBound, proven.upperBound, proven.upperBound + 1])
    func fallBackOutsideTheProvenReleases(_ version: Int32) throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("versions.sqlite")
            let (database, lines) = try Self.open(path, version: version)
            try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            try WALCoalescingTests.insert(database, rows: 100)
            #expect(try WALCoalescingTests.count(path) == 100)
            let isProven = Self.proven.contains(version)
            #expect(database.coalescesWALWrites == isProven)
            #expect((database.coalescedWALWrites != nil) == isProven)
            #expect(lines == (isProven ? [] : [WALCoalescingVFS.versionRefusal(version)].compactMap { $0 }))
        }
    }

    @Test("a connection that does not ask, or cannot have it, never consults the release nor logs")
    func noLineWithoutAsking() throws {
        try ScratchDirectory.with { scratch in
            let unproven = Self.proven.upperBound + 1
            let (_, plain) = try Self.open(scratch.path("plain.sqlite"), options: DatabaseOptions(), version: unproven)
            let normal = DatabaseOptions(synchronous: .normal, coalesceWALWrites: true)
            let (_, asked) = try Self.open(scratch.path("normal.sqlite"), options: normal, version: unproven)
            #expect(plain.isEmpty)
            #expect(asked.isEmpty)
        }
    }

    @Test("opened with the library loaded here, a connection coalesces exactly when that release is proven")
    func theLoadedLibrary() throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(path: scratch.path("loaded.sqlite"), options: Self.coalescing)
            #expect(database.coalescesWALWrites == Self.proven.contains(sqlite3_libversion_number()))
        }
    }

    /// Statements that set `synchronous`, and the mode each leaves on a connection that allows it.
    static let settings: [(String, Int64)] = [
        ("PRAGMA synchronous = OFF", 0),
        ("pragma SYNCHRONOUS=normal", 1),
        ("PRAGMA main.synchronous = 0", 0),
        ("PRAGMA synchronous(1)", 1),
        ("PRAGMA synchronous = EXTRA", 3),
    ]

    /// The ways a statement reaches SQLite: a script, a cached statement run or queried, a statement of one's own.
    static let ways: [(String, @Sendable (Database, String) throws -> Void)] = [
        ("execute", { database, sql in try database.execute(sql) }),
        ("run", { database, sql in try database.run(sql) }),
        ("query", { database, sql in _ = try database.query(sql) }),
        ("prepare", { database, sql in try database.prepare(sql).run() }),
    ]

    static func synchronous(_ database: Database) throws -> SQLiteValue? {
        try database.queryOne("PRAGMA synchronous")?.value(at: 0)
    }

    @Test(
        "a coalescing connection refuses any statement that sets synchronous, however it is sent, and keeps FULL",
        arguments: settings, ways.indices)
    func synchronousIsRefused(_ setting: (String, Int64), way: Int) throws {
        let (sql, _) = setting
        let (name, send) = Self.ways[way]
        try ScratchDirectory.with { scratch in
            let path = scratch.path("refuses.sqlite")
            let (database, _) = try Self.open(path, version: Self.proven.lowerBound)
            try #require(database.coalescesWALWrites)
            let refusal = SQLiteError(code: SQLITE_AUTH, message: Database.synchronousRefusal, sql: sql)
            #expect(throws: refusal, "\(sql) by \(name)") { try send(database, sql) }
            #expect(try Self.synchronous(database) == .integer(2), "\(sql) by \(name)")
            try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            try WALCoalescingTests.insert(database, rows: 10)
            #expect(try WALCoalescingTests.count(path) == 10, "\(sql) by \(name)")
        }
    }

    @Test(
        "a connection that does not coalesce, asked or fallen back, changes synchronous as SQLite does",
        arguments: settings, ways.indices)
    func synchronousChangesElsewhere(_ setting: (String, Int64), way: Int) throws {
        let (sql, mode) = setting
        let (name, send) = Self.ways[way]
        try ScratchDirectory.with { scratch in
            let plain = try Database(path: scratch.path("plain.sqlite"))
            let (fallen, _) = try Self.open(scratch.path("fallen.sqlite"), version: Self.proven.upperBound + 1)
            for database in [plain, fallen] {
                #expect(!database.coalescesWALWrites)
                try send(database, sql)
                #expect(try Self.synchronous(database) == .integer(mode), "\(sql) by \(name)")
            }
        }
    }
}
