/// A stored event on an application's timeline. Events are written once and never updated.
public struct EventRecord: Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
    /// The application whose timeline holds the event; deleting it deletes the event.
    public var applicationId: Int64
    /// `resume_sent`, `follow_up`, `interview`…, as text.
    public var kind: String
    /// When it happened: milliseconds since the Unix epoch (UTC). The timeline is ordered by it, then by id.
    public var occurredAt: Int64
    public var contactId: Int64?
    public var channel: String?
    public var note: String?
    /// The interviewers of an `interview`, in the order given.
    public var interviewerIds: [Int64]
    /// A date `YYYY-MM-DD` from `directions`.
    public var followUpAfter: String?
    public var followUpContactId: Int64?
    public var followUpChannel: String?
    /// A date `YYYY-MM-DD` from `directions`.
    public var decisionExpectedBy: String?
    /// The application holding the offer an `offer_disclosure` mentions; becomes nil if that application is
    /// deleted (ON DELETE SET NULL), so deleting one application never fails because another one mentions it.
    public var otherApplicationId: Int64?
    /// Whether the client stored the event despite blocking violations.
    public var forced: Bool
    /// What a forced event broke, in the order the guidance reported it; empty otherwise.
    public var violations: [StoredViolation]
    /// Milliseconds since the Unix epoch (UTC) at which it was recorded.
    public var createdAt: Int64

    /// Makes a record from every column.
    public init(
        id: Int64, applicationId: Int64, kind: String, occurredAt: Int64, contactId: Int64? = nil,
        channel: String? = nil, note: String? = nil, interviewerIds: [Int64] = [], followUpAfter: String? = nil,
        followUpContactId: Int64? = nil, followUpChannel: String? = nil, decisionExpectedBy: String? = nil,
        otherApplicationId: Int64? = nil, forced: Bool = false, violations: [StoredViolation] = [], createdAt: Int64
    ) {
        self.id = id
        self.applicationId = applicationId
        self.kind = kind
        self.occurredAt = occurredAt
        self.contactId = contactId
        self.channel = channel
        self.note = note
        self.interviewerIds = interviewerIds
        self.followUpAfter = followUpAfter
        self.followUpContactId = followUpContactId
        self.followUpChannel = followUpChannel
        self.decisionExpectedBy = decisionExpectedBy
        self.otherApplicationId = otherApplicationId
        self.forced = forced
        self.violations = violations
        self.createdAt = createdAt
    }

    /// A record of `fields` as stored under `id`.
    public init(id: Int64, applicationId: Int64, _ fields: EventFields, createdAt: Int64) {
        self.init(
            id: id, applicationId: applicationId, kind: fields.kind, occurredAt: fields.occurredAt,
            contactId: fields.contactId, channel: fields.channel, note: fields.note,
            interviewerIds: fields.interviewerIds, followUpAfter: fields.followUpAfter,
            followUpContactId: fields.followUpContactId, followUpChannel: fields.followUpChannel,
            decisionExpectedBy: fields.decisionExpectedBy, otherApplicationId: fields.otherApplicationId,
            forced: fields.forced, violations: fields.violations, createdAt: createdAt)
    }

    /// The fields this event was recorded with.
    public var fields: EventFields {
        EventFields(
            kind: kind, occurredAt: occurredAt, contactId: contactId, channel: channel, note: note,
            interviewerIds: interviewerIds, followUpAfter: followUpAfter, followUpContactId: followUpContactId,
            followUpChannel: followUpChannel, decisionExpectedBy: decisionExpectedBy,
            otherApplicationId: otherApplicationId, forced: forced, violations: violations)
    }

    /// Every contact the event refers to: its contact, interviewers and follow-up contact.
    public var contactIds: [Int64] {
        [contactId, followUpContactId].compactMap { $0 } + interviewerIds
    }
}
