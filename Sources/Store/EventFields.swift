/// What a client records on a new event: everything but the ids and the creation time.
public struct EventFields: Sendable, Equatable {
    public var kind: String
    /// Milliseconds since the Unix epoch (UTC).
    public var occurredAt: Int64
    public var contactId: Int64?
    public var channel: String?
    public var note: String?
    public var interviewerIds: [Int64]
    /// `YYYY-MM-DD`.
    public var followUpAfter: String?
    public var followUpContactId: Int64?
    public var followUpChannel: String?
    /// `YYYY-MM-DD`.
    public var decisionExpectedBy: String?
    public var otherApplicationId: Int64?
    public var forced: Bool
    public var violations: [StoredViolation]

    /// Makes the fields; only the kind and the time are required.
    public init(
        kind: String, occurredAt: Int64, contactId: Int64? = nil, channel: String? = nil, note: String? = nil,
        interviewerIds: [Int64] = [], followUpAfter: String? = nil, followUpContactId: Int64? = nil,
        followUpChannel: String? = nil, decisionExpectedBy: String? = nil, otherApplicationId: Int64? = nil,
        forced: Bool = false, violations: [StoredViolation] = []
    ) {
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
    }
}
