import Time

/// The verdict on a proposed event.
public struct CheckResult: Equatable, Encodable, Sendable {
    /// False exactly when there is at least one `block` violation.
    public var allowed: Bool
    /// For a follow-up: the earliest instant the timing rules allow one; nil when timing does not apply.
    public var earliestAllowedAt: Instant?
    /// Broken `block` rules, in catalog order.
    public var violations: [Finding]
    /// Strained `warn` rules, in catalog order.
    public var warnings: [Finding]
    /// What to do instead; set when the event is refused for reasons a recipient, a channel or a time can cure.
    public var suggestion: Suggestion?

    public init(
        allowed: Bool, earliestAllowedAt: Instant?, violations: [Finding], warnings: [Finding], suggestion: Suggestion?
    ) {
        self.allowed = allowed
        self.earliestAllowedAt = earliestAllowedAt
        self.violations = violations
        self.warnings = warnings
        self.suggestion = suggestion
    }

    private enum CodingKeys: String, CodingKey {
        case allowed
        case earliestAllowedAt = "earliest_allowed_at"
        case violations
        case warnings
        case suggestion
    }

    /// Absent values are written as `null`, as the contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(allowed, forKey: .allowed)
        try container.encode(earliestAllowedAt, forKey: .earliestAllowedAt)
        try container.encode(violations, forKey: .violations)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(suggestion, forKey: .suggestion)
    }
}
