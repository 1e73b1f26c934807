import Store
import System
import Time

/// One attempt at one delivery, and the write that records it.
extension Sender {
    /// The writes a run has handed to the Store and that have not ended yet: a run's channel is free again only
    /// once all its outcomes are committed, so the dispatcher never takes up a delivery twice.
    final class RunWrites: Sendable {
        private let pending = ConditionLock(0)

        func began() { pending.withLock { $0 += 1 } }
        func ended() { pending.withLockThenWake { $0 -= 1 } }
        /// Waits until at most `count` writes begun have not ended (each ends once its commit or its failure is
        /// in).
        func wait(atMost count: Int = 0) { pending.wait(until: { $0 <= count }, deadline: nil) { _ in } }
    }

    /// What a run's attempt needs of the run: the settings' zone, the count of agenda writes read before it, and
    /// the run's deliveries from this one on (whose items the still-listed question asks about at once).
    struct AttemptContext {
        var timeZone: String
        var agendaWrites: UInt64
        var later: ArraySlice<DeliveryRecord>
    }

    /// A run's answer to "which items are still listed": asked once for the items of the run's messages left, and
    /// asked again once an agenda write came in since or `maxAgeMillis` went by. Asking for each message took a
    /// reader, the settings' lock and the timeline cache's every time, and the workers queued on them.
    struct ListedItems {
        static let maxAgeMillis: Int64 = 1_000
        private var keys: Set<String> = []
        private var asked: (agendaWrites: UInt64, at: Instant)?

        /// Whether `key` is listed, asking `stillListed` about every item key in `later` first when the answer
        /// kept is stale at `now`.
        mutating func contains(
            _ key: String, at now: Instant, agendaWrites: UInt64, later: ArraySlice<DeliveryRecord>,
            stillListed: ([String], Instant) -> Set<String>
        ) -> Bool {
            if let asked, asked.agendaWrites == agendaWrites, now.millis - asked.at.millis < Self.maxAgeMillis,
                now >= asked.at
            {
                return keys.contains(key)
            }
            var question: [String] = []
            for delivery in later where delivery.type == .itemDue || delivery.type == .itemOverdue {
                if let key = delivery.itemKey { question.append(key) }
            }
            if !question.contains(key) { question.append(key) }
            keys = stillListed(question, now)
            asked = (agendaWrites, now)
            return keys.contains(key)
        }
    }

    /// Withdraws the delivery if its item is gone; else makes the request, sends it and hands its outcome to the
    /// Store, without waiting for the commit: the next message of the run goes while it commits. `gaveUpInRow`
    /// is the channel's count as the run keeps it (only the run records the channel's outcomes while it lasts).
    /// Returns whether the run may go on: false once the outcome disables the channel.
    func attempt(
        _ delivery: DeliveryRecord, on channel: ChannelRecord, context: AttemptContext, listed: inout ListedItems,
        gaveUpInRow: inout Int, writes: RunWrites
    ) -> Bool {
        let kind = channel.fields.kind
        // A bounded number of the run's outcomes still committing while a request is in flight: what a crash
        // can make the channel send twice.
        writes.wait(atMost: configuration.maxOutcomesCommitting)
        let started = clock()
        if delivery.type == .itemDue || delivery.type == .itemOverdue, let key = delivery.itemKey,
            !listed.contains(
                key, at: started, agendaWrites: context.agendaWrites, later: context.later, stillListed: stillListed)
        {
            submit(delivery, writes: writes, recorded: { [observer] in observer(kind, .withdrawn) }) {
                _ = try $0.withdrawDelivery(id: delivery.id, reason: Self.withdrawnReason)
            }
            return true
        }
        let decision: RetryDecision
        let ended: Instant
        do {
            let request = try renderer.request(
                for: channel, delivery: delivery, at: started, timeZone: context.timeZone)
            let response = client.send(request, timeout: configuration.timeout)
            ended = clock()
            decision = configuration.retryPolicy.decide(response, attemptNumber: delivery.attempts + 1, at: ended)
        } catch {
            ended = clock()
            decision = RetryDecision(.gaveUp(status: nil, error: error.description))
        }
        let label = Self.label(decision.outcome)
        // The run keeps the channel's count: a delivery after one that reset it has nothing to reset.
        let resets = gaveUpInRow != 0
        submit(delivery, writes: writes, recorded: { [observer] in observer(kind, label) }) { transaction in
            try Self.record(
                decision, deliveryId: delivery.id, channelId: delivery.channelId, at: ended, resetting: resets,
                &transaction)
        }
        switch decision.outcome {
        case .delivered: gaveUpInRow = 0
        case .failed: break
        case .gaveUp:
            gaveUpInRow += 1
            if decision.disableReason != nil || gaveUpInRow >= Self.disableAfterGaveUpInRow { return false }
        }
        return true
    }

    /// Hands `write` to the Store for `delivery`; once it committed, `recorded` runs and the delivery is no longer
    /// in flight. On a failure the delivery stays as it was in the outbox and is tried again, with the same
    /// message id.
    private func submit(
        _ delivery: DeliveryRecord, writes: RunWrites, recorded: @escaping @Sendable () -> Void,
        _ write: @escaping @Sendable (inout WriteTransaction) throws -> Void
    ) {
        writes.began()
        store.submit(write) { [state, log] result in
            switch result {
            case .success: recorded()
            case .failure(let error):
                log("reminders: the outcome of delivery \(delivery.id) could not be recorded: \(error)")
            }
            state.withLock { _ = $0.inFlight.removeValue(forKey: delivery.id) }
            writes.ended()
        }
    }

    /// Records `decision` for the delivery and keeps the channel's count of give-ups in a row, in one write:
    /// delivered resets it (unless `resetting` is false: the count is known to be zero already); a give-up adds
    /// one, and a `410` or the tenth in a row disables the channel. Nothing is kept when the delivery was no
    /// longer waiting (its channel deleted, or retried and settled meanwhile).
    static func record(
        _ decision: RetryDecision, deliveryId: Int64, channelId: Int64, at now: Instant, resetting: Bool = true,
        _ transaction: inout WriteTransaction
    ) throws {
        guard try transaction.recordDeliveryAttempt(id: deliveryId, decision.outcome, now: now.millis) else { return }
        switch decision.outcome {
        case .delivered:
            if resetting { try transaction.resetGaveUpInRow(channelId: channelId) }
        case .failed:
            break
        case .gaveUp:
            let inRow = try transaction.incrementGaveUpInRow(channelId: channelId) ?? 0
            let reason =
                decision.disableReason
                ?? (inRow >= disableAfterGaveUpInRow ? "\(inRow) deliveries in a row gave up" : nil)
            if let reason {
                _ = try transaction.setChannelEnabled(id: channelId, false, reason: reason, now: now.millis)
            }
        }
    }

    static func label(_ outcome: DeliveryOutcome) -> SendOutcome {
        switch outcome {
        case .delivered: return .delivered
        case .failed: return .failed
        case .gaveUp: return .gaveUp
        }
    }
}
