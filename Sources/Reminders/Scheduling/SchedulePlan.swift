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
        var planner = Planner(channels: channels, marks: marks, times: times, now: now)
        let items = Array(items)
        for index in items.indices { planner.take(items, at: index) }
        (itemMessages, digests, wakeAt) = planner.finished()
    }

    /// The same over the items of each application as the scheduler holds them, each read where it lies (see
    /// `Planner`).
    init(
        channels: [ChannelRecord], itemsByApplication: [Int64: [ReminderItem]], marks: MarkIndex, times: LocalTimes,
        now: Instant
    ) {
        var planner = Planner(channels: channels, marks: marks, times: times, now: now)
        for list in itemsByApplication.values {
            for index in list.indices { planner.take(list, at: index) }
        }
        (itemMessages, digests, wakeAt) = planner.finished()
    }

    /// The digest time of a channel whose `digest_at` is not `HH:MM` (the API refuses such text): the default.
    static let defaultDigestTime = LocalTime(minuteOfDay: 8 * 60)
}
