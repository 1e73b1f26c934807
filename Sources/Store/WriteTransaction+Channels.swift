/// Channels. No timeline shows a channel, so none of these writes changes one: each reports `.none`.
extension WriteTransaction {
    /// Stores a new channel at version 1, created and updated `now` (ms), and returns it with its new id. Write
    /// the baseline marks of what is due already (`insertBaselineMarks`) in the same transaction, so that no
    /// wake-up of the scheduler sees the channel without them.
    public func insertChannel(_ fields: ChannelFields, now: Int64) throws(StoreError) -> ChannelRecord {
        try query { try $0.insertChannel(fields, now: now) }
    }

    /// Replaces every field (secrets and `enabled` included: read the record, change what the request names,
    /// write it back), sets `updatedAt` to `now` and adds one to the version; refused when `expectedVersion` is
    /// given and differs. A channel enabled again starts with no delivery given up in a row.
    public func updateChannel(
        id: Int64, _ fields: ChannelFields, expectedVersion: Int64?, now: Int64
    ) throws(StoreError) -> WriteOutcome<ChannelRecord> {
        try query { try $0.updateChannel(id: id, fields, expectedVersion: expectedVersion, now: now) }
    }

    /// Deletes the channel with its deliveries and marks and returns it as it was; refused when
    /// `expectedVersion` is given and differs.
    public func deleteChannel(id: Int64, expectedVersion: Int64?) throws(StoreError) -> WriteOutcome<ChannelRecord> {
        try query { try $0.deleteChannel(id: id, expectedVersion: expectedVersion) }
    }

    /// Enables the channel (`reason` nil) or disables it, saying why (a 410, 10 deliveries given up in a row),
    /// and returns it as it now is; nil when there is no such channel. A change sets `updatedAt` and adds one to
    /// the version; setting what is set already writes nothing. Enabling it clears `gaveUpInRow`.
    public func setChannelEnabled(
        id: Int64, _ enabled: Bool, reason: String?, now: Int64
    ) throws(StoreError) -> ChannelRecord? {
        try query { try $0.setChannelEnabled(id: id, enabled, reason: reason, now: now) }
    }

    /// Adds one to the channel's count of deliveries given up in a row and returns the new count (the sender
    /// disables the channel at 10); nil when there is no such channel. The version does not change.
    public func incrementGaveUpInRow(channelId: Int64) throws(StoreError) -> Int? {
        try query { try $0.incrementGaveUpInRow(channelId: channelId) }
    }

    /// Sets the channel's count of deliveries given up in a row back to 0, after a delivery. The version does not
    /// change.
    public func resetGaveUpInRow(channelId: Int64) throws(StoreError) {
        try query { try $0.resetGaveUpInRow(channelId: channelId) }
    }

    /// Makes `secret` (made by the caller) the channel's secret; the one it replaces becomes `previousSecret`,
    /// still signed with until `previousUntil` (ms; 24 hours on). Sets `updatedAt` and adds one to the version,
    /// and returns the channel as it now is; nil when there is no such channel. A secret replaced earlier is
    /// forgotten.
    public func rotateChannelSecret(
        id: Int64, to secret: String, previousUntil: Int64, now: Int64
    ) throws(StoreError) -> ChannelRecord? {
        try query { try $0.rotateChannelSecret(id: id, to: secret, previousUntil: previousUntil, now: now) }
    }

    /// Records the local date (`YYYY-MM-DD`, the settings' zone) of the digest just queued, in the transaction
    /// that queues it; false when there is no such channel. The version does not change.
    @discardableResult
    public func setLastDigestDate(channelId: Int64, _ date: String) throws(StoreError) -> Bool {
        try query { try $0.setLastDigestDate(channelId: channelId, date) }
    }
}
