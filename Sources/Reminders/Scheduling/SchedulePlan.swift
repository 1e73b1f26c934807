import Guidance
import Store
import Time

/// What one wake-up of the scheduler queues, and when it must wake next: worked out from the channels, the items
/// listed, what each channel has handled already and the instant, with no clock, thread or database.
///
/// - An enabled `each` channel queues an item's `due` phase once its `due_from` has come (`due_from <= now`), and
///   its `overdue` phase once its `due_by` has passed (`due_by < now`, as the agenda calls an item overdue),
///   each at most once (the channel's marks), for the actions it carries. An item whose overdue phase is reached
///   while its due phase is unmarked (it first appeared after its `due_by`, or both passed while the service was
///   down) gets the overdue message alone, which marks both: one message says all there is to say.
/// - An enabled `digest` channel queues one digest a day, once its `digest_at` has come on the local date, unless
///   that date is recorded as handled or the channel was made after that day's digest time (it starts with the
///   next one). The digest lists every item of its actions due by the end of that local day (`due_from` before
///   the next local midnight): what falls due that day, and what fell due earlier and is still listed, the
///   overdue ones among them; an item that fell due yesterday and is still within its window is still due today.
///   With none, no message goes, but the date is recorded all the same.
/// - Disabled channels get nothing.
/// - Everything queued inside quiet hours is due at their end.
public struct SchedulePlan: Sendable {
    /// An item phase to queue on a channel.
    public struct ItemMessage: Sendable, Equatable {
        public var channelId: Int64
        public var item: ReminderItem
        public var phase: MarkPhase
        /// What the message marks: its phase, and `due` too when the overdue message goes alone.
        public var marks: [ItemPhase]
        /// When the sender may send it: now, or the end of quiet hours.
        public var nextAttemptAt: Instant

        /// `agenda.item_due` or `agenda.item_overdue`.
        public var type: DeliveryType { phase == .due ? .itemDue : .itemOverdue }
    }

    /// A channel's digest for a local date.
    public struct Digest: Sendable, Equatable {
        public var channelId: Int64
        /// The local date it is for, recorded as the channel's last digest date.
        public var date: LocalDate
        /// In agenda order; when empty no message goes, and only the date is recorded.
        public var items: [ReminderItem]
        /// When the sender may send it: now, or the end of quiet hours.
        public var nextAttemptAt: Instant
    }

    /// The item phases to queue, in agenda order, then by channel.
    public var itemMessages: [ItemMessage] = []
    /// The digests to queue (or record), by channel.
    public var digests: [Digest] = []
    /// The next instant after `now` at which something here may be due: the earliest `due_from`, or `due_by`
    /// passed, of an item phase not yet reached on an enabled `each` channel carrying its action, and the next
    /// digest time of each enabled `digest` channel; nil when there is none.
    public var wakeAt: Instant?

    /// The plan at `now` for `channels`, the items listed (in any order), and the item phases each channel has
    /// marked, by channel id; local dates, digest times and quiet hours are read in `times`.
    public init(
        channels: [ChannelRecord], items: some Sequence<ReminderItem>, marks: [Int64: Set<ItemPhase>],
        times: LocalTimes, now: Instant
    ) {
        self.init(channels: channels, items: items, marks: MarkIndex(marks), times: times, now: now)
    }

    /// The same, with the marks indexed by item: linear in the items, with one look-up of an item's key for
    /// every channel once it has fallen due, and none before.
    public init(
        channels: [ChannelRecord], items: some Sequence<ReminderItem>, marks: MarkIndex, times: LocalTimes,
        now: Instant
    ) {
        let nextAttemptAt = times.holdUntil(now) ?? now
        let each = channels.filter { $0.fields.enabled && $0.fields.mode == .each }.map {
            EachChannel(id: $0.id, actions: ActionSet($0.fields.actions), slot: marks.existingSlot(of: $0.id))
        }
        let eachActions = each.reduce(ActionSet()) { $0.union($1.actions) }
        var owed: [(digest: Digest, actions: ActionSet)] = []
        let today = times.localDate(of: now)
        let endOfToday = times.startOfDay(today.adding(days: 1))
        for channel in channels where channel.fields.enabled && channel.fields.mode == .digest {
            let at = LocalTime(channel.fields.digestAt) ?? Self.defaultDigestTime
            let dueToday = times.instant(on: today, at: at)
            let handled = channel.lastDigestDate.map { $0 >= today.description } ?? false
            if !handled && now >= dueToday && channel.createdAt <= dueToday.millis {
                owed.append(
                    (
                        Digest(channelId: channel.id, date: today, items: [], nextAttemptAt: nextAttemptAt),
                        ActionSet(channel.fields.actions)
                    ))
                consider(times.instant(on: today.adding(days: 1), at: at), now: now)
            } else if now < dueToday && !handled {
                consider(dueToday, now: now)
            } else {
                consider(times.instant(on: today.adding(days: 1), at: at), now: now)
            }
        }
        for reminder in items {
            let item = reminder.item
            let action = ActionSet(item.action)
            let dueReached = item.dueFrom <= now
            if eachActions.contains(action) {
                let overdueReached = item.dueBy.map { $0 < now } ?? false
                if !dueReached {
                    consider(item.dueFrom, now: now)
                } else if let dueBy = item.dueBy, !overdueReached {
                    consider(dueBy.adding(milliseconds: 1), now: now)
                }
                if dueReached {
                    let row = marks.row(of: reminder.key)
                    for channel in each where channel.actions.contains(action) {
                        let marked = row.flatMap { row in channel.slot.map { marks.phases(row: row, slot: $0) } } ?? 0
                        queue(reminder, overdue: overdueReached, marked: marked, on: channel.id, at: nextAttemptAt)
                    }
                }
            }
            if !owed.isEmpty && item.dueFrom < endOfToday {
                for index in owed.indices where owed[index].actions.contains(action) {
                    owed[index].digest.items.append(reminder)
                }
            }
        }
        itemMessages.sort { ($0.item.item.orderKey, $0.channelId) < ($1.item.item.orderKey, $1.channelId) }
        digests = owed.map { owed in
            var digest = owed.digest
            digest.items.sort { $0.item.orderKey < $1.item.orderKey }
            return digest
        }
    }

    /// The digest time of a channel whose `digest_at` is not `HH:MM` (the API refuses such text): the default.
    static let defaultDigestTime = LocalTime(minuteOfDay: 8 * 60)

    /// An enabled `each` channel as the plan reads it.
    private struct EachChannel {
        let id: Int64
        let actions: ActionSet
        /// Its slot in the marks; nil when it has marked nothing.
        let slot: Int?
    }

    /// Queues the phase of `reminder` the channel has not handled (`marked` holds the `MarkIndex` bits of those it
    /// has), if any.
    private mutating func queue(
        _ reminder: ReminderItem, overdue: Bool, marked: UInt64, on channelId: Int64, at nextAttemptAt: Instant
    ) {
        let due = ItemPhase(itemKey: reminder.key, phase: .due)
        let dueMarked = marked & MarkIndex.bit(.due) != 0
        if overdue {
            guard marked & MarkIndex.bit(.overdue) == 0 else { return }
            let overdue = ItemPhase(itemKey: reminder.key, phase: .overdue)
            itemMessages.append(
                ItemMessage(
                    channelId: channelId, item: reminder, phase: .overdue,
                    marks: dueMarked ? [overdue] : [overdue, due], nextAttemptAt: nextAttemptAt))
        } else if !dueMarked {
            itemMessages.append(
                ItemMessage(
                    channelId: channelId, item: reminder, phase: .due, marks: [due], nextAttemptAt: nextAttemptAt))
        }
    }

    /// Makes `instant` the next wake-up if it is after `now` and before the one found so far.
    private mutating func consider(_ instant: Instant, now: Instant) {
        guard instant > now else { return }
        if let wakeAt, wakeAt <= instant { return }
        wakeAt = instant
    }
}
