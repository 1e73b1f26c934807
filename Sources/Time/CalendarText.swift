/// Dates and times written as ASCII, field by field, into a few bytes on the stack: the one writer of the digits
/// of years, months, days and times, for RFC 3339, iCalendar, HTTP dates, `YYYY-MM-DD` dates and messages alike.
/// No String is made unless the caller asks for one.
public struct CalendarText: ~Copyable {
    /// Room for the longest text written: a date with its weekday and a time, and a year of any size.
    public static let capacity = 48

    @usableFromInline
    let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    public private(set) var count = 0

    @usableFromInline
    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Calls `body` with what `write` wrote; the bytes last only for the call.
    @inlinable
    public static func withBytes<T>(
        _ write: (inout CalendarText) -> Void, _ body: (UnsafeBufferPointer<UInt8>) -> T
    ) -> T {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var text = CalendarText(buffer: buffer)
            write(&text)
            return body(UnsafeBufferPointer(rebasing: buffer[..<text.count]))
        }
    }

    /// What `write` wrote, as a String.
    public static func string(_ write: (inout CalendarText) -> Void) -> String {
        withBytes(write) { String(decoding: $0, as: UTF8.self) }
    }

    /// `value` in decimal with at least `width` digits, zeros in front: `digits(7, width: 2)` writes `07`,
    /// `digits(2026, width: 1)` writes `2026`. A negative value is written as `-` and then its size so:
    /// `digits(-1, width: 4)` writes `-0001`. What does not fit is left out.
    public mutating func digits(_ value: Int, width: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        var rest = value.magnitude
        var length = 1
        var scan = rest / 10
        while scan > 0 {
            length += 1
            scan /= 10
        }
        length = Swift.max(length, width)
        guard count + length <= buffer.count else { return }
        var index = count + length
        for _ in 0..<length {
            index -= 1
            buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += length
    }

    /// One ASCII byte.
    public mutating func append(_ byte: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = byte
        count += 1
    }

    /// ASCII text.
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes in
            for byte in bytes {
                append(byte)
            }
        }
    }

    /// The English abbreviation of an ISO weekday (1 is Monday): `Mon`.
    public mutating func append(weekday isoWeekday: Int) {
        guard (1...7).contains(isoWeekday) else { return }
        append(CivilCalendar.weekdayAbbreviations[isoWeekday - 1])
    }

    /// The English abbreviation of a month (1 is January): `Jan`.
    public mutating func append(month: Int) {
        guard (1...12).contains(month) else { return }
        append(CivilCalendar.monthAbbreviations[month - 1])
    }
}
