import Time

/// Reads an HTTP-date (RFC 9110 §5.6.7) in any of its three formats, as a recipient must: the IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), and the obsolete RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`) forms. The weekday is checked to be a weekday name, not to match the date (the
/// RFC lets recipients ignore it).
enum HTTPDateReader {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The instant `text` names, or nil when it is not an HTTP-date. `now` places an RFC 850 two-digit year: one
    /// that would be more than 50 years ahead is read as the last such year in the past.
    static func parse(_ text: String, now: Instant) -> Instant? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch parts.count {
        case 6:
            // IMF-fixdate: day-name "," SP 2DIGIT SP month SP 4DIGIT SP time SP "GMT"
            guard parts[0].hasSuffix(","), shortDays.contains(String(parts[0].dropLast())), parts[5] == "GMT",
                parts[1].count == 2, let day = number(parts[1]), let month = month(parts[2]), parts[3].count == 4,
                let year = number(parts[3])
            else { return nil }
            return instant(year: year, month: month, day: day, time: parts[4])
        case 4:
            // rfc850-date: day-name-l "," SP 2DIGIT "-" month "-" 2DIGIT SP time SP "GMT"
            let date = parts[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts[0].hasSuffix(","), longDays.contains(String(parts[0].dropLast())), parts[3] == "GMT",
                date.count == 3, date[0].count == 2, let day = number(date[0]), let month = month(date[1]),
                date[2].count == 2, let shortYear = number(date[2])
            else { return nil }
            let thisYear = CivilTime(now).year
            var year = thisYear - thisYear % 100 + shortYear
            if year > thisYear + 50 { year -= 100 }
            return instant(year: year, month: month, day: day, time: parts[2])
        case 5:
            // asctime-date: day-name SP month SP ( 2DIGIT / ( SP 1DIGIT ) ) SP time SP 4DIGIT
            guard shortDays.contains(parts[0]), let month = month(parts[1]), (1...2).contains(parts[2].count),
                let day = number(parts[2]), parts[4].count == 4, let year = number(parts[4])
            else { return nil }
            return instant(year: year, month: month, day: day, time: parts[3])
        default:
            return nil
        }
    }

    /// Decimal digits only: `Int` alone would take a sign.
    private static func number<Text: StringProtocol>(_ text: Text) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }

    private static func month(_ name: String) -> Int? {
        months.firstIndex(of: name).map { $0 + 1 }
    }

    /// The instant of a date and an `HH:MM:SS` time of day in GMT; nil when either is not real.
    private static func instant(year: Int, month: Int, day: Int, time: String) -> Instant? {
        let fields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ $0.count == 2 }),
            let hour = number(fields[0]), let minute = number(fields[1]), let second = number(fields[2]),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        let days = CivilCalendar.dayNumber(year: year, month: month, day: day)
        return Instant(secondsSince1970: days * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)))
    }
}
