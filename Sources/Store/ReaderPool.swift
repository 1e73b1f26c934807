import Glibc
import SQLite

/// Read-only connections, one per event loop, each opened on first use by its loop's thread.
///
/// `@unchecked Sendable`: the pool is shared by every loop, but each slot, with its non-`Sendable` `Database`, is
/// touched by one thread only: the first thread to use a slot becomes its owner, and any other thread is refused
/// with `ReaderPoolError.wrongThread` before it reaches the connection. The array of slots never changes after
/// `init`, so reading it from several threads is safe. `close()` is the exception and must run only after the
/// loops have stopped.
public final class ReaderPool: @unchecked Sendable {
    /// One loop's connection and the thread that owns it.
    private final class Slot {
        var database: Database?
        var owner: pthread_t?
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
        if let owner = slot.owner, pthread_equal(owner, current) == 0 {
            throw ReaderPoolError.wrongThread(loop: loop)
        }
        slot.owner = current
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
            slot.owner = nil
        }
    }
}
