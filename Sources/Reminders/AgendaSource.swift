import Store
import Time

/// What the reminders read of the agenda, implemented by the API over the same computation `GET /v1/agenda`
/// runs, so that a reminder and the agenda agree to the second.
public protocol AgendaSource: Sendable {
    /// The items listed at `asOf` with a horizon of `horizonDays` days, snoozed ones left out, in agenda order:
    /// of every application when `applications` is nil, else of those only.
    func reminderItems(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws -> [ReminderItem]

    /// The same items grouped by application, and, for a `TimedAgendaSource`, each application's next event
    /// after `asOf`: what the scheduler holds, read in one pass. By default from `reminderItems` and
    /// `nextEvents`.
    func reminderAgenda(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws -> ReminderAgenda

    /// The settings the reminders' times are read in, as last committed.
    func reminderSettings() -> ReminderSettings
}

extension AgendaSource {
    public func reminderAgenda(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws
        -> ReminderAgenda
    {
        var agenda = ReminderAgenda()
        for item in try reminderItems(of: applications, asOf: asOf, horizonDays: horizonDays) {
            agenda.items[item.application.id, default: []].append(item)
        }
        if let timed = self as? any TimedAgendaSource {
            agenda.nextEvents = try timed.nextEvents(of: applications, after: asOf)
        }
        return agenda
    }
}

/// The settings that decide when a reminder goes out and how its times read.
public struct ReminderSettings: Sendable, Equatable {
    /// The seeker's IANA time zone (`UTC` by default): digests and quiet hours are local times in it.
    public var timeZone: String
    /// Held messages wait for the end of these.
    public var quietHours: QuietHours

    public init(timeZone: String, quietHours: QuietHours = QuietHours()) {
        self.timeZone = timeZone
        self.quietHours = quietHours
    }
}
