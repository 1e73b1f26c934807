/// The position after the last event of a timeline page: the next page starts after (`occurredAt`, `id`).
public struct EventCursor: Sendable, Equatable, Hashable {
    /// The `occurred_at` of the last event already returned, in milliseconds.
    public var occurredAt: Int64
    /// Its id, which breaks ties between events at the same time.
    public var id: Int64

    /// Makes a cursor.
    public init(occurredAt: Int64, id: Int64) {
        self.occurredAt = occurredAt
        self.id = id
    }
}
