/// What a guidance rule found: a violation or a warning.
struct FindingBody: Decodable, Sendable, Equatable {
    var rule: String
    var severity: String
    var message: String
}
