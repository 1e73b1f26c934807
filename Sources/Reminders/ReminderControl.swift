import Store

/// What the API asks of the reminders: to learn of every commit, and to send a channel's test message at once.
/// The reminders' threads implement it; tests of the routes may stand in for them.
public protocol ReminderControl: Sendable {
    /// A write committed `change` (called after the commit, from any thread; cheap: it records and signals).
    /// Channel, settings and snooze writes are changes too: channels as `.everything`, settings as `.settings`.
    func changed(_ change: StoreChange)

    /// The outbox changed outside the scheduler (a delivery retried, a channel enabled): the sender looks again.
    func outboxChanged()

    /// Sends a `channel.test` message to `channel` now, waits for the outcome (at most the request timeout)
    /// and logs it as a delivery. Blocks: call it off the event loops.
    func sendTest(to channel: ChannelRecord) -> TestOutcome
}

/// What `POST /v1/channels/{id}/test` answers.
public struct TestOutcome: Sendable, Equatable {
    /// A 2xx came back.
    public var delivered: Bool
    /// The HTTP status, or nil when no response came.
    public var status: Int?
    /// What went wrong, or nil when delivered.
    public var error: String?
    /// How long the attempt took, in milliseconds.
    public var durationMillis: Int

    public init(delivered: Bool, status: Int?, error: String?, durationMillis: Int) {
        self.delivered = delivered
        self.status = status
        self.error = error
        self.durationMillis = durationMillis
    }
}
