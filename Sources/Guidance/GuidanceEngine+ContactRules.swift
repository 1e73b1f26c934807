/// The rules on whom and how the seeker may contact: `through-the-recruiter`, `no-contact-after-pass`,
/// `no-persuasion-after-pass`, `standard-channels`.
extension GuidanceEngine {
    func contactFindings(_ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline) -> [Finding] {
        var findings: [Finding] = []
        if let finding = throughTheRecruiter(proposal, facts, timeline) {
            findings.append(finding)
        }
        if let finding = noContactAfterPass(proposal, facts, timeline) {
            findings.append(finding)
        }
        if proposal.kind == .referralEndorsement && facts.status == .passed {
            findings.append(
                Finding(
                    rule: .noPersuasionAfterPass,
                    message: "\(facts.employerName) has passed; a good word now would be an attempt to reverse a "
                        + "decision already taken. Accept it with grace and let the goodwill serve the next "
                        + "application."))
        }
        if let channel = proposal.channel, !Channel.isAllowed(channel, for: proposal.kind) {
            let message =
                proposal.kind == .interview
                ? "\"\(channel)\" is not a way to hold an interview; record it as in_person, video, phone, email "
                    + "or letter."
                : "\"\(channel)\" is not one of the business channels; reach people by letter, email or phone. "
                    + "Gifts and other gimmicks make a candidate look desperate rather than keen."
            findings.append(Finding(rule: .standardChannels, message: message))
        }
        return findings
    }

    /// Only `recruiter_submitted` applications: there a recruiter put the seeker forward, while on
    /// `recruiter_general` no employer has been approached. An event without a contact goes to the recruiter.
    private func throughTheRecruiter(
        _ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline
    ) -> Finding? {
        guard facts.route == .recruiterSubmitted, proposal.kind.direction == .outbound,
            !facts.directContactPermitted, let recruiterId = facts.recruiterId, let contact = proposal.contactId,
            contact != recruiterId
        else {
            return nil
        }
        if timeline.latestDirections?.followUpContactId == contact {
            return nil
        }
        if proposal.kind == .thankYou && timeline.interviewed(contact) {
            return nil
        }
        let recruiter = facts.name(ofContact: recruiterId)
        return Finding(
            rule: .throughTheRecruiter,
            message: "Go through \(facts.label(ofContact: recruiterId)), not \(facts.label(ofContact: contact)): "
                + "\(recruiter) put you forward to \(facts.employerName), and the employer expects to hear from you "
                + "through \(recruiter) unless told otherwise.")
    }

    /// After a pass, only a thank-you note to someone who interviewed the seeker, or contact with the recruiter,
    /// is still in good form.
    private func noContactAfterPass(
        _ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline
    ) -> Finding? {
        guard facts.status == .passed, proposal.kind.direction == .outbound,
            !facts.reachesRecruiter(proposal.contactId)
        else {
            return nil
        }
        if proposal.kind == .thankYou, let contact = proposal.contactId, timeline.interviewed(contact) {
            return nil
        }
        var message =
            "\(facts.employerName) has passed. Contacting \(facts.recipientLabel(of: proposal.contactId)) now "
            + "would look like an attempt to get around the decision; the one contact still in good form is a "
            + "thank-you note to someone who interviewed you"
        if let recruiterId = facts.recruiterId {
            message += ", and \(facts.label(ofContact: recruiterId)) is still there to talk it over"
        }
        return Finding(rule: .noContactAfterPass, message: message + ".")
    }
}
