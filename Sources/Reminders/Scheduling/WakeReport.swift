import Time

/// What one wake-up of the scheduler did: for tests, and for the log when something went wrong.
struct WakeReport: Sendable, Equatable {
    /// The instant it planned at.
    var at: Instant
    /// How many applications' items it recomputed (every one's when `everything`).
    var recomputed: Int
    /// Whether it reloaded the settings and the channels and recomputed every application.
    var everything: Bool
    /// The deliveries it wrote to the outbox.
    var queued: Int
    /// The digest dates it recorded, with a message or none.
    var digestsRecorded: Int
    /// Whether it purged what is past the retention.
    var purged: Bool
    /// When it will wake next unless a change comes first; nil when nothing is ahead.
    var nextWake: Instant?
}
