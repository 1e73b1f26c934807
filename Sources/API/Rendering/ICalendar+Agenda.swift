import Foundation
import Guidance
import Time

extension ICalendar {
    /// The calendar's product identifier (RFC 5545 §3.7.3).
    static let productId = "-//NotAPest//Agenda//EN"
    /// How long an item without a deadline lasts in a calendar.
    static let defaultDurationSeconds: Int64 = 30 * 60

    /// The whole `GET /v1/agenda.ics` body: one VEVENT per agenda item, in agenda order. `employers` names each
    /// application's employer for the summaries; `stamp` (the agenda's `as_of`) is every DTSTAMP, so that the
    /// same agenda always gives the same bytes and the ETag only moves when the agenda does.
    ///
    /// An agenda with nothing due gives a calendar without components. RFC 5545 §3.6 asks for at least one,
    /// but calendar clients read an empty feed as "nothing scheduled", which is the truth.
    static func agenda(_ items: [AgendaItem], employers: [Int: String], stamp: Instant) -> [UInt8] {
        var calendar = ICalendar(capacity: 256 + items.count * 512)
        calendar.property("BEGIN", "VCALENDAR")
        calendar.property("VERSION", "2.0")
        calendar.property("PRODID", productId)
        calendar.property("CALSCALE", "GREGORIAN")
        calendar.property("X-WR-CALNAME", "NotAPest")
        let dtstamp = dateTime(stamp)
        for item in items {
            let start = item.dueFrom.clamped
            var end = item.dueBy?.clamped ?? start.adding(seconds: defaultDurationSeconds)
            if end <= start { end = start.adding(seconds: defaultDurationSeconds) }
            calendar.property("BEGIN", "VEVENT")
            calendar.property("UID", uid(item))
            calendar.property("DTSTAMP", dtstamp)
            let startText = dateTime(start)
            let endText = dateTime(end)
            calendar.property("DTSTART", startText)
            // DTEND must be later than DTSTART (§3.8.2.2); in the last second of 9999, where a start
            // derived later is written too, none is, and a VEVENT without DTEND ends as it starts
            // (§3.6.1). The texts have fixed width, so their order is the instants' order.
            if endText > startText {
                calendar.property("DTEND", endText)
            }
            calendar.text("SUMMARY", summary(item, employer: employers[item.applicationId] ?? ""))
            calendar.text("DESCRIPTION", item.message)
            // A reminder to act, not a meeting: it does not make the seeker look busy (§3.8.2.7).
            calendar.property("TRANSP", "TRANSPARENT")
            calendar.property("END", "VEVENT")
        }
        calendar.property("END", "VCALENDAR")
        return calendar.bytes
    }

    /// A UID (§3.8.4.7) that stays the same while the item does, so a calendar updates the entry in place
    /// instead of adding another: `app3-send_thank_you-thank-you-promptly-c7-e12@notapest`. `c0` and `e0`
    /// stand for no contact and no source event (real ids are positive).
    static func uid(_ item: AgendaItem) -> String {
        "app\(item.applicationId)-\(item.action.rawValue)-\(item.rule.rawValue)-c\(item.contactId ?? 0)"
            + "-e\(item.sourceEventId ?? 0)@notapest"
    }

    /// What to do, in words, and for which employer.
    static func summary(_ item: AgendaItem, employer: String) -> String {
        let words: String
        switch item.action {
        case .sendThankYou: words = "Send a thank-you note"
        case .debriefRecruiter: words = "Debrief with the recruiter"
        case .recordDirections: words = "Record the next steps"
        case .followUp: words = "Follow up"
        case .touchBase: words = "Check in with the recruiter"
        }
        let trimmed = employer.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? words : words + ": " + trimmed
    }
}
