/// The rules on offers and good words: `real-offers-only`, `disclose-via-route`, `no-pressure-tactics`,
/// `referral-before-decision`.
extension GuidanceEngine {
    func offerFindings(_ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline) -> [Finding] {
        var findings: [Finding] = []
        if proposal.kind == .offerDisclosure {
            if let finding = realOffer(proposal, facts) {
                findings.append(finding)
            }
            if facts.route.isRecruiterRoute && !facts.reachesRecruiter(proposal.contactId) {
                let recruiter = facts.recruiterId.map { facts.label(ofContact: $0) } ?? "the recruiter"
                findings.append(
                    Finding(
                        rule: .discloseViaRoute,
                        message: "Tell \(recruiter) about the other offer and let the recruiter pass it on: "
                            + "\(facts.employerName) was reached through the recruiter, so news of other offers "
                            + "should travel the same way."))
            }
            if let earlier = timeline.latestOfferDisclosure {
                findings.append(
                    Finding(
                        rule: .noPressureTactics,
                        message: "\(facts.employerName) already heard about another offer on "
                            + "\(dayText(earlier.occurredAt)). Saying it again reads as a ploy to hurry them, and "
                            + "they may answer by letting you take the other offer."))
            }
        }
        if proposal.kind == .referralEndorsement && facts.status.isDecided {
            findings.append(
                Finding(
                    rule: .referralBeforeDecision,
                    message: "The decision on this application is already made (status \(facts.status.rawValue)); "
                        + "a good word from someone who knows \(facts.employerName) belongs before the decision."))
        }
        return findings
    }

    private func realOffer(_ proposal: Proposal, _ facts: ApplicationFacts) -> Finding? {
        guard let other = proposal.otherApplicationId else {
            return Finding(
                rule: .realOffersOnly,
                message: "An offer disclosure must name the application that holds the offer "
                    + "(other_application_id).")
        }
        if other == facts.id {
            return Finding(
                rule: .realOffersOnly,
                message: "An application cannot be told about its own offer; name the other application that made "
                    + "one.")
        }
        guard let status = facts.otherApplicationStatuses[other] else {
            return Finding(
                rule: .realOffersOnly,
                message: "Application \(other) is not known to hold an offer; mention only offers you actually "
                    + "have.")
        }
        if status.holdsOffer {
            return nil
        }
        return Finding(
            rule: .realOffersOnly,
            message: "Application \(other) has status \(status.rawValue), not an offer; mention only offers you "
                + "actually have.")
    }
}
