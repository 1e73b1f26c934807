import Time

/// Turns one application's due actions into agenda items, skipping those beyond the horizon. Messages are kept as
/// facts (`AgendaMessage`) and worded only when read.
struct AgendaBuilder {
    let engine: GuidanceEngine
    let facts: ApplicationFacts
    let asOf: Instant
    let limit: Instant?
    let subject: AgendaSubject

    init(engine: GuidanceEngine, facts: ApplicationFacts, asOf: Instant, limit: Instant?) {
        self.engine = engine
        self.facts = facts
        self.asOf = asOf
        self.limit = limit
        subject = AgendaSubject(applicationId: facts.id, employer: facts.employer, position: facts.position)
    }

    private func listed(_ dueFrom: Instant) -> Bool {
        guard let limit else {
            return true
        }
        return dueFrom <= limit
    }

    /// The instant some hours after `start`, and the deadline as messages show it.
    private func deadline(after start: Instant, hours parameter: GuidanceParameter) -> (Instant, AgendaDeadline) {
        let dueBy = start.adding(seconds: Int64(engine.settings.clamped(parameter)) * 3600)
        let local = engine.clock.localDateAndMinute(of: dueBy)
        return (dueBy, AgendaDeadline(date: local.date, minute: local.minute, overdue: asOf > dueBy))
    }

    private func item(
        _ action: AgendaAction, rule: RuleID, contact: Int?, channel: String?, dueFrom: Instant, dueBy: Instant?,
        source: EventFact, message: AgendaMessage
    ) -> AgendaItem {
        AgendaItem(
            applicationId: facts.id, action: action, rule: rule, contactId: contact, channel: channel,
            dueFrom: dueFrom, dueBy: dueBy, overdue: dueBy.map { asOf > $0 } ?? false, detail: message,
            sourceEventId: source.id)
    }

    /// `thank-you-promptly`: due at the interview, overdue after `thank_you_due_hours`.
    func thankYou(_ interviewer: Int, for interview: EventFact) -> AgendaItem? {
        guard listed(interview.occurredAt) else {
            return nil
        }
        let (dueBy, deadline) = deadline(after: interview.occurredAt, hours: .thankYouDueHours)
        let message = AgendaMessage.thankYou(
            Addressee(interviewer, in: facts), interview: engine.localDate(of: interview.occurredAt), subject,
            deadline)
        return item(
            .sendThankYou, rule: .thankYouPromptly, contact: interviewer, channel: Channel.email,
            dueFrom: interview.occurredAt, dueBy: dueBy, source: interview, message: message)
    }

    /// `debrief-recruiter`: due at the interview, overdue after `debrief_due_hours`.
    func debrief(_ recruiter: Int, for interview: EventFact) -> AgendaItem? {
        guard listed(interview.occurredAt) else {
            return nil
        }
        let (dueBy, deadline) = deadline(after: interview.occurredAt, hours: .debriefDueHours)
        let message = AgendaMessage.debrief(
            Addressee(recruiter, in: facts), interview: engine.localDate(of: interview.occurredAt), subject, deadline)
        return item(
            .debriefRecruiter, rule: .debriefRecruiter, contact: recruiter, channel: Channel.phone,
            dueFrom: interview.occurredAt, dueBy: dueBy, source: interview, message: message)
    }

    /// `record-directions`: due at the interview, overdue after `directions_due_hours`.
    func recordDirections(for interview: EventFact) -> AgendaItem? {
        guard listed(interview.occurredAt) else {
            return nil
        }
        let (dueBy, deadline) = deadline(after: interview.occurredAt, hours: .directionsDueHours)
        let message = AgendaMessage.recordDirections(
            interview: engine.localDate(of: interview.occurredAt), subject, deadline)
        return item(
            .recordDirections, rule: .recordDirections, contact: nil, channel: nil, dueFrom: interview.occurredAt,
            dueBy: dueBy, source: interview, message: message)
    }

    /// A follow-up, from the time the governing rule sets; never overdue.
    func followUp(_ timing: FollowUpTiming, contact: Int?, channel: String) -> AgendaItem? {
        guard listed(timing.earliest) else {
            return nil
        }
        let message = AgendaMessage.followUp(
            rule: timing.rule, Addressee(contact, in: facts), channel: channel, subject,
            anchor: engine.localDate(of: timing.anchor.occurredAt), from: timing.day)
        return item(
            .followUp, rule: timing.rule, contact: contact, channel: channel, dueFrom: timing.earliest, dueBy: nil,
            source: timing.anchor, message: message)
    }

    /// `recruiter-touch-base`: a check-in once the interval since the last contact has passed; never overdue.
    func touchBase(_ timing: FollowUpTiming, recruiter: Int) -> AgendaItem? {
        guard listed(timing.earliest) else {
            return nil
        }
        let message = AgendaMessage.touchBase(
            Addressee(recruiter, in: facts), last: engine.localDate(of: timing.anchor.occurredAt), from: timing.day)
        return item(
            .touchBase, rule: .recruiterTouchBase, contact: recruiter, channel: Channel.phone,
            dueFrom: timing.earliest, dueBy: nil, source: timing.anchor, message: message)
    }
}
