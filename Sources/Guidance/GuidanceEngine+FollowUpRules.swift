/// The rules on follow-ups: `wait-before-follow-up`, `follow-up-gap`, `follow-up-limit`, `follow-directions`,
/// `on-file-rest`.
extension GuidanceEngine {
    func followUpFindings(
        _ proposal: Proposal, _ facts: ApplicationFacts, _ timeline: Timeline, _ timing: FollowUpTiming?
    ) -> [Finding] {
        var findings: [Finding] = []
        if let timing, proposal.occurredAt < timing.earliest {
            findings.append(tooSoon(timing, facts))
        }
        let limit = settings.clamped(.maxUnansweredFollowUps)
        if timeline.unansweredFollowUps >= limit {
            let latest = timeline.latestUnansweredFollowUp.map { ", the latest on \(dayText($0.occurredAt))" } ?? ""
            findings.append(
                Finding(
                    rule: .followUpLimit,
                    message: "\(timeline.unansweredFollowUps) follow-ups in a row have gone unanswered\(latest); "
                        + "the limit is \(limit), and another would be pestering. Wait for "
                        + "\(facts.employerName) to answer."))
        }
        if let directions = timeline.latestDirections {
            findings += directionsFindings(proposal, facts, directions)
        }
        if facts.status == .onFile {
            findings.append(
                Finding(
                    rule: .onFileRest,
                    message: "You asked \(facts.employerName) to keep your resume on file, so further follow-ups "
                        + "on this application are discouraged. If a new opening appears, start a new application "
                        + "for it."))
        }
        return findings
    }

    private func tooSoon(_ timing: FollowUpTiming, _ facts: ApplicationFacts) -> Finding {
        let from = DateText.day(timing.day)
        let weekend = timing.movedOffWeekend ? " (the wait ends on a weekend, so it runs to the Monday)" : ""
        let anchorDay = dayText(timing.anchor.occurredAt)
        switch timing.rule {
        case .followDirections:
            let asked = timing.anchor.followUpAfter.map(DateText.day) ?? from
            return Finding(
                rule: .followDirections,
                message: "Too soon: the directions recorded on \(anchorDay) said to follow up from \(asked). "
                    + "Wait until then.")
        case .followUpGap:
            return Finding(
                rule: .followUpGap,
                message: "Too soon: the follow-up of \(anchorDay) has had no answer yet, and unanswered follow-ups "
                    + "need \(settings.clamped(.followUpGapDays)) days between them. The next one is fine from "
                    + "\(from)\(weekend).")
        default:
            let days = settings.clamped(GuidanceSettings.waitParameter(for: facts.route))
            return Finding(
                rule: .waitBeforeFollowUp,
                message: "Too soon: the resume went out on \(anchorDay), and \(waitReason(facts.route)) the first "
                    + "follow-up waits \(days) days. It is fine from \(from)\(weekend).")
        }
    }

    private func waitReason(_ route: Route) -> String {
        switch route {
        case .postedOpening: return "after an application to a posted opening"
        case .unsolicited: return "after an unsolicited resume"
        case .recruiterSubmitted, .recruiterGeneral: return "when a resume goes to or through a recruiter"
        }
    }

    /// The recipient and channel the directions named bind every follow-up until newer directions. A proposal that
    /// leaves its contact or channel unstated is taken to use the ones the directions named.
    private func directionsFindings(
        _ proposal: Proposal, _ facts: ApplicationFacts, _ directions: EventFact
    ) -> [Finding] {
        var findings: [Finding] = []
        let recorded = dayText(directions.occurredAt)
        if let wanted = directions.followUpContactId, let contact = proposal.contactId, contact != wanted {
            findings.append(
                Finding(
                    rule: .followDirections,
                    message: "The directions recorded on \(recorded) said to follow up with "
                        + "\(facts.label(ofContact: wanted)); follow up with \(facts.name(ofContact: wanted)) "
                        + "rather than \(facts.label(ofContact: contact))."))
        }
        if let wanted = directions.followUpChannel, let channel = proposal.channel, channel != wanted {
            findings.append(
                Finding(
                    rule: .followDirections,
                    message: "The directions recorded on \(recorded) asked for follow-up by \(wanted); use "
                        + "\(wanted), not \(channel)."))
        }
        return findings
    }
}
