import Glibc

/// State behind a pthread mutex, with a condition variable for a thread that sleeps until the state changes or
/// a wall-clock deadline passes.
///
/// The condition waits on `CLOCK_REALTIME` (its default), with the deadline as an absolute time: when the wall
/// clock is stepped, the kernel moves the wake-up with it, so a deadline that is an instant of the wall clock (a
/// reminder's `due_from`) is kept however the clock is set in between.
///
/// `@unchecked Sendable` because every access to `state` happens with the mutex held, and `State` itself is
/// `Sendable`. The mutex and condition live in allocated memory that never moves, as POSIX requires of them.
final class DeadlineLock<State: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State

    init(_ state: State) {
        self.state = state
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the lock held.
    func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Runs `body` with the lock held, then wakes every waiting thread so it looks at the state again.
    func withLockThenWake<T>(_ body: (inout State) throws -> T) rethrows -> T {
        defer { pthread_cond_broadcast(condition) }
        return try withLock(body)
    }

    /// Sleeps until `ready` gives a value (asked with the lock held, first, then after every wake-up, since a
    /// wake-up may be spurious) and returns it, the lock still held while `ready` runs. `ready` also says until
    /// when to sleep: a wall-clock deadline in milliseconds since 1970, or nil for as long as it takes.
    func wait<T>(_ ready: (inout State) -> (value: T?, deadline: Int64?)) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            let (value, deadline) = ready(&state)
            if let value { return value }
            if let deadline {
                let deadline = max(0, deadline)
                var time = timespec(tv_sec: Int(deadline / 1000), tv_nsec: Int(deadline % 1000) * 1_000_000)
                _ = pthread_cond_timedwait(condition, mutex, &time)
            } else {
                pthread_cond_wait(condition, mutex)
            }
        }
    }
}
