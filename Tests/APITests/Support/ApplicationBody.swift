/// An application as the service represents it, with what the guidance makes of it.
struct ApplicationBody: Decodable, Sendable, Equatable {
    var id: Int
    @Nullable var employer: String?
    @Nullable var position: String?
    var route: String
    @Nullable var recruiterId: Int?
    var directContactPermitted: Bool
    var status: String
    @Nullable var notes: String?
    var createdAt: String
    var updatedAt: String
    @Nullable var nextAction: AgendaItemBody?
    var unansweredFollowUps: Int
}
