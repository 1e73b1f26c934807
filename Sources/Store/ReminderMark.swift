/// A stored mark: channel `channelId` has handled this item phase, by queuing a delivery or because it was
/// already due when the channel was made (a baseline mark, with no delivery).
public struct ReminderMark: Sendable, Equatable {
    /// The channel; deleting it deletes its marks.
    public var channelId: Int64
    /// The item and the phase handled.
    public var item: ItemPhase
    /// The delivery queued for it; nil for a baseline mark, and once that delivery is purged.
    public var deliveryId: Int64?
    /// Milliseconds since the Unix epoch (UTC) at which it was made; the retention purge goes by it.
    public var createdAt: Int64

    /// Makes a mark, as stored.
    public init(channelId: Int64, item: ItemPhase, deliveryId: Int64?, createdAt: Int64) {
        self.channelId = channelId
        self.item = item
        self.deliveryId = deliveryId
        self.createdAt = createdAt
    }
}
