import Testing
import Time

@testable import Reminders

@Suite("HTTP-dates: the three formats a recipient must read")
struct HTTPDateReaderTests {
    /// 2023-11-14T22:13:20Z.
    static let now: Instant = Instant(millis: 1_700_000_000_000)

    @Test(
        "each format reads, and whatever is not one of them does not",
        arguments: [
            ("Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"),
            ("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37Z"),
            ("Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z"),
            ("Sun Nov 16 08:49:37 1994", "1994-11-16T08:49:37Z"),
            ("Thu, 29 Feb 2024 23:59:59 GMT", "2024-02-29T23:59:59Z"),
            // Two digits more than 50 years ahead of 2023 are the last such year past; 50 or fewer are ahead.
            ("Monday, 01-Jan-73 00:00:00 GMT", "2073-01-01T00:00:00Z"),
            ("Tuesday, 01-Jan-74 00:00:00 GMT", "1974-01-01T00:00:00Z"),
            ("Thu, 29 Feb 2023 00:00:00 GMT", nil),
            ("Sun, 06 Nov 1994 24:00:00 GMT", nil),
            ("Sun, 06 Nov 1994 08:60:00 GMT", nil),
            ("Sun, 06 Nov 1994 08:49:37 UTC", nil),
            ("Sun, 6 Nov 1994 08:49:37 GMT", nil),
            ("Sun, 06 nov 1994 08:49:37 GMT", nil),
            ("Sun, +6 Nov 1994 08:49:37 GMT", nil),
            ("Sunday, 06 Nov 1994 08:49:37 GMT", nil),
            ("Sun, 06-Nov-94 08:49:37 GMT", nil),
            ("Sun Nov  6 08:49 1994", nil),
            ("", nil),
            ("120", nil),
        ] as [(String, String?)])
    func formats(_ text: String, _ expected: String?) {
        #expect(HTTPDateReader.parse(text, now: Self.now)?.rfc3339 == expected)
    }
}
