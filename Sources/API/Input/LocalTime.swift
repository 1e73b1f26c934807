/// Local times of day (`HH:MM`, 00:00 to 23:59) as requests give them: a digest's hour, the quiet hours. They are
/// read in the settings' time zone by the reminders; here only their spelling is checked.
enum LocalTime {
    /// What a local time must be, for the errors that refuse one.
    static let expected = "must be a local time HH:MM from 00:00 to 23:59"

    /// True for `HH:MM` with two digits each, the hour below 24 and the minute below 60.
    static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 5, b[2] == 0x3A, let hour = Timestamp.digits(b, 0, 2), let minute = Timestamp.digits(b, 3, 2)
        else { return false }
        return hour < 24 && minute < 60
    }
}
