/// What a client records on a new event: everything but the ids and the creation time.
public struct EventFields: Sendable, Equatable {
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
