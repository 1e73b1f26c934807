/// One phase of one agenda item: what a channel queues a message for at most once.
public struct ItemPhase: Sendable, Equatable, Hashable {
    /// `{application_id}:{action}:{contact_id or -}:{due_from ms}`; recording a follow-up moves `due_from`, so the
    /// next item has a new key.
    public var itemKey: String
    /// Fallen due, or turned overdue.
    public var phase: MarkPhase

    /// Makes an item phase.
    public init(itemKey: String, phase: MarkPhase) {
        self.itemKey = itemKey
        self.phase = phase
    }
}
