import CSQLite
import Foundation
import SQLite
import TestSupport
import Testing

@Suite("Opening connections: PRAGMAs, readers and WAL visibility (https://sqlite.org/wal.html)")
struct ConnectionTests {
    static func pragma(_ database: Database, _ name: String) throws -> SQLiteValue? {
        try database.queryOne("PRAGMA \(name)")?.value(at: 0)
    }

    @Test("a writer to a file opens in WAL with foreign keys on, synchronous FULL and a 5 s busy timeout")
    func defaults() throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(path: scratch.path("defaults.sqlite"))
            #expect(try Self.pragma(database, "journal_mode") == .text("wal"))
            #expect(try Self.pragma(database, "foreign_keys") == .integer(1))
            #expect(try Self.pragma(database, "synchronous") == .integer(2))
            #expect(try Self.pragma(database, "busy_timeout") == .integer(5000))
            #expect(try Self.pragma(database, "wal_autocheckpoint") == .integer(1000))
        }
    }

    @Test("the checkpoint threshold is the one asked for (https://sqlite.org/pragma.html#pragma_wal_autocheckpoint)")
    func autocheckpoint() throws {
        try ScratchDirectory.with { scratch in
            let options = DatabaseOptions(walAutocheckpointPages: 4000)
            let database = try Database(path: scratch.path("checkpoints.sqlite"), options: options)
            #expect(try Self.pragma(database, "wal_autocheckpoint") == .integer(4000))
        }
    }

    @Test(
        "temporary files stay as SQLite keeps them unless asked to stay in memory (pragma_temp_store)",
        arguments: [(false, Int64(0)), (true, Int64(2))])
    func temporaryFiles(_ inMemory: Bool, _ expected: Int64) throws {
        try ScratchDirectory.with { scratch in
            let options = DatabaseOptions(temporaryFilesInMemory: inMemory)
            let database = try Database(path: scratch.path("temporary-\(inMemory).sqlite"), options: options)
            #expect(try Self.pragma(database, "temp_store") == .integer(expected))
        }
    }

    @Test(
        "each synchronous mode is applied (https://sqlite.org/pragma.html#pragma_synchronous)",
        arguments: SynchronousMode.allCases)
    func synchronous(_ mode: SynchronousMode) throws {
        let database = try Database(path: ":memory:", options: DatabaseOptions(synchronous: mode))
        #expect(try Self.pragma(database, "synchronous") == .integer(Int64(mode.rawValue)))
    }

    @Test("each journal mode is applied to a file database", arguments: JournalMode.allCases)
    func journalMode(_ mode: JournalMode) throws {
        try ScratchDirectory.with { scratch in
            let database = try Database(
                path: scratch.path("journal.sqlite"), options: DatabaseOptions(journalMode: mode))
            #expect(try Self.pragma(database, "journal_mode") == .text(mode.rawValue))
        }
    }

    @Test("an in-memory database opens without WAL, which needs a file, and keeps the other settings")
    func inMemory() throws {
        let database = try Database(path: ":memory:", options: DatabaseOptions(foreignKeys: false))
        #expect(!database.isFileBacked)
        #expect(try Self.pragma(database, "journal_mode") == .text("memory"))
        #expect(try Self.pragma(database, "foreign_keys") == .integer(0))
    }

    @Test("a read-only reader refuses writes with SQLITE_READONLY and keeps the file's WAL mode")
    func readerIsReadOnly() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("reader.sqlite")
            let writer = try Database(path: path)
            try writer.execute("CREATE TABLE t(x)")
            let reader = try Database(path: path, options: .reader)
            let error = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (1)") }
            #expect(error?.code == SQLITE_READONLY)
            #expect(try Self.pragma(reader, "journal_mode") == .text("wal"))
        }
    }

    @Test("a reader cannot open a file that does not exist, and the error says which")
    func readerNeedsFile() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("absent.sqlite")
            let error = #expect(throws: SQLiteError.self) { try Database(path: path, options: .reader) }
            #expect(error?.code == SQLITE_CANTOPEN)
            #expect(error?.message.contains(path) == true)
        }
    }

    @Test("a reader sees what the writer committed, not what it has not, and keeps its snapshot while reading")
    func walVisibility() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("wal.sqlite")
            let writer = try Database(path: path)
            try writer.execute("CREATE TABLE t(x INTEGER)")
            let reader = try Database(path: path, options: .reader)
            let count = "SELECT count(*) FROM t"

            try writer.run("INSERT INTO t VALUES (1)")
            #expect(try reader.queryOne(count)?.get(0, as: Int.self) == 1)

            try writer.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (2);")
            #expect(try reader.queryOne(count)?.get(0, as: Int.self) == 1)
            try writer.execute("COMMIT")
            #expect(try reader.queryOne(count)?.get(0, as: Int.self) == 2)

            // Inside a read transaction the reader keeps one snapshot (https://sqlite.org/isolation.html).
            try reader.transaction(.deferred) { reader in
                #expect(try reader.queryOne(count)?.get(0, as: Int.self) == 2)
                try writer.run("INSERT INTO t VALUES (3)")
                #expect(try reader.queryOne(count)?.get(0, as: Int.self) == 2)
            }
            #expect(try reader.queryOne(count)?.get(0, as: Int.self) == 3)
        }
    }

    @Test("close is idempotent and later use throws SQLITE_MISUSE")
    func closeTwice() throws {
        let database = try Database(path: ":memory:")
        database.close()
        database.close()
        #expect(database.isClosed)
        #expect(database.isInTransaction == false)
        let error = #expect(throws: SQLiteError.self) { try database.execute("SELECT 1") }
        #expect(error?.code == SQLITE_MISUSE)
    }

    @Test("a passive checkpoint copies the WAL back; a truncating one empties the WAL file")
    func checkpoint() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("checkpoint.sqlite")
            let database = try Database(path: path)
            try database.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);")
            let passive = try database.walCheckpoint(.passive)
            #expect(passive.walFrames > 0)
            #expect(passive.checkpointedFrames == passive.walFrames)
            try database.walCheckpoint(.truncate)
            let size = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
            #expect(size == 0)
            #expect(try database.queryOne("SELECT count(*) FROM t")?.get(0, as: Int.self) == 2)
        }
    }

    @Test("a checkpoint on a database not in WAL mode reports -1 frames")
    func checkpointWithoutWAL() throws {
        let database = try Database(path: ":memory:")
        #expect(try database.walCheckpoint(.passive) == CheckpointResult(walFrames: -1, checkpointedFrames: -1))
    }
}
