import Dispatch
import Foundation
import SQLite
import Store
import Synchronization
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

    @Test("threads racing for a fresh reader: exactly one owns it, every other is refused, round after round")
    func racingThreadsGetOneOwner() throws {
        try GroupCommitTests.withStore { store, path throws in
            // As many threads as the machine runs at once (at least two), started together by a spinning barrier so
            // that their first uses of each round's fresh pool overlap.
            let threads = max(2, min(4, ProcessInfo.processInfo.activeProcessorCount))
            let rounds = 2000
            let pools = (0..<rounds).map { _ in ReaderPool(path: path, count: 1) }
            let barrier = SpinBarrier(threads: threads)
            let outcomes = Collector<(round: Int, owned: Bool)>()
            let done = DispatchGroup()
            for index in 0..<threads {
                done.enter()
                let thread = Thread {
                    for round in 0..<rounds {
                        barrier.wait(phase: 2 * round + 1)
                        do {
                            try pools[round].withReader(loop: 0) { _ in }
                            outcomes.append((round, true))
                        } catch {
                            outcomes.append((round, false))
                            #expect(error as? ReaderPoolError == .wrongThread(loop: 0))
                        }
                        barrier.wait(phase: 2 * round + 2)
                        // Every thread has tried; the round's pool is not used again.
                        if index == 0 { pools[round].close() }
                    }
                    done.leave()
                }
                thread.start()
            }
            done.wait()
            let owners = Dictionary(grouping: outcomes.all.filter(\.owned), by: \.round).mapValues(\.count)
            #expect(outcomes.all.count == rounds * threads)
            #expect((0..<rounds).filter { owners[$0] != 1 } == [], "rounds without exactly one owner")
        }
    }

    @Test("once closed, a reader may be owned by another thread")
    func closeLetsGo() throws {
        try GroupCommitTests.withStore { store, path throws in
            let pool = ReaderPool(path: path, count: 1)
            #expect(try pool.withReader(loop: 0) { _ in 1 } == 1)
            pool.close()
            let outcome = Collector<Bool>()
            let done = DispatchGroup()
            done.enter()
            DispatchQueue.global().async {
                outcome.append((try? pool.withReader(loop: 0) { _ in true }) ?? false)
                done.leave()
            }
            done.wait()
            #expect(outcome.all == [true])
            #expect(throws: ReaderPoolError.wrongThread(loop: 0)) { try pool.withReader(loop: 0) { _ in 0 } }
            pool.close()
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
