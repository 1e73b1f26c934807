import Time

/// Calendar dates without time (`YYYY-MM-DD`, RFC 3339 `full-date`) as requests give them, year 0000
/// included; the day arithmetic is `CivilCalendar`'s.
public enum LocalDay {
    /// True for a `YYYY-MM-DD` string naming a real date.
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D, let year = Timestamp.digits(b, 0, 4),
            let month = Timestamp.digits(b, 5, 2), let day = Timestamp.digits(b, 8, 2)
        else { return false }
        return isValid(year: year, month: month, day: day)
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        return day <= CivilCalendar.daysInMonth(year: year, month: month)
    }
}
