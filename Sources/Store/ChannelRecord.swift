/// A stored channel: where the reminders of the agenda are sent, and how.
public struct ChannelRecord: StoredRecord, Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
    /// What a client wrote, and what the service set on it (`enabled`, `disabledReason`, the secrets).
    public var fields: ChannelFields
    /// Deliveries given up one after another since the last one delivered; the sender disables the channel at 10.
    public var gaveUpInRow: Int
    /// The local date (`YYYY-MM-DD`, the settings' time zone) of the last digest queued; nil before the first.
    public var lastDigestDate: String?
    /// Milliseconds since the Unix epoch (UTC).
    public var createdAt: Int64
    /// Milliseconds since the Unix epoch (UTC) of the last write that changed the fields.
    public var updatedAt: Int64
    /// 1 when created, plus one on every write that changes the fields; the API's ETag and `If-Match` compare
    /// it. The two counters do not count: they change with every delivery and are not part of what `GET` shows.
    public var version: Int64

    /// A record of `fields` as stored under `id`.
    public init(
        id: Int64, _ fields: ChannelFields, gaveUpInRow: Int = 0, lastDigestDate: String? = nil, createdAt: Int64,
        updatedAt: Int64, version: Int64 = 1
    ) {
        self.id = id
        self.fields = fields
        self.gaveUpInRow = gaveUpInRow
        self.lastDigestDate = lastDigestDate
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}
