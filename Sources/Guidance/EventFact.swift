import Time

/// A recorded event on an application's timeline, as the rules see it.
public struct EventFact: Equatable, Sendable {
    public var id: Int
    public var kind: EventKind
    public var occurredAt: Instant
    public var contactId: Int?
    public var channel: String?
    public var note: String?
    public var interviewerIds: [Int]
    public var followUpAfter: LocalDate?
    public var followUpContactId: Int?
    public var followUpChannel: String?
    public var decisionExpectedBy: LocalDate?
    public var otherApplicationId: Int?

    /// A stored event: the proposal it was, with the id it received.
    public init(id: Int, _ proposal: Proposal) {
        self.id = id
        kind = proposal.kind
        occurredAt = proposal.occurredAt
        contactId = proposal.contactId
        channel = proposal.channel
        note = proposal.note
        interviewerIds = proposal.interviewerIds
        followUpAfter = proposal.followUpAfter
        followUpContactId = proposal.followUpContactId
        followUpChannel = proposal.followUpChannel
        decisionExpectedBy = proposal.decisionExpectedBy
        otherApplicationId = proposal.otherApplicationId
    }

    public init(
        id: Int, kind: EventKind, occurredAt: Instant, contactId: Int? = nil, channel: String? = nil,
        note: String? = nil, interviewerIds: [Int] = [], followUpAfter: LocalDate? = nil,
        followUpContactId: Int? = nil, followUpChannel: String? = nil, decisionExpectedBy: LocalDate? = nil,
        otherApplicationId: Int? = nil
    ) {
        self.init(
            id: id,
            Proposal(
                kind: kind, occurredAt: occurredAt, contactId: contactId, channel: channel, note: note,
                interviewerIds: interviewerIds, followUpAfter: followUpAfter, followUpContactId: followUpContactId,
                followUpChannel: followUpChannel, decisionExpectedBy: decisionExpectedBy,
                otherApplicationId: otherApplicationId))
    }

    /// The event without its id.
    public var proposal: Proposal {
        Proposal(
            kind: kind, occurredAt: occurredAt, contactId: contactId, channel: channel, note: note,
            interviewerIds: interviewerIds, followUpAfter: followUpAfter, followUpContactId: followUpContactId,
            followUpChannel: followUpChannel, decisionExpectedBy: decisionExpectedBy,
            otherApplicationId: otherApplicationId)
    }
}
