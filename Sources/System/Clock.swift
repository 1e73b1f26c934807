import Glibc

/// The clocks, read in one place. Durations and timeouts use the monotonic clock, so that a step of the wall clock
/// can neither cut a connection nor keep it alive; instants that are shown or stored use the wall clock.
public enum Clock {
    /// Monotonic milliseconds, from an arbitrary start.
    public static func monotonicMilliseconds() -> Int64 {
        monotonicNanoseconds() / 1_000_000
    }

    /// Monotonic microseconds, from an arbitrary start.
    public static func monotonicMicroseconds() -> Int64 {
        monotonicNanoseconds() / 1_000
    }

    private static func monotonicNanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// Milliseconds since the Unix epoch, from the wall clock.
    public static func wallMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    /// Whole seconds since the Unix epoch, from the wall clock.
    public static func wallSeconds() -> Int {
        Int(time(nil))
    }
}
