import Time

/// A local wall-clock time to the minute, `HH:MM` (00:00 to 23:59): a digest's `digest_at`, the bounds of quiet
/// hours. It names no day and no zone: `LocalTimes` finds the instants at which a zone's clock reads it.
public struct LocalTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes past local midnight, 0 to 1439.
    public let minuteOfDay: Int

    /// The time `hour`:`minute`, or nil outside 00:00...23:59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minuteOfDay = hour * 60 + minute
    }

    /// The time `minuteOfDay` minutes past midnight, which the caller keeps within 0...1439.
    init(minuteOfDay: Int) {
        self.minuteOfDay = minuteOfDay
    }

    /// Parses exactly `HH:MM`: two digits, a colon, two digits, 00:00 to 23:59. Anything else (`8:00`, `24:00`,
    /// `08:00:00`) is nil.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let hour = Self.twoDigits(bytes[0], bytes[1]), let minute = Self.twoDigits(bytes[3], bytes[4])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minuteOfDay / 60 }
    public var minute: Int { minuteOfDay % 60 }

    /// `HH:MM`.
    public var description: String {
        CalendarText.string { text in
            text.digits(hour, width: 2)
            text.append(UInt8(ascii: ":"))
            text.digits(minute, width: 2)
        }
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minuteOfDay < rhs.minuteOfDay
    }

    private static func twoDigits(_ first: UInt8, _ second: UInt8) -> Int? {
        let zero = UInt8(ascii: "0")
        guard (zero...zero + 9).contains(first), (zero...zero + 9).contains(second) else { return nil }
        return Int(first - zero) * 10 + Int(second - zero)
    }
}
