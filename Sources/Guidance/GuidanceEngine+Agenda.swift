import Time

/// `GET /v1/agenda`: what is due, soonest first.
extension GuidanceEngine {
    /// Every item due across the applications as of `asOf`: listed when its `due_from` is at most `asOf` plus
    /// `horizonDays` whole days of 24 hours (a negative horizon counts as 0), which includes everything already
    /// due; ordered by `due_from`, application id, then action name.
    ///
    /// Linear in the number of events: one pass per application, no formatter objects.
    public func agenda(for applications: [ApplicationFacts], asOf: Instant, horizonDays: Int) -> [AgendaItem] {
        agenda(for: applications[...], asOf: asOf, horizonDays: horizonDays)
    }

    /// The agenda of a slice of the applications, for callers that split them over threads.
    public func agenda(for applications: ArraySlice<ApplicationFacts>, asOf: Instant, horizonDays: Int) -> [AgendaItem]
    {
        let (items, order) = agendaItems(for: applications, asOf: asOf, horizonDays: horizonDays)
        return order.map { items[$0] }
    }

    /// The agenda's items as they were found, and the positions that put them in agenda order: for callers
    /// that use the items where they lie rather than move them.
    public func agendaItems(for applications: ArraySlice<ApplicationFacts>, asOf: Instant, horizonDays: Int)
        -> (items: [AgendaItem], order: [Int])
    {
        let (engine, limit) = prepared(for: applications, asOf: asOf, horizonDays: horizonDays)
        var items: [AgendaItem] = []
        items.reserveCapacity(applications.count)
        for index in applications.indices {
            engine.appendItems(of: applications[index], asOf: asOf, dueNoLaterThan: limit, to: &items)
        }
        // Sort small keys rather than the items themselves: moving items means retaining and releasing their
        // strings, which dominated the agenda's cost.
        var keys = items.indices.map { (key: items[$0].orderKey, index: $0) }
        keys.sort { ($0.key, $0.index) < ($1.key, $1.index) }
        return (items, keys.map(\.index))
    }

    /// Each application's items in agenda order, handed to `body` with the application's index in `applications`
    /// (an application with none is skipped): the items of `agendaItems(for:asOf:horizonDays:)`, for callers that
    /// keep them by application and would otherwise take the agenda of all apart again.
    public func forEachAgenda(
        of applications: ArraySlice<ApplicationFacts>, asOf: Instant, horizonDays: Int,
        _ body: (_ index: Int, _ items: [AgendaItem]) -> Void
    ) {
        let (engine, limit) = prepared(for: applications, asOf: asOf, horizonDays: horizonDays)
        var items: [AgendaItem] = []
        for index in applications.indices {
            items.removeAll(keepingCapacity: true)
            engine.appendItems(of: applications[index], asOf: asOf, dueNoLaterThan: limit, to: &items)
            if items.isEmpty { continue }
            // Found in the order the rules run; put in agenda order as `agendaItems` does, ties by that order.
            if items.indices.dropFirst().contains(where: { items[$0].orderKey < items[$0 - 1].orderKey }) {
                var keys = items.indices.map { (key: items[$0].orderKey, index: $0) }
                keys.sort { ($0.key, $0.index) < ($1.key, $1.index) }
                items = keys.map { items[$0.index] }
            }
            body(index, items)
        }
    }

    /// The engine to judge `applications` with, its zone's offsets worked out once over the instants they need, and
    /// the latest `due_from` listed.
    private func prepared(for applications: ArraySlice<ApplicationFacts>, asOf: Instant, horizonDays: Int)
        -> (engine: GuidanceEngine, limit: Instant)
    {
        let limit = asOf.adding(days: Swift.min(Swift.max(horizonDays, 0), 36_500))
        // Every instant converted lies between the earliest event (less the day either side a midnight is sought)
        // and a year's wait past the horizon; decades-old events fall back to asking the zone.
        var earliestEvent = asOf
        for index in applications.indices {
            if let first = applications[index].events.first?.occurredAt, first < earliestEvent { earliestEvent = first }
        }
        let start = max(earliestEvent, asOf.adding(days: -30 * 366)).adding(days: -3)
        return (withOffsets(from: start, to: limit.adding(days: 400)), limit)
    }

    /// The soonest item of one application as of `asOf`, however far ahead it lies (`next_action`).
    public func nextAction(for facts: ApplicationFacts, asOf: Instant) -> AgendaItem? {
        var items: [AgendaItem] = []
        appendItems(of: facts, asOf: asOf, dueNoLaterThan: nil, to: &items)
        return items.min(by: AgendaItem.precedes)
    }

    /// The instants over which `nextAction(for:asOf:)` and `unansweredFollowUps(in:asOf:)` answer as they do at
    /// `asOf`, given `next`, the action found there; for callers that keep an answer rather than judge again.
    ///
    /// From the latest event on, the timeline is whole and the items and their times no longer move with the
    /// instant asked about; only whether the action is overdue does, right after its `dueBy`. Nil when `asOf`
    /// comes before the latest event, where a later instant may see more of the timeline.
    public func nextActionSpan(for facts: ApplicationFacts, asOf: Instant, next: AgendaItem?) -> ClosedRange<Instant>? {
        let latest = facts.events.last?.occurredAt ?? Self.beforeEverything
        guard asOf >= latest else { return nil }
        guard let dueBy = next?.dueBy else { return latest...Self.afterEverything }
        if asOf <= dueBy { return latest...dueBy }
        // The first instant after `dueBy`: instants are whole milliseconds.
        let overdueFrom = dueBy.adding(milliseconds: 1)
        return Swift.max(latest, overdueFrom)...Self.afterEverything
    }

    /// The items of one application; events after `asOf` are not yet known.
    ///
    /// Each interview gives its own items, and any later thank-you to the same person, debrief or directions
    /// settles the matching items of every earlier interview too.
    private func appendItems(
        of facts: ApplicationFacts, asOf: Instant, dueNoLaterThan limit: Instant?, to items: inout [AgendaItem]
    ) {
        let timeline = Timeline(facts, through: asOf)
        let builder = AgendaBuilder(engine: self, facts: facts, asOf: asOf, limit: limit)
        for interviewIndex in timeline.interviewIndices {
            let interview = timeline.events[interviewIndex]
            for (position, interviewer) in interview.interviewerIds.enumerated()
            where !interview.interviewerIds[..<position].contains(interviewer) {
                if let sent = timeline.latestThankYou[interviewer], sent >= interview.occurredAt {
                    continue
                }
                if let item = builder.thankYou(interviewer, for: interview) {
                    items.append(item)
                }
            }
            if facts.route.isRecruiterRoute, let recruiterId = facts.recruiterId,
                (timeline.latestDebrief ?? Self.beforeEverything) < interview.occurredAt
            {
                if let item = builder.debrief(recruiterId, for: interview) {
                    items.append(item)
                }
            }
            if facts.status == .active,
                (timeline.latestDirectionsAt ?? Self.beforeEverything) < interview.occurredAt
            {
                if let item = builder.recordDirections(for: interview) {
                    items.append(item)
                }
            }
        }
        if facts.status == .active {
            if timeline.unansweredFollowUps < settings.clamped(.maxUnansweredFollowUps),
                let timing = followUpTiming(timeline, facts)
            {
                let recipient = followUpRecipient(timeline, facts)
                let channel = followUpChannel(timeline, proposed: nil)
                if let item = builder.followUp(timing, contact: recipient, channel: channel) {
                    items.append(item)
                }
            }
            if facts.route == .recruiterGeneral, let recruiterId = facts.recruiterId,
                let timing = touchBaseTiming(timeline)
            {
                if let item = builder.touchBase(timing, recruiter: recruiterId) {
                    items.append(item)
                }
            }
        }
    }
}
