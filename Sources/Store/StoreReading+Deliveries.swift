/// The outbox, and the marks of what each channel has handled. Times are milliseconds since the Unix epoch (UTC),
/// from the caller's clock.
extension StoreReading {
    /// The delivery with this id, or nil.
    public func delivery(id: Int64) throws(StoreError) -> DeliveryRecord? {
        try query { try $0.delivery(id: id) }
    }

    /// The runs the sender should send at `now`: of at most `channels` enabled channels not in `busyChannels`
    /// (those with a run in flight), the ones due longest, each channel's `pending` or `failed` deliveries with
    /// `nextAttemptAt <= now`, the longest due first (ties by id), at most `runLength`; both limits clamped to
    /// 1...10,000. A disabled channel's deliveries wait, and are due again once it is enabled.
    public func dueRuns(
        at now: Int64, channels: Int, runLength: Int, excludingChannels busyChannels: Set<Int64> = []
    ) throws(StoreError) -> [[DeliveryRecord]] {
        try query {
            try $0.dueRuns(at: now, channels: channels, runLength: runLength, excludingChannels: busyChannels)
        }
    }

    /// The instant the sender should wake at: the earliest `nextAttemptAt` among the deliveries `dueRuns`
    /// could return at some time (enabled channels not in `busyChannels`), in the past if some are due already;
    /// nil when there is none, and the sender may sleep until woken.
    public func nextDeliveryDue(excludingChannels busyChannels: Set<Int64> = []) throws(StoreError) -> Int64? {
        try query { try $0.nextDeliveryDue(excludingChannels: busyChannels) }
    }

    /// Deliveries matching `filter`, newest first, `limit` (clamped to 1...10,000) at a time, after `cursor`:
    /// the next page holds the ids below its `lastId`.
    public func deliveries(
        matching filter: DeliveryFilter, after cursor: IDCursor?, limit: Int
    ) throws(StoreError) -> Page<DeliveryRecord, IDCursor> {
        try query { try $0.deliveries(matching: filter, after: cursor, limit: limit) }
    }

    /// How many deliveries are in each status, and when the oldest still to be sent was queued; for `/metrics`.
    public func deliveryCounts() throws(StoreError) -> DeliveryCounts {
        try query { try $0.deliveryCounts() }
    }

    /// Whether channel `channelId` has handled `item` (queued it, or had it as a baseline).
    public func hasMark(channelId: Int64, _ item: ItemPhase) throws(StoreError) -> Bool {
        try query { try $0.hasMark(channelId: channelId, item) }
    }

    /// Every mark of channel `channelId`, by item key then phase: what the scheduler loads to know what a channel
    /// has handled without asking item by item.
    public func marks(channelId: Int64) throws(StoreError) -> [ReminderMark] {
        try query { try $0.marks(channelId: channelId) }
    }
}
