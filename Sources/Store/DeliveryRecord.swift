/// A stored delivery: one message to one channel, written to the outbox before it is sent, and its outcome.
/// Only the Store changes it, through the writes named on `DeliveryStatus`.
public struct DeliveryRecord: Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT); newer deliveries have larger ids.
    public var id: Int64
    /// The channel it goes to; deleting the channel deletes it.
    public var channelId: Int64
    /// The webhook's `webhook-id`, the same on every attempt.
    public var messageId: String
    /// What the message says.
    public var type: DeliveryType
    /// The agenda item it is about (`{application_id}:{action}:{contact_id or -}:{due_from ms}`); nil for a
    /// digest or a test.
    public var itemKey: String?
    /// The message's JSON `data`, as rendered when it was queued.
    public var body: String
    /// Where it is in the outbox.
    public var status: DeliveryStatus
    /// HTTP requests made for it so far.
    public var attempts: Int
    /// The HTTP status of the last attempt; nil before the first or when no response came.
    public var lastStatus: Int?
    /// Why the last attempt failed, or why it was given up; nil once delivered.
    public var lastError: String?
    /// Milliseconds since the Unix epoch (UTC) from which it is due; set exactly while it is `pending` or
    /// `failed`.
    public var nextAttemptAt: Int64?
    /// Milliseconds since the Unix epoch (UTC) at which it was queued; the retention purge goes by it.
    public var createdAt: Int64
    /// Milliseconds since the Unix epoch (UTC) of the 2xx; nil until then.
    public var deliveredAt: Int64?

    /// Makes a record, as stored.
    public init(
        id: Int64, channelId: Int64, messageId: String, type: DeliveryType, itemKey: String?, body: String,
        status: DeliveryStatus, attempts: Int, lastStatus: Int?, lastError: String?, nextAttemptAt: Int64?,
        createdAt: Int64, deliveredAt: Int64?
    ) {
        self.id = id
        self.channelId = channelId
        self.messageId = messageId
        self.type = type
        self.itemKey = itemKey
        self.body = body
        self.status = status
        self.attempts = attempts
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.nextAttemptAt = nextAttemptAt
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
