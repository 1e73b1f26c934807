import CSQLite
import TestSupport
import Testing

@testable import SQLite
@testable import Store

/// The writer's connection asks for its WAL writes to be coalesced, and gets it on a proven SQLite release, where its
/// synchronous FULL can then not be lowered by a job.
struct WriterConnectionTests {
    @Test("the writer asks for WAL coalescing, gets it on a proven release, and then keeps synchronous FULL")
    func writerCoalescesItsWAL() throws {
        try ScratchDirectory.with { directory in
            let store = try Store(path: directory.path("writer.sqlite"), readers: 1)
            defer { store.close() }
            let (asked, granted) = try store.writer.perform { ($0.options.coalesceWALWrites, $0.coalescesWALWrites) }
            #expect(asked)
            #expect(granted == WALCoalescingVFS.provenVersions.contains(sqlite3_libversion_number()))
            guard granted else { return }
            #expect(throws: SQLiteError.self) {
                try store.writer.performAlone { try $0.execute("PRAGMA synchronous = NORMAL") }
            }
            let mode = try store.writer.perform { try $0.queryOne("PRAGMA synchronous")?.get(0, as: Int.self) }
            #expect(mode == SynchronousMode.full.rawValue)
        }
    }

    @Test("the writer keeps its temporary files, the statement journal of its jobs' savepoints above all, in memory")
    func writerKeepsTemporaryFilesInMemory() throws {
        try ScratchDirectory.with { directory in
            let store = try Store(path: directory.path("writer.sqlite"), readers: 1)
            defer { store.close() }
            let mode = try store.writer.perform { try $0.queryOne("PRAGMA temp_store")?.get(0, as: Int.self) }
            #expect(mode == 2)
        }
    }
}
