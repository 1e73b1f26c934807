/// A stored event on an application's timeline. Events are written once and never updated.
public struct EventRecord: StoredRecord, Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
    /// The application whose timeline holds the event; deleting it deletes the event.
    public var applicationId: Int64
    /// What the client recorded.
    public var fields: EventFields
    /// Milliseconds since the Unix epoch (UTC) at which it was recorded.
    public var createdAt: Int64

    /// A record of `fields` as stored under `id`.
    public init(id: Int64, applicationId: Int64, _ fields: EventFields, createdAt: Int64) {
        self.id = id
        self.applicationId = applicationId
        self.fields = fields
        self.createdAt = createdAt
    }

    /// Every contact the event refers to: its contact, interviewers and follow-up contact.
    public var contactIds: [Int64] {
        [fields.contactId, fields.followUpContactId].compactMap { $0 } + fields.interviewerIds
    }
}
