import Guidance
import Reminders
import Store
import Time

/// The agenda as the reminders read it: the same facts, engine and order as `GET /v1/agenda`, so that a reminder
/// and the agenda agree to the millisecond, with what a message names of each item.
///
/// The reminders' threads (the scheduler, the sender's workers) read it through `AgendaSource` on their own
/// thread, at its background priority, never on the dispatch workers the API's large agendas use, which run at
/// the API's: under load their work then yields to the API's, and the scheduler's wake-ups, spaced by their own
/// duration, grow rarer instead of taking the cores from it.
extension APIContext: TimedAgendaSource {
    public func reminderItems(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws
        -> [ReminderItem]
    {
        try reminderItems(
            of: applications, asOf: asOf, horizonDays: horizonDays, includingSnoozed: false, parallel: false)
    }

    /// The items by application and the next events in one pass over the facts, on the calling thread: what the
    /// scheduler reads after every settings write, for every application.
    public func reminderAgenda(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws
        -> ReminderAgenda
    {
        try reminderAgenda(
            of: applications, asOf: asOf, horizonDays: horizonDays, includingSnoozed: false, parallel: false)
    }

    /// The first event after `asOf` of each application that has one: an interview recorded ahead of time
    /// brings its thank-you once its time comes, with no write to tell the reminders.
    public func nextEvents(of applications: Set<Int64>?, after asOf: Instant) throws -> [Int64: Instant] {
        var next: [Int64: Instant] = [:]
        try forEachEntryPart(of: applications) { entries in
            for entry in entries {
                if let first = Self.firstEvent(of: entry.facts, after: asOf) { next[entry.application.id] = first }
            }
        }
        return next
    }

    public func reminderSettings() -> ReminderSettings {
        let settings = settings
        return ReminderSettings(timeZone: settings.guidance.timeZone, quietHours: settings.quietHours)
    }

    /// The items of every application (nil) or of `applications`, in agenda order, with the snoozed ones left out
    /// unless `includingSnoozed` (what a new channel's baseline and a one-tap link look at: a snooze hides an
    /// item, it does not make it another). A large agenda is judged in slices on the dispatch workers when
    /// `parallel`, for a request that waits for it.
    func reminderItems(
        of applications: Set<Int64>?, asOf: Instant, horizonDays: Int, includingSnoozed: Bool, parallel: Bool = true
    ) throws -> [ReminderItem] {
        let agenda = try reminderAgenda(
            of: applications, asOf: asOf, horizonDays: horizonDays, includingSnoozed: includingSnoozed,
            parallel: parallel)
        // Each application's items are in agenda order already, ties included: across applications the order
        // keys decide (they differ, since they hold the application), within one the position.
        var all: [ReminderItem] = []
        var order: [(key: AgendaItem.OrderKey, position: Int, index: Int)] = []
        for list in agenda.items.values {
            for position in list.indices {
                order.append((list[position].item.orderKey, position, all.count))
                all.append(list[position])
            }
        }
        order.sort { ($0.key, $0.position) < ($1.key, $1.position) }
        return order.map { all[$0.index] }
    }

    /// `reminderAgenda(of:asOf:horizonDays:)`, with the snoozed items listed when `includingSnoozed`, in slices
    /// on the dispatch workers when `parallel` and the agenda is large.
    func reminderAgenda(
        of applications: Set<Int64>?, asOf: Instant, horizonDays: Int, includingSnoozed: Bool, parallel: Bool = true
    ) throws -> ReminderAgenda {
        let engine = engine
        let snoozes =
            includingSnoozed
            ? SnoozeFilter([]) : try read { reading in try SnoozeFilter.active(at: asOf, of: applications, reading) }
        var agenda = ReminderAgenda()
        try forEachEntryPart(of: applications) { entries in
            let parts = AgendaComputation.perSlice(of: entries, parallel: parallel) { slice in
                Self.reminderPart(slice, engine: engine, asOf: asOf, horizonDays: horizonDays, snoozes: snoozes)
            }
            for part in parts {
                agenda.items.reserveCapacity(agenda.items.count + part.items.count)
                for (application, items) in part.items { agenda.items[application] = items }
                agenda.nextEvents.reserveCapacity(agenda.nextEvents.count + part.nextEvents.count)
                for (application, at) in part.nextEvents { agenda.nextEvents[application] = at }
            }
        }
        return agenda
    }

    /// One slice's share of a `ReminderAgenda`, as lists: each application's items, made where the engine hands
    /// them over (the contact from the entry, which holds every contact its timeline names), and its next event.
    static func reminderPart(
        _ slice: ArraySlice<TimelineCache.Entry>, engine: GuidanceEngine, asOf: Instant, horizonDays: Int,
        snoozes: SnoozeFilter
    ) -> (items: [(Int64, [ReminderItem])], nextEvents: [(Int64, Instant)]) {
        let facts = slice.map(\.facts)
        var items: [(Int64, [ReminderItem])] = []
        engine.forEachAgenda(of: facts[...], asOf: asOf, horizonDays: horizonDays) { index, found in
            let entry = slice[slice.startIndex + index]
            let application = ReminderItem.Application(
                id: Int64(facts[index].id), employer: facts[index].employer, position: facts[index].position)
            var list: [ReminderItem] = []
            list.reserveCapacity(found.count)
            for item in found where snoozes.isEmpty || !snoozes.hides(item) {
                let contact = item.contactId.flatMap { entry.contacts[Int64($0)] }.map {
                    ReminderItem.Contact(id: $0.id, name: $0.name, email: $0.email, phone: $0.phone)
                }
                list.append(ReminderItem(item: item, application: application, contact: contact))
            }
            if !list.isEmpty { items.append((application.id, list)) }
        }
        var nextEvents: [(Int64, Instant)] = []
        for index in facts.indices {
            if let first = firstEvent(of: facts[index], after: asOf) {
                nextEvents.append((Int64(facts[index].id), first))
            }
        }
        return (items, nextEvents)
    }

    /// The first event of `facts` after `asOf`, if any.
    static func firstEvent(of facts: ApplicationFacts, after asOf: Instant) -> Instant? {
        // Events are in timeline order: the last one after `asOf` found from the end is the first.
        let events = facts.events
        var index = events.endIndex
        while index > events.startIndex, events[index - 1].occurredAt > asOf { index -= 1 }
        return index < events.endIndex ? events[index].occurredAt : nil
    }

    /// Calls `body` with the entries of every application (nil), a part at a time, or of `applications`.
    private func forEachEntryPart(
        of applications: Set<Int64>?, _ body: ([TimelineCache.Entry]) throws -> Void
    ) throws {
        if let applications {
            try body(try entries(of: applications.sorted()).entries)
        } else {
            try forEachEntryPart(body)
        }
    }
}
