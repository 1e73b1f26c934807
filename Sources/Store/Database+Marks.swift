import JSON
import SQLite

// What the scheduler has handled, per channel. The primary key (channel, item, phase) is what makes an item phase
// queued at most once: the insert that finds it taken changes nothing, whichever of two wake-ups comes second.
extension Database {
    /// Marks `item` as handled by channel `channelId` at `now` (ms), with the delivery queued for it if any.
    /// Returns true when the mark is new, false when the channel had it already (and nothing is written). A
    /// channel or delivery that does not exist fails with a FOREIGN KEY error.
    func insertMark(channelId: Int64, _ item: ItemPhase, deliveryId: Int64?, now: Int64) throws -> Bool {
        let sql = """
            INSERT INTO reminder_marks (channel_id, item_key, phase, delivery_id, created_at) VALUES (?, ?, ?, ?, ?) \
            ON CONFLICT (channel_id, item_key, phase) DO NOTHING
            """
        let bindings: [SQLiteValue] = [
            .integer(channelId), .text(item.itemKey), .text(item.phase.rawValue), SQLiteValue(deliveryId),
            .integer(now),
        ]
        try run(sql, bindings)
        return changes > 0
    }

    /// Queues `message` for `item` on channel `channelId` unless the channel has handled that item phase: the
    /// delivery, then the mark naming it (the writer's transaction holds both, so nothing comes between the look
    /// and the writes). Returns the new delivery, or nil when the mark was there already, in which case nothing is
    /// written.
    func enqueueOnce(
        channelId: Int64, _ item: ItemPhase, _ message: DeliveryMessage, nextAttemptAt: Int64, now: Int64
    ) throws -> DeliveryRecord? {
        guard try !hasMark(channelId: channelId, item) else { return nil }
        let delivery = try enqueueDelivery(
            channelId: channelId, itemKey: item.itemKey, message, nextAttemptAt: nextAttemptAt, now: now)
        _ = try insertMark(channelId: channelId, item, deliveryId: delivery.id, now: now)
        return delivery
    }

    /// Marks every one of `items` as handled by channel `channelId` at `now` (ms), with no delivery: what was due
    /// already when the channel was made. Returns how many marks are new; those the channel had stay as they were.
    func insertBaselineMarks(channelId: Int64, _ items: some Sequence<ItemPhase>, now: Int64) throws -> Int {
        var added = 0
        for item in items where try insertMark(channelId: channelId, item, deliveryId: nil, now: now) {
            added += 1
        }
        return added
    }

    /// Whether channel `channelId` has handled `item`.
    func hasMark(channelId: Int64, _ item: ItemPhase) throws -> Bool {
        let sql = "SELECT 1 FROM reminder_marks WHERE channel_id = ? AND item_key = ? AND phase = ?"
        return try first(sql, [.integer(channelId), .text(item.itemKey), .text(item.phase.rawValue)]) { _ in true }
            ?? false
    }

    /// Every mark of channel `channelId`, by item key then phase.
    func marks(channelId: Int64) throws -> [ReminderMark] {
        let sql = """
            SELECT channel_id, item_key, phase, delivery_id, created_at FROM reminder_marks WHERE channel_id = ? \
            ORDER BY item_key, phase
            """
        return try map(sql, [.integer(channelId)]) { row in
            ReminderMark(
                channelId: try row.int64(0),
                item: ItemPhase(itemKey: try row.text(1), phase: try row.rawValue(2, as: MarkPhase.self)),
                deliveryId: try row.optionalInt64(3), createdAt: try row.int64(4))
        }
    }

    /// Deletes the marks made before `cutoff` (ms) whose item is not among `listedKeys`, and returns how many.
    ///
    /// An item stays listed until it is done, however long that takes: were its marks purged by age alone, it
    /// would be queued again. So the caller names every item still listed, snoozed ones included, and only the
    /// marks of items gone (done, changed into a new item, their application deleted) are purged.
    func purgeMarks(olderThan cutoff: Int64, keeping listedKeys: some Sequence<String>) throws -> Int {
        let sql = """
            DELETE FROM reminder_marks WHERE created_at < ? AND item_key NOT IN (SELECT value FROM json_each(?))
            """
        try run(sql, [.integer(cutoff), .text(JSON(Array(listedKeys)).serialized())])
        return changes
    }
}
