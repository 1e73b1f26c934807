/// Dates as messages show them ("Mon 16 Nov 2026", "Mon 16 Nov 2026 14:30"), built by hand: the wording is
/// English whatever the process locale, and no formatter object is created per message.
enum DateText {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func day(_ date: LocalDate) -> String {
        "\(weekdays[(date.isoWeekday - 1) % 7]) \(date.day) \(months[(date.month - 1) % 12]) \(date.year)"
    }

    static func dayAndTime(_ date: LocalDate, minute: Int) -> String {
        let hour = minute / 60
        let minutes = minute % 60
        return "\(day(date)) \(hour < 10 ? "0" : "")\(hour):\(minutes < 10 ? "0" : "")\(minutes)"
    }
}
