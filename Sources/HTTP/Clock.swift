import Glibc

/// Monotonic and wall-clock readings for the event loops. Timeouts use the monotonic clock so that
/// a wall-clock step cannot cut connections or keep them alive.
enum Clock {
    /// Monotonic milliseconds.
    static func monotonicMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// Monotonic microseconds, for request durations.
    static func monotonicMicroseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
    }

    static func wallSeconds() -> Int {
        Int(time(nil))
    }
}
