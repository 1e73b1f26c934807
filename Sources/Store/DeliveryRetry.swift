/// What came of asking for a delivery to be sent again now.
public enum DeliveryRetry: Sendable, Equatable {
    /// It is `pending` again, due at once, with its message id, attempts and last outcome kept.
    case retried(DeliveryRecord)
    /// No delivery has that id.
    case notFound
    /// It is in a status that cannot be retried (`pending` or `delivered`); nothing was written.
    case refused(current: DeliveryStatus)
}
