import Guidance
import Store
import Testing
import Time

@testable import Reminders

/// New York changes its clocks on 2026-03-08 (02:00 EST → 03:00 EDT, at 07:00Z) and 2026-11-01 (02:00 EDT →
/// 01:00 EST, at 06:00Z); Berlin on 2026-03-29 (02:00 CET → 03:00 CEST, at 01:00Z) and 2026-10-25 (03:00 CEST →
/// 02:00 CET, at 01:00Z).
@Suite("Local times: dates, the instant of a local time across clock changes, quiet hours")
struct LocalTimesTests {
    typealias F = SchedulingFixture

    static func times(_ zone: String, quiet: (String?, String?) = (nil, nil)) throws -> LocalTimes {
        try #require(
            LocalTimes(zoneNamed: zone, quietWindow: QuietWindow(QuietHours(start: quiet.0, end: quiet.1))))
    }

    struct TextCase: Sendable, CustomTestStringConvertible {
        let text: String
        let minuteOfDay: Int?
        var testDescription: String { "\"\(text)\"" }
    }

    @Test(
        "HH:MM is read exactly: 00:00 to 23:59, two digits each",
        arguments: [
            TextCase(text: "00:00", minuteOfDay: 0), TextCase(text: "08:00", minuteOfDay: 480),
            TextCase(text: "23:59", minuteOfDay: 1439), TextCase(text: "24:00", minuteOfDay: nil),
            TextCase(text: "23:60", minuteOfDay: nil), TextCase(text: "8:00", minuteOfDay: nil),
            TextCase(text: "08:00:00", minuteOfDay: nil), TextCase(text: "08-00", minuteOfDay: nil),
            TextCase(text: "0a:00", minuteOfDay: nil), TextCase(text: " 8:00", minuteOfDay: nil),
            TextCase(text: "", minuteOfDay: nil), TextCase(text: "-1:00", minuteOfDay: nil),
        ])
    func parsing(_ row: TextCase) {
        #expect(LocalTime(row.text)?.minuteOfDay == row.minuteOfDay)
        if let time = LocalTime(row.text) { #expect(time.description == row.text) }
    }

    struct DateCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let instant: Instant
        let date: String
        let time: String
    }

    @Test(
        "the local date and clock reading of an instant",
        arguments: [
            DateCase(
                testDescription: "UTC, last minute of a day", zone: "UTC", instant: F.utc(2026, 3, 8, 23, 59, 59),
                date: "2026-03-08", time: "23:59"),
            DateCase(
                testDescription: "UTC, midnight", zone: "UTC", instant: F.utc(2026, 3, 9), date: "2026-03-09",
                time: "00:00"),
            DateCase(
                testDescription: "New York, 23:59 EST the day before", zone: "America/New_York",
                instant: F.utc(2026, 3, 8, 4, 59), date: "2026-03-07", time: "23:59"),
            DateCase(
                testDescription: "New York, midnight EST", zone: "America/New_York", instant: F.utc(2026, 3, 8, 5),
                date: "2026-03-08", time: "00:00"),
            DateCase(
                testDescription: "New York, the last second before the clocks go forward",
                zone: "America/New_York", instant: F.utc(2026, 3, 8, 6, 59, 59), date: "2026-03-08", time: "01:59"),
            DateCase(
                testDescription: "New York, the clocks went forward", zone: "America/New_York",
                instant: F.utc(2026, 3, 8, 7), date: "2026-03-08", time: "03:00"),
            DateCase(
                testDescription: "Berlin, 23:59 CEST", zone: "Europe/Berlin", instant: F.utc(2026, 10, 24, 21, 59),
                date: "2026-10-24", time: "23:59"),
            DateCase(
                testDescription: "Berlin, midnight CEST", zone: "Europe/Berlin", instant: F.utc(2026, 10, 24, 22),
                date: "2026-10-25", time: "00:00"),
            DateCase(
                testDescription: "Berlin, 02:30 the first time", zone: "Europe/Berlin",
                instant: F.utc(2026, 10, 25, 0, 30), date: "2026-10-25", time: "02:30"),
            DateCase(
                testDescription: "Berlin, 02:30 the second time", zone: "Europe/Berlin",
                instant: F.utc(2026, 10, 25, 1, 30), date: "2026-10-25", time: "02:30"),
        ])
    func localDate(_ row: DateCase) throws {
        let times = try Self.times(row.zone)
        #expect(times.localDate(of: row.instant).description == row.date)
        #expect(times.localTime(of: row.instant).description == row.time)
    }

    struct InstantCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let date: LocalDate
        let time: LocalTime
        /// Every instant the clock reads the time that day (or the end of the gap), earliest first.
        let expected: [Instant]
    }

    @Test(
        "the instant of a local time on a date: once, twice when the clock is set back, the end of a gap",
        arguments: [
            InstantCase(
                testDescription: "UTC 08:00", zone: "UTC", date: F.date(2026, 3, 8), time: F.time(8, 0),
                expected: [F.utc(2026, 3, 8, 8)]),
            InstantCase(
                testDescription: "New York 08:00 EST", zone: "America/New_York", date: F.date(2026, 3, 7),
                time: F.time(8, 0), expected: [F.utc(2026, 3, 7, 13)]),
            InstantCase(
                testDescription: "New York 08:00 EDT, the day the clocks go forward", zone: "America/New_York",
                date: F.date(2026, 3, 8), time: F.time(8, 0), expected: [F.utc(2026, 3, 8, 12)]),
            InstantCase(
                testDescription: "New York 01:59, just before the gap", zone: "America/New_York",
                date: F.date(2026, 3, 8), time: F.time(1, 59), expected: [F.utc(2026, 3, 8, 6, 59)]),
            InstantCase(
                testDescription: "New York 02:00, the gap's first minute: its end", zone: "America/New_York",
                date: F.date(2026, 3, 8), time: F.time(2, 0), expected: [F.utc(2026, 3, 8, 7)]),
            InstantCase(
                testDescription: "New York 02:30, inside the gap: its end", zone: "America/New_York",
                date: F.date(2026, 3, 8), time: F.time(2, 30), expected: [F.utc(2026, 3, 8, 7)]),
            InstantCase(
                testDescription: "New York 03:00, just after the gap", zone: "America/New_York",
                date: F.date(2026, 3, 8), time: F.time(3, 0), expected: [F.utc(2026, 3, 8, 7)]),
            InstantCase(
                testDescription: "New York 00:59, before the overlap", zone: "America/New_York",
                date: F.date(2026, 11, 1), time: F.time(0, 59), expected: [F.utc(2026, 11, 1, 4, 59)]),
            InstantCase(
                testDescription: "New York 01:30, read twice", zone: "America/New_York", date: F.date(2026, 11, 1),
                time: F.time(1, 30), expected: [F.utc(2026, 11, 1, 5, 30), F.utc(2026, 11, 1, 6, 30)]),
            InstantCase(
                testDescription: "New York 02:00, after the overlap", zone: "America/New_York",
                date: F.date(2026, 11, 1), time: F.time(2, 0), expected: [F.utc(2026, 11, 1, 7)]),
            InstantCase(
                testDescription: "Berlin 01:59, just before the gap", zone: "Europe/Berlin",
                date: F.date(2026, 3, 29), time: F.time(1, 59), expected: [F.utc(2026, 3, 29, 0, 59)]),
            InstantCase(
                testDescription: "Berlin 02:30, inside the gap: its end", zone: "Europe/Berlin",
                date: F.date(2026, 3, 29), time: F.time(2, 30), expected: [F.utc(2026, 3, 29, 1)]),
            InstantCase(
                testDescription: "Berlin 03:00, just after the gap", zone: "Europe/Berlin",
                date: F.date(2026, 3, 29), time: F.time(3, 0), expected: [F.utc(2026, 3, 29, 1)]),
            InstantCase(
                testDescription: "Berlin 01:59, before the overlap", zone: "Europe/Berlin",
                date: F.date(2026, 10, 25), time: F.time(1, 59), expected: [F.utc(2026, 10, 24, 23, 59)]),
            InstantCase(
                testDescription: "Berlin 02:00, the overlap's first minute, read twice", zone: "Europe/Berlin",
                date: F.date(2026, 10, 25), time: F.time(2, 0),
                expected: [F.utc(2026, 10, 25, 0), F.utc(2026, 10, 25, 1)]),
            InstantCase(
                testDescription: "Berlin 02:59, the overlap's last minute, read twice", zone: "Europe/Berlin",
                date: F.date(2026, 10, 25), time: F.time(2, 59),
                expected: [F.utc(2026, 10, 25, 0, 59), F.utc(2026, 10, 25, 1, 59)]),
            InstantCase(
                testDescription: "Berlin 03:00, after the overlap", zone: "Europe/Berlin", date: F.date(2026, 10, 25),
                time: F.time(3, 0), expected: [F.utc(2026, 10, 25, 2)]),
        ])
    func instantOfLocalTime(_ row: InstantCase) throws {
        let times = try Self.times(row.zone)
        #expect(times.occurrences(of: row.time, on: row.date) == row.expected)
        #expect(times.instant(on: row.date, at: row.time) == row.expected.first)
    }

    struct NextCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let time: LocalTime
        let start: Instant
        let expected: Instant
    }

    @Test(
        "the next instant at or after another of a local time, once a day",
        arguments: [
            NextCase(
                testDescription: "UTC, at the very instant", zone: "UTC", time: F.time(8, 0),
                start: F.utc(2026, 3, 8, 8), expected: F.utc(2026, 3, 8, 8)),
            NextCase(
                testDescription: "UTC, a millisecond later: tomorrow", zone: "UTC", time: F.time(8, 0),
                start: F.utc(2026, 3, 8, 8).adding(milliseconds: 1), expected: F.utc(2026, 3, 9, 8)),
            NextCase(
                testDescription: "UTC, 23:59 from just after midnight", zone: "UTC", time: F.time(23, 59),
                start: F.utc(2026, 3, 8, 0, 0, 1), expected: F.utc(2026, 3, 8, 23, 59)),
            NextCase(
                testDescription: "New York 08:00 from the evening before the clocks go forward",
                zone: "America/New_York", time: F.time(8, 0), start: F.utc(2026, 3, 8, 2),
                expected: F.utc(2026, 3, 8, 12)),
            NextCase(
                testDescription: "New York 02:30 on the day it does not exist: the end of the gap",
                zone: "America/New_York", time: F.time(2, 30), start: F.utc(2026, 3, 8, 6),
                expected: F.utc(2026, 3, 8, 7)),
            NextCase(
                testDescription: "New York 02:30 once the gap is over: the next day's", zone: "America/New_York",
                time: F.time(2, 30), start: F.utc(2026, 3, 8, 7, 0, 1), expected: F.utc(2026, 3, 9, 6, 30)),
            NextCase(
                testDescription: "Berlin 02:30 read twice: the first time", zone: "Europe/Berlin",
                time: F.time(2, 30), start: F.utc(2026, 10, 25, 0, 30), expected: F.utc(2026, 10, 25, 0, 30)),
            NextCase(
                testDescription: "Berlin 02:30 read twice: not the second time, the next day's", zone: "Europe/Berlin",
                time: F.time(2, 30), start: F.utc(2026, 10, 25, 0, 30, 1), expected: F.utc(2026, 10, 26, 1, 30)),
            NextCase(
                testDescription: "Berlin 08:00 the day the clocks go back", zone: "Europe/Berlin", time: F.time(8, 0),
                start: F.utc(2026, 10, 25, 6, 59), expected: F.utc(2026, 10, 25, 7)),
        ])
    func next(_ row: NextCase) throws {
        #expect(try Self.times(row.zone).next(row.time, atOrAfter: row.start) == row.expected)
    }

    struct WindowCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let start: String?
        let end: String?
        /// Minutes of the day and whether each is inside.
        let inside: [(String, Bool)]
    }

    @Test(
        "which local times quiet hours hold: from start, up to end, across midnight; none unless both are set and differ",
        arguments: [
            WindowCase(
                testDescription: "09:00 to 17:00", start: "09:00", end: "17:00",
                inside: [("08:59", false), ("09:00", true), ("16:59", true), ("17:00", false)]),
            WindowCase(
                testDescription: "22:00 to 07:00, across midnight", start: "22:00", end: "07:00",
                inside: [
                    ("21:59", false), ("22:00", true), ("23:59", true), ("00:00", true), ("06:59", true),
                    ("07:00", false), ("12:00", false),
                ]),
            WindowCase(
                testDescription: "start only: none", start: "22:00", end: nil, inside: [("23:00", false)]),
            WindowCase(testDescription: "end only: none", start: nil, end: "07:00", inside: [("03:00", false)]),
            WindowCase(
                testDescription: "start equal to end: none", start: "08:00", end: "08:00",
                inside: [("08:00", false), ("07:59", false)]),
            WindowCase(
                testDescription: "not HH:MM: none", start: "22h", end: "07:00", inside: [("23:00", false)]),
        ])
    func window(_ row: WindowCase) throws {
        let times = try Self.times("UTC", quiet: (row.start, row.end))
        for (text, inside) in row.inside {
            let time = try #require(LocalTime(text))
            let instant = F.utc(2026, 6, 1).adding(seconds: Int64(time.minuteOfDay * 60))
            #expect(times.isQuiet(instant) == inside, "\(text)")
            #expect((times.holdUntil(instant) != nil) == inside, "\(text)")
        }
    }

    struct HoldCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let quiet: (String, String)
        let instant: Instant
        /// When the hold ends, or nil when the instant is not inside the quiet hours.
        let until: Instant?
    }

    @Test(
        "the instant quiet hours end, across midnight and clock changes",
        arguments: [
            HoldCase(
                testDescription: "UTC, a minute before they start", zone: "UTC", quiet: ("09:00", "17:00"),
                instant: F.utc(2026, 6, 1, 8, 59), until: nil),
            HoldCase(
                testDescription: "UTC, as they start", zone: "UTC", quiet: ("09:00", "17:00"),
                instant: F.utc(2026, 6, 1, 9), until: F.utc(2026, 6, 1, 17)),
            HoldCase(
                testDescription: "UTC, as they end", zone: "UTC", quiet: ("09:00", "17:00"),
                instant: F.utc(2026, 6, 1, 17), until: nil),
            HoldCase(
                testDescription: "UTC, before midnight: tomorrow's end", zone: "UTC", quiet: ("23:00", "00:30"),
                instant: F.utc(2026, 6, 1, 23, 30), until: F.utc(2026, 6, 2, 0, 30)),
            HoldCase(
                testDescription: "UTC, after midnight: today's end", zone: "UTC", quiet: ("23:00", "00:30"),
                instant: F.utc(2026, 6, 2, 0, 15), until: F.utc(2026, 6, 2, 0, 30)),
            HoldCase(
                testDescription: "Berlin, the night the clocks go back lasts an hour longer", zone: "Europe/Berlin",
                quiet: ("22:00", "07:00"), instant: F.utc(2026, 10, 24, 20), until: F.utc(2026, 10, 25, 6)),
            HoldCase(
                testDescription: "Berlin, a minute before that night", zone: "Europe/Berlin",
                quiet: ("22:00", "07:00"), instant: F.utc(2026, 10, 24, 19, 59), until: nil),
            HoldCase(
                testDescription: "Berlin, at the end of that night", zone: "Europe/Berlin", quiet: ("22:00", "07:00"),
                instant: F.utc(2026, 10, 25, 6), until: nil),
            HoldCase(
                testDescription: "Berlin, the end read the first time", zone: "Europe/Berlin",
                quiet: ("01:00", "02:30"), instant: F.utc(2026, 10, 25, 0, 20), until: F.utc(2026, 10, 25, 0, 30)),
            HoldCase(
                testDescription: "Berlin, between the two readings of the end: not quiet", zone: "Europe/Berlin",
                quiet: ("01:00", "02:30"), instant: F.utc(2026, 10, 25, 0, 40), until: nil),
            HoldCase(
                testDescription: "Berlin, quiet again once the clock is set back: the second reading",
                zone: "Europe/Berlin", quiet: ("01:00", "02:30"), instant: F.utc(2026, 10, 25, 1, 10),
                until: F.utc(2026, 10, 25, 1, 30)),
            HoldCase(
                testDescription: "New York, the night the clocks go forward lasts an hour less",
                zone: "America/New_York", quiet: ("22:00", "07:00"), instant: F.utc(2026, 3, 8, 3),
                until: F.utc(2026, 3, 8, 11)),
            HoldCase(
                testDescription: "New York, an end the clocks skip: the end of the gap", zone: "America/New_York",
                quiet: ("01:00", "02:30"), instant: F.utc(2026, 3, 8, 6, 30), until: F.utc(2026, 3, 8, 7)),
        ])
    func holdUntil(_ row: HoldCase) throws {
        let times = try Self.times(row.zone, quiet: (row.quiet.0, row.quiet.1))
        #expect(times.holdUntil(row.instant) == row.until)
        #expect(times.isQuiet(row.instant) == (row.until != nil))
    }

    @Test("a zone the database does not know is read as UTC, as the guidance reads it")
    func unknownZone() {
        #expect(LocalTimes(zoneNamed: "Mars/Olympus") == nil)
        let times = LocalTimes(ReminderSettings(timeZone: "Mars/Olympus"))
        #expect(
            times.instant(on: SchedulingFixture.date(2026, 6, 1), at: SchedulingFixture.time(8, 0))
                == SchedulingFixture.utc(2026, 6, 1, 8))
    }
}
