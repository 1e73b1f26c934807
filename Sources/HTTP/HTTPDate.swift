import Time

/// The IMF-fixdate of RFC 9110 §5.6.7 (`Sun, 06 Nov 1994 08:49:37 GMT`), written by hand and once a second:
/// writing it for every response would cost more than the rest of the response.
struct HTTPDate {
    private var second: Int?
    private(set) var bytes: [UInt8] = []
    /// `2026-11-29T14:00:00Z`, for logs.
    private(set) var iso: String = ""

    mutating func refresh(now: Int) {
        guard now != second else { return }
        second = now
        let instant = Instant(secondsSince1970: Int64(now))
        let time = CivilTime(instant)
        bytes = CalendarText.withBytes({ text in
            text.append(weekday: time.isoWeekday)
            text.append(", ")
            text.digits(time.day, width: 2)
            text.append(UInt8(ascii: " "))
            text.append(month: time.month)
            text.append(UInt8(ascii: " "))
            text.digits(time.year, width: 4)
            text.append(UInt8(ascii: " "))
            text.digits(time.hour, width: 2)
            text.append(UInt8(ascii: ":"))
            text.digits(time.minute, width: 2)
            text.append(UInt8(ascii: ":"))
            text.digits(time.second, width: 2)
            text.append(" GMT")
        }) { Array($0) }
        iso = instant.rfc3339
    }
}
