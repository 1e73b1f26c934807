/// The outbox: a message is written here before it is sent, and its outcome after. No timeline shows a delivery
/// or a mark, so none of these writes changes one: each reports `.none`.
extension WriteTransaction {
    /// Queues `message` for channel `channelId`: `pending`, created `now`, due at `nextAttemptAt` (ms; `now`, or
    /// the end of quiet hours), with `itemKey` naming its item (nil for a digest or a test). A channel that does
    /// not exist is `StoreError.missingReference`, a message id already used `StoreError.duplicate`.
    ///
    /// A test message, sent at once, is logged by queuing it and recording its outcome in the same transaction,
    /// after the request: the sender never sees it pending.
    public func enqueueDelivery(
        channelId: Int64, itemKey: String? = nil, _ message: DeliveryMessage, nextAttemptAt: Int64, now: Int64
    ) throws(StoreError) -> DeliveryRecord {
        try query {
            try $0.enqueueDelivery(
                channelId: channelId, itemKey: itemKey, message, nextAttemptAt: nextAttemptAt, now: now)
        }
    }

    /// Queues `message` for `item` on channel `channelId`, as `enqueueDelivery` does, unless the channel has a
    /// mark for that item phase; marks it, with the delivery. Returns the new delivery, or nil when the mark was
    /// there (nothing is written). Two wake-ups that race queue it once: the second finds the first's mark.
    public func enqueueOnce(
        channelId: Int64, _ item: ItemPhase, _ message: DeliveryMessage, nextAttemptAt: Int64, now: Int64
    ) throws(StoreError) -> DeliveryRecord? {
        try query { try $0.enqueueOnce(channelId: channelId, item, message, nextAttemptAt: nextAttemptAt, now: now) }
    }

    /// Records what came of an attempt made at `now`: `attempts` + 1, `lastStatus` and `lastError` from the
    /// outcome, and `delivered` (with `deliveredAt` = `now`), `failed` (due again at its `retryAt`) or `gave_up`.
    /// Returns false when no `pending` or `failed` delivery has this id (purged, its channel deleted, or settled
    /// already): nothing is written then. The channel's `gaveUpInRow` is the caller's to keep, in the same
    /// transaction.
    @discardableResult
    public func recordDeliveryAttempt(
        id: Int64, _ outcome: DeliveryOutcome, now: Int64
    ) throws(StoreError) -> Bool {
        try query { try $0.recordDeliveryAttempt(id: id, outcome, now: now) }
    }

    /// Gives up a `pending` or `failed` delivery that was not sent, with `reason` as its `lastError` (its item was
    /// done, snoozed or changed before it went out): no attempt is counted. Returns it as it now is, or nil when
    /// no `pending` or `failed` delivery has this id.
    public func withdrawDelivery(id: Int64, reason: String) throws(StoreError) -> DeliveryRecord? {
        try query { try $0.withdrawDelivery(id: id, reason: reason) }
    }

    /// Makes a `failed` or `gave_up` delivery `pending` again, due at `now`, with the same message id, its
    /// attempts and its last outcome; refused for one `pending` or `delivered`. A disabled channel's delivery
    /// waits for the channel to be enabled.
    public func retryDelivery(id: Int64, now: Int64) throws(StoreError) -> DeliveryRetry {
        try query { try $0.retryDelivery(id: id, now: now) }
    }

    /// Deletes the deliveries queued before `cutoff` (`ReminderRetention.cutoff(now:)`), whatever their status,
    /// and returns how many; their marks stay.
    @discardableResult
    public func purgeDeliveries(olderThan cutoff: Int64) throws(StoreError) -> Int {
        try query { try $0.purgeDeliveries(olderThan: cutoff) }
    }

    /// Marks `item` as handled by channel `channelId` at `now`, with the delivery queued for it if any. True when
    /// the mark is new; false when it was there (nothing is written). Prefer `enqueueOnce`, which marks and
    /// queues together.
    public func insertMark(
        channelId: Int64, _ item: ItemPhase, deliveryId: Int64? = nil, now: Int64
    ) throws(StoreError) -> Bool {
        try query { try $0.insertMark(channelId: channelId, item, deliveryId: deliveryId, now: now) }
    }

    /// Marks each of `items` as handled by channel `channelId` at `now`, with no delivery: what was due already
    /// when the channel was made (phase `due`, and `overdue` too where it was overdue already). Returns how many
    /// marks are new.
    @discardableResult
    public func insertBaselineMarks(
        channelId: Int64, _ items: some Sequence<ItemPhase>, now: Int64
    ) throws(StoreError) -> Int {
        try query { try $0.insertBaselineMarks(channelId: channelId, items, now: now) }
    }

    /// Deletes the marks made before `cutoff` whose item is not among `listedKeys`, and returns how many. Pass
    /// the key of every item still listed, snoozed ones included: a mark purged while its item is listed would
    /// let the item be queued again.
    @discardableResult
    public func purgeMarks(olderThan cutoff: Int64, keeping listedKeys: some Sequence<String>) throws(StoreError)
        -> Int
    {
        try query { try $0.purgeMarks(olderThan: cutoff, keeping: listedKeys) }
    }
}
