import Glibc
import SQLite
import Synchronization

/// One reader connection of a `ReaderPool` and the thread that owns it.
///
/// `@unchecked Sendable`: `database` is touched by the owner alone, and by whoever frees the slot, which first
/// takes it from the owner with a compare-and-exchange, so that a thread's end and `close()` never both close it.
final class ReaderSlot: @unchecked Sendable {
    /// On Linux a `pthread_t` is the address of the thread's control block: never 0 and never all ones.
    private static let free: pthread_t = 0
    private static let closing: pthread_t = .max

    private(set) var database: Database?
    /// The owner's `pthread_t`, `free` or `closing`. `pthread_equal` compares two of them as integers, so
    /// comparing the stored value with `pthread_self()` is the same test.
    private let owner = Atomic<pthread_t>(ReaderSlot.free)

    /// Whether `thread` owns the slot; one atomic load.
    func isOwned(by thread: pthread_t) -> Bool {
        owner.load(ordering: .acquiring) == thread
    }

    /// Takes the slot for `thread` if it is free. Acquiring pairs with the release that freed it, after which the
    /// connection is nil.
    func claim(for thread: pthread_t) -> Bool {
        guard owner.load(ordering: .relaxed) == Self.free else { return false }
        return owner.compareExchange(expected: Self.free, desired: thread, ordering: .acquiringAndReleasing).exchanged
    }

    /// Keeps the connection the owner opened, and publishes it to whoever frees the slot later.
    func opened(_ database: Database) {
        self.database = database
        let thread = owner.load(ordering: .relaxed)
        owner.store(thread, ordering: .releasing)
    }

    /// Closes the connection and frees the slot if `thread` still owns it; for the owner's own end.
    func release(by thread: pthread_t) {
        guard owner.compareExchange(expected: thread, desired: Self.closing, ordering: .acquiringAndReleasing).exchanged
        else { return }
        closeConnection()
    }

    /// Closes the connection and frees the slot, whoever owns it; for a pool no thread reads any more.
    func close() {
        while true {
            let thread = owner.load(ordering: .acquiring)
            if thread == Self.free || thread == Self.closing { return }
            let taken = owner.compareExchange(expected: thread, desired: Self.closing, ordering: .acquiringAndReleasing)
            if taken.exchanged {
                closeConnection()
                return
            }
        }
    }

    private func closeConnection() {
        database?.close()
        database = nil
        owner.store(Self.free, ordering: .releasing)
    }
}
