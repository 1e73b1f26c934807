/// A problem document (RFC 9457), with the field errors or guidance findings it carries.
struct ProblemBody: Decodable, Sendable, Equatable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var errors: [FieldError]?
    var violations: [FindingBody]?
    var warnings: [FindingBody]?

    struct FieldError: Decodable, Sendable, Equatable {
        var field: String
        var message: String
    }

    /// The fields the errors name, in order.
    var fields: [String] { (errors ?? []).map(\.field) }

    /// The rules the violations name, in order.
    var rules: [String] { (violations ?? []).map(\.rule) }
}
