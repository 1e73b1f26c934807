/// Dates as messages show them ("Mon 16 Nov 2026", "Mon 16 Nov 2026 14:30"), built by hand: the wording is
/// English whatever the process locale, and no formatter object is created per message.
enum DateText {
    private static let weekdays: [StaticString] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months: [StaticString] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    static func day(_ date: LocalDate) -> String {
        String { day(date, to: &$0) }
    }

    /// Writes the day piece by piece, for messages written straight into a response.
    static func day<Target: MessageOutput & ~Copyable>(_ date: LocalDate, to target: inout Target) {
        target.write(wording: weekdays[(date.isoWeekday - 1) % 7])
        target.write(wording: " ")
        number(date.day, to: &target)
        target.write(wording: " ")
        target.write(wording: months[(date.month - 1) % 12])
        target.write(wording: " ")
        number(date.year, to: &target)
    }

    static func dayAndTime<Target: MessageOutput & ~Copyable>(_ date: LocalDate, minute: Int, to target: inout Target) {
        day(date, to: &target)
        target.write(wording: " ")
        twoDigits(minute / 60, to: &target)
        target.write(wording: ":")
        twoDigits(minute % 60, to: &target)
    }

    /// "0" to "99": a number is written as whole pieces of these.
    private static let upToHundred = (0..<100).map { String($0) }

    /// A number in decimal, without a String of its own. Negative only for a year before 0, the local date of
    /// an instant early on 0000-01-01 in a zone west of UTC.
    private static func number<Target: MessageOutput & ~Copyable>(_ value: Int, to target: inout Target) {
        if value < 0 {
            target.write(wording: "-")
            return number(-value, to: &target)
        }
        guard value >= 100 else { return target.write(upToHundred[max(0, value)]) }
        number(value / 100, to: &target)
        twoDigits(value % 100, to: &target)
    }

    private static func twoDigits<Target: MessageOutput & ~Copyable>(_ value: Int, to target: inout Target) {
        if value < 10 { target.write(wording: "0") }
        target.write(upToHundred[value])
    }
}
