import Time

@testable import Guidance
@testable import Reminders

/// Instants, dates and times written as their parts, for tables.
enum SchedulingFixture {
    /// The instant of a UTC date and time.
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0)
        -> Instant
    {
        let days = CivilCalendar.dayNumber(year: year, month: month, day: day)
        return Instant(secondsSince1970: days * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(uncheckedYear: year, month: month, day: day)
    }

    static func time(_ hour: Int, _ minute: Int) -> LocalTime {
        LocalTime(minuteOfDay: hour * 60 + minute)
    }
}
