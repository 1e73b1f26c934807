/// `POST /v1/channels/{id}/test`.
struct TestOutcomeBody: Decodable, Sendable, Equatable {
    var delivered: Bool
    @Nullable var status: Int?
    @Nullable var error: String?
    var durationMs: Int
}
