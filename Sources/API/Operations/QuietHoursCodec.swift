import JSON
import Store

/// The quiet hours in `GET` and `PUT /v1/settings`: `quiet_hours_start` and `quiet_hours_end`, each a local
/// time `HH:MM` or null, both set or neither. While they last the reminders hold their messages.
enum QuietHoursCodec {
    static let start = "quiet_hours_start"
    static let end = "quiet_hours_end"
    static let names = [start, end]

    /// The quiet hours of a `PUT` body, over those stored: a member left out keeps its value, `null` clears it.
    struct Reading {
        /// What the body makes of them.
        private(set) var hours: QuietHours
        /// Members of the wrong type or spelling (400).
        private(set) var malformed: [FieldError] = []

        init(_ object: JSONObject, over current: QuietHours) {
            hours = current
            for name in QuietHoursCodec.names {
                guard let value = object[name] else { continue }
                let time: String?
                switch value {
                case .null:
                    time = nil
                case .string(let text) where LocalTime.isValid(text):
                    time = text
                default:
                    malformed.append(FieldError(name, LocalTime.expected + ", or null"))
                    continue
                }
                if name == QuietHoursCodec.start { hours.start = time } else { hours.end = time }
            }
        }

        /// Why the hours, well formed, cannot be kept (422): one of the two without the other, or both the same
        /// (which would say neither "never" nor "always" clearly).
        func unacceptable() -> [FieldError] {
            switch (hours.start, hours.end) {
            case (nil, nil):
                return []
            case (.some, nil):
                return [FieldError(QuietHoursCodec.end, "must be set with quiet_hours_start: give both, or neither")]
            case (nil, .some):
                return [FieldError(QuietHoursCodec.start, "must be set with quiet_hours_end: give both, or neither")]
            case (let start?, let end?):
                return start == end ? [FieldError(QuietHoursCodec.end, "must differ from quiet_hours_start")] : []
            }
        }
    }
}
