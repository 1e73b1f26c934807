/// A rule as `GET /v1/guidance` describes it, without parameter values.
public struct RuleDescription: Equatable, Sendable {
    public let id: RuleID
    public let severity: Severity
    /// What the rule asks and why, in a sentence or two.
    public let summary: String
    /// The settings the rule reads.
    public let parameters: [GuidanceParameter]

    init(_ id: RuleID, _ summary: String) {
        self.id = id
        self.severity = id.severity
        self.summary = summary
        self.parameters = id.parameters
    }
}
