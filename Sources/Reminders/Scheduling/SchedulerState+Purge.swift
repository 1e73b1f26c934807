import Store
import Time

/// The daily purge of what is past the retention.
extension SchedulerState {
    /// Deletes the deliveries, the marks and the used links older than `ReminderRetention`, and the snoozes
    /// expired, in one write; then reloads the marks. The marks of items still listed are kept however old,
    /// snoozed items' among them (the agenda leaves those out, so they are found through the snoozes), or the
    /// item would be queued again. True when it was done.
    mutating func purge(now: Instant) -> Bool {
        do {
            let snoozes = try store.read { try $0.activeSnoozes(at: now.millis) }
            let hidden = Set(
                snoozes.map {
                    SnoozedItem(
                        application: $0.fields.applicationId, action: $0.fields.action, contact: $0.fields.contactId)
                })
            var kept = Set(items.values.joined().map(\.key))
            if !hidden.isEmpty {
                for key in marks.itemKeys where !kept.contains(key) {
                    if let parts = ItemKey.parse(key),
                        hidden.contains(
                            SnoozedItem(
                                application: parts.applicationId, action: parts.action, contact: parts.contactId))
                    {
                        kept.insert(key)
                    }
                }
            }
            let cutoff = ReminderRetention.cutoff(now: now.millis)
            let keys = kept
            // A day's deliveries have no bound but the senders' pace: alone, with its statement journal on disk.
            try store.perform(
                { transaction in
                    try transaction.purgeDeliveries(olderThan: cutoff)
                    try transaction.purgeMarks(olderThan: cutoff, keeping: keys)
                    try transaction.purgeUsedLinks(olderThan: cutoff)
                    try transaction.purgeExpiredSnoozes(at: now.millis)
                }, extent: .unbounded)
            marks = MarkIndex()
            try loadChannels()
            return true
        } catch {
            log("reminders: the daily purge failed, trying again shortly: \(error)")
            return false
        }
    }

    /// What a snooze hides: an application's item of one action, for one contact or none.
    private struct SnoozedItem: Hashable {
        let application: Int64
        let action: String
        let contact: Int64?
    }
}
