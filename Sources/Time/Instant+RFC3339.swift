/// Instants written as RFC 3339 `date-time` (§5.6) in UTC: `2026-11-02T09:30:00Z`, and `.sss` when the
/// millisecond is not zero.
extension Instant: CustomStringConvertible {
    /// The RFC 3339 text within the years it can write; outside them, the milliseconds since 1970, so that an
    /// instant is never mistaken for another.
    public var description: String { self == clamped ? rfc3339 : "\(millis) ms" }

    /// The RFC 3339 text. An instant outside `earliest...latest`, as only a derived one can be, is written as the
    /// nearer of them, so that the year has four digits and the text reads back.
    public var rfc3339: String {
        withRFC3339Bytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of `rfc3339`, which last only for the call: agendas write tens of thousands of
    /// times per response, with no String each.
    @inlinable
    public func withRFC3339Bytes<T>(_ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        CalendarText.withBytes({ writeRFC3339(to: &$0) }, body)
    }

    /// Writes the RFC 3339 text.
    public func writeRFC3339(to text: inout CalendarText) {
        let time = CivilTime(clamped)
        text.digits(time.year, width: 4)
        text.append(UInt8(ascii: "-"))
        text.digits(time.month, width: 2)
        text.append(UInt8(ascii: "-"))
        text.digits(time.day, width: 2)
        text.append(UInt8(ascii: "T"))
        text.digits(time.hour, width: 2)
        text.append(UInt8(ascii: ":"))
        text.digits(time.minute, width: 2)
        text.append(UInt8(ascii: ":"))
        text.digits(time.second, width: 2)
        if time.millisecond != 0 {
            text.append(UInt8(ascii: "."))
            text.digits(time.millisecond, width: 3)
        }
        text.append(UInt8(ascii: "Z"))
    }
}
