import Foundation

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
    func withOffsets(from start: Date, to end: Date) -> ZonedClock {
        if isUTC {
            return self
        }
        let table = OffsetTable(timeZone: timeZone, from: Self.seconds(start), to: Self.seconds(end))
        return ZonedClock(self, table: table)
    }

    static let secondsPerDay: Int64 = 86_400

    /// Whole seconds since 1970, rounded down, kept within about 300,000 years so that later sums cannot overflow.
    static func seconds(_ date: Date) -> Int64 {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite else {
            return 0
        }
        return Int64(Swift.min(Swift.max(interval, -1e13), 1e13).rounded(.down))
    }

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

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && value < 0) ? quotient - 1 : quotient
    }

    /// The local date on which an instant falls.
    func localDate(of date: Date) -> LocalDate {
        LocalDate(dayNumber: Self.floorDivide(localSeconds(Self.seconds(date)), Self.secondsPerDay))
    }

    /// The local date and the minutes past local midnight of an instant.
    func localDateAndMinute(of date: Date) -> (date: LocalDate, minute: Int) {
        let local = localSeconds(Self.seconds(date))
        let dayNumber = Self.floorDivide(local, Self.secondsPerDay)
        let minute = Int((local - dayNumber * Self.secondsPerDay) / 60)
        return (LocalDate(dayNumber: dayNumber), minute)
    }

    /// The first instant of a local date: its midnight, or when a clock change skips midnight, the moment of the
    /// change (the first instant whose local date is that date). When midnight happens twice, the earlier one.
    func startOfDay(_ day: LocalDate) -> Date {
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
        if let earliest {
            return Date(timeIntervalSince1970: TimeInterval(earliest))
        }
        return Date(timeIntervalSince1970: TimeInterval(firstInstant(onDayNumber: day.dayNumber)))
    }

    /// Midnight did not exist: search the two days around it for the first second whose local date is the day.
    private func firstInstant(onDayNumber dayNumber: Int64) -> Int64 {
        let midnight = dayNumber * Self.secondsPerDay
        var low = midnight - 2 * Self.secondsPerDay
        var high = midnight + 2 * Self.secondsPerDay
        while low < high {
            let middle = low + (high - low) / 2
            if Self.floorDivide(localSeconds(middle), Self.secondsPerDay) >= dayNumber {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }

    /// When a wait of some days that began with `anchor` ends: local midnight starting the local date that many
    /// days after the anchor's local date, moved to the Monday when it falls on a weekend and weekends are skipped.
    func waitEnd(after anchor: Date, days: Int, skipWeekends: Bool) -> (date: Date, day: LocalDate) {
        var day = localDate(of: anchor).adding(days: days)
        if skipWeekends {
            day = day.movedOffWeekend()
        }
        return (startOfDay(day), day)
    }
}
