import Time

/// A calendar date without a time or a zone (`YYYY-MM-DD`), such as a `follow_up_after` date.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date from its parts, or nil unless it is a real date of the proleptic Gregorian calendar in the years 0
    /// through 9999, those RFC 3339 writes with four digits (year 0 is 1 BC, a leap year).
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date from its parts, which the caller has already checked.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (RFC 3339 `full-date`, section 5.6): four, two and two digits, a real date.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = LocalDate.number(bytes[0..<4]), let month = LocalDate.number(bytes[5..<7]),
            let day = LocalDate.number(bytes[8..<10])
        else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        CalendarText.string { text in
            text.digits(year, width: 4)
            text.append(UInt8(ascii: "-"))
            text.digits(month, width: 2)
            text.append(UInt8(ascii: "-"))
            text.digits(day, width: 2)
        }
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                return nil
            }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
