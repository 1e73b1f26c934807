/// The proleptic Gregorian calendar reckoned by counting days from 1970-01-01, after Howard Hinnant's
/// "chrono-compatible low-level date algorithms": exact for any year, and far cheaper than a calendar object.
/// Every date the service reads, reckons or writes goes through here.
public enum CivilCalendar {
    /// Days from 1970-01-01 to a date given by its parts (negative before it); any year, month 1 to 12.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int64 {
        let year = Int64(month <= 2 ? year - 1 : year)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let shiftedMonth = Int64((month + 9) % 12)
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month and day a number of days after 1970-01-01; callers keep the number within a few million
    /// years.
    public static func date(dayNumber: Int64) -> (year: Int, month: Int, day: Int) {
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

    /// The ISO weekday of a day number: 1 is Monday, 7 is Sunday.
    public static func isoWeekday(dayNumber: Int64) -> Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let fromThursday = (dayNumber + 3) % 7
        return Int((fromThursday + 7) % 7) + 1
    }

    /// A count of seconds since 1970 split into whole days and the second of the day, both rounded toward the
    /// past: a second before 1970 belongs to the day that began before it.
    public static func split(seconds: Int64) -> (dayNumber: Int64, secondOfDay: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (days, Int(seconds - days * 86_400))
    }

    /// Whether a year has a 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The days of a month (1 to 12) in a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The English abbreviations of the weekdays, Monday first (index `isoWeekday - 1`), as both messages and
    /// HTTP dates (RFC 9110 §5.6.7 `day-name`) spell them.
    public static let weekdayAbbreviations: [StaticString] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    /// The English abbreviations of the months, January first (index `month - 1`), as RFC 9110 §5.6.7 spells them.
    public static let monthAbbreviations: [StaticString] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}
