import Guidance
import Store
import Time

/// Queuing what the plan says, in one write transaction per wake-up.
extension SchedulerState {
    /// An item message rendered, ready to write.
    struct ItemWrite: Sendable {
        let channelId: Int64
        /// The first is the phase queued; any other is marked with it.
        let marks: [ItemPhase]
        let message: DeliveryMessage
        let nextAttemptAt: Int64
    }

    /// A digest rendered, ready to write; `message` nil when it lists nothing and only its date is recorded.
    struct DigestWrite: Sendable {
        let channelId: Int64
        let date: String
        let message: DeliveryMessage?
        let nextAttemptAt: Int64
    }

    /// Plans at `now` and writes what the plan queues; returns the deliveries written, the digest dates
    /// recorded and the plan's next instant.
    mutating func queue(now: Instant) -> (queued: Int, digests: Int, wakeAt: Instant?) {
        let plan = SchedulePlan(channels: channels, itemsByApplication: items, marks: marks, times: times, now: now)
        guard !plan.itemMessages.isEmpty || !plan.digests.isEmpty else { return (0, 0, plan.wakeAt) }
        // A message says what the agenda says at `now` (whether the item is overdue, and its wording with it):
        // the applications not recomputed during this wake-up are recomputed at `now` before it is rendered.
        var involved = Set(plan.itemMessages.map(\.item.application.id))
        for digest in plan.digests { involved.formUnion(digest.items.map(\.application.id)) }
        let stale = involved.subtracting(recomputedNow)
        if !stale.isEmpty {
            do {
                try recompute(stale, now: now)
            } catch {
                log("reminders: the agenda could not be read, messages go as last computed: \(error)")
            }
        }
        var fresh: [String: ReminderItem] = [:]
        for application in involved {
            for item in items[application] ?? [] { fresh[item.key] = item }
        }
        let digestWrites = plan.digests.map { digest in
            let listed = digest.items.compactMap { fresh[$0.key] }
            return DigestWrite(
                channelId: digest.channelId, date: digest.date.description,
                message: listed.isEmpty
                    ? nil
                    : DeliveryMessage(
                        messageId: MessageID.make(), type: .digest,
                        body: data.digest(date: digest.date, items: listed, now: now)),
                nextAttemptAt: digest.nextAttemptAt.millis)
        }
        // An item gone or moved under the plan (its application changed with time alone): plan again shortly,
        // with the items as they now are.
        let messages = plan.itemMessages
        if messages.contains(where: { fresh[$0.item.key] == nil }) {
            retryAt = min(retryAt ?? .highest, now.adding(milliseconds: configuration.coalesceMillis))
        }
        // In transactions of at most `queueChunk` messages, the digests with the first: what one commits stays
        // committed if a later one fails, and its marks keep the retry from queuing it again. Each chunk is
        // rendered just before it is written, so that the first leaves before the rest is rendered.
        var queued = 0
        var digests = 0
        var start = 0
        repeat {
            let end = min(start + configuration.queueChunk, messages.count)
            let chunk = messages[start..<end].compactMap { message -> ItemWrite? in
                guard let item = fresh[message.item.key] else { return nil }
                return ItemWrite(
                    channelId: message.channelId, marks: message.marks,
                    message: DeliveryMessage(
                        messageId: MessageID.make(), type: message.type, body: data.item(item, now: now)),
                    nextAttemptAt: message.nextAttemptAt.millis)
            }
            let chunkDigests = start == 0 ? digestWrites : []
            // Items all gone from under the plan: nothing to write.
            if chunk.isEmpty && chunkDigests.isEmpty {
                start = end
                continue
            }
            do {
                let written = try store.perform { transaction in
                    try Self.write(chunk, chunkDigests, in: transaction, now: now.millis)
                }.value
                remember(written)
                queued += written.queued
                digests += written.digests.count
                if written.channelsMoved {
                    // The channels held are behind the stored ones: read them again, so the next plan is right.
                    do { try loadChannels() } catch { retryAt = now.adding(milliseconds: configuration.retryMillis) }
                }
                if written.queued > 0 { queuedSome() }
            } catch {
                log("reminders: messages could not be queued, trying again shortly: \(error)")
                retryAt = min(retryAt ?? .highest, now.adding(milliseconds: configuration.retryMillis))
                break
            }
            start = end
        } while start < messages.count
        return (queued, digests, plan.wakeAt)
    }

    /// What a wake-up's write did.
    struct Written: Sendable {
        /// The deliveries written.
        var queued = 0
        /// The item phases marked (queued now, or found marked already), by channel.
        var marks: [(channelId: Int64, marks: [ItemPhase])] = []
        /// The digest dates recorded, by channel.
        var digests: [(channelId: Int64, date: String)] = []
        /// Some message was for a channel gone, disabled or sending the other way since the channels were read.
        var channelsMoved = false
    }

    /// Writes the messages, each on a channel that still exists, is enabled and sends that way (the channels
    /// held may be a moment old); an item phase at most once, however wake-ups race.
    static func write(
        _ itemWrites: [ItemWrite], _ digestWrites: [DigestWrite], in transaction: WriteTransaction, now: Int64
    ) throws -> Written {
        var channels: [Int64: ChannelRecord] = [:]
        for channel in try transaction.allChannels() { channels[channel.id] = channel }
        var written = Written()
        for write in itemWrites {
            guard let channel = channels[write.channelId], channel.fields.enabled, channel.fields.mode == .each,
                let phase = write.marks.first
            else {
                written.channelsMoved = true
                continue
            }
            let delivery = try transaction.enqueueOnce(
                channelId: write.channelId, phase, write.message, nextAttemptAt: write.nextAttemptAt, now: now)
            for also in write.marks.dropFirst() {
                _ = try transaction.insertMark(channelId: write.channelId, also, deliveryId: delivery?.id, now: now)
            }
            if delivery != nil { written.queued += 1 }
            written.marks.append((write.channelId, write.marks))
        }
        for write in digestWrites {
            guard let channel = channels[write.channelId], channel.fields.enabled, channel.fields.mode == .digest
            else {
                written.channelsMoved = true
                continue
            }
            // Recorded already (by a wake-up that raced this one): nothing more.
            if (channel.lastDigestDate ?? "") < write.date {
                if let message = write.message {
                    _ = try transaction.enqueueDelivery(
                        channelId: write.channelId, message, nextAttemptAt: write.nextAttemptAt, now: now)
                    written.queued += 1
                }
                try transaction.setLastDigestDate(channelId: write.channelId, write.date)
            }
            written.digests.append((write.channelId, max(write.date, channel.lastDigestDate ?? "")))
        }
        return written
    }

    /// Keeps what was written: the marks, and the digest dates, so that the next plan does not queue them again.
    private mutating func remember(_ written: Written) {
        for (channelId, phases) in written.marks where marks.holds(channelId: channelId) {
            marks.insert(phases, channelId: channelId)
        }
        for (channelId, date) in written.digests {
            if let index = channels.firstIndex(where: { $0.id == channelId }) {
                channels[index].lastDigestDate = date
            }
        }
    }
}
