/// `POST /v1/applications/{id}/check`: what the guidance says of a proposed event.
struct CheckBody: Decodable, Sendable, Equatable {
    var allowed: Bool
    @Nullable var earliestAllowedAt: String?
    var violations: [FindingBody]
    var warnings: [FindingBody]
    @Nullable var suggestion: Suggestion?

    /// Whom to contact instead, how, and when.
    struct Suggestion: Decodable, Sendable, Equatable {
        @Nullable var contactId: Int?
        @Nullable var channel: String?
        var at: String
    }
}
