import Crypto
import JSON
import SQLite

// The reminders' settings, in the settings table beside the others and written the way the API writes those:
// each value JSON text.
extension Database {
    /// The quiet hours stored, each nil when not stored or stored as `null`.
    func quietHours() throws -> QuietHours {
        QuietHours(
            start: try optionalStringSetting(ReminderSettingName.quietHoursStart),
            end: try optionalStringSetting(ReminderSettingName.quietHoursEnd))
    }

    /// Stores both quiet hours, nil as `null`.
    func writeQuietHours(_ hours: QuietHours) throws {
        try writeSettings([
            ReminderSettingName.quietHoursStart: JSON(hours.start).serialized(),
            ReminderSettingName.quietHoursEnd: JSON(hours.end).serialized(),
        ])
    }

    /// The link key's bytes, or nil before it is made.
    func linkKey() throws -> [UInt8]? {
        guard let text = try optionalStringSetting(ReminderSettingName.linkKey) else { return nil }
        guard let key = Base64.decode(text), !key.isEmpty else {
            throw StoreError.failed("the setting \(ReminderSettingName.linkKey) is not base64")
        }
        return key
    }

    /// Stores `key` as the link key, in base64, replacing one stored before.
    func writeLinkKey(_ key: [UInt8]) throws {
        try writeSettings([ReminderSettingName.linkKey: JSON(Base64.encode(key)).serialized()])
    }

    /// The value of setting `name` when it is a JSON string; nil when it is not stored or is `null`. Anything
    /// else is an error: the settings are written by this service alone.
    private func optionalStringSetting(_ name: String) throws -> String? {
        guard let text = try first("SELECT value FROM settings WHERE name = ?", [.text(name)], { try $0.text(0) })
        else { return nil }
        let value = try? JSONParser.parse(text)
        if value == .null { return nil }
        guard let string = value?.stringValue else {
            throw StoreError.failed("the setting \(name) is neither a JSON string nor null")
        }
        return string
    }
}
