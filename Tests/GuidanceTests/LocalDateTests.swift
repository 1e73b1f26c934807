import Foundation
import Testing

@testable import Guidance

/// RFC 3339 section 5.6 `full-date`, as `follow_up_after` and `decision_expected_by` use it.
struct LocalDateTests {
    struct ParseRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let text: String
        let expected: LocalDate?
    }

    @Test(arguments: [
        ParseRow(testDescription: "plain date", text: "2026-11-16", expected: Fixture.date(2026, 11, 16)),
        ParseRow(testDescription: "leap day", text: "2028-02-29", expected: Fixture.date(2028, 2, 29)),
        ParseRow(testDescription: "no leap day in 2100", text: "2100-02-29", expected: nil),
        ParseRow(testDescription: "31 April", text: "2026-04-31", expected: nil),
        ParseRow(testDescription: "month 13", text: "2026-13-01", expected: nil),
        ParseRow(testDescription: "day 0", text: "2026-01-00", expected: nil),
        ParseRow(
            testDescription: "year 0, the first RFC 3339 writes", text: "0000-01-01", expected: Fixture.date(0, 1, 1)),
        ParseRow(testDescription: "year 0 is a leap year (1 BC)", text: "0000-02-29", expected: Fixture.date(0, 2, 29)),
        ParseRow(
            testDescription: "the last date RFC 3339 writes", text: "9999-12-31", expected: Fixture.date(9999, 12, 31)),
        ParseRow(testDescription: "one-digit month", text: "2026-1-01", expected: nil),
        ParseRow(testDescription: "with a time", text: "2026-11-16T00:00:00Z", expected: nil),
        ParseRow(testDescription: "slashes", text: "2026/11/16", expected: nil),
        ParseRow(testDescription: "signed digits", text: "2026-+1-16", expected: nil),
        ParseRow(testDescription: "empty", text: "", expected: nil),
    ])
    func parse(_ row: ParseRow) {
        #expect(LocalDate(row.text) == row.expected)
        if let expected = row.expected {
            #expect(expected.description == row.text)
        }
    }

    @Test func dayNumbersRoundTripAndMatchTheCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
        // Foundation switches to the Julian calendar before October 1582; compare from 1600 on.
        for number in stride(from: Int64(-135_000), through: 800_000, by: 997) {
            let date = LocalDate(dayNumber: number)
            #expect(date.dayNumber == number)
            let instant = Date(timeIntervalSince1970: TimeInterval(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day])
            // Calendar weekdays run 1 (Sunday) to 7; ISO runs 1 (Monday) to 7 (Sunday).
            #expect(date.isoWeekday == ((parts.weekday ?? 0) + 5) % 7 + 1)
        }
    }

    @Test func codableUsesTheDateString() throws {
        let data = try JSONEncoder().encode([Fixture.date(2026, 3, 8)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-03-08\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [Fixture.date(2026, 3, 8)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([LocalDate].self, from: Data("[\"2026-02-30\"]".utf8))
        }
    }
}
