import Glibc
import SQLite
import Synchronization
import System

/// Read-only connections, one for each thread that reads, opened on the thread's first read and closed when the
/// thread ends; at most `limit` at once.
///
/// A connection opened SQLITE_OPEN_NOMUTEX must be used by one thread at a time, so each belongs to one thread,
/// which finds it by itself: a thread keeps the slots it owns in its thread-specific data (`ThreadReaders`), so
/// a read finds its own with a `pthread_getspecific` and an atomic load, with no lock and nothing to pass in.
/// A free slot is claimed with one compare-and-exchange of its owner, so two threads racing for the last one
/// cannot both win; once every slot is owned, another thread is refused (`ReaderPoolError.exhausted`) until an
/// owner ends or the pool is closed.
///
/// `@unchecked Sendable`: the array of slots never changes after `init`, and each slot's connection is touched by
/// its owner alone, and by `close()` once no thread reads.
final class ReaderPool: @unchecked Sendable {
    /// The database file.
    let path: String
    /// How readers are opened.
    let options: DatabaseOptions
    private let slots: [ReaderSlot]
    /// Tells this pool's slots from other pools' in a thread's list; never reused, as an address may be.
    private let serial: UInt64

    private static let serials = Atomic<UInt64>(0)
    /// Every thread's slots, of every pool; nil if the process had no thread-specific key left to give.
    private static let threads = try? ThreadSpecific<ThreadReaders>()

    /// Makes a pool of at most `limit` readers (at least one) of the file at `path`; nothing is opened yet.
    init(path: String, limit: Int, options: DatabaseOptions = .reader) {
        self.path = path
        self.options = options
        slots = (0..<max(limit, 1)).map { _ in ReaderSlot() }
        serial = Self.serials.add(1, ordering: .relaxed).newValue
    }

    deinit {
        close()
    }

    /// How many threads may hold a reader at once.
    var limit: Int { slots.count }

    /// Runs `body` with the calling thread's reader, inside one DEFERRED transaction so that every query of `body`
    /// sees the same snapshot of the database (https://sqlite.org/isolation.html). Opens the reader on the thread's
    /// first use; throws `ReaderPoolError.exhausted` when every reader belongs to another thread.
    func withReader<T>(_ body: (Database) throws -> T) throws -> T {
        let slot = try ownSlot()
        let database: Database
        if let open = slot.database, !open.isClosed {
            database = open
        } else {
            database = try Database(path: path, options: options)
            slot.opened(database)
        }
        return try database.transaction(.deferred, body)
    }

    /// Closes every reader and frees its slot; a later read opens one again. Call only once no thread reads, as
    /// their ends, a join or another lock make sure.
    func close() {
        for slot in slots {
            slot.close()
        }
    }

    /// The slot the calling thread owns, claimed now if it owns none.
    private func ownSlot() throws(ReaderPoolError) -> ReaderSlot {
        let current = pthread_self()
        guard let threads = Self.threads else { throw .threadStorageFailed(code: EAGAIN) }
        let mine: ThreadReaders
        do {
            mine = try threads.value { ThreadReaders() }
        } catch {
            throw .threadStorageFailed(code: error.code)
        }
        // Every read but a thread's first finds its slot here; one that `close()` freed meanwhile is claimed again.
        if let slot = mine.slot(of: serial), slot.isOwned(by: current) {
            return slot
        }
        for slot in slots where slot.claim(for: current) {
            mine.hold(slot, of: serial, owner: current)
            return slot
        }
        throw .exhausted(limit: slots.count)
    }
}
