/// One rule an event breaks (a violation) or strains (a warning), explained for a person.
public struct Finding: Equatable, Codable, Sendable {
    public var rule: RuleID
    public var severity: Severity
    public var message: String

    /// A finding carries its rule's severity.
    public init(rule: RuleID, message: String) {
        self.rule = rule
        self.severity = rule.severity
        self.message = message
    }
}
