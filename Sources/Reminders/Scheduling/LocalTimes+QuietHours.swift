import Time

/// Quiet hours: a message queued inside them waits for their end.
extension LocalTimes {
    /// Whether `instant` falls inside the quiet hours (by what the local clock reads then); false when there are
    /// none.
    public func isQuiet(_ instant: Instant) -> Bool {
        quietWindow?.contains(localTime(of: instant)) ?? false
    }

    /// The instant the quiet hours around `instant` end, or nil when `instant` is not inside them: the first
    /// instant after it at which the local clock reads their end, each time the clock reads it counting (a
    /// clock set back over the end ends them again), or when the clock skips their end, the first instant after
    /// the gap.
    public func holdUntil(_ instant: Instant) -> Instant? {
        guard let window = quietWindow, window.contains(localTime(of: instant)) else { return nil }
        var start = instant
        // A clock set forward can skip the end and land inside a window of nearly a day; look past such a landing.
        for _ in 0..<3 {
            let end = nextReading(of: window.end, atOrAfter: start)
            if !window.contains(localTime(of: end)) { return end }
            start = end.adding(seconds: 1)
        }
        return start
    }

    /// The first instant at or after `start` at which the local clock reads `time`, or the end of a gap that
    /// skips it.
    private func nextReading(of time: LocalTime, atOrAfter start: Instant) -> Instant {
        let today = localDate(of: start)
        for days in -1...2 {
            if let reading = occurrences(of: time, on: today.adding(days: days)).first(where: { $0 >= start }) {
                return reading
            }
        }
        return instant(on: today.adding(days: 2), at: time)
    }
}
