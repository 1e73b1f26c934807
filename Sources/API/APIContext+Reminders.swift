import Guidance
import Reminders
import Store
import Time

/// The agenda as the reminders read it: the same facts, engine and order as `GET /v1/agenda`, so that a reminder
/// and the agenda agree to the millisecond, with what a message names of each item.
extension APIContext: TimedAgendaSource {
    public func reminderItems(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws
        -> [ReminderItem]
    {
        try reminderItems(of: applications, asOf: asOf, horizonDays: horizonDays, includingSnoozed: false)
    }

    /// The first event after `asOf` of each application that has one: an interview recorded ahead of time
    /// brings its thank-you once its time comes, with no write to tell the reminders.
    public func nextEvents(of applications: Set<Int64>?, after asOf: Instant) throws -> [Int64: Instant] {
        var next: [Int64: Instant] = [:]
        func learn(_ facts: [ApplicationFacts]) {
            for application in facts {
                // Events are in timeline order: the last one after `asOf` found from the end is the first.
                var first: Instant?
                for event in application.events.reversed() {
                    guard event.occurredAt > asOf else { break }
                    first = event.occurredAt
                }
                if let first { next[Int64(application.id)] = first }
            }
        }
        if let applications {
            learn(try facts(of: applications.sorted()).facts)
        } else {
            try forEachFactsPart(learn)
        }
        return next
    }

    public func reminderSettings() -> ReminderSettings {
        let settings = settings
        return ReminderSettings(timeZone: settings.guidance.timeZone, quietHours: settings.quietHours)
    }

    /// The items of every application (nil) or of `applications`, in agenda order, with the snoozed ones left out
    /// unless `includingSnoozed` (what a new channel's baseline and a one-tap link look at: a snooze hides an
    /// item, it does not make it another).
    func reminderItems(
        of applications: Set<Int64>?, asOf: Instant, horizonDays: Int, includingSnoozed: Bool
    ) throws -> [ReminderItem] {
        let engine = engine
        var names: [Int: ReminderItem.Application] = [:]
        func learn(_ facts: [ApplicationFacts]) {
            for application in facts {
                names[application.id] = ReminderItem.Application(
                    id: Int64(application.id), employer: application.employer, position: application.position)
            }
        }
        var items: [AgendaItem]
        if let applications {
            let facts = try facts(of: applications.sorted()).facts
            learn(facts)
            items = AgendaComputation.items(facts, engine: engine, asOf: asOf, horizonDays: horizonDays)
        } else {
            items = try AgendaComputation.items(
                chunks: { each in
                    try forEachFactsPart { facts in
                        learn(facts)
                        each(facts)
                    }
                }, engine: engine, asOf: asOf, horizonDays: horizonDays)
        }
        let listed = items
        let (snoozes, contacts) = try read { reading in
            let snoozes =
                includingSnoozed ? SnoozeFilter([]) : try SnoozeFilter.active(at: asOf, of: applications, reading)
            let ids = Set(listed.compactMap { $0.contactId.map(Int64.init) })
            return (snoozes, ids.isEmpty ? [:] : try reading.contacts(ids: ids))
        }
        if !snoozes.isEmpty { items.removeAll(where: snoozes.hides) }
        return items.compactMap { item in
            guard let application = names[item.applicationId] else { return nil }
            let contact = item.contactId.flatMap { contacts[Int64($0)] }.map {
                ReminderItem.Contact(id: $0.id, name: $0.name, email: $0.email, phone: $0.phone)
            }
            return ReminderItem(item: item, application: application, contact: contact)
        }
    }
}
