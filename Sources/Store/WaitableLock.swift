import Glibc

/// State behind a pthread mutex, with a condition variable for threads that sleep until the state changes.
///
/// `@unchecked Sendable` because every access to `state` happens with the mutex held, and `State` itself is
/// `Sendable`. The mutex and condition live in allocated memory that never moves, as POSIX requires of them.
final class WaitableLock<State: Sendable>: @unchecked Sendable {
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

    /// Sleeps until `ready` holds (checked with the lock held, again after every wake-up, since a wake-up may be
    /// spurious), then runs `body` with the lock still held.
    func wait<T>(until ready: (State) -> Bool, then body: (inout State) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !ready(state) {
            pthread_cond_wait(condition, mutex)
        }
        return try body(&state)
    }
}
