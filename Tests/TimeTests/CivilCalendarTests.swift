import Testing
import Time

/// The proleptic Gregorian calendar by day numbers, the split of an instant into UTC fields, and the digits they
/// are written with.
@Suite struct CivilCalendarTests {
    struct DayRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let year: Int
        let month: Int
        let day: Int
        let dayNumber: Int64
        let isoWeekday: Int
    }

    @Test(arguments: [
        DayRow(testDescription: "1970-01-01", year: 1970, month: 1, day: 1, dayNumber: 0, isoWeekday: 4),
        DayRow(testDescription: "1969-12-31", year: 1969, month: 12, day: 31, dayNumber: -1, isoWeekday: 3),
        DayRow(testDescription: "2000-02-29", year: 2000, month: 2, day: 29, dayNumber: 11_016, isoWeekday: 2),
        DayRow(testDescription: "2000-03-01", year: 2000, month: 3, day: 1, dayNumber: 11_017, isoWeekday: 3),
        DayRow(testDescription: "0000-01-01", year: 0, month: 1, day: 1, dayNumber: -719_528, isoWeekday: 6),
        DayRow(testDescription: "-0001-12-31", year: -1, month: 12, day: 31, dayNumber: -719_529, isoWeekday: 5),
        DayRow(testDescription: "9999-12-31", year: 9999, month: 12, day: 31, dayNumber: 2_932_896, isoWeekday: 5),
        DayRow(testDescription: "10000-01-03", year: 10000, month: 1, day: 3, dayNumber: 2_932_899, isoWeekday: 1),
    ])
    func dayNumbers(_ row: DayRow) {
        #expect(CivilCalendar.dayNumber(year: row.year, month: row.month, day: row.day) == row.dayNumber)
        let date = CivilCalendar.date(dayNumber: row.dayNumber)
        #expect([date.year, date.month, date.day] == [row.year, row.month, row.day])
        #expect(CivilCalendar.isoWeekday(dayNumber: row.dayNumber) == row.isoWeekday)
    }

    @Test(arguments: [
        (Int64(0), Int64(0), 0), (-1, -1, 86_399), (86_399, 0, 86_399), (86_400, 1, 0), (-86_400, -1, 0),
        (-86_401, -2, 86_399),
    ])
    func secondsSplitIntoDays(_ seconds: Int64, _ dayNumber: Int64, _ secondOfDay: Int) {
        let split = CivilCalendar.split(seconds: seconds)
        #expect(split.dayNumber == dayNumber && split.secondOfDay == secondOfDay)
    }

    @Test(arguments: [
        (1900, 2, 28), (2000, 2, 29), (2024, 2, 29), (2026, 2, 28), (0, 2, 29), (2026, 4, 30), (2026, 12, 31),
    ])
    func monthLengths(_ year: Int, _ month: Int, _ days: Int) {
        #expect(CivilCalendar.daysInMonth(year: year, month: month) == days)
    }

    @Test(arguments: [
        ("the epoch", Int64(0), [1970, 1, 1, 0, 0, 0, 0]),
        ("a millisecond before it", -1, [1969, 12, 31, 23, 59, 59, 999]),
        ("2026-11-02T09:30:15.250Z", 1_793_611_815_250, [2026, 11, 2, 9, 30, 15, 250]),
        ("the first instant written", -62_167_219_200_000, [0, 1, 1, 0, 0, 0, 0]),
        ("the last", 253_402_300_799_999, [9999, 12, 31, 23, 59, 59, 999]),
        ("the day after it", 253_402_300_800_000, [10000, 1, 1, 0, 0, 0, 0]),
    ])
    func instantsSplitIntoUTCFields(_ name: String, _ millis: Int64, _ fields: [Int]) {
        let time = CivilTime(Instant(millis: millis))
        #expect(
            [time.year, time.month, time.day, time.hour, time.minute, time.second, time.millisecond] == fields,
            "\(name)")
    }

    @Test(arguments: [
        (7, 2, "07"), (0, 2, "00"), (59, 2, "59"), (2026, 1, "2026"), (2026, 4, "2026"), (5, 4, "0005"),
        (0, 4, "0000"), (10000, 4, "10000"), (-1, 4, "-0001"), (-1, 1, "-1"), (5, 3, "005"),
        (Int.max, 1, "9223372036854775807"), (Int.min, 1, "-9223372036854775808"),
    ])
    func digits(_ value: Int, _ width: Int, _ text: String) {
        #expect(CalendarText.string { $0.digits(value, width: width) } == text)
    }

    @Test func namesAndMarks() {
        let text = CalendarText.string {
            $0.append(weekday: 7)
            $0.append(", ")
            $0.append(month: 11)
            $0.append(UInt8(ascii: "!"))
            $0.append(weekday: 0)
            $0.append(month: 13)
        }
        #expect(text == "Sun, Nov!")
    }

    /// What does not fit in the buffer is left out rather than written past it.
    @Test func textStopsAtItsCapacity() {
        let text = CalendarText.string {
            for _ in 0..<10 { $0.digits(12_345, width: 1) }
        }
        #expect(text == String(repeating: "12345", count: CalendarText.capacity / 5))
    }
}
