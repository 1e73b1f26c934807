import Foundation
import JSON
import Testing
import Time

@testable import API

/// RFC 3339 §5.6 date-time parsing and UTC formatting, as a table.
@Suite struct TimestampTests {
    struct Valid: CustomTestStringConvertible, Sendable {
        let text: String
        let millis: Int64
        var testDescription: String { text }
    }

    @Test(arguments: [
        Valid(text: "1970-01-01T00:00:00Z", millis: 0),
        Valid(text: "2026-11-02T09:30:00Z", millis: 1_793_611_800_000),
        Valid(text: "2026-11-02T09:30:00.5Z", millis: 1_793_611_800_500),
        Valid(text: "2026-11-02T09:30:00.123456Z", millis: 1_793_611_800_123),
        Valid(text: "2026-11-02T04:30:00-05:00", millis: 1_793_611_800_000),
        Valid(text: "2026-11-02T10:30:00+01:00", millis: 1_793_611_800_000),
        Valid(text: "2026-11-02t09:30:00z", millis: 1_793_611_800_000),
        Valid(text: "2024-02-29T00:00:00Z", millis: 1_709_164_800_000),
        Valid(text: "1969-12-31T23:59:59Z", millis: -1000),
        Valid(text: "2016-12-31T23:59:60Z", millis: 1_483_228_799_999),
    ])
    func parses(_ row: Valid) {
        #expect(Instant(rfc3339: row.text)?.millis == row.millis)
    }

    @Test(arguments: [
        "", "2026-11-02", "2026-11-02T09:30:00", "2026-11-02 09:30:00Z", "2026-13-02T09:30:00Z",
        "2026-02-29T09:30:00Z", "2026-04-31T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T09:60:00Z",
        "2026-11-02T09:30:61Z", "2026-11-02T09:30:00.Z", "2026-11-02T09:30:00+0500", "2026-11-02T09:30:00+05:60",
        "2026-11-02T09:30:00Zjunk", "26-11-02T09:30:00Z", "2026-11-02T09:30:00+5:00", "２０２６-11-02T09:30:00Z",
    ])
    func refuses(_ text: String) {
        #expect(Instant(rfc3339: text) == nil, "\(text) should be refused")
    }

    @Test(arguments: [
        Valid(text: "1970-01-01T00:00:00Z", millis: 0),
        Valid(text: "2026-11-02T09:30:00.500Z", millis: 1_793_611_800_500),
        Valid(text: "1969-12-31T23:59:59.999Z", millis: -1),
        Valid(text: "2000-02-29T12:00:00Z", millis: 951_825_600_000),
    ])
    func formatsInUTC(_ row: Valid) {
        #expect(Instant(millis: row.millis).rfc3339 == row.text)
        #expect(Instant(rfc3339: Instant(millis: row.millis).rfc3339)?.millis == row.millis)
    }

    /// Years 0000 to 9999 once in UTC, the instants RFC 3339 writes with four digits: both sides of
    /// each end, reached with and without an offset.
    @Test(arguments: [
        Valid(text: "0000-01-01T00:00:00Z", millis: Instant.earliest.millis),
        Valid(text: "0000-01-01T00:01:00+00:01", millis: Instant.earliest.millis),
        Valid(text: "0000-01-01T23:59:00+23:59", millis: Instant.earliest.millis),
        Valid(text: "0000-01-01T00:00:00.001Z", millis: Instant.earliest.millis + 1),
        Valid(text: "9999-12-31T23:59:59.999Z", millis: Instant.latest.millis),
        Valid(text: "9999-12-31T23:58:59.999-00:01", millis: Instant.latest.millis),
        Valid(text: "9999-12-31T00:00:59.999-23:59", millis: Instant.latest.millis),
        Valid(text: "9999-12-31T23:59:60Z", millis: Instant.latest.millis),
        Valid(text: "9999-12-31T23:59:59.998Z", millis: Instant.latest.millis - 1),
    ])
    func parsesTheEndsOfTheRange(_ row: Valid) {
        #expect(Instant(rfc3339: row.text)?.millis == row.millis)
    }

    @Test(arguments: [
        "0000-01-01T00:00:00+00:01", "0000-01-01T00:00:00.999+00:01", "0000-01-01T00:00:00+23:59",
        "0000-01-01T23:58:59.999+23:59", "9999-12-31T23:59:59-23:59", "9999-12-31T23:59:00-00:01",
        "9999-12-31T00:01:00-23:59", "9999-12-31T23:59:60-00:01",
    ])
    func refusesTimesOutsideTheRange(_ text: String) {
        #expect(Instant(rfc3339: text) == nil, "\(text) should be refused")
    }

    struct Written: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let millis: Int64
        let text: String
        let calendar: String
    }

    /// The writers cannot write a year of other than four digits: an instant outside the range, as only
    /// a derived one can be, is written as the nearer end, and what is written reads back.
    @Test(arguments: [
        Written(
            testDescription: "the first instant", millis: Instant.earliest.millis, text: "0000-01-01T00:00:00Z",
            calendar: "00000101T000000Z"),
        Written(
            testDescription: "a millisecond before it", millis: Instant.earliest.millis - 1,
            text: "0000-01-01T00:00:00Z",
            calendar: "00000101T000000Z"),
        Written(
            testDescription: "a day before it", millis: Instant.earliest.millis - 86_400_000,
            text: "0000-01-01T00:00:00Z", calendar: "00000101T000000Z"),
        Written(
            testDescription: "the smallest integer", millis: .min, text: "0000-01-01T00:00:00Z",
            calendar: "00000101T000000Z"),
        Written(
            testDescription: "the last instant", millis: Instant.latest.millis, text: "9999-12-31T23:59:59.999Z",
            calendar: "99991231T235959Z"),
        Written(
            testDescription: "a millisecond after it", millis: Instant.latest.millis + 1,
            text: "9999-12-31T23:59:59.999Z",
            calendar: "99991231T235959Z"),
        Written(
            testDescription: "a week after it", millis: Instant.latest.millis + 7 * 86_400_000,
            text: "9999-12-31T23:59:59.999Z", calendar: "99991231T235959Z"),
        Written(
            testDescription: "the largest integer", millis: .max, text: "9999-12-31T23:59:59.999Z",
            calendar: "99991231T235959Z"),
    ])
    func writesOnlyYearsOfFourDigits(_ row: Written) {
        let instant = Instant(millis: row.millis)
        let text = instant.rfc3339
        #expect(text == row.text)
        #expect(instant.withRFC3339Bytes { String(decoding: $0, as: UTF8.self) } == row.text)
        #expect(Instant(rfc3339: text) == instant.clamped)
        #expect(ICalendar.dateTime(instant) == row.calendar)
    }

    @Test(arguments: [
        ("the first instant", Instant.earliest.millis, Instant.earliest.millis),
        ("a day before it", Instant.earliest.millis - 86_400_000, Instant.earliest.millis),
        ("the last instant", Instant.latest.millis, Instant.latest.millis),
        ("a second after it", Instant.latest.millis + 1000, Instant.latest.millis),
        ("a year after it", Instant.latest.millis + 366 * 86_400_000, Instant.latest.millis),
    ])
    func derivedInstantsAreClampedToTheRange(_ name: String, _ millis: Int64, _ expected: Int64) {
        #expect(GuidanceJSON.time(Instant(millis: millis)) == JSON(Instant(millis: expected).rfc3339), "\(name)")
    }

    @Test func instantsAtTheBoundsOfWhatIsHeldAreClampedToo() {
        #expect(GuidanceJSON.time(.highest) == JSON(Instant.latest.rfc3339))
        #expect(GuidanceJSON.time(.lowest) == JSON(Instant.earliest.rfc3339))
        #expect(GuidanceJSON.time(nil) == .null)
    }

    @Test(arguments: [
        ("0000-01-01", true), ("9999-12-31", true), ("0000-02-29", true),
        ("2026-11-02", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-11-2", false), ("2026/11/02", false),
        ("2026-00-10", false), ("2026-11-31", false),
    ])
    func localDays(_ text: String, _ valid: Bool) {
        #expect(LocalDay.isValid(text) == valid)
    }
}
