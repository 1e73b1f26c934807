import Glibc

/// State behind a pthread mutex, with a condition variable for threads that sleep until the state changes or a
/// deadline passes: the Store's writer, the reminders' scheduler and sender.
///
/// The deadline is read on one clock, chosen when the lock is made. `.monotonic` suits a wait for a length of
/// time (a timeout): a step of the wall clock neither shortens nor stretches it. `.wall` suits a wait for an
/// instant of the wall clock (a reminder's due time): the wait is on `CLOCK_REALTIME` with an absolute deadline,
/// so when the clock is stepped the kernel moves the wake-up with it.
///
/// `@unchecked Sendable` because every access to `state` happens with the mutex held, and `State` itself is
/// `Sendable`. The mutex and condition live in allocated memory that never moves, as POSIX requires of them.
public final class ConditionLock<State: Sendable>: @unchecked Sendable {
    /// The clock deadlines are read on, in milliseconds: `Clock.monotonicMilliseconds` or
    /// `Clock.wallMilliseconds`.
    public enum DeadlineClock: Sendable {
        case monotonic
        case wall

        var now: Int64 { self == .monotonic ? Clock.monotonicMilliseconds() : Clock.wallMilliseconds() }
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var state: State
    public let clock: DeadlineClock

    public init(_ state: State, clock: DeadlineClock = .monotonic) {
        self.state = state
        self.clock = clock
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, clock == .monotonic ? CLOCK_MONOTONIC : CLOCK_REALTIME)
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
    public func withLock<T>(_ body: (inout State) throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&state)
    }

    /// Runs `body` with the lock held, then wakes every waiting thread so that it looks at the state again.
    public func withLockThenWake<T>(_ body: (inout State) throws -> T) rethrows -> T {
        defer { pthread_cond_broadcast(condition) }
        return try withLock(body)
    }

    /// Runs `body` with the lock held, then wakes every waiting thread if `body` says the state changed in a way
    /// they must look at: a write that waiters would only find unchanged in what they wait for costs no wake-up.
    public func withLockWakingIf(_ body: (inout State) throws -> Bool) rethrows {
        let wake = try withLock(body)
        if wake { pthread_cond_broadcast(condition) }
    }

    /// Sleeps until `ready` holds (checked with the lock held, again after every wake-up, since a wake-up may be
    /// spurious) or until `deadline` (milliseconds on the lock's clock) passes, when one is given; then runs
    /// `body` with the lock still held.
    public func wait<T>(
        until ready: (State) -> Bool, deadline: Int64? = nil, then body: (inout State) throws -> T
    ) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !ready(state) {
            guard let deadline else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            guard clock.now < deadline else { break }
            sleep(until: deadline)
        }
        return try body(&state)
    }

    /// Sleeps until `ready` gives a value (asked with the lock held, first, then after every wake-up) and returns
    /// it. `ready` also says until when to sleep: a deadline in milliseconds on the lock's clock, or nil for as
    /// long as it takes.
    public func wait<T>(_ ready: (inout State) -> (value: T?, deadline: Int64?)) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            let (value, deadline) = ready(&state)
            if let value { return value }
            if let deadline {
                sleep(until: deadline)
            } else {
                pthread_cond_wait(condition, mutex)
            }
        }
    }

    /// One timed wait on the condition, the mutex held.
    private func sleep(until deadline: Int64) {
        let deadline = max(0, deadline)
        var time = timespec(tv_sec: Int(deadline / 1000), tv_nsec: Int(deadline % 1000) * 1_000_000)
        _ = pthread_cond_timedwait(condition, mutex, &time)
    }
}
