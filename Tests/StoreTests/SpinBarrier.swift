import Glibc
import Synchronization

/// Threads that wait for one another at each numbered phase, spinning rather than sleeping, so
/// that they leave it together.
final class SpinBarrier: Sendable {
    private let arrived = Atomic<Int>(0)
    private let threads: Int

    init(threads: Int) {
        self.threads = threads
    }

    /// Returns once every thread has reached phase `phase` (1, 2, 3, … in turn).
    func wait(phase: Int) {
        arrived.add(1, ordering: .acquiringAndReleasing)
        var spins = 0
        while arrived.load(ordering: .acquiring) < phase * threads {
            // Spinning keeps the waiter on its core to leave the moment the last arrives; yielding now and then
            // lets the others run when there are fewer cores than threads.
            spins += 1
            if spins % 1024 == 0 { sched_yield() }
        }
    }
}
