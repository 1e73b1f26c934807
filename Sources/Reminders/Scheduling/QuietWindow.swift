import Store

/// Quiet hours as the scheduler reads them: the local minutes from `start` (included) to `end` (excluded),
/// across midnight when `end` comes before `start` (22:00 to 07:00).
public struct QuietWindow: Sendable, Equatable {
    public let start: LocalTime
    public let end: LocalTime

    /// The window from `start` to `end`, or nil when they are equal (a window of no time, or of every time, is
    /// read as none, so that messages are never held for ever).
    public init?(start: LocalTime, end: LocalTime) {
        guard start != end else { return nil }
        self.start = start
        self.end = end
    }

    /// The window of the stored quiet hours, or nil when there is none: either bound unset, either not `HH:MM`
    /// (the API refuses such text; the Store keeps what it is given), or both the same.
    public init?(_ hours: QuietHours) {
        guard let startText = hours.start, let endText = hours.end, let start = LocalTime(startText),
            let end = LocalTime(endText)
        else { return nil }
        self.init(start: start, end: end)
    }

    /// Whether a local time falls inside the window.
    public func contains(_ time: LocalTime) -> Bool {
        start < end ? (start <= time && time < end) : (time >= start || time < end)
    }
}
