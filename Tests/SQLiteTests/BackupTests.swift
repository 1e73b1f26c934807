import Foundation
import SQLite
import Synchronization
import TestSupport
import Testing

@Suite("Online backup (https://sqlite.org/backup.html) and integrity_check")
struct BackupTests {
    static let seeded = 300

    /// A file database with a table whose row count is mirrored in `totals`, updated in the same transaction, so a
    /// copy taken mid-write is consistent exactly when the two agree.
    static func seed(_ path: String) throws -> Database {
        let database = try Database(path: path)
        try database.execute(
            """
            CREATE TABLE items(id INTEGER PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE totals(n INTEGER NOT NULL);
            INSERT INTO totals(n) VALUES (0);
            """)
        try database.transaction(.immediate) { database in
            for index in 0..<seeded {
                try insert(index, into: database)
            }
        }
        return database
    }

    static func insert(_ index: Int, into database: Database) throws {
        let body = String(repeating: "note \(index) ", count: 40)
        try database.run("INSERT INTO items(body) VALUES (?)", [.text(body)])
        try database.run("UPDATE totals SET n = n + 1")
    }

    /// Checks a copy: healthy, consistent, and holding at least the seeded rows.
    static func expectConsistentCopy(at path: String, atMost limit: Int) throws {
        let copy = try Database(path: path, options: .reader)
        #expect(try copy.integrityCheck() == ["ok"])
        let count = try #require(try copy.queryOne("SELECT count(*) FROM items")).get(0, as: Int.self)
        let total = try #require(try copy.queryOne("SELECT n FROM totals")).get(0, as: Int.self)
        #expect(count == total)
        #expect(count >= seeded)
        #expect(count <= limit)
    }

    @Test("writes by another connection between steps restart the copy, which still ends as one snapshot")
    func interleavedWrites() throws {
        try ScratchDirectory.with { scratch in
            let source = try Self.seed(scratch.path("source.sqlite"))
            let writer = try Database(path: scratch.path("source.sqlite"))
            var written = 0
            var remaining: [Int] = []
            try source.backup(to: scratch.path("copy.sqlite"), pagesPerStep: 1) { progress in
                remaining.append(progress.remainingPages)
                #expect(progress.remainingPages <= progress.totalPages)
                // Fifty single-row transactions between steps, until three hundred are in.
                for _ in 0..<50 where written < 300 {
                    do {
                        try writer.transaction(.immediate) { try Self.insert(Self.seeded + written, into: $0) }
                        written += 1
                    } catch {
                        Issue.record("insert failed: \(error)")
                    }
                }
            }
            #expect(written == 300)
            // The copy started over at least once (pages left went up), and then ran to the end.
            #expect(zip(remaining, remaining.dropFirst()).contains { $0 <= $1 })
            #expect(remaining.last == 0)
            try Self.expectConsistentCopy(at: scratch.path("copy.sqlite"), atMost: Self.seeded + written)
        }
    }

    @Test("a backup taken while a writer thread commits hundreds of rows is consistent and passes integrity_check")
    func concurrentWriter() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.path("busy-source.sqlite")
            let source = try Self.seed(path)
            let inserts = 300
            let failures = Mutex<[String]>([])
            let started = DispatchSemaphore(value: 0)
            let finished = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { finished.signal() }
                do {
                    let writer = try Database(path: path)
                    for index in 0..<inserts {
                        try writer.transaction(.immediate) { try Self.insert(Self.seeded + index, into: $0) }
                        if index == 20 {
                            started.signal()
                        }
                    }
                } catch {
                    started.signal()
                    failures.withLock { $0.append("\(error)") }
                }
            }
            started.wait()
            try source.backup(to: scratch.path("copy.sqlite"), pagesPerStep: 2) { _ in usleep(200) }
            finished.wait()
            #expect(failures.withLock { $0 }.isEmpty)
            try Self.expectConsistentCopy(at: scratch.path("copy.sqlite"), atMost: Self.seeded + inserts)
            #expect(try source.queryOne("SELECT n FROM totals")?.get(0, as: Int.self) == Self.seeded + inserts)
            #expect(try source.integrityCheck() == ["ok"])
        }
    }

    @Test("an in-memory database backs up to a file that opens with the same rows")
    func memoryToFile() throws {
        try ScratchDirectory.with { scratch in
            let memory = try Database(path: ":memory:")
            try memory.execute("CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('a'), ('b');")
            var last: BackupProgress?
            try memory.backup(to: scratch.path("copy.sqlite")) { last = $0 }
            #expect(last?.remainingPages == 0)
            let copy = try Database(path: scratch.path("copy.sqlite"))
            let values = try copy.query("SELECT x FROM t ORDER BY x").map { try $0.get(0, as: String.self) }
            #expect(values == ["a", "b"])
        }
    }

    @Test("a backup into a directory that does not exist fails with a typed error naming the path")
    func unwritableDestination() throws {
        try ScratchDirectory.with { scratch in
            let source = try Database(path: ":memory:")
            let destination = scratch.path("missing/copy.sqlite")
            let error = #expect(throws: SQLiteError.self) { try source.backup(to: destination) }
            #expect(error?.message.contains(destination) == true)
        }
    }
}
