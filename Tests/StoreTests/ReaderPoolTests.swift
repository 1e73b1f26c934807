import Dispatch
import Foundation
import Glibc
import SQLite
import Synchronization
import System
import Testing

@testable import Store

@Suite("Reader pool: a read-only connection for each thread that reads, given back when the thread ends")
struct ReaderPoolTests {
    /// Runs `body` on a thread of its own and waits for that thread's end, thread-specific destructors included.
    static func onThreadOfItsOwn(_ body: @escaping @Sendable () -> Void) throws {
        pthread_join(try SystemThread.spawn(named: "test", body), nil)
    }

    /// A thread that reads from `pool` once, then keeps its reader until `letGo` is signalled; returns once it
    /// has read, with the thread to join.
    static func holdingReader(_ pool: ReaderPool, until letGo: DispatchSemaphore) throws -> pthread_t {
        let read = DispatchSemaphore(value: 0)
        let thread = try SystemThread.spawn(named: "test") {
            _ = try? pool.withReader { _ in 0 }
            read.signal()
            letGo.wait()
        }
        read.wait()
        return thread
    }

    @Test("a reader sees committed writes, inside a read transaction, and cannot write")
    func readsCommitted() throws {
        try GroupCommitTests.withStore { store, _ throws in
            let contact = try store.writer.perform { database in
                try database.insertContact(ContactFields(name: "Seen"), now: 1)
            }
            let (found, inTransaction) = try store.readers.withReader { database in
                (try database.contact(id: contact.id), database.isInTransaction)
            }
            #expect(found == contact)
            #expect(inTransaction)
            let error = #expect(throws: SQLiteError.self) {
                try store.readers.withReader { database in
                    try database.insertContact(ContactFields(name: "Nope"), now: 1)
                }
            }
            #expect(error?.code == 8)  // SQLITE_READONLY
        }
    }

    @Test("each thread reads on a connection of its own, the same one every time")
    func aConnectionPerThread() throws {
        try GroupCommitTests.withStore { _, path throws in
            let pool = ReaderPool(path: path, limit: 2)
            let mine = try pool.withReader { ObjectIdentifier($0) }
            #expect(try pool.withReader { ObjectIdentifier($0) } == mine)
            let theirs = Collector<ObjectIdentifier?>()
            try Self.onThreadOfItsOwn {
                theirs.append(try? pool.withReader { ObjectIdentifier($0) })
            }
            #expect(theirs.all.count == 1 && theirs.all[0] != nil && theirs.all[0] != mine)
            pool.close()
        }
    }

    @Test("past the limit a thread is refused, until an owner ends and its reader is given back")
    func exhaustedUntilAnOwnerEnds() throws {
        try GroupCommitTests.withStore { _, path throws in
            let pool = ReaderPool(path: path, limit: 1)
            let letGo = DispatchSemaphore(value: 0)
            let owner = try Self.holdingReader(pool, until: letGo)
            #expect(throws: ReaderPoolError.exhausted(limit: 1)) { try pool.withReader { _ in 0 } }
            letGo.signal()
            pthread_join(owner, nil)
            #expect(try pool.withReader { _ in 1 } == 1)
            pool.close()
        }
    }

    @Test("threads racing for a fresh reader: exactly one owns it, every other is refused, round after round")
    func racingThreadsGetOneOwner() throws {
        try GroupCommitTests.withStore { store, path throws in
            // As many threads as the machine runs at once (at least two), started together by a spinning barrier so
            // that their first uses of each round's fresh pool overlap.
            let threads = max(2, min(4, ProcessInfo.processInfo.activeProcessorCount))
            let rounds = 2000
            let pools = (0..<rounds).map { _ in ReaderPool(path: path, limit: 1) }
            let barrier = SpinBarrier(threads: threads)
            let outcomes = Collector<(round: Int, owned: Bool)>()
            let done = DispatchGroup()
            for index in 0..<threads {
                done.enter()
                let thread = Thread {
                    for round in 0..<rounds {
                        barrier.wait(phase: 2 * round + 1)
                        do {
                            try pools[round].withReader { _ in }
                            outcomes.append((round, true))
                        } catch {
                            outcomes.append((round, false))
                            #expect(error as? ReaderPoolError == .exhausted(limit: 1))
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

    @Test("once closed, a reader may belong to another thread, and its first owner is refused meanwhile")
    func closeLetsGo() throws {
        try GroupCommitTests.withStore { _, path throws in
            let pool = ReaderPool(path: path, limit: 1)
            #expect(try pool.withReader { _ in 1 } == 1)
            pool.close()
            let letGo = DispatchSemaphore(value: 0)
            let other = try Self.holdingReader(pool, until: letGo)
            #expect(throws: ReaderPoolError.exhausted(limit: 1)) { try pool.withReader { _ in 0 } }
            letGo.signal()
            pthread_join(other, nil)
            #expect(try pool.withReader { _ in 2 } == 2)
            pool.close()
        }
    }

    @Test("a snapshot holds for the whole body: a commit meanwhile is not seen until the next read")
    func snapshot() throws {
        try GroupCommitTests.withStore { store, _ throws in
            try store.writer.perform { database in _ = try database.insertContact(ContactFields(name: "1"), now: 1) }
            let counts = try store.readers.withReader { database in
                let before = try database.allContacts().count
                try store.writer.perform { database in
                    _ = try database.insertContact(ContactFields(name: "2"), now: 1)
                }
                return (before, try database.allContacts().count)
            }
            #expect(counts == (1, 1))
            #expect(try store.readers.withReader { try $0.allContacts().count } == 2)
        }
    }
}
