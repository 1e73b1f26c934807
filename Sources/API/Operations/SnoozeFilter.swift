import Guidance
import Store
import Time

/// The snoozes active at an instant, as the agenda, its calendar feed and the reminders apply them: an item is
/// snoozed when a snooze names its application, its action and its contact (none for none), whatever its
/// `due_from`. A snooze hides an item; it never changes what the guidance says of it.
struct SnoozeFilter: Sendable {
    private struct Target: Hashable {
        let applicationId: Int64
        let action: String
        let contactId: Int64?
    }

    /// The latest `until` of the snoozes of each target.
    private let until: [Target: Int64]

    /// The filter of `snoozes`, which the caller has taken as active at the instant it asks about.
    init(_ snoozes: [SnoozeRecord]) {
        var until: [Target: Int64] = [:]
        for snooze in snoozes {
            let target = Target(applicationId: snooze.applicationId, action: snooze.action, contactId: snooze.contactId)
            until[target] = max(until[target] ?? .min, snooze.until)
        }
        self.until = until
    }

    /// Whether no snooze is active: then nothing is filtered, and the agenda is written as it always was.
    var isEmpty: Bool { until.isEmpty }

    /// When `item` shows again, or nil when no snooze hides it.
    func until(_ item: AgendaItem) -> Instant? {
        let target = Target(
            applicationId: Int64(item.applicationId), action: item.action.rawValue,
            contactId: item.contactId.map(Int64.init))
        return until[target].map(Instant.init(millis:))
    }

    /// Whether a snooze hides `item`.
    func hides(_ item: AgendaItem) -> Bool { until(item) != nil }

    /// The snoozes active at `instant`, read through `reading`: of every application, or of `applications` only.
    static func active(
        at instant: Instant, of applications: Set<Int64>? = nil, _ reading: some StoreReading
    ) throws -> SnoozeFilter {
        if let applications {
            return SnoozeFilter(try reading.activeSnoozes(ofApplications: applications.sorted(), at: instant.millis))
        }
        return SnoozeFilter(try reading.activeSnoozes(at: instant.millis))
    }
}
