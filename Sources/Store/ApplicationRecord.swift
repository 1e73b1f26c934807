/// A stored application: one candidacy with an employer, reached by a route.
public struct ApplicationRecord: StoredRecord, Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
    /// What a client wrote.
    public var fields: ApplicationFields
    /// Milliseconds since the Unix epoch (UTC).
    public var createdAt: Int64
    /// Milliseconds since the Unix epoch (UTC) of the last write.
    public var updatedAt: Int64
    /// 1 when created, plus one on every update.
    public var version: Int64

    /// A record of `fields` as stored under `id`.
    public init(id: Int64, _ fields: ApplicationFields, createdAt: Int64, updatedAt: Int64, version: Int64 = 1) {
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }
}
