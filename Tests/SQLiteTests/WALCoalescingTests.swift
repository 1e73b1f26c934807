import Foundation
import TestSupport
import Testing

@testable import SQLite

/// A writer that asks for it and syncs its WAL at every commit hands the frames of a commit to the file system in one
/// write (`WALCoalescingVFS`); every other connection writes as SQLite does. Either way every committed row is there
/// for other connections and after reopening, however large the transaction and whether or not it spilled pages to
/// the WAL before committing.
struct WALCoalescingTests {
    /// Opens `path` asking for coalescing, judged as a proven release whatever release is loaded, so that these
    /// tests are what proves another release before `WALCoalescingVFS.provenVersions` takes it in.
    static func open(_ path: String) throws -> Database {
        let options = DatabaseOptions(coalesceWALWrites: true)
        return try Database(path: path, options: options, libraryVersion: WALCoalescingVFS.provenVersions.upperBound) {
            Issue.record("unexpected line: \($0)")
        }
    }

    /// Inserts `rows` rows of about 100 bytes, ids from `first`, in one transaction.
    static func insert(_ database: Database, rows: Int, from first: Int = 0) throws {
        try database.transaction(.immediate) { db in
            for value in first..<(first + rows) {
                try db.run(
                    "INSERT INTO t VALUES (?, ?)", [.integer(Int64(value)), .text(String(repeating: "x", count: 100))])
            }
        }
    }

    static func count(_ path: String) throws -> Int? {
        let reader = try Database(path: path, options: .reader)
        return try reader.queryOne("SELECT count(*) FROM t")?.get(0, as: Int.self)
    }

    @Test(
        arguments: [
            ("one small commit", 10),
            ("a commit of some 30 pages, one run", 1_000),
            ("a commit of hundreds of pages, past one run's limit", 30_000),
        ])
    func aCommitReachesTheFileInFewWrites(_ name: String, rows: Int) throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("coalesced.sqlite")
            let database = try Self.open(path)
            try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            let before = try #require(database.coalescedWALWrites, "\(name)")
            try Self.insert(database, rows: rows)
            let after = try #require(database.coalescedWALWrites, "\(name)")
            let requested = after.requested - before.requested
            let performed = after.performed - before.performed
            // Two writes per frame asked for (https://sqlite.org/fileformat.html#the_write_ahead_log); one per run
            // of up to 30 frames performed.
            #expect(performed >= 1, "\(name)")
            #expect(performed <= requested / 2 / 30 + 1, "\(name)")
            #expect(try Self.count(path) == rows, "\(name)")
            database.close()
            let reopened = try Self.open(path)
            #expect(try reopened.queryOne("PRAGMA integrity_check")?.get(0, as: String.self) == "ok", "\(name)")
            #expect(try reopened.queryOne("SELECT count(*) FROM t")?.get(0, as: Int.self) == rows, "\(name)")
        }
    }

    @Test(
        arguments: [
            ("the default options, which do not ask", DatabaseOptions()),
            (
                "synchronous NORMAL: commits are not synced, so writes are not held",
                DatabaseOptions(synchronous: .normal, coalesceWALWrites: true)
            ),
            ("synchronous OFF", DatabaseOptions(synchronous: .off, coalesceWALWrites: true)),
            ("a rollback journal, not a WAL", DatabaseOptions(journalMode: .delete, coalesceWALWrites: true)),
            ("a reader", DatabaseOptions(readOnly: true, coalesceWALWrites: true)),
        ])
    func otherConnectionsWriteAsSQLiteDoes(_ name: String, options: DatabaseOptions) throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("plain.sqlite")
            let writer = try Database(path: path, options: DatabaseOptions(synchronous: .normal))
            try writer.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            if options.journalMode != .wal {
                // Leaving WAL takes the file to itself.
                writer.close()
            }
            let database = try Database(path: path, options: options)
            if !options.readOnly {
                try Self.insert(database, rows: 10)
            }
            _ = try database.queryOne("SELECT count(*) FROM t")
            #expect(!database.coalescesWALWrites, "\(name)")
            #expect(database.coalescedWALWrites == nil, "\(name)")
        }
    }

    @Test("a transaction that spills pages to the WAL before it commits reads them back, commits or rolls back")
    func spilledPagesAreReadBack() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("spill.sqlite")
            let database = try Self.open(path)
            try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT); PRAGMA cache_size = 10")
            // A 10-page cache makes SQLite write changed pages to the WAL mid-transaction and read them back
            // (https://sqlite.org/pragma.html#pragma_cache_spill).
            try database.transaction(.immediate) { db in
                try Self.insert(db, rows: 5_000)
                #expect(try db.queryOne("SELECT sum(length(body)) FROM t")?.get(0, as: Int.self) == 500_000)
            }
            struct Undo: Error {}
            #expect(throws: Undo.self) {
                try database.transaction(.immediate) { db in
                    try Self.insert(db, rows: 5_000, from: 5_000)
                    throw Undo()
                }
            }
            #expect(try Self.count(path) == 5_000)
            #expect(try database.queryOne("PRAGMA integrity_check")?.get(0, as: String.self) == "ok")
        }
    }
}
