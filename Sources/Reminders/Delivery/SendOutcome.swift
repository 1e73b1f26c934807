/// What became of a delivery the sender took up, for the metrics of deliveries by kind and outcome. The raw value
/// is the metric's label.
public enum SendOutcome: String, Sendable, Equatable, CaseIterable {
    /// A 2xx came back.
    case delivered
    /// The attempt failed and the delivery waits for its next one.
    case failed
    /// The attempt failed and the delivery will not be tried again (retries spent, a 410, a message that cannot
    /// be made).
    case gaveUp = "gave_up"
    /// Its item was done, snoozed or changed before the message went out: not sent.
    case withdrawn
}
