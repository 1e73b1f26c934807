import Store

/// What the sender does after an attempt: the outcome it records, and whether the channel is to be disabled.
public struct RetryDecision: Sendable, Equatable {
    /// Recorded with `recordDeliveryAttempt`.
    public var outcome: DeliveryOutcome
    /// Why the channel is to be disabled (a `410 Gone`), or nil.
    public var disableReason: String?

    public init(_ outcome: DeliveryOutcome, disableReason: String? = nil) {
        self.outcome = outcome
        self.disableReason = disableReason
    }
}
