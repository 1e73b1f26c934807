import Time

/// Dates as messages show them ("Mon 16 Nov 2026", "Mon 16 Nov 2026 14:30"), built by hand: the wording is
/// English whatever the process locale, and no formatter object is created per message. The day and the year
/// are written with as many digits as they have: a year before 0 (the local date of an instant early on
/// 0000-01-01 in a zone west of UTC) with its sign, one after 9999 (a wait that ends past it) with five digits.
enum DateText {
    static func day(_ date: LocalDate) -> String {
        CalendarText.string { write(date, minute: nil, to: &$0) }
    }

    /// Writes the day as one piece, for messages written straight into a response.
    static func day<Target: MessageOutput & ~Copyable>(_ date: LocalDate, to target: inout Target) {
        CalendarText.withBytes({ write(date, minute: nil, to: &$0) }) { target.write(ascii: $0) }
    }

    /// The day and the time `minute` minutes after its midnight.
    static func dayAndTime<Target: MessageOutput & ~Copyable>(_ date: LocalDate, minute: Int, to target: inout Target) {
        CalendarText.withBytes({ write(date, minute: minute, to: &$0) }) { target.write(ascii: $0) }
    }

    private static func write(_ date: LocalDate, minute: Int?, to text: inout CalendarText) {
        text.append(weekday: date.isoWeekday)
        text.append(UInt8(ascii: " "))
        text.digits(date.day, width: 1)
        text.append(UInt8(ascii: " "))
        text.append(month: date.month)
        text.append(UInt8(ascii: " "))
        text.digits(date.year, width: 1)
        if let minute {
            text.append(UInt8(ascii: " "))
            text.digits(minute / 60, width: 2)
            text.append(UInt8(ascii: ":"))
            text.digits(minute % 60, width: 2)
        }
    }
}
