import Foundation
import Testing
import Time

@testable import Guidance

/// docs/GUIDANCE.md, Time: days, midnights and weekends are reckoned in the configured IANA zone.
struct ZonedClockTests {
    struct LocalDateRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let instant: Instant
        let expected: LocalDate
    }

    @Test(arguments: [
        LocalDateRow(
            testDescription: "UTC midnight belongs to the new day", zone: "UTC", instant: Fixture.utc(2026, 11, 2),
            expected: Fixture.date(2026, 11, 2)),
        LocalDateRow(
            testDescription: "UTC one second before midnight", zone: "UTC",
            instant: Fixture.utc(2026, 11, 2).adding(seconds: -1), expected: Fixture.date(2026, 11, 1)),
        LocalDateRow(
            testDescription: "Los Angeles late evening is still the previous day", zone: "America/Los_Angeles",
            instant: Fixture.utc(2026, 11, 3, 6, 30), expected: Fixture.date(2026, 11, 2)),
        LocalDateRow(
            testDescription: "Auckland morning is already the next day", zone: "Pacific/Auckland",
            instant: Fixture.utc(2026, 11, 2, 20), expected: Fixture.date(2026, 11, 3)),
        LocalDateRow(
            testDescription: "Kathmandu quarter-hour offset", zone: "Asia/Kathmandu",
            instant: Fixture.utc(2026, 1, 1, 18, 14), expected: Fixture.date(2026, 1, 1)),
        LocalDateRow(
            testDescription: "Kathmandu one minute later crosses midnight", zone: "Asia/Kathmandu",
            instant: Fixture.utc(2026, 1, 1, 18, 15), expected: Fixture.date(2026, 1, 2)),
        LocalDateRow(
            testDescription: "before 1970", zone: "UTC", instant: Fixture.utc(1969, 12, 31, 23, 59),
            expected: Fixture.date(1969, 12, 31)),
    ])
    func localDate(_ row: LocalDateRow) throws {
        let zone = try #require(GuidanceTimeZone.named(row.zone))
        #expect(ZonedClock(timeZone: zone).localDate(of: row.instant) == row.expected)
    }

    /// The fast arithmetic must agree with Foundation's calendar on the first instant of every day, across
    /// zones with DST changes at 02:00, at midnight (Santiago, skipping midnight) and odd offsets.
    @Test(arguments: [
        "UTC", "America/New_York", "America/Los_Angeles", "Europe/Paris", "Pacific/Auckland", "America/Santiago",
        "Asia/Kathmandu", "Australia/Lord_Howe", "America/Havana", "Asia/Beirut",
    ])
    func startOfDayAgreesWithCalendar(zoneName: String) throws {
        let zone = try #require(GuidanceTimeZone.named(zoneName))
        let clock = ZonedClock(timeZone: zone)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var mismatches: [String] = []
        for offset in stride(from: 0, to: 3 * 366, by: 1) {
            let day = Fixture.date(2025, 1, 1).adding(days: offset)
            let noon = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
            let reference = try #require(
                calendar.date(from: noon).map { Fixture.instant(calendar.startOfDay(for: $0)) })
            if clock.startOfDay(day) != reference {
                mismatches.append("\(day): \(clock.startOfDay(day)) vs \(reference)")
            }
            if clock.localDate(of: reference) != day {
                mismatches.append("\(day): local date of its start is \(clock.localDate(of: reference))")
            }
        }
        #expect(Array(mismatches.prefix(5)) == [])
    }

    /// The agenda reads a zone's offsets in advance; the table must give the same local dates and midnights as
    /// the zone itself, through DST changes and changes of standard offset (Pyongyang 2015 and 2018, Volgograd
    /// 2018 and 2020).
    @Test(arguments: [
        "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Pyongyang", "Europe/Volgograd",
        "Pacific/Auckland", "Asia/Tokyo",
    ])
    func offsetTableAgreesWithTheZone(zoneName: String) throws {
        let zone = try #require(GuidanceTimeZone.named(zoneName))
        let plain = ZonedClock(timeZone: zone)
        let start = Fixture.utc(2014, 6, 1)
        let tabled = plain.withOffsets(from: start, to: Fixture.utc(2021, 6, 1))
        var mismatches: [String] = []
        for step in 0..<(7 * 366 * 24 * 60 / 37) {
            let instant = start.adding(seconds: Int64(step) * 37 * 60)
            if plain.localDateAndMinute(of: instant) != tabled.localDateAndMinute(of: instant) {
                mismatches.append("\(instant)")
            }
        }
        for offset in 0..<(7 * 366) {
            let day = Fixture.date(2014, 6, 2).adding(days: offset)
            if plain.startOfDay(day) != tabled.startOfDay(day) {
                mismatches.append("\(day)")
            }
        }
        // Outside the table the zone is asked directly.
        let later = Fixture.utc(2026, 11, 6, 12)
        #expect(plain.localDateAndMinute(of: later) == tabled.localDateAndMinute(of: later))
        #expect(Array(mismatches.prefix(5)) == [])
    }

    @Test func midnightSkippedBySantiagoClockChangeStartsAtTheChange() throws {
        // Chile moves its clocks from 00:00 to 01:00 on Sun 6 Sep 2026; the day begins at 04:00 UTC.
        let zone = try #require(GuidanceTimeZone.named("America/Santiago"))
        #expect(ZonedClock(timeZone: zone).startOfDay(Fixture.date(2026, 9, 6)) == Fixture.utc(2026, 9, 6, 4))
    }

    struct WaitRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let anchor: Instant
        let days: Int
        let skipWeekends: Bool
        let expected: Instant
        /// Whether the end fell on a weekend and was moved to the Monday.
        let moved: Bool
    }

    @Test(arguments: [
        WaitRow(
            testDescription: "weekday end stays", zone: "UTC", anchor: Fixture.utc(2026, 11, 2, 9), days: 7,
            skipWeekends: true, expected: Fixture.utc(2026, 11, 9), moved: false),
        WaitRow(
            testDescription: "Saturday end rolls to Monday", zone: "UTC", anchor: Fixture.utc(2026, 11, 7, 9), days: 7,
            skipWeekends: true, expected: Fixture.utc(2026, 11, 16), moved: true),
        WaitRow(
            testDescription: "Sunday end rolls to Monday", zone: "UTC", anchor: Fixture.utc(2026, 11, 1, 9), days: 14,
            skipWeekends: true, expected: Fixture.utc(2026, 11, 16), moved: true),
        WaitRow(
            testDescription: "Saturday end stays without skip_weekends", zone: "UTC",
            anchor: Fixture.utc(2026, 11, 7, 9), days: 7, skipWeekends: false, expected: Fixture.utc(2026, 11, 14),
            moved: false),
        WaitRow(
            testDescription: "New York wait across the end of DST ends at EST midnight", zone: "America/New_York",
            anchor: Fixture.local("America/New_York", 2026, 10, 30, 10), days: 7, skipWeekends: true,
            expected: Fixture.utc(2026, 11, 6, 5), moved: false),
        WaitRow(
            testDescription: "New York wait across the start of DST ends at EDT midnight", zone: "America/New_York",
            anchor: Fixture.local("America/New_York", 2026, 3, 6, 10), days: 7, skipWeekends: true,
            expected: Fixture.utc(2026, 3, 13, 4), moved: false),
        WaitRow(
            testDescription: "zero days ends at the anchor's own midnight", zone: "UTC",
            anchor: Fixture.utc(2026, 11, 2, 9), days: 0, skipWeekends: true, expected: Fixture.utc(2026, 11, 2),
            moved: false),
    ])
    func waitEnd(_ row: WaitRow) throws {
        let zone = try #require(GuidanceTimeZone.named(row.zone))
        let end = ZonedClock(timeZone: zone).waitEnd(after: row.anchor, days: row.days, skipWeekends: row.skipWeekends)
        #expect(end.instant == row.expected)
        #expect(end.day == ZonedClock(timeZone: zone).localDate(of: row.expected))
        #expect(end.movedOffWeekend == row.moved)
        // The rules time their waits through the same reckoning.
        let engine = GuidanceEngine(settings: GuidanceSettings(timeZone: row.zone, skipWeekends: row.skipWeekends))
        let timing = engine.wait(
            from: EventFact(id: 1, kind: .resumeSent, occurredAt: row.anchor), days: row.days, rule: .waitBeforeFollowUp
        )
        #expect(timing.earliest == row.expected)
        #expect(timing.day == end.day)
        #expect(timing.movedOffWeekend == row.moved)
    }
}
