import Testing

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
        #expect(Timestamp.parse(row.text) == row.millis)
    }

    @Test(arguments: [
        "", "2026-11-02", "2026-11-02T09:30:00", "2026-11-02 09:30:00Z", "2026-13-02T09:30:00Z",
        "2026-02-29T09:30:00Z", "2026-04-31T00:00:00Z", "2026-11-02T24:00:00Z", "2026-11-02T09:60:00Z",
        "2026-11-02T09:30:61Z", "2026-11-02T09:30:00.Z", "2026-11-02T09:30:00+0500", "2026-11-02T09:30:00+05:60",
        "2026-11-02T09:30:00Zjunk", "26-11-02T09:30:00Z", "2026-11-02T09:30:00+5:00", "２０２６-11-02T09:30:00Z",
    ])
    func refuses(_ text: String) {
        #expect(Timestamp.parse(text) == nil, "\(text) should be refused")
    }

    @Test(arguments: [
        Valid(text: "1970-01-01T00:00:00Z", millis: 0),
        Valid(text: "2026-11-02T09:30:00.500Z", millis: 1_793_611_800_500),
        Valid(text: "1969-12-31T23:59:59.999Z", millis: -1),
        Valid(text: "2000-02-29T12:00:00Z", millis: 951_825_600_000),
    ])
    func formatsInUTC(_ row: Valid) {
        #expect(Timestamp.format(row.millis) == row.text)
        #expect(Timestamp.parse(Timestamp.format(row.millis)) == row.millis)
    }

    @Test(arguments: [
        ("2026-11-02", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-11-2", false), ("2026/11/02", false),
        ("2026-00-10", false), ("2026-11-31", false),
    ])
    func localDays(_ text: String, _ valid: Bool) {
        #expect(LocalDay.isValid(text) == valid)
    }
}
