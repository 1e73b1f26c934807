import CSQLite
import SQLite
import TestSupport
import Testing

/// A connection that keeps its temporary files in memory can run a transaction with them on disk, so that the
/// statement journal of a job changing pages without a bound spills to a file instead of growing in memory.
@Suite("Temporary files on disk for one transaction (https://sqlite.org/pragma.html#pragma_temp_store)")
struct TemporaryFilesTests {
    static func temporaryStore(_ database: Database) throws -> Int64? {
        guard case .integer(let value)? = try database.queryOne("PRAGMA temp_store")?.value(at: 0) else { return nil }
        return value
    }

    @Test("inside, the connection keeps temporary files on disk; after, in memory again, also after a throw")
    func switchesAndRestores() throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(
                path: scratch.path("switch.sqlite"), options: DatabaseOptions(temporaryFilesInMemory: true))
            let inside = try database.withTemporaryFilesOnDisk { try Self.temporaryStore(database) }
            #expect(inside == 1)
            #expect(try Self.temporaryStore(database) == 2)
            #expect(throws: SQLiteError.self) {
                try database.withTemporaryFilesOnDisk { try database.execute("SELECT * FROM missing") }
            }
            #expect(try Self.temporaryStore(database) == 2)
        }
    }

    @Test("a connection that keeps temporary files as SQLite does is left as it is")
    func leavesOthersAlone() throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(path: scratch.path("default.sqlite"))
            let inside = try database.withTemporaryFilesOnDisk { try Self.temporaryStore(database) }
            #expect(inside == 0)
            #expect(try Self.temporaryStore(database) == 0)
        }
    }

    @Test("inside a transaction the switch is refused, and the transaction goes on")
    func refusedInsideATransaction() throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(
                path: scratch.path("refused.sqlite"), options: DatabaseOptions(temporaryFilesInMemory: true))
            try database.transaction(.immediate) { database in
                let error = #expect(throws: SQLiteError.self) {
                    try database.withTemporaryFilesOnDisk { Int64(0) }
                }
                #expect(error?.code == SQLITE_MISUSE)
                #expect(database.isInTransaction)
            }
            #expect(try Self.temporaryStore(database) == 2)
        }
    }

    /// SQLite's bytes in use right after deleting the rows of `ids`, a page each, inside a savepoint (whose
    /// statement journal then holds the first image of each page), less those in use before.
    static func journalGrowth(_ database: Database, ids: ClosedRange<Int64>) throws -> Int64 {
        try database.transaction(.immediate) { database in
            try database.transaction(.immediate) { database in
                let before = sqlite3_memory_used()
                try database.run(
                    "DELETE FROM pages WHERE id BETWEEN ? AND ?", [.integer(ids.lowerBound), .integer(ids.upperBound)])
                #expect(database.changes == ids.count)
                return sqlite3_memory_used() - before
            }
        }
    }

    @Test("a delete over 10,000 pages holds their first images in memory, but not with temporary files on disk")
    func journalSpillsToDisk() throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(
                path: scratch.path("journal.sqlite"), options: DatabaseOptions(temporaryFilesInMemory: true))
            try database.execute("CREATE TABLE pages(id INTEGER PRIMARY KEY, filler BLOB NOT NULL)")
            try database.run(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) \
                INSERT INTO pages(id, filler) SELECT i, zeroblob(3000) FROM n
                """, [20_000])
            // 10,000 pages of 4 KiB: about 40 MiB of journal in memory. Other tests running meanwhile use some
            // memory too, hence the wide margin between the two bounds.
            let inMemory = try Self.journalGrowth(database, ids: 1...10_000)
            #expect(inMemory > 30 << 20)
            let onDisk = try database.withTemporaryFilesOnDisk {
                try Self.journalGrowth(database, ids: 10_001...20_000)
            }
            #expect(onDisk < 12 << 20)
        }
    }
}
