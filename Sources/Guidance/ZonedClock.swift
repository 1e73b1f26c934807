import Foundation
import Time

/// Converts between instants and local dates in one zone.
///
/// Only `TimeZone.secondsFromGMT(for:)` is asked of Foundation; the calendar arithmetic is done on day numbers.
/// A `Calendar` answers the same questions, but about a hundred times more slowly, which the agenda over
/// thousands of applications cannot afford.
struct ZonedClock: Sendable {
    let timeZone: TimeZone
    /// UTC needs no zone database: its offset is always 0.
    private let isUTC: Bool
    /// Offsets read in advance for a span of time, when a caller is about to convert many instants.
    private let table: OffsetTable?

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        isUTC = ["GMT", "UTC", "Etc/UTC", "Etc/GMT"].contains(timeZone.identifier)
        table = nil
    }

    private init(_ clock: ZonedClock, table: OffsetTable?) {
        timeZone = clock.timeZone
        isUTC = clock.isUTC
        self.table = table
    }

    /// The same clock with the zone's offsets read in advance for the span between two instants (UTC has no
    /// need of it); conversions outside the span still ask the zone.
    func withOffsets(from start: Instant, to end: Instant) -> ZonedClock {
        if isUTC {
            return self
        }
        let table = OffsetTable(timeZone: timeZone, from: start.secondsSince1970, to: end.secondsSince1970)
        return ZonedClock(self, table: table)
    }

    static let secondsPerDay: Int64 = 86_400

    private func offset(atSeconds seconds: Int64) -> Int64 {
        if isUTC {
            return 0
        }
        if let offset = table?.offset(atSeconds: seconds) {
            return offset
        }
        return Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    private func localSeconds(_ seconds: Int64) -> Int64 {
        seconds + offset(atSeconds: seconds)
    }

    /// The local date on which an instant falls.
    func localDate(of instant: Instant) -> LocalDate {
        LocalDate(dayNumber: CivilCalendar.split(seconds: localSeconds(instant.secondsSince1970)).dayNumber)
    }

    /// The local date and the minutes past local midnight of an instant.
    func localDateAndMinute(of instant: Instant) -> (date: LocalDate, minute: Int) {
        let (dayNumber, secondOfDay) = CivilCalendar.split(seconds: localSeconds(instant.secondsSince1970))
        return (LocalDate(dayNumber: dayNumber), secondOfDay / 60)
    }

    /// The first instant of a local date: its midnight, or when a clock change skips midnight, the moment of the
    /// change (the first instant whose local date is that date). When midnight happens twice, the earlier one.
    func startOfDay(_ day: LocalDate) -> Instant {
        let midnight = day.dayNumber * Self.secondsPerDay
        // Offsets never exceed a day, so these two instants lie before and after the local midnight; at most one
        // clock change falls between them.
        let offsetBefore = offset(atSeconds: midnight - Self.secondsPerDay)
        let offsetAfter = offset(atSeconds: midnight + Self.secondsPerDay)
        var earliest: Int64?
        for candidateOffset in offsetBefore == offsetAfter ? [offsetBefore] : [offsetBefore, offsetAfter] {
            let instant = midnight - candidateOffset
            if offset(atSeconds: instant) == candidateOffset {
                earliest = Swift.min(earliest ?? instant, instant)
            }
        }
        return Instant(secondsSince1970: earliest ?? firstInstant(onDayNumber: day.dayNumber))
    }

    /// Midnight did not exist: search the two days around it for the first second whose local date is the day.
    private func firstInstant(onDayNumber dayNumber: Int64) -> Int64 {
        let midnight = dayNumber * Self.secondsPerDay
        var low = midnight - 2 * Self.secondsPerDay
        var high = midnight + 2 * Self.secondsPerDay
        while low < high {
            let middle = low + (high - low) / 2
            if CivilCalendar.split(seconds: localSeconds(middle)).dayNumber >= dayNumber {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    /// When a wait of some days that began with `anchor` ends: the first instant of the local date that many days
    /// after the anchor's local date, moved to the Monday when it falls on a weekend and weekends are skipped; with
    /// that date, and whether it was moved. The one reckoning of every wait the rules time.
    func waitEnd(after anchor: Instant, days: Int, skipWeekends: Bool)
        -> (instant: Instant, day: LocalDate, movedOffWeekend: Bool)
    {
        let plain = localDate(of: anchor).adding(days: days)
        let day = skipWeekends ? plain.movedOffWeekend() : plain
        return (startOfDay(day), day, day != plain)
    }
}
