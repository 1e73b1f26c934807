import Store
import Time

extension SchedulePlan {
    /// A plan being made: what the channels and the instant decide once, and the plan so far, which takes the
    /// items one at a time.
    ///
    /// `take` reads the few members of an item it decides on where the item lies, in its list, and copies the
    /// item only into a message or a digest: planning over tens of thousands of items then retains none of their
    /// strings. (An item handed over as an argument is copied first, even when borrowed, since the list's storage
    /// is not known to stay as it is during the call.)
    struct Planner {
        private var itemMessages: [ItemMessage] = []
        private var wakeAt: Instant?
        private let now: Instant
        /// When what is queued may be sent: now, or the end of quiet hours.
        private let nextAttemptAt: Instant
        private let marks: MarkIndex
        private let each: [EachChannel]
        /// The actions some enabled `each` channel carries.
        private let eachActions: ActionSet
        /// The digests due now, each with the actions its channel carries.
        private var owed: [(digest: Digest, actions: ActionSet)] = []
        /// The next local midnight: a digest lists the items due before it.
        private let endOfToday: Instant

        init(channels: [ChannelRecord], marks: MarkIndex, times: LocalTimes, now: Instant) {
            self.now = now
            self.marks = marks
            nextAttemptAt = times.holdUntil(now) ?? now
            each = channels.filter { $0.fields.enabled && $0.fields.mode == .each }.map {
                EachChannel(id: $0.id, actions: ActionSet($0.fields.actions), slot: marks.existingSlot(of: $0.id))
            }
            eachActions = each.reduce(ActionSet()) { $0.union($1.actions) }
            let today = times.localDate(of: now)
            endOfToday = times.startOfDay(today.adding(days: 1))
            for channel in channels where channel.fields.enabled && channel.fields.mode == .digest {
                let at = LocalTime(channel.fields.digestAt) ?? SchedulePlan.defaultDigestTime
                let dueToday = times.instant(on: today, at: at)
                let handled = channel.lastDigestDate.map { $0 >= today.description } ?? false
                if !handled && now >= dueToday && channel.createdAt <= dueToday.millis {
                    owed.append(
                        (
                            Digest(channelId: channel.id, date: today, items: [], nextAttemptAt: nextAttemptAt),
                            ActionSet(channel.fields.actions)
                        ))
                    consider(times.instant(on: today.adding(days: 1), at: at))
                } else if now < dueToday && !handled {
                    consider(dueToday)
                } else {
                    consider(times.instant(on: today.adding(days: 1), at: at))
                }
            }
        }

        /// Plans the item at `index` of `items`.
        mutating func take(_ items: [ReminderItem], at index: Int) {
            let action = ActionSet(items[index].item.action)
            let dueFrom = items[index].item.dueFrom
            let dueReached = dueFrom <= now
            if eachActions.contains(action) {
                let dueBy = items[index].item.dueBy
                let overdueReached = dueBy.map { $0 < now } ?? false
                if !dueReached {
                    consider(dueFrom)
                } else if let dueBy, !overdueReached {
                    consider(dueBy.adding(milliseconds: 1))
                }
                if dueReached {
                    let row = marks.row(of: items[index].key)
                    for channel in each where channel.actions.contains(action) {
                        let marked = row.flatMap { row in channel.slot.map { marks.phases(row: row, slot: $0) } } ?? 0
                        queue(items, at: index, overdue: overdueReached, marked: marked, on: channel.id)
                    }
                }
            }
            if !owed.isEmpty && dueFrom < endOfToday {
                for owing in owed.indices where owed[owing].actions.contains(action) {
                    owed[owing].digest.items.append(items[index])
                }
            }
        }

        /// The plan's messages and digests, in agenda order, and its next instant.
        consuming func finished() -> (itemMessages: [ItemMessage], digests: [Digest], wakeAt: Instant?) {
            itemMessages.sort { ($0.item.item.orderKey, $0.channelId) < ($1.item.item.orderKey, $1.channelId) }
            let digests = owed.map { owed in
                var digest = owed.digest
                digest.items.sort { $0.item.orderKey < $1.item.orderKey }
                return digest
            }
            return (itemMessages, digests, wakeAt)
        }

        /// Queues the phase of the item at `index` of `items` that the channel has not handled (`marked` holds the
        /// `MarkIndex` bits of those it has), if any.
        private mutating func queue(
            _ items: [ReminderItem], at index: Int, overdue: Bool, marked: UInt64, on channelId: Int64
        ) {
            let dueMarked = marked & MarkIndex.bit(.due) != 0
            if overdue {
                guard marked & MarkIndex.bit(.overdue) == 0 else { return }
                let key = items[index].key
                itemMessages.append(
                    ItemMessage(
                        channelId: channelId, item: items[index], phase: .overdue,
                        marks: dueMarked
                            ? [ItemPhase(itemKey: key, phase: .overdue)]
                            : [ItemPhase(itemKey: key, phase: .overdue), ItemPhase(itemKey: key, phase: .due)],
                        nextAttemptAt: nextAttemptAt))
            } else if !dueMarked {
                itemMessages.append(
                    ItemMessage(
                        channelId: channelId, item: items[index], phase: .due,
                        marks: [ItemPhase(itemKey: items[index].key, phase: .due)], nextAttemptAt: nextAttemptAt))
            }
        }

        /// Makes `instant` the next wake-up if it is after `now` and before the one found so far.
        private mutating func consider(_ instant: Instant) {
            guard instant > now else { return }
            if let wakeAt, wakeAt <= instant { return }
            wakeAt = instant
        }
    }

    /// An enabled `each` channel as the plan reads it.
    struct EachChannel {
        let id: Int64
        let actions: ActionSet
        /// Its slot in the marks; nil when it has marked nothing.
        let slot: Int?
    }
}
