/// One rule a forced event broke, kept with the event so the timeline shows it.
public struct StoredViolation: Sendable, Equatable {
    /// The rule id, e.g. `follow-up-gap`.
    public var rule: String
    /// The rule's severity, e.g. `block`.
    public var severity: String
    /// The explanation given when the event was recorded.
    public var message: String

    /// Makes a violation.
    public init(rule: String, severity: String, message: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
    }
}
