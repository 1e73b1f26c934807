/// An application with its whole timeline and the people it mentions: what the guidance needs to judge it.
public struct ApplicationTimeline: Sendable, Equatable {
    /// The application.
    public var application: ApplicationRecord
    /// Every event, oldest first (by `occurredAt`, then id), with interviewers and violations.
    public var events: [EventRecord]
    /// The contacts the application and its events refer to (recruiter, event contacts, interviewers, follow-up
    /// contacts), by id.
    public var contacts: [Int64: ContactRecord]

    /// Makes a timeline.
    public init(application: ApplicationRecord, events: [EventRecord], contacts: [Int64: ContactRecord]) {
        self.application = application
        self.events = events
        self.contacts = contacts
    }

    /// The ids of every contact the application and its events refer to, without repeats.
    public var referencedContactIds: Set<Int64> {
        // Plain loops: the agenda asks this of every application, and building arrays per event would allocate.
        var ids = Set<Int64>()
        if let recruiterId = application.recruiterId {
            ids.insert(recruiterId)
        }
        for event in events {
            if let contactId = event.contactId {
                ids.insert(contactId)
            }
            if let followUpContactId = event.followUpContactId {
                ids.insert(followUpContactId)
            }
            for interviewerId in event.interviewerIds {
                ids.insert(interviewerId)
            }
        }
        return ids
    }
}
