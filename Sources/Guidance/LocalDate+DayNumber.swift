/// Day arithmetic by counting days from 1970-01-01 in the proleptic Gregorian calendar, after Howard Hinnant's
/// "chrono-compatible low-level date algorithms"; exact, and far cheaper than a calendar object.
extension LocalDate {
    /// Days since 1970-01-01 (negative before it).
    var dayNumber: Int64 { LocalDate.dayNumber(year: year, month: month, day: day) }

    /// The date a number of days after 1970-01-01; callers keep the number within a few million years.
    init(dayNumber: Int64) {
        let (year, month, day) = LocalDate.civil(dayNumber: dayNumber)
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date given by its parts, which need not make a
    /// `LocalDate` (any year, as timestamps need).
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int64 {
        let year = Int64(month <= 2 ? year - 1 : year)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let shiftedMonth = Int64((month + 9) % 12)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day a number of days after 1970-01-01.
    public static func civil(dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// The date a number of days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        let bounded = Int64(Swift.min(Swift.max(days, -3_650_000), 3_650_000))
        return LocalDate(dayNumber: dayNumber + bounded)
    }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let fromThursday = (dayNumber + 3) % 7
        return Int((fromThursday + 7) % 7) + 1
    }

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
