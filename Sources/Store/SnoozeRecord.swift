/// A stored snooze: an agenda item hidden from the agenda, the calendar feed and the reminders until an instant.
/// Snoozes are made and deleted, never updated.
public struct SnoozeRecord: StoredRecord, Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
    /// What the client wrote.
    public var fields: SnoozeFields
    /// Milliseconds since the Unix epoch (UTC) at which it was made.
    public var createdAt: Int64

    /// A record of `fields` as stored under `id`.
    public init(id: Int64, _ fields: SnoozeFields, createdAt: Int64) {
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
    }
}
