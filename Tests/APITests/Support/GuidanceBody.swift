/// `GET /v1/guidance`: every rule with its parameters' current values.
struct GuidanceBody: Decodable, Sendable, Equatable {
    var rules: [Rule]

    struct Rule: Decodable, Sendable, Equatable {
        var id: String
        var severity: String
        var summary: String
        var parameters: [String: Int]
    }
}
