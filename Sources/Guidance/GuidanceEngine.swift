import Foundation
import Time

/// The rules of the guidance applied to an application's facts: checks of proposed events, and the agenda.
///
/// Pure: every answer depends only on the settings, the facts and the instant passed in.
public struct GuidanceEngine: Sendable {
    /// The settings the rules read.
    public let settings: GuidanceSettings
    private(set) var clock: ZonedClock

    /// An engine for some settings. A zone name that is not valid falls back to UTC; settings are meant to be
    /// checked with `GuidanceSettings.validate()` before they are stored, and out-of-range parameters are pulled
    /// into range when read.
    public init(settings: GuidanceSettings = GuidanceSettings()) {
        self.settings = settings
        let zone = GuidanceTimeZone.named(settings.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        clock = ZonedClock(timeZone: zone)
    }

    /// Before and after every instant the guidance can be given: the bounds every instant is kept within, far
    /// beyond the years 0000 to 9999 the service keeps and the waits that end after them.
    static let beforeEverything = Instant.lowest
    static let afterEverything = Instant.highest

    /// How many follow-ups have gone out since the latest answer (`response`, `directions`, `interview`, `offer`),
    /// counting events up to `asOf` (all of them when nil).
    public func unansweredFollowUps(in facts: ApplicationFacts, asOf: Instant? = nil) -> Int {
        Timeline(facts, through: asOf ?? Self.afterEverything).unansweredFollowUps
    }

    /// The local date of an instant in the configured zone.
    public func localDate(of instant: Instant) -> LocalDate {
        clock.localDate(of: instant)
    }

    /// The first instant of a local date in the configured zone (its midnight, or the clock change that skipped
    /// it).
    public func startOfDay(_ date: LocalDate) -> Instant {
        clock.startOfDay(date)
    }

    /// The same engine with its zone's offsets read in advance between two instants.
    func withOffsets(from start: Instant, to end: Instant) -> GuidanceEngine {
        var engine = self
        engine.clock = clock.withOffsets(from: start, to: end)
        return engine
    }

    func dayText(_ instant: Instant) -> String {
        DateText.day(clock.localDate(of: instant))
    }
}
