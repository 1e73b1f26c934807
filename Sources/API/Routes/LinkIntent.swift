import Foundation
import Guidance
import JSON
import Reminders
import Time

/// What a one-tap link does to its item, in words and as the event it records: `done` the outbound contact the
/// item asks for (a thank-you note to that interviewer, a debrief with the recruiter, a follow-up or a check-in
/// with the contact), `replied` a response from the contact of a follow-up, `snooze` nothing but a snooze.
struct LinkIntent: Sendable {
    let action: LinkToken.Action
    let item: AgendaItem
    /// The name of the item's contact, when it names one the facts know.
    let contactName: String?
    let employer: String

    init(_ action: LinkToken.Action, _ item: AgendaItem, facts: ApplicationFacts) {
        self.action = action
        self.item = item
        contactName = item.contactId.flatMap { facts.contacts[$0]?.name }
        employer = facts.employer
    }

    /// Whether the link fits the item: `replied` belongs to follow-ups only.
    var applies: Bool { action != .replied || item.action == .followUp }

    /// The event the link records, or nil: a snooze, and `done` on `record_directions`, which only a person can
    /// do (the page points at the application).
    var eventKind: EventKind? {
        switch action {
        case .snooze: nil
        case .replied: .response
        case .done:
            switch item.action {
            case .sendThankYou: .thankYou
            case .debriefRecruiter: .debrief
            case .followUp: .followUp
            case .touchBase: .touchBase
            case .recordDirections: nil
            }
        }
    }

    /// The body of `POST /v1/applications/{id}/events` that records it, at `now`: the outbound contact by the
    /// item's suggested channel, to the item's contact (none: the usual recipient); or the contact's response.
    func eventBody(_ kind: EventKind, now: Instant) -> JSONObject {
        var object: JSONObject = ["kind": JSON(kind.rawValue), "occurred_at": JSON(now.rfc3339)]
        if let contactId = item.contactId { object["contact_id"] = JSON(contactId) }
        if kind != .response, let channel = item.channel { object["channel"] = JSON(channel) }
        return object
    }

    /// Whom the item is about, in words.
    private var whom: String {
        if let contactName, !contactName.isEmpty { return contactName }
        let employer = employer.trimmingCharacters(in: .whitespaces)
        return employer.isEmpty ? "the employer" : employer
    }

    private var by: String { item.channel.map { " by \($0)" } ?? "" }

    /// The page's heading before the tap.
    var heading: String {
        switch action {
        case .done: item.action == .recordDirections ? "Record what comes next" : "Mark it done"
        case .snooze: "Snooze this reminder"
        case .replied: "Record the answer"
        }
    }

    /// What the POST will do, said before it is done.
    var does: String {
        switch (action, item.action) {
        case (.snooze, _): "Hide this reminder for \(LinkRoutes.snoozeDays) days."
        case (.replied, _): "Record that \(whom) answered, now."
        case (.done, .sendThankYou): "Record that you sent \(whom) a thank-you note\(by), now."
        case (.done, .debriefRecruiter): "Record that you talked the interview over with \(whom)\(by), now."
        case (.done, .followUp): "Record that you followed up with \(whom)\(by), now."
        case (.done, .touchBase): "Record that you checked in with \(whom)\(by), now."
        case (.done, .recordDirections): "What comes next is recorded in the application itself."
        }
    }

    /// The button that posts the link.
    var button: String {
        switch action {
        case .done: "Record it"
        case .snooze: "Snooze for \(LinkRoutes.snoozeDays) days"
        case .replied: "Record the answer"
        }
    }

    /// What was done, said afterwards.
    func done(until: Instant?) -> String {
        switch (action, item.action) {
        case (.snooze, _): "Snoozed: the reminder is hidden until \(until?.rfc3339 ?? "later")."
        case (.replied, _): "Recorded: \(whom) answered."
        case (.done, .sendThankYou): "Recorded: a thank-you note to \(whom)\(by)."
        case (.done, .debriefRecruiter): "Recorded: a debrief with \(whom)\(by)."
        case (.done, .followUp): "Recorded: a follow-up with \(whom)\(by)."
        case (.done, .touchBase): "Recorded: a check-in with \(whom)\(by)."
        case (.done, .recordDirections):
            "Record what comes next (where they are, their timeline, when and how to follow up) as a directions "
                + "event of the application."
        }
    }
}
