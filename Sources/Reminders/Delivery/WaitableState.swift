import Glibc
import System

/// State behind a pthread mutex, with a condition variable on the monotonic clock for threads that sleep until the
/// state changes or a deadline passes: the sender's dispatcher and its workers, and a request waiting for its
/// response. A step of the wall clock neither shortens nor stretches a wait.
///
/// `@unchecked Sendable` because every access to `state` happens with the mutex held, and `State` itself is
/// `Sendable`. The mutex and condition live in allocated memory that never moves, as POSIX requires of them.
final class WaitableState<State: Sendable>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State

    init(_ state: State) {
        self.state = state
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
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

    /// Runs `body` with the lock held, then wakes every waiting thread so that it looks at the state again.
    func withLockThenWake<T>(_ body: (inout State) throws -> T) rethrows -> T {
        defer { pthread_cond_broadcast(condition) }
        return try withLock(body)
    }

    /// Sleeps until `ready` holds (checked with the lock held, again after every wake-up, since a wake-up may be
    /// spurious) or until `deadline` (monotonic milliseconds, `Clock.monotonicMilliseconds`) passes, when one is
    /// given; then runs `body` with the lock still held.
    func wait<T>(
        until ready: (State) -> Bool, deadline: Int64?, then body: (inout State) throws -> T
    ) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !ready(state) {
            guard let deadline else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            guard Clock.monotonicMilliseconds() < deadline else { break }
            var time = timespec(tv_sec: Int(deadline / 1000), tv_nsec: Int(deadline % 1000) * 1_000_000)
            pthread_cond_timedwait(condition, mutex, &time)
        }
        return try body(&state)
    }
}
