import Glibc
import System

/// The reader slots one thread owns, one per pool it reads from, kept in the thread's specific data: a read
/// finds its slot here, and the thread's end gives every one back (closing its connection) at once.
///
/// Touched only by its own thread: by its reads, and by its end.
final class ThreadReaders: ThreadEnding {
    private var held: [(pool: UInt64, slot: ReaderSlot)] = []

    /// The slot this thread holds of pool `pool`, if any. A thread reads from one pool or few, so a scan is
    /// quicker than a hash.
    func slot(of pool: UInt64) -> ReaderSlot? {
        for entry in held where entry.pool == pool {
            return entry.slot
        }
        return nil
    }

    /// Keeps `slot` as this thread's own in pool `pool`, dropping the slots `owner` (this thread) no longer owns:
    /// those of closed pools, and the one of `pool` that a close freed.
    func hold(_ slot: ReaderSlot, of pool: UInt64, owner: pthread_t) {
        held.removeAll { $0.pool == pool || !$0.slot.isOwned(by: owner) }
        held.append((pool, slot))
    }

    func threadEnded() {
        let thread = pthread_self()
        for entry in held {
            entry.slot.release(by: thread)
        }
        held = []
    }
}
