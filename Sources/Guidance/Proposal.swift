import Time

/// An event the seeker means to record, before it has an id: what a check is asked about.
public struct Proposal: Equatable, Sendable {
    public var kind: EventKind
    /// When the event takes (or took) place; every rule is judged as of this instant.
    public var occurredAt: Instant
    /// The person contacted; nil means the usual recipient (the recruiter on recruiter routes).
    public var contactId: Int?
    /// A lowercase channel token such as `email`; nil when not stated.
    public var channel: String?
    public var note: String?
    /// For an interview: the people who interviewed the seeker.
    public var interviewerIds: [Int]
    /// For directions: the date from which to follow up.
    public var followUpAfter: LocalDate?
    /// For directions: whom to follow up with.
    public var followUpContactId: Int?
    /// For directions: how to follow up (`letter`, `email` or `phone`).
    public var followUpChannel: String?
    /// For directions: when they expect to decide.
    public var decisionExpectedBy: LocalDate?
    /// For an offer disclosure: the application that holds the offer.
    public var otherApplicationId: Int?

    public init(
        kind: EventKind, occurredAt: Instant, contactId: Int? = nil, channel: String? = nil, note: String? = nil,
        interviewerIds: [Int] = [], followUpAfter: LocalDate? = nil, followUpContactId: Int? = nil,
        followUpChannel: String? = nil, decisionExpectedBy: LocalDate? = nil, otherApplicationId: Int? = nil
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
    }
}
