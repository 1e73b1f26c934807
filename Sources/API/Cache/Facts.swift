import Guidance
import Store
import Time

/// Stored records turned into the facts the guidance reasons about.
enum Facts {
    /// A stored value the guidance does not know: the database holds something the API never wrote.
    struct CorruptRecord: Error, CustomStringConvertible {
        let description: String
    }

    static func event(_ e: EventRecord) throws -> EventFact {
        guard let kind = EventKind(rawValue: e.kind) else { throw CorruptRecord(description: "event \(e.id) kind") }
        return EventFact(id: Int(e.id), proposal(kind: kind, e.fields))
    }

    static func proposal(kind: EventKind, _ f: EventFields) -> Proposal {
        Proposal(
            kind: kind, occurredAt: Instant(millis: f.occurredAt), contactId: f.contactId.map(Int.init),
            channel: f.channel, note: f.note, interviewerIds: f.interviewerIds.map(Int.init),
            followUpAfter: f.followUpAfter.flatMap(LocalDate.init),
            followUpContactId: f.followUpContactId.map(Int.init),
            followUpChannel: f.followUpChannel, decisionExpectedBy: f.decisionExpectedBy.flatMap(LocalDate.init),
            otherApplicationId: f.otherApplicationId.map(Int.init))
    }

    static func contact(_ c: ContactRecord) -> ContactFact {
        ContactFact(id: Int(c.id), name: c.name, role: c.role.flatMap(ContactRole.init) ?? .other)
    }

    /// One application's facts; `statuses` holds the status of every application its events (or
    /// the proposal) name as another offer.
    static func application(_ timeline: ApplicationTimeline, statuses: [Int64: String]) throws -> ApplicationFacts {
        let a = timeline.application
        guard let route = Route(rawValue: a.route), let status = ApplicationStatus(rawValue: a.status) else {
            throw CorruptRecord(description: "application \(a.id) route or status")
        }
        var contacts: [Int: ContactFact] = [:]
        for (id, record) in timeline.contacts { contacts[Int(id)] = contact(record) }
        var others: [Int: ApplicationStatus] = [:]
        for (id, text) in statuses {
            if let status = ApplicationStatus(rawValue: text) { others[Int(id)] = status }
        }
        return ApplicationFacts(
            id: Int(a.id), employer: a.employer ?? "", position: a.position ?? "", route: route, status: status,
            recruiterId: a.recruiterId.map(Int.init), directContactPermitted: a.directContactPermitted,
            events: try timeline.events.map(event), contacts: contacts, otherApplicationStatuses: others)
    }

    /// The ids of other applications a timeline refers to (offer disclosures).
    static func otherApplicationIds(_ timeline: ApplicationTimeline) -> [Int64] {
        timeline.events.compactMap(\.fields.otherApplicationId)
    }
}
