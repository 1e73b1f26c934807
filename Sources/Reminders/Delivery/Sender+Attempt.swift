import Store
import Time

/// One attempt at one delivery, and the write that records it.
extension Sender {
    /// Withdraws the delivery if its item is gone; else makes the request, sends it and records the outcome.
    /// Returns whether the channel may go on sending: false once the outcome disabled it, or when the outcome
    /// could not be recorded.
    func attempt(_ delivery: DeliveryRecord, on channel: ChannelRecord) -> Bool {
        let kind = channel.fields.kind
        let started = clock()
        if delivery.type == .itemDue || delivery.type == .itemOverdue, let key = delivery.itemKey,
            !stillListed(key, started)
        {
            do {
                try store.perform { _ = try $0.withdrawDelivery(id: delivery.id, reason: Self.withdrawnReason) }
                observer(kind, .withdrawn)
                return true
            } catch {
                log("reminders: delivery \(delivery.id) could not be withdrawn: \(error)")
                return false
            }
        }
        let decision: RetryDecision
        let ended: Instant
        do {
            let request = try renderer.request(for: channel, delivery: delivery, at: started, timeZone: timeZone())
            let response = client.send(request, timeout: configuration.timeout)
            ended = clock()
            decision = configuration.retryPolicy.decide(response, attemptNumber: delivery.attempts + 1, at: ended)
        } catch {
            ended = clock()
            decision = RetryDecision(.gaveUp(status: nil, error: error.description))
        }
        do {
            let enabled = try record(decision, deliveryId: delivery.id, channelId: delivery.channelId, at: ended)
            observer(kind, Self.label(decision.outcome))
            return enabled
        } catch {
            // The delivery stays as it was in the outbox and is tried again, with the same message id.
            log("reminders: the outcome of delivery \(delivery.id) could not be recorded: \(error)")
            return false
        }
    }

    /// Records `decision` for the delivery and keeps the channel's count of give-ups in a row, in one write:
    /// delivered resets it; a give-up adds one, and a `410` or the tenth in a row disables the channel. Nothing
    /// is kept when the delivery was no longer waiting (its channel deleted, or retried and settled meanwhile).
    /// Returns false when this write disabled the channel.
    func record(_ decision: RetryDecision, deliveryId: Int64, channelId: Int64, at now: Instant) throws -> Bool {
        try store.perform { transaction in
            guard try transaction.recordDeliveryAttempt(id: deliveryId, decision.outcome, now: now.millis) != nil
            else { return true }
            switch decision.outcome {
            case .delivered:
                try transaction.resetGaveUpInRow(channelId: channelId)
            case .failed:
                break
            case .gaveUp:
                let inRow = try transaction.incrementGaveUpInRow(channelId: channelId) ?? 0
                let reason =
                    decision.disableReason
                    ?? (inRow >= Self.disableAfterGaveUpInRow ? "\(inRow) deliveries in a row gave up" : nil)
                if let reason {
                    _ = try transaction.setChannelEnabled(id: channelId, false, reason: reason, now: now.millis)
                    return false
                }
            }
            return true
        }.value
    }

    static func label(_ outcome: DeliveryOutcome) -> SendOutcome {
        switch outcome {
        case .delivered: return .delivered
        case .failed: return .failed
        case .gaveUp: return .gaveUp
        }
    }
}
