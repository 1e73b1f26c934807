/// The outbox at a glance, for `/metrics`: how many deliveries are stored in each status, and how long the
/// oldest one still to be sent has waited.
public struct DeliveryCounts: Sendable, Equatable {
    /// Every status, with 0 for those no delivery is in.
    public var byStatus: [DeliveryStatus: Int]
    /// When the oldest `pending` or `failed` delivery was queued (ms since the epoch), disabled channels'
    /// included; nil when the outbox is empty. Its age is the caller's clock minus this.
    public var oldestWaitingCreatedAt: Int64?

    /// Makes the counts.
    public init(byStatus: [DeliveryStatus: Int], oldestWaitingCreatedAt: Int64?) {
        self.byStatus = byStatus
        self.oldestWaitingCreatedAt = oldestWaitingCreatedAt
    }

    /// The deliveries still to be sent: `pending` and `failed`.
    public var waiting: Int { (byStatus[.pending] ?? 0) + (byStatus[.failed] ?? 0) }
}
