import Glibc
import SQLite
import Synchronization

/// Read-only connections, one per event loop, each opened on first use by its loop's thread.
///
/// `@unchecked Sendable`: the pool is shared by every loop, but each slot, with its non-`Sendable` `Database`, is
/// touched by one thread only: the first thread to use a slot becomes its owner, and any other thread is refused
/// with `ReaderPoolError.wrongThread` before it reaches the connection. The owner is claimed and checked
/// atomically, so two threads that race for a fresh slot cannot both win, and the check itself is no data race.
/// The array of slots never changes after `init`, so reading it from several threads is safe. `close()` is the
/// exception and must run only after the loops have stopped.
public final class ReaderPool: @unchecked Sendable {
    /// One loop's connection and the thread that owns it.
    private final class Slot {
        /// Touched only by the owner (and by `close()`, once no loop runs).
        var database: Database?
        /// The owner's `pthread_t`, 0 while none. On Linux a `pthread_t` is the address of the thread's control
        /// block, never 0, and `pthread_equal` compares two of them as integers, so comparing the stored value
        /// with `pthread_self()` is the same test.
        let owner = Atomic<UInt>(0)
    }

    /// The database file.
    public let path: String
    /// How readers are opened.
    public let options: DatabaseOptions
    private let slots: [Slot]

    /// Makes a pool of `count` readers (at least one) of the file at `path`; nothing is opened yet.
    public init(path: String, count: Int, options: DatabaseOptions = .reader) {
        self.path = path
        self.options = options
        slots = (0..<max(count, 1)).map { _ in Slot() }
    }

    /// How many readers the pool holds.
    public var count: Int { slots.count }

    /// Runs `body` with loop `loop`'s reader, inside one DEFERRED transaction so that every query of `body` sees
    /// the same snapshot of the database (https://sqlite.org/isolation.html). Opens the reader on first use.
    public func withReader<T>(loop: Int, _ body: (Database) throws -> T) throws -> T {
        guard slots.indices.contains(loop) else {
            throw ReaderPoolError.noSuchLoop(index: loop, count: slots.count)
        }
        let slot = slots[loop]
        let current = pthread_self()
        // Every use but a thread's first finds itself the owner with one load; the first claims the slot with one
        // compare-and-exchange. Acquiring pairs with `close()`'s release, after which the slot may change hands.
        if slot.owner.load(ordering: .acquiring) != current {
            let claim = slot.owner.compareExchange(expected: 0, desired: current, ordering: .acquiringAndReleasing)
            guard claim.exchanged else { throw ReaderPoolError.wrongThread(loop: loop) }
        }
        let database: Database
        if let open = slot.database, !open.isClosed {
            database = open
        } else {
            database = try Database(path: path, options: options)
            slot.database = database
        }
        return try database.transaction(.deferred, body)
    }

    /// Closes every reader; later use opens them again. Call only once no loop thread uses the pool.
    public func close() {
        for slot in slots {
            slot.database?.close()
            slot.database = nil
            slot.owner.store(0, ordering: .releasing)
        }
    }
}
