import Guidance
import JSON
import Time

/// One agenda item as the stored `data` of a message holds it (the item's fields as `GET /v1/agenda` writes
/// them, with `application`, `contact` and `links`): what the wording needs, read and checked.
struct MessageItem: Sendable, Equatable {
    /// An `AgendaAction` raw value.
    var action: String
    var message: String
    var dueFrom: Instant
    var dueBy: Instant?
    var overdue: Bool
    var employer: String
    var contactName: String?
    var contactEmail: String?
    var contactPhone: String?
    var links: [MessageContent.Link]

    /// The link names a message may carry, in the order of their buttons, with their labels.
    static let linkLabels: [(name: String, label: String)] = [
        ("done", "Done"), ("snooze", "Snooze 2 days"), ("replied", "Replied"),
    ]

    /// The instant `text` names when it is written as the service writes instants (`Instant.rfc3339`: UTC, `Z`,
    /// milliseconds only when not zero), else nil: the data was written by the scheduler, never by a client, so
    /// any other form means the row is not what it should be.
    static func serviceInstant(_ text: String) -> Instant? {
        guard let instant = Instant(rfc3339: text), instant.rfc3339 == text else { return nil }
        return instant
    }

    /// Reads an item object; `RenderError.invalidData` names the member that is missing or malformed.
    init(_ json: JSON) throws(RenderError) {
        guard json.objectValue != nil else { throw .invalidData("an item is not an object") }
        guard let action = json["action"]?.stringValue, !action.isEmpty else { throw Self.missing("action") }
        guard let message = json["message"]?.stringValue else { throw Self.missing("message") }
        guard let dueFrom = json["due_from"]?.stringValue.flatMap(Self.serviceInstant) else {
            throw Self.missing("due_from")
        }
        self.action = action
        self.message = message
        self.dueFrom = dueFrom
        switch json["due_by"] {
        case nil, .null?:
            dueBy = nil
        case let value?:
            guard let dueBy = value.stringValue.flatMap(Self.serviceInstant) else { throw Self.missing("due_by") }
            self.dueBy = dueBy
        }
        overdue = json["overdue"]?.boolValue ?? false
        employer = json["application"]?["employer"]?.stringValue ?? ""
        let contact = json["contact"]
        contactName = contact?["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        contactEmail = contact?["email"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        contactPhone = contact?["phone"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let links = json["links"]
        self.links = Self.linkLabels.compactMap { name, label in
            links?[name]?.stringValue.map { MessageContent.Link(label: label, url: $0) }
        }
    }

    private static func missing(_ member: String) -> RenderError {
        .invalidData("an item has no valid \"\(member)\"")
    }

    /// Who, what and by when, in one line: `Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00`; `Overdue: ` in front
    /// when `overdue`. A follow-up, which has no `due_by`, says from when: `…, from Mon 9 Nov, 09:00`.
    func line(overdue: Bool, dates: MessageDate) -> String {
        var line = overdue ? "Overdue: " : ""
        line += whatAndWho
        if !employer.isEmpty { line += " at \(employer)" }
        if let dueBy {
            line += ", by \(dates.dayAndTime(dueBy))"
        } else {
            line += ", from \(dates.dayAndTime(dueFrom))"
        }
        return line
    }

    /// The agenda action as something to do, with the person's name when the item names one.
    var whatAndWho: String {
        switch AgendaAction(rawValue: action) {
        case .sendThankYou?: return contactName.map { "Thank \($0)" } ?? "Send a thank-you note"
        case .debriefRecruiter?: return contactName.map { "Debrief with \($0)" } ?? "Debrief with the recruiter"
        case .recordDirections?: return "Record what comes next"
        case .followUp?: return contactName.map { "Follow up with \($0)" } ?? "Follow up"
        case .touchBase?: return contactName.map { "Check in with \($0)" } ?? "Check in"
        case nil: return contactName.map { "\(action): \($0)" } ?? action
        }
    }

    /// How to reach the person, or nil when the item names nobody or nothing is known: `Ada Lovelace: ada@acme.example,
    /// +44 20 7946 0000`.
    var contactLine: String? {
        guard let contactName else { return nil }
        let ways = [contactEmail, contactPhone].compactMap { $0 }
        return ways.isEmpty ? nil : "\(contactName): \(ways.joined(separator: ", "))"
    }
}
