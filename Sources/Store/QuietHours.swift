/// The hours during which messages are held, as stored: local times `HH:MM` in the settings' time zone, nil when
/// not set (the default). The Store keeps the text as given; what makes a valid pair is the API's to check, and
/// what it means the scheduler's.
public struct QuietHours: Sendable, Equatable {
    /// When they begin; nil when not set.
    public var start: String?
    /// When they end; nil when not set.
    public var end: String?

    /// Makes quiet hours; none by default.
    public init(start: String? = nil, end: String? = nil) {
        self.start = start
        self.end = end
    }
}
