import Time

/// `POST /v1/applications/{id}/check`: the verdict on a proposed event.
extension GuidanceEngine {
    /// Judges a proposed event against every rule, as of the proposal's `occurredAt`.
    ///
    /// The timeline counts only events at or before that instant; status-based rules read the application's
    /// current status, which a pass, an offer or a keep-on-file request set and the seeker may correct.
    /// Only `follow_up` events are timed: thank-you notes and debriefs are due at once, a check-in has its own
    /// warning (`recruiter-touch-base`), and the other outbound kinds answer events rather than chase them.
    public func check(_ proposal: Proposal, in facts: ApplicationFacts) -> CheckResult {
        let timeline = Timeline(facts, through: proposal.occurredAt, forCheck: true)
        var findings: [Finding] = []
        var earliest: Instant?
        if proposal.kind == .followUp {
            let timing = followUpTiming(timeline, facts)
            earliest = timing?.earliest
            findings += followUpFindings(proposal, facts, timeline, timing)
        }
        findings += contactFindings(proposal, facts, timeline)
        findings += offerFindings(proposal, facts, timeline)
        findings += recruiterFindings(proposal, facts, timeline)

        let ordered = findings.enumerated().sorted { lhs, rhs in
            (lhs.element.rule.ordinal, lhs.offset) < (rhs.element.rule.ordinal, rhs.offset)
        }.map(\.element)
        let violations = ordered.filter { $0.severity == .block }
        let warnings = ordered.filter { $0.severity == .warn }
        let allowed = violations.isEmpty
        return CheckResult(
            allowed: allowed, earliestAllowedAt: earliest, violations: violations, warnings: warnings,
            suggestion: allowed ? nil : suggestion(proposal, facts, timeline, violations, earliest))
    }

    /// Rules no other recipient, channel or time would satisfy; a refusal under one of them carries no suggestion,
    /// since any suggestion would itself be bad advice.
    private static let incurable: Set<RuleID> = [
        .followUpLimit, .noPersuasionAfterPass, .realOffersOnly, .referralBeforeDecision,
    ]

    /// The way to do what the proposal meant to do within the rules: the right recipient and channel at the
    /// earliest allowed time (the proposal's own time when its timing was fine). Nil when nothing would do.
    private func suggestion(
        _ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline, _ violations: [Finding],
        _ earliest: Instant?
    ) -> Suggestion? {
        let broken = Set(violations.map(\.rule))
        if !broken.isDisjoint(with: Self.incurable) {
            return nil
        }
        if broken.contains(.noContactAfterPass) && facts.recruiterId == nil {
            return nil
        }
        var contact = proposal.contactId
        var channel = proposal.channel.flatMap { Channel.isAllowed($0, for: proposal.kind) ? $0 : nil }
        let directionsContact = proposal.kind == .followUp ? timeline.latestDirections?.followUpContactId : nil
        if proposal.kind == .followUp {
            contact = directionsContact ?? proposal.contactId ?? followUpRecipient(timeline, facts)
            channel = followUpChannel(timeline, proposed: channel)
        }
        if broken.contains(.throughTheRecruiter) {
            contact = directionsContact ?? facts.recruiterId
        }
        if broken.contains(.discloseViaRoute) || broken.contains(.noContactAfterPass) {
            contact = facts.recruiterId
        }
        var at = proposal.occurredAt
        if let earliest, earliest > at {
            at = earliest
        }
        return Suggestion(contactId: contact, channel: channel ?? Channel.email, at: at)
    }
}
