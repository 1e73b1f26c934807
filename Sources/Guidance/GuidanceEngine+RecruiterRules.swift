import Foundation

/// The warnings about keeping in touch with a recruiter: `recruiter-touch-base`, `resume-resend-needs-update`.
extension GuidanceEngine {
    func recruiterFindings(_ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline) -> [Finding] {
        var findings: [Finding] = []
        if proposal.kind == .touchBase, let recruiterId = facts.recruiterId, let timing = touchBaseTiming(timeline),
            proposal.occurredAt < timing.earliest
        {
            findings.append(
                Finding(
                    rule: .recruiterTouchBase,
                    message: "You last reached \(facts.label(ofContact: recruiterId)) on "
                        + "\(dayText(timing.anchor.occurredAt)); check in no more often than every "
                        + "\(settings.clamped(.recruiterTouchBaseDays)) days. The next check-in fits from "
                        + "\(DateText.day(timing.day))."))
        }
        if proposal.kind == .resumeSent, let finding = resend(proposal, facts, timeline) {
            findings.append(finding)
        }
        return findings
    }

    /// Repeat copies are judged per application: the facts hold one application's timeline. The recipient counts
    /// as a recruiter when it is the application's recruiter or a contact whose role is recruiter.
    private func resend(_ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline) -> Finding? {
        guard let recipient = facts.recipient(of: proposal.contactId),
            recipient == facts.recruiterId || facts.contacts[recipient]?.role == .recruiter,
            let earlier = timeline.latestResume(to: recipient)
        else {
            return nil
        }
        let note = proposal.note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard note.isEmpty else {
            return nil
        }
        return Finding(
            rule: .resumeResendNeedsUpdate,
            message: "\(facts.label(ofContact: recipient)) already has your resume (sent "
                + "\(dayText(earlier.occurredAt))); send another copy only when something changed, with a note "
                + "saying what.")
    }
}
