/// Channels. Times are milliseconds since the Unix epoch (UTC).
extension StoreReading {
    /// The channel with this id, or nil.
    public func channel(id: Int64) throws(StoreError) -> ChannelRecord? {
        try query { try $0.channel(id: id) }
    }

    /// Channels by id ascending, `limit` (clamped to 1...10,000) at a time, starting after `cursor`.
    public func channels(after cursor: IDCursor?, limit: Int) throws(StoreError) -> Page<ChannelRecord, IDCursor> {
        try query { try $0.channels(after: cursor, limit: limit) }
    }

    /// Every channel, by id ascending, enabled or not.
    public func allChannels() throws(StoreError) -> [ChannelRecord] {
        try query { try $0.allChannels() }
    }
}
