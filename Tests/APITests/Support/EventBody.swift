/// An event of a timeline; `warnings` only in the answer to its creation.
struct EventBody: Decodable, Sendable, Equatable {
    var id: Int
    var applicationId: Int
    var kind: String
    var occurredAt: String
    @Nullable var contactId: Int?
    @Nullable var channel: String?
    @Nullable var note: String?
    var interviewerIds: [Int]
    @Nullable var followUpAfter: String?
    @Nullable var followUpContactId: Int?
    @Nullable var followUpChannel: String?
    @Nullable var decisionExpectedBy: String?
    @Nullable var otherApplicationId: Int?
    var forced: Bool
    var violations: [FindingBody]
    var createdAt: String
    var warnings: [FindingBody]?
}
