import SQLite

extension Database {
    /// The channel with this id, or nil.
    func channel(id: Int64) throws -> ChannelRecord? {
        try first("SELECT \(ChannelRecord.columns) FROM channels WHERE id = ?", [.integer(id)]) {
            try ChannelRecord($0)
        }
    }

    /// Stores a new channel at version 1, created and updated `now` (ms), no delivery given up and no digest
    /// queued yet, and returns it with its new id.
    func insertChannel(_ fields: ChannelFields, now: Int64) throws -> ChannelRecord {
        let sql = """
            INSERT INTO channels (name, kind, url, token, secret, previous_secret, previous_secret_until, enabled, \
            disabled_reason, mode, digest_at, actions, created_at, updated_at, version) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING \(ChannelRecord.columns)
            """
        let record = try first(sql, Self.bindings(fields) + [.integer(now), .integer(now)]) { try ChannelRecord($0) }
        return try Self.returned(record, sql: sql)
    }

    /// Replaces every field, sets `updated_at` to `now` and adds one to the version; refused when
    /// `expectedVersion` is given and differs. A channel enabled again starts with no delivery given up in a row,
    /// so that one more does not disable it at once.
    func updateChannel(
        id: Int64, _ fields: ChannelFields, expectedVersion: Int64?, now: Int64
    ) throws -> WriteOutcome<ChannelRecord> {
        let current = try first("SELECT version FROM channels WHERE id = ?", [.integer(id)]) { try $0.int64(0) }
        if let mismatch = Self.versionCheck(current: current, expected: expectedVersion, as: ChannelRecord.self) {
            return mismatch
        }
        // The right-hand sides read the row as it was before this UPDATE (https://sqlite.org/lang_update.html),
        // so `enabled` in the CASE is the old value and ?8 the new one.
        let sql = """
            UPDATE channels SET name = ?1, kind = ?2, url = ?3, token = ?4, secret = ?5, previous_secret = ?6, \
            previous_secret_until = ?7, gave_up_in_row = CASE WHEN ?8 = 1 AND enabled = 0 THEN 0 \
            ELSE gave_up_in_row END, enabled = ?8, disabled_reason = ?9, mode = ?10, digest_at = ?11, actions = ?12, \
            updated_at = ?13, version = version + 1 WHERE id = ?14 RETURNING \(ChannelRecord.columns)
            """
        let record = try first(sql, Self.bindings(fields) + [.integer(now), .integer(id)]) { try ChannelRecord($0) }
        return .done(try Self.returned(record, sql: sql))
    }

    /// Deletes the channel with its deliveries and marks and returns it as it was; refused when `expectedVersion`
    /// is given and differs.
    func deleteChannel(id: Int64, expectedVersion: Int64?) throws -> WriteOutcome<ChannelRecord> {
        let current = try first("SELECT version FROM channels WHERE id = ?", [.integer(id)]) { try $0.int64(0) }
        if let mismatch = Self.versionCheck(current: current, expected: expectedVersion, as: ChannelRecord.self) {
            return mismatch
        }
        let sql = "DELETE FROM channels WHERE id = ? RETURNING \(ChannelRecord.columns)"
        let record = try first(sql, [.integer(id)]) { try ChannelRecord($0) }
        return .done(try Self.returned(record, sql: sql))
    }

    /// Channels by id ascending, `limit` (clamped to 1...10,000) at a time, starting after `cursor`.
    func channels(after cursor: IDCursor?, limit: Int) throws -> Page<ChannelRecord, IDCursor> {
        let limit = Page<ChannelRecord, IDCursor>.clamped(limit)
        let sql = "SELECT \(ChannelRecord.columns) FROM channels WHERE id > ? ORDER BY id LIMIT ?"
        let fetched = try map(sql, [.integer(cursor?.lastId ?? 0), .integer(Int64(limit + 1))]) {
            try ChannelRecord($0)
        }
        return Page(fetched: fetched, limit: limit) { IDCursor(lastId: $0.id) }
    }

    /// Every channel, by id ascending.
    func allChannels() throws -> [ChannelRecord] {
        try map("SELECT \(ChannelRecord.columns) FROM channels ORDER BY id", []) { try ChannelRecord($0) }
    }

    /// Enables or disables the channel with the reason given, and returns it as it now is, or nil when there is
    /// no such channel. A change of either sets `updated_at` and adds one to the version; setting what is already
    /// set writes nothing. Enabling it again clears the count of deliveries given up in a row.
    func setChannelEnabled(id: Int64, _ enabled: Bool, reason: String?, now: Int64) throws -> ChannelRecord? {
        let sql = """
            UPDATE channels SET gave_up_in_row = CASE WHEN ?1 = 1 AND enabled = 0 THEN 0 ELSE gave_up_in_row END, \
            enabled = ?1, disabled_reason = ?2, updated_at = ?3, version = version + 1 \
            WHERE id = ?4 AND (enabled IS NOT ?1 OR disabled_reason IS NOT ?2)
            """
        try run(sql, [SQLiteValue(enabled), SQLiteValue(reason), .integer(now), .integer(id)])
        return try channel(id: id)
    }

    /// Adds one to the channel's count of deliveries given up in a row and returns the new count, or nil when
    /// there is no such channel.
    func incrementGaveUpInRow(channelId: Int64) throws -> Int? {
        let sql = "UPDATE channels SET gave_up_in_row = gave_up_in_row + 1 WHERE id = ? RETURNING gave_up_in_row"
        return try first(sql, [.integer(channelId)]) { try $0.int(0) }
    }

    /// Sets the channel's count of deliveries given up in a row back to 0; a count already 0 is not written again.
    func resetGaveUpInRow(channelId: Int64) throws {
        try run("UPDATE channels SET gave_up_in_row = 0 WHERE id = ? AND gave_up_in_row != 0", [.integer(channelId)])
    }

    /// Makes `secret` the channel's secret and the one it replaces its previous secret, honoured until
    /// `previousUntil` (ms); sets `updated_at` and adds one to the version. Returns the channel as it now is, or
    /// nil when there is no such channel. A secret replaced before is forgotten.
    func rotateChannelSecret(id: Int64, to secret: String, previousUntil: Int64, now: Int64) throws -> ChannelRecord? {
        // Every right-hand side reads the row as it was, so `previous_secret = secret` takes the old secret.
        let sql = """
            UPDATE channels SET previous_secret = secret, previous_secret_until = ?, secret = ?, updated_at = ?, \
            version = version + 1 WHERE id = ? RETURNING \(ChannelRecord.columns)
            """
        return try first(sql, [.integer(previousUntil), .text(secret), .integer(now), .integer(id)]) {
            try ChannelRecord($0)
        }
    }

    /// Records the local date (`YYYY-MM-DD`) of the digest just queued; false when there is no such channel.
    func setLastDigestDate(channelId: Int64, _ date: String) throws -> Bool {
        try run("UPDATE channels SET last_digest_date = ? WHERE id = ?", [.text(date), .integer(channelId)])
        return changes > 0
    }

    private static func bindings(_ fields: ChannelFields) -> [SQLiteValue] {
        [
            .text(fields.name), .text(fields.kind.rawValue), .text(fields.url), SQLiteValue(fields.token),
            SQLiteValue(fields.secret), SQLiteValue(fields.previousSecret), SQLiteValue(fields.previousSecretUntil),
            SQLiteValue(fields.enabled), SQLiteValue(fields.disabledReason), .text(fields.mode.rawValue),
            .text(fields.digestAt), .text(ChannelRecord.actionsText(fields.actions)),
        ]
    }
}
