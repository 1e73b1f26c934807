/// The names of the reminders' rows in the settings table. Like every setting, each value is JSON text: the
/// quiet hours a string `"HH:MM"` or `null`, the link key a string of base64.
public enum ReminderSettingName {
    /// Local time at which quiet hours begin, in the settings' time zone.
    public static let quietHoursStart = "quiet_hours_start"
    /// Local time at which quiet hours end.
    public static let quietHoursEnd = "quiet_hours_end"
    /// The key one-tap links are signed with: a secret of the installation, never shown, never exported.
    public static let linkKey = "link_key"
}
