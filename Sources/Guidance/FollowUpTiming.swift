import Time

/// When the next follow-up (or check-in) may go out, and which rule and event decided it.
struct FollowUpTiming: Sendable {
    /// The earliest allowed instant.
    let earliest: Instant
    /// The local date that instant starts.
    let day: LocalDate
    /// `wait-before-follow-up`, `follow-up-gap`, `follow-directions` or `recruiter-touch-base`.
    let rule: RuleID
    /// The event the wait is measured from (for directions, the directions event).
    let anchor: EventFact
    /// Whether the wait ended on a weekend and was moved to the Monday.
    let movedOffWeekend: Bool
}
