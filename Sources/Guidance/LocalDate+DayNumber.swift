import Time

/// Day arithmetic by counting days from 1970-01-01 (`CivilCalendar`).
extension LocalDate {
    /// Days since 1970-01-01 (negative before it).
    var dayNumber: Int64 { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The date a number of days after 1970-01-01; callers keep the number within a few million years.
    init(dayNumber: Int64) {
        let (year, month, day) = CivilCalendar.date(dayNumber: dayNumber)
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// The date a number of days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        let bounded = Int64(Swift.min(Swift.max(days, -3_650_000), 3_650_000))
        return LocalDate(dayNumber: dayNumber + bounded)
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int { CivilCalendar.isoWeekday(dayNumber: dayNumber) }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The same date, or the Monday after when it falls on a weekend.
    func movedOffWeekend() -> LocalDate {
        switch isoWeekday {
        case 6: return adding(days: 2)
        case 7: return adding(days: 1)
        default: return self
        }
    }
}
