import Dispatch
import SQLite
import Store
import Testing

@Suite("Reader pool: one read-only connection per loop, owned by one thread")
struct ReaderPoolTests {
    @Test("a reader sees committed writes, inside a read transaction, and cannot write")
    func readsCommitted() throws {
        try GroupCommitTests.withStore { store, _ throws in
            let contact = try store.writer.perform { database in
                try database.insertContact(ContactFields(name: "Seen"), now: 1)
            }
            let (found, inTransaction) = try store.readers.withReader(loop: 1) { database in
                (try database.contact(id: contact.id), database.isInTransaction)
            }
            #expect(found == contact)
            #expect(inTransaction)
            let error = #expect(throws: SQLiteError.self) {
                try store.readers.withReader(loop: 1) { database in
                    try database.insertContact(ContactFields(name: "Nope"), now: 1)
                }
            }
            #expect(error?.code == 8)  // SQLITE_READONLY
        }
    }

    @Test("a loop index outside the pool is refused")
    func noSuchLoop() throws {
        try GroupCommitTests.withStore { store, _ throws in
            #expect(throws: ReaderPoolError.noSuchLoop(index: 2, count: 2)) {
                try store.readers.withReader(loop: 2) { _ in 0 }
            }
            #expect(throws: ReaderPoolError.noSuchLoop(index: -1, count: 2)) {
                try store.readers.withReader(loop: -1) { _ in 0 }
            }
        }
    }

    @Test("a reader first used by one thread is refused to another (SQLITE_OPEN_NOMUTEX connections are not shared)")
    func ownedByOneThread() throws {
        try GroupCommitTests.withStore { store, _ throws in
            #expect(try store.readers.withReader(loop: 0) { _ in 1 } == 1)
            let outcome = Collector<Result<Int, ReaderPoolError>>()
            let done = DispatchGroup()
            done.enter()
            DispatchQueue.global().async {
                do {
                    outcome.append(.success(try store.readers.withReader(loop: 0) { _ in 2 }))
                } catch let error as ReaderPoolError {
                    outcome.append(.failure(error))
                } catch {
                    outcome.append(.success(-1))
                }
                done.leave()
            }
            done.wait()
            #expect(outcome.all == [.failure(.wrongThread(loop: 0))])
        }
    }

    @Test("a snapshot holds for the whole body: a commit meanwhile is not seen until the next read")
    func snapshot() throws {
        try GroupCommitTests.withStore { store, _ throws in
            try store.writer.perform { database in _ = try database.insertContact(ContactFields(name: "1"), now: 1) }
            let counts = try store.readers.withReader(loop: 0) { database in
                let before = try database.allContacts().count
                try store.writer.perform { database in
                    _ = try database.insertContact(ContactFields(name: "2"), now: 1)
                }
                return (before, try database.allContacts().count)
            }
            #expect(counts == (1, 1))
            #expect(try store.readers.withReader(loop: 0) { try $0.allContacts().count } == 2)
        }
    }
}
