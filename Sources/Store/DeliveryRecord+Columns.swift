import SQLite

extension DeliveryRecord {
    /// The columns every delivery query selects, in the order `init(_:at:)` reads them.
    static let columns = """
        id, channel_id, message_id, type, item_key, body, status, attempts, last_status, last_error, \
        next_attempt_at, created_at, delivered_at
        """

    /// The same columns qualified by the alias `d`, for joins.
    static let qualifiedColumns = """
        d.id, d.channel_id, d.message_id, d.type, d.item_key, d.body, d.status, d.attempts, d.last_status, \
        d.last_error, d.next_attempt_at, d.created_at, d.delivered_at
        """

    /// Reads a record from the current row, starting at column `offset`.
    init(_ row: Row, at offset: Int = 0) throws(RowDecodingError) {
        self.init(
            id: try row.int64(offset),
            channelId: try row.int64(offset + 1),
            messageId: try row.text(offset + 2),
            type: try row.rawValue(offset + 3, as: DeliveryType.self),
            itemKey: try row.optionalText(offset + 4),
            body: try row.text(offset + 5),
            status: try row.rawValue(offset + 6, as: DeliveryStatus.self),
            attempts: try row.int(offset + 7),
            lastStatus: try row.optionalInt(offset + 8),
            lastError: try row.optionalText(offset + 9),
            nextAttemptAt: try row.optionalInt64(offset + 10),
            createdAt: try row.int64(offset + 11),
            deliveredAt: try row.optionalInt64(offset + 12))
    }
}
