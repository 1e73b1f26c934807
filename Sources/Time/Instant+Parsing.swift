/// RFC 3339 timestamps (`2026-11-02T09:30:00-05:00`) read by hand: no formatter on the request path, and exact
/// control over what is accepted. They are written by `Instant.rfc3339`.
///
/// The instants the service keeps are those RFC 3339 can write in UTC, whose `date-fullyear` has four digits
/// (§5.6): `Instant.earliest` (`0000-01-01T00:00:00Z`) through `Instant.latest` (`9999-12-31T23:59:59.999Z`). A
/// text whose offset carries it outside is refused, and an instant derived outside (a wait from the last day of
/// 9999) is written as the nearest end of the range, so every time written can be read back.
extension Instant {
    /// Reads an RFC 3339 `date-time` (§5.6): full date, `T`, time with optional fraction, and `Z`
    /// or a numeric offset. Fractions beyond milliseconds are truncated. Nil when malformed or out
    /// of range (month 13, 30 February, hour 24, offset minutes 60, …), and when the offset puts
    /// the instant outside `Instant.earliest...latest` (`0000-01-01T00:00:00+00:01`).
    public init?(rfc3339 text: String) {
        let b = Array(text.utf8)
        guard b.count >= 20,
            let year = Self.digits(b, 0, 4), b[4] == 0x2D, let month = Self.digits(b, 5, 2), b[7] == 0x2D,
            let day = Self.digits(b, 8, 2), b[10] == 0x54 || b[10] == 0x74,
            let hour = Self.digits(b, 11, 2), b[13] == 0x3A, let minute = Self.digits(b, 14, 2), b[16] == 0x3A,
            let second = Self.digits(b, 17, 2)
        else { return nil }
        guard (1...12).contains(month), (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day),
            hour < 24, minute < 60, second <= 60
        else {
            return nil
        }
        var index = 19
        var millis = 0
        if index < b.count, b[index] == 0x2E {
            index += 1
            let start = index
            while index < b.count, b[index] >= 0x30, b[index] <= 0x39 {
                if index - start < 3 { millis = millis * 10 + Int(b[index] - 0x30) }
                index += 1
            }
            guard index > start else { return nil }
            for _ in 0..<max(0, 3 - (index - start)) { millis *= 10 }
        }
        guard index < b.count else { return nil }
        var offsetMinutes = 0
        switch b[index] {
        case 0x5A, 0x7A:
            index += 1
        case 0x2B, 0x2D:
            guard index + 6 == b.count, let oh = Self.digits(b, index + 1, 2), b[index + 3] == 0x3A,
                let om = Self.digits(b, index + 4, 2), oh < 24, om < 60
            else { return nil }
            offsetMinutes = (oh * 60 + om) * (b[index] == 0x2D ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == b.count else { return nil }
        // A leap second (…:60) is read as the last millisecond of its minute: the service has no use
        // for the extra second, and refusing it would refuse a valid RFC 3339 time.
        let clampedSecond = min(second, 59)
        if second == 60 { millis = 999 }
        let days = CivilCalendar.dayNumber(year: year, month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + clampedSecond) - Int64(offsetMinutes * 60)
        let instant = Instant(millis: seconds * 1000 + Int64(millis))
        guard (Instant.earliest...Instant.latest).contains(instant) else { return nil }
        self = instant
    }

    private static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var value = 0
        for i in start..<start + count {
            guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }
}
