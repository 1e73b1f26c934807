import Foundation
import Guidance
import Time

/// The local times the reminders keep in the seeker's zone: the local date of an instant, the instant at which a
/// digest is due, and quiet hours.
///
/// Local dates and the first instant of a day come from the guidance (`GuidanceEngine.localDate(of:)` and
/// `startOfDay(_:)`), so that a digest's day is the agenda's day. What the guidance does not reckon, a local
/// time of day other than midnight, is read here from the zone's UTC offsets, which is all Foundation is asked.
public struct LocalTimes: Sendable {
    /// The zone the times are read in.
    public let timeZone: TimeZone
    /// When messages are held; nil when there are no quiet hours.
    public let quietWindow: QuietWindow?
    private let engine: GuidanceEngine
    private let isUTC: Bool

    /// The times of zone `name` (an IANA name, as the settings hold it), or nil when it names no zone.
    public init?(zoneNamed name: String, quietWindow: QuietWindow? = nil) {
        guard let zone = GuidanceTimeZone.named(name) else { return nil }
        timeZone = zone
        self.quietWindow = quietWindow
        engine = GuidanceEngine(settings: GuidanceSettings(timeZone: name))
        isUTC = ["GMT", "UTC", "Etc/UTC", "Etc/GMT"].contains(zone.identifier)
    }

    /// The times of the settings' zone and quiet hours. A zone name the zone database does not know (the API
    /// refuses one) is read as UTC, as the guidance reads it, so that reminders and the agenda still agree.
    public init(_ settings: ReminderSettings) {
        let window = QuietWindow(settings.quietHours)
        if let times = LocalTimes(zoneNamed: settings.timeZone, quietWindow: window) {
            self = times
        } else {
            self.init(utcWith: window)
        }
    }

    private init(utcWith window: QuietWindow?) {
        timeZone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        quietWindow = window
        engine = GuidanceEngine()
        isUTC = true
    }

    /// The local date on which `instant` falls.
    public func localDate(of instant: Instant) -> LocalDate {
        engine.localDate(of: instant)
    }

    /// The first instant of a local date (its midnight, or the clock change that skipped it).
    public func startOfDay(_ date: LocalDate) -> Instant {
        engine.startOfDay(date)
    }

    /// What the local clock reads at `instant`, to the minute.
    public func localTime(of instant: Instant) -> LocalTime {
        let seconds = instant.secondsSince1970
        return LocalTime(
            minuteOfDay: CivilCalendar.split(seconds: seconds + offset(atSeconds: seconds)).secondOfDay / 60)
    }

    /// The instant at which the local clock reads `time` on `date`: when it reads it twice (a clock set back),
    /// the first time; when it never does (a clock set forward over it), the first instant after the gap.
    public func instant(on date: LocalDate, at time: LocalTime) -> Instant {
        occurrences(of: time, on: date)[0]
    }

    /// The first instant at or after `start` that is the instant of `time` on its day as `instant(on:at:)`
    /// gives it: today's when it has not passed, else tomorrow's. A time read twice on a day counts once, the
    /// first time, so that a daily message goes once a day.
    public func next(_ time: LocalTime, atOrAfter start: Instant) -> Instant {
        let today = localDate(of: start)
        // A clock set back over midnight can put the day before's time after `start`; one set forward over a
        // whole day can leave tomorrow's before it.
        var candidate = start
        for days in -1...2 {
            candidate = instant(on: today.adding(days: days), at: time)
            if candidate >= start { return candidate }
        }
        return candidate
    }

    /// The instants at which the local clock reads `time` on `date`, earliest first: one; two when the clock is
    /// set back over it; or, when it is set forward over it, the first instant after the gap.
    func occurrences(of time: LocalTime, on date: LocalDate) -> [Instant] {
        let local =
            CivilCalendar.dayNumber(year: date.year, month: date.month, day: date.day) * 86_400
            + Int64(time.minuteOfDay) * 60
        // Offsets are less than a day, so every instant that reads `local` lies within a day of it, and at most
        // one clock change falls between these two.
        let before = offset(atSeconds: local - 86_400)
        let after = offset(atSeconds: local + 86_400)
        var found: [Instant] = []
        for candidate in before == after ? [before] : [before, after]
        where offset(atSeconds: local - candidate) == candidate {
            found.append(Instant(secondsSince1970: local - candidate))
        }
        if found.isEmpty {
            found.append(
                Instant(secondsSince1970: firstSecond(withOffset: after, from: local - after, to: local - before)))
        }
        return found.sorted()
    }

    /// The first second in `low...high` at which the offset is `target`, found by halving: `low` reads the
    /// offset from before a change, `high` the one after.
    private func firstSecond(withOffset target: Int64, from low: Int64, to high: Int64) -> Int64 {
        var low = low
        var high = high
        while low < high {
            let middle = low + (high - low) / 2
            if offset(atSeconds: middle) == target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    private func offset(atSeconds seconds: Int64) -> Int64 {
        if isUTC { return 0 }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }
}
