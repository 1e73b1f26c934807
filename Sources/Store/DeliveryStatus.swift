/// Where a delivery is in the outbox; the stored text is the raw value.
///
/// `pending` | `failed` → `delivered` | `failed` | `gave_up` through `recordDeliveryAttempt`, and → `gave_up`
/// through `withdrawDelivery`; `failed` | `gave_up` → `pending` through `retryDelivery`. A delivery has a next attempt exactly while it is
/// `pending` or `failed` (a CHECK constraint holds to it): those two are the outbox.
public enum DeliveryStatus: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Waiting for its first attempt, or for one asked for again.
    case pending
    /// Answered with a 2xx: done.
    case delivered
    /// Its last attempt failed; it is tried again at `nextAttemptAt`.
    case failed
    /// Not to be tried again (retries spent, a 410, or the item was gone before it went out); kept for the log.
    case gaveUp = "gave_up"

    /// Whether a delivery in this status is still to be sent: `pending` or `failed`.
    public var isWaiting: Bool { self == .pending || self == .failed }
}
