import Foundation
import Guidance
import Time

/// Dates and times as notifications show them, in the seeker's zone: `Mon 9 Nov, 09:00`, short enough for a
/// title, with the year only when it is not the year of the message (`Mon 4 Jan 2027, 09:00`). The digits and
/// the English names are `CalendarText`'s, as every other date the service writes.
struct MessageDate {
    let zone: TimeZone
    /// The local year of the attempt: a date in it goes without its year.
    let currentYear: Int

    /// Dates in the zone named `timeZone` (UTC when it is not an IANA name the guidance knows), for a message sent
    /// at `now`.
    init(timeZone: String, now: Instant) {
        let zone = GuidanceTimeZone.named(timeZone) ?? TimeZone(secondsFromGMT: 0) ?? TimeZone.current
        self.zone = zone
        currentYear = Self.local(now, in: zone).year
    }

    /// `Mon 9 Nov, 09:00`: the local day and time of `instant`.
    func dayAndTime(_ instant: Instant) -> String {
        let time = Self.local(instant, in: zone)
        return CalendarText.string { text in
            write(isoWeekday: time.isoWeekday, day: time.day, month: time.month, year: time.year, to: &text)
            text.append(", ")
            text.digits(time.hour, width: 2)
            text.append(UInt8(ascii: ":"))
            text.digits(time.minute, width: 2)
        }
    }

    /// `Mon 9 Nov`: a local date.
    func day(_ date: LocalDate) -> String {
        CalendarText.string { text in
            write(isoWeekday: date.isoWeekday, day: date.day, month: date.month, year: date.year, to: &text)
        }
    }

    private func write(isoWeekday: Int, day: Int, month: Int, year: Int, to text: inout CalendarText) {
        text.append(weekday: isoWeekday)
        text.append(UInt8(ascii: " "))
        text.digits(day, width: 1)
        text.append(UInt8(ascii: " "))
        text.append(month: month)
        if year != currentYear {
            text.append(UInt8(ascii: " "))
            text.digits(year, width: 1)
        }
    }

    /// The local calendar fields of `instant`: UTC's fields of the instant moved by the zone's offset then.
    private static func local(_ instant: Instant, in zone: TimeZone) -> CivilTime {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant.secondsSince1970)))
        return CivilTime(instant.adding(seconds: Int64(offset)))
    }
}
