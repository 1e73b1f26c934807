/// When an agenda item becomes overdue, as a local date and time, and whether it already is.
struct AgendaDeadline: Equatable, Sendable {
    let date: LocalDate
    let minute: Int
    let overdue: Bool

    /// "due by Sat 21 Nov 2026 14:00" or "overdue since Sat 21 Nov 2026 14:00".
    func write<Target: MessageOutput & ~Copyable>(to target: inout Target) {
        target.write(wording: overdue ? "overdue since " : "due by ")
        DateText.dayAndTime(date, minute: minute, to: &target)
    }
}
