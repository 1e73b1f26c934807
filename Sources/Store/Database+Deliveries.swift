import SQLite

// The outbox. A delivery is written before it is sent and changed only by the writes below; see DeliveryStatus.
extension Database {
    /// The delivery with this id, or nil.
    func delivery(id: Int64) throws -> DeliveryRecord? {
        try first("SELECT \(DeliveryRecord.columns) FROM deliveries WHERE id = ?", [.integer(id)]) {
            try DeliveryRecord($0)
        }
    }

    /// Queues `message` for channel `channelId`: a `pending` delivery, created `now` and due at `nextAttemptAt`
    /// (ms), with no attempt yet. A channel that does not exist fails with a FOREIGN KEY error, a message id
    /// already used with a UNIQUE one.
    func enqueueDelivery(
        channelId: Int64, itemKey: String?, _ message: DeliveryMessage, nextAttemptAt: Int64, now: Int64
    ) throws -> DeliveryRecord {
        // Only the id comes back: the rest is what was just written, and reading the body back would copy it once
        // more for each of the thousands of messages a wake-up can queue.
        let sql = """
            INSERT INTO deliveries (channel_id, message_id, type, item_key, body, status, attempts, next_attempt_at, \
            created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id
            """
        let bindings: [SQLiteValue] = [
            .integer(channelId), .text(message.messageId), .text(message.type.rawValue), SQLiteValue(itemKey),
            .text(message.body), .integer(nextAttemptAt), .integer(now),
        ]
        let id = try Self.returned(try first(sql, bindings) { try $0.int64(0) }, sql: sql)
        return DeliveryRecord(
            id: id, channelId: channelId, messageId: message.messageId, type: message.type, itemKey: itemKey,
            body: message.body, status: .pending, attempts: 0, lastStatus: nil, lastError: nil,
            nextAttemptAt: nextAttemptAt, createdAt: now, deliveredAt: nil)
    }

    /// The runs due at `now` (ms): of at most `channels` enabled channels not among `busyChannels`, those whose
    /// longest due delivery is due longest (ties by that delivery's id: first queued, first sent, so that channels
    /// with as much due take turns), each channel's `pending` or `failed` deliveries with `next_attempt_at <= now`,
    /// the longest due first (ties by id), at most `runLength`; both limits clamped to 1...10,000. No run is empty.
    ///
    /// The channels are picked first, each by the first entry of its own in the partial index
    /// `deliveries_due_by_channel`, then each picked channel's run is read from there: the rows read are the rows
    /// returned. The work grows with the channels and the runs, never with the deliveries waiting for a busy channel
    /// (walking the whole outbox in order passed over every one of them each time the sender asked), nor with the
    /// due deliveries of channels not picked (taking a run's worth from every free channel and keeping the longest
    /// due read, with their bodies, runs never sent).
    func dueRuns(at now: Int64, channels: Int, runLength: Int, excludingChannels busyChannels: some Sequence<Int64>)
        throws -> [[DeliveryRecord]]
    {
        let channels = Page<DeliveryRecord, IDCursor>.clamped(channels)
        let runLength = Page<DeliveryRecord, IDCursor>.clamped(runLength)
        let picked = try map(
            Self.dueChannelsSQL, [.integer(now), Self.jsonArray(busyChannels), .integer(Int64(channels))]
        ) { try $0.int64(0) }
        return try picked.compactMap { channelId in
            let run = try map(Self.dueRunSQL, [.integer(channelId), .integer(now), .integer(Int64(runLength))]) {
                try DeliveryRecord($0)
            }
            return run.isEmpty ? nil : run
        }
    }

    /// `dueRuns`' choice of channels: its parameters are the instant, the busy channels as a JSON array, and the
    /// most channels.
    static let dueChannelsSQL = """
        SELECT picked FROM (SELECT c.id AS picked, (SELECT next_attempt_at FROM deliveries WHERE channel_id = c.id \
        AND next_attempt_at IS NOT NULL ORDER BY next_attempt_at LIMIT 1) AS next FROM channels c \
        WHERE c.enabled = 1 AND c.id NOT IN (SELECT value FROM json_each(?2))) WHERE next <= ?1 \
        ORDER BY next, (SELECT d.id FROM deliveries d WHERE d.channel_id = picked AND d.next_attempt_at IS NOT NULL \
        AND d.next_attempt_at = next ORDER BY d.id LIMIT 1) LIMIT ?3
        """

    /// `dueRuns`' run of one channel: its parameters are the channel's id, the instant and the run's length.
    static let dueRunSQL = """
        SELECT \(DeliveryRecord.columns) FROM deliveries WHERE channel_id = ?1 AND next_attempt_at IS NOT NULL \
        AND next_attempt_at <= ?2 ORDER BY next_attempt_at, id LIMIT ?3
        """

    /// The earliest `next_attempt_at` (ms) among the deliveries of enabled channels not among `busyChannels`
    /// still to be sent, due already or not; nil when there is none.
    func nextDeliveryDue(excludingChannels busyChannels: some Sequence<Int64>) throws -> Int64? {
        try first(Self.nextDeliveryDueSQL, [Self.jsonArray(busyChannels)]) { try $0.int64(0) }
    }

    /// `nextDeliveryDue`'s query, each free channel's earliest looked up as in `dueRuns`: its parameter is the
    /// busy channels as a JSON array.
    static let nextDeliveryDueSQL = """
        SELECT next FROM (SELECT (SELECT next_attempt_at FROM deliveries WHERE channel_id = c.id \
        AND next_attempt_at IS NOT NULL ORDER BY next_attempt_at LIMIT 1) AS next FROM channels c \
        WHERE c.enabled = 1 AND c.id NOT IN (SELECT value FROM json_each(?1))) WHERE next IS NOT NULL \
        ORDER BY next LIMIT 1
        """

    /// Records what came of an attempt at `now` (ms): one more attempt, its status and error, and the status
    /// that follows. Returns false when no `pending` or `failed` delivery has this id (it was purged, its channel
    /// deleted, or it was settled already), in which case nothing is written. Only the id comes back from the
    /// write: the sender records an outcome for every message, and the row would bring its body along.
    func recordDeliveryAttempt(id: Int64, _ outcome: DeliveryOutcome, now: Int64) throws -> Bool {
        let (status, lastStatus, lastError, nextAttemptAt): (DeliveryStatus, Int?, String?, Int64?) =
            switch outcome {
            case .delivered(let code): (.delivered, code, nil, nil)
            case .failed(let code, let error, let retryAt): (.failed, code, error, retryAt)
            case .gaveUp(let code, let error): (.gaveUp, code, error, nil)
            }
        let sql = """
            UPDATE deliveries SET status = ?, attempts = attempts + 1, last_status = ?, last_error = ?, \
            next_attempt_at = ?, delivered_at = ? WHERE id = ? AND status IN ('pending', 'failed') RETURNING id
            """
        let bindings: [SQLiteValue] = [
            .text(status.rawValue), SQLiteValue(lastStatus.map(Int64.init)), SQLiteValue(lastError),
            SQLiteValue(nextAttemptAt), status == .delivered ? .integer(now) : .null, .integer(id),
        ]
        return try first(sql, bindings) { try $0.int64(0) } != nil
    }

    /// Gives up a `pending` or `failed` delivery without an attempt, with `reason` as its last error (the item
    /// was done, snoozed or changed before its message went out); its attempts and last status stay. Returns it
    /// as it now is, or nil when no `pending` or `failed` delivery has this id.
    func withdrawDelivery(id: Int64, reason: String) throws -> DeliveryRecord? {
        let sql = """
            UPDATE deliveries SET status = 'gave_up', last_error = ?, next_attempt_at = NULL \
            WHERE id = ? AND status IN ('pending', 'failed') RETURNING \(DeliveryRecord.columns)
            """
        return try first(sql, [.text(reason), .integer(id)]) { try DeliveryRecord($0) }
    }

    /// Makes a `failed` or `gave_up` delivery `pending` again, due at `now` (ms), with the same message id; its
    /// attempts and last outcome stay.
    func retryDelivery(id: Int64, now: Int64) throws -> DeliveryRetry {
        let sql = """
            UPDATE deliveries SET status = 'pending', next_attempt_at = ? \
            WHERE id = ? AND status IN ('failed', 'gave_up') RETURNING \(DeliveryRecord.columns)
            """
        if let record = try first(sql, [.integer(now), .integer(id)], { try DeliveryRecord($0) }) {
            return .retried(record)
        }
        guard let current = try delivery(id: id) else { return .notFound }
        return .refused(current: current.status)
    }

    /// Deliveries matching `filter`, newest first (by id descending), `limit` (clamped to 1...10,000) at a time,
    /// after `cursor` (the next page holds ids below its `lastId`).
    ///
    /// The SQL is put together from fixed fragments, one per condition given (four texts), and every value stays
    /// a bound parameter. A channel's deliveries are read through `deliveries_channel` in id order.
    func deliveries(
        matching filter: DeliveryFilter, after cursor: IDCursor?, limit: Int
    ) throws -> Page<DeliveryRecord, IDCursor> {
        let limit = Page<DeliveryRecord, IDCursor>.clamped(limit)
        var conditions = ["id < ?"]
        var bindings: [SQLiteValue] = [.integer(cursor?.lastId ?? Int64.max)]
        if let channelId = filter.channelId {
            conditions.append("channel_id = ?")
            bindings.append(.integer(channelId))
        }
        if let status = filter.status {
            conditions.append("status = ?")
            bindings.append(.text(status.rawValue))
        }
        bindings.append(.integer(Int64(limit + 1)))
        let sql = """
            SELECT \(DeliveryRecord.columns) FROM deliveries WHERE \(conditions.joined(separator: " AND ")) \
            ORDER BY id DESC LIMIT ?
            """
        let fetched = try map(sql, bindings) { try DeliveryRecord($0) }
        return Page(fetched: fetched, limit: limit) { IDCursor(lastId: $0.id) }
    }

    /// Deletes the deliveries queued before `cutoff` (ms), whatever their status, and returns how many; their
    /// marks stay, with no delivery. A delivery still waiting then has waited 30 days and more: its channel has
    /// long been failing or disabled, and keeping it would let the outbox grow without bound.
    func purgeDeliveries(olderThan cutoff: Int64) throws -> Int {
        try run("DELETE FROM deliveries WHERE created_at < ?", [.integer(cutoff)])
        return changes
    }

    /// How many deliveries are in each status, and when the oldest still to be sent was queued.
    func deliveryCounts() throws -> DeliveryCounts {
        var byStatus = Dictionary(uniqueKeysWithValues: DeliveryStatus.allCases.map { ($0, 0) })
        try forEachRow("SELECT status, count(*) FROM deliveries GROUP BY status", []) { row in
            byStatus[try row.rawValue(0, as: DeliveryStatus.self)] = try row.int(1)
        }
        // The outbox is exactly the rows of the partial index `deliveries_due`.
        let oldest = try first(
            "SELECT min(created_at) FROM deliveries WHERE next_attempt_at IS NOT NULL", []
        ) { try $0.optionalInt64(0) }
        return DeliveryCounts(byStatus: byStatus, oldestWaitingCreatedAt: oldest ?? nil)
    }
}
