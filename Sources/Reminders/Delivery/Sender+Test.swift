import JSON
import Store
import System
import Time

/// `POST /v1/channels/{id}/test`: a `channel.test` message sent at once, outside the outbox's order.
extension Sender {
    /// Sends a `channel.test` message to `channel` now, on the calling thread (blocking, at most the timeout),
    /// whether the channel is enabled or not, and logs it as a delivery: queued and recorded in one write after
    /// the request, so that the dispatcher never sees it waiting. A test is sent once: a failure is recorded as
    /// given up, and counts neither toward disabling the channel nor against it.
    public func sendTest(to channel: ChannelRecord) -> TestOutcome {
        let started = clock()
        let startedMonotonic = Clock.monotonicMilliseconds()
        let message = DeliveryMessage(
            messageId: MessageID.make(), type: .channelTest,
            body: MessageData.test(channelId: channel.id, name: channel.fields.name))
        let delivery = DeliveryRecord(
            id: 0, channelId: channel.id, messageId: message.messageId, type: message.type, itemKey: nil,
            body: message.body, status: .pending, attempts: 0, lastStatus: nil, lastError: nil,
            nextAttemptAt: started.millis, createdAt: started.millis, deliveredAt: nil)
        let outcome: DeliveryOutcome
        do {
            let request = try renderer.request(
                for: channel, delivery: delivery, at: started, timeZone: settings().timeZone)
            let response = client.send(request, timeout: configuration.timeout)
            switch configuration.retryPolicy.decide(response, attemptNumber: 1, at: clock()).outcome {
            case .delivered(let status):
                outcome = .delivered(status: status)
            case .failed(let status, let error, _), .gaveUp(let status, let error):
                outcome = .gaveUp(status: status, error: error)
            }
        } catch {
            outcome = .gaveUp(status: nil, error: error.description)
        }
        let ended = clock()
        let duration = Int(Clock.monotonicMilliseconds() - startedMonotonic)
        do {
            try store.perform { transaction in
                let queued = try transaction.enqueueDelivery(
                    channelId: channel.id, message, nextAttemptAt: started.millis, now: started.millis)
                _ = try transaction.recordDeliveryAttempt(id: queued.id, outcome, now: ended.millis)
            }
        } catch {
            log("reminders: the test message to channel \(channel.id) could not be logged: \(error)")
        }
        observer(channel.fields.kind, Self.label(outcome))
        switch outcome {
        case .delivered(let status):
            return TestOutcome(delivered: true, status: status, error: nil, durationMillis: duration)
        case .failed(let status, let error, _), .gaveUp(let status, let error):
            return TestOutcome(delivered: false, status: status, error: error, durationMillis: duration)
        }
    }
}
