import Foundation
import Testing
import Time

/// Instants: milliseconds since 1970, kept within bounds no sum can overflow, and the years 0000 to 9999 the
/// service writes.
@Suite struct InstantTests {
    @Test(arguments: [
        ("the epoch", Int64(0), Int64(0)),
        ("the lowest", -10_000_000_000_000_000, -10_000_000_000_000_000),
        ("a millisecond below it", -10_000_000_000_000_001, -10_000_000_000_000_000),
        ("the smallest integer", .min, -10_000_000_000_000_000),
        ("the highest", 10_000_000_000_000_000, 10_000_000_000_000_000),
        ("a millisecond above it", 10_000_000_000_000_001, 10_000_000_000_000_000),
        ("the largest integer", .max, 10_000_000_000_000_000),
    ])
    func keptWithinTheBounds(_ name: String, _ millis: Int64, _ kept: Int64) {
        #expect(Instant(millis: millis).millis == kept, "\(name)")
    }

    @Test(arguments: [
        ("the epoch", Int64(0), Int64(0)),
        ("a millisecond before it", -1, -1),
        ("a second before it", -1000, -1),
        ("a second and a millisecond before it", -1001, -2),
        ("a millisecond after it", 1, 0),
        ("a second less a millisecond after it", 999, 0),
        ("a second after it", 1000, 1),
    ])
    func secondsRoundTowardThePast(_ name: String, _ millis: Int64, _ seconds: Int64) {
        #expect(Instant(millis: millis).secondsSince1970 == seconds, "\(name)")
    }

    @Test func spansAreAddedExactly() {
        let instant = Instant(millis: 1_793_611_800_000)
        #expect(instant.adding(milliseconds: 1).millis == 1_793_611_800_001)
        #expect(instant.adding(seconds: -3600).millis == 1_793_608_200_000)
        #expect(instant.adding(days: 7).millis == 1_793_611_800_000 + 7 * 86_400_000)
        #expect(Instant(secondsSince1970: -1).millis == -1000)
    }

    /// However large the span, the sum stays within the bounds rather than overflowing.
    @Test func sumsStopAtTheBounds() {
        #expect(Instant.highest.adding(milliseconds: .max) == .highest)
        #expect(Instant.lowest.adding(milliseconds: .min) == .lowest)
        #expect(Instant.highest.adding(seconds: .max) == .highest)
        #expect(Instant.lowest.adding(seconds: .min) == .lowest)
        #expect(Instant.highest.adding(days: .max) == .highest)
        #expect(Instant.lowest.adding(days: .min) == .lowest)
        #expect(Instant.lowest.adding(milliseconds: .max) == .highest)
        #expect(Instant(secondsSince1970: .max) == .highest)
        #expect(Instant(secondsSince1970: .min) == .lowest)
    }

    @Test(arguments: [
        ("the first instant written", Instant.earliest, Instant.earliest),
        ("a millisecond before it", Instant.earliest.adding(milliseconds: -1), Instant.earliest),
        ("the lowest", Instant.lowest, Instant.earliest),
        ("the last instant written", Instant.latest, Instant.latest),
        ("a millisecond after it", Instant.latest.adding(milliseconds: 1), Instant.latest),
        ("the highest", Instant.highest, Instant.latest),
        ("the epoch", Instant(millis: 0), Instant(millis: 0)),
    ])
    func clampedToTheYearsWritten(_ name: String, _ instant: Instant, _ clamped: Instant) {
        #expect(instant.clamped == clamped, "\(name)")
    }

    struct Written: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let millis: Int64
        let text: String
    }

    /// RFC 3339 in UTC, milliseconds only when not zero, years of four digits whatever the instant.
    @Test(arguments: [
        Written(testDescription: "the epoch", millis: 0, text: "1970-01-01T00:00:00Z"),
        Written(testDescription: "with milliseconds", millis: 1_793_611_800_500, text: "2026-11-02T09:30:00.500Z"),
        Written(testDescription: "one millisecond", millis: 1_793_611_800_001, text: "2026-11-02T09:30:00.001Z"),
        Written(testDescription: "a millisecond before 1970", millis: -1, text: "1969-12-31T23:59:59.999Z"),
        Written(testDescription: "a leap day", millis: 951_825_600_000, text: "2000-02-29T12:00:00Z"),
        Written(testDescription: "the first instant", millis: -62_167_219_200_000, text: "0000-01-01T00:00:00Z"),
        Written(testDescription: "before it", millis: -62_167_219_200_001, text: "0000-01-01T00:00:00Z"),
        Written(testDescription: "the last instant", millis: 253_402_300_799_999, text: "9999-12-31T23:59:59.999Z"),
        Written(testDescription: "after it", millis: 253_402_300_800_000, text: "9999-12-31T23:59:59.999Z"),
        Written(testDescription: "the smallest integer", millis: .min, text: "0000-01-01T00:00:00Z"),
        Written(testDescription: "the largest integer", millis: .max, text: "9999-12-31T23:59:59.999Z"),
    ])
    func writesRFC3339(_ row: Written) {
        let instant = Instant(millis: row.millis)
        #expect(instant.rfc3339 == row.text)
        #expect(instant.withRFC3339Bytes { String(decoding: $0, as: UTF8.self) } == row.text)
        #expect(instant.description == (instant == instant.clamped ? row.text : "\(instant.millis) ms"))
    }

    @Test func encodesAsItsText() throws {
        let data = try JSONEncoder().encode([Instant(millis: 1_793_611_800_000)])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-11-02T09:30:00Z\"]")
    }
}
