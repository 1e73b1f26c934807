/// When an agenda item becomes overdue, as a local date and time, and whether it already is.
struct AgendaDeadline: Equatable, Sendable {
    let date: LocalDate
    let minute: Int
    let overdue: Bool

    /// "due by Sat 21 Nov 2026 14:00" or "overdue since Sat 21 Nov 2026 14:00".
    var text: String {
        "\(overdue ? "overdue since" : "due by") \(DateText.dayAndTime(date, minute: minute))"
    }
}
