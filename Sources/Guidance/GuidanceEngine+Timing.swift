/// The Time section of the guidance: when a follow-up or a check-in may go out.
extension GuidanceEngine {
    /// The earliest time the next `follow_up` may go out, or nil when nothing starts a wait (no resume sent, no
    /// follow-up, no dated directions).
    ///
    /// Directions with `follow_up_after` decide alone until a follow-up comes after them: their date's midnight,
    /// not moved off a weekend, earlier or later than the default waits. Otherwise the later of
    /// `wait-before-follow-up` (from the latest resume) and `follow-up-gap` (from the latest unanswered follow-up);
    /// when both end at the same instant the gap is named, as the more recent reason.
    func followUpTiming(_ timeline: Timeline, _ facts: ApplicationFacts) -> FollowUpTiming? {
        if let directions = timeline.latestDirections, let date = directions.followUpAfter,
            !timeline.followedUpSinceDirections
        {
            return FollowUpTiming(
                earliest: clock.startOfDay(date), day: date, rule: .followDirections, anchor: directions,
                movedOffWeekend: false)
        }
        var timing: FollowUpTiming?
        if let resume = timeline.latestResumeSent {
            let days = settings.clamped(GuidanceSettings.waitParameter(for: facts.route))
            timing = wait(from: resume, days: days, rule: .waitBeforeFollowUp)
        }
        if let followUp = timeline.latestUnansweredFollowUp {
            let gap = wait(from: followUp, days: settings.clamped(.followUpGapDays), rule: .followUpGap)
            if let current = timing, current.earliest > gap.earliest {
                return current
            }
            timing = gap
        }
        return timing
    }

    /// When the next check-in with the recruiter fits (`recruiter-touch-base`), measured from the latest
    /// `resume_sent`, `follow_up`, `touch_base` or `debrief` that reached the recruiter; nil when there was none.
    func touchBaseTiming(_ timeline: Timeline) -> FollowUpTiming? {
        guard let anchor = timeline.latestOutboundToRecruiter else {
            return nil
        }
        return wait(from: anchor, days: settings.clamped(.recruiterTouchBaseDays), rule: .recruiterTouchBase)
    }

    /// A wait of some days from an event, as `ZonedClock.waitEnd` reckons it with the `skip_weekends` setting.
    /// Callers pass `days` already read within its range (`GuidanceSettings.clamped`).
    func wait(from anchor: EventFact, days: Int, rule: RuleID) -> FollowUpTiming {
        let end = clock.waitEnd(after: anchor.occurredAt, days: days, skipWeekends: settings.skipWeekends)
        return FollowUpTiming(
            earliest: end.instant, day: end.day, rule: rule, anchor: anchor, movedOffWeekend: end.movedOffWeekend)
    }

    /// Whom the next follow-up should reach: the directions' contact, else the recruiter on recruiter routes, else
    /// the contact the latest resume went to.
    func followUpRecipient(_ timeline: Timeline, _ facts: ApplicationFacts) -> Int? {
        if let contact = timeline.latestDirections?.followUpContactId {
            return contact
        }
        if facts.route.isRecruiterRoute, let recruiterId = facts.recruiterId {
            return recruiterId
        }
        return timeline.latestResumeSent?.contactId
    }

    /// How the next follow-up should go: the directions' channel, else the one proposed when it is standard, else
    /// the channel the resume went by when standard, else email.
    func followUpChannel(_ timeline: Timeline, proposed: String?) -> String {
        if let channel = timeline.latestDirections?.followUpChannel {
            return channel
        }
        if let proposed, Channel.standard.contains(proposed) {
            return proposed
        }
        if let channel = timeline.latestResumeSent?.channel, Channel.standard.contains(channel) {
            return channel
        }
        return Channel.email
    }
}
