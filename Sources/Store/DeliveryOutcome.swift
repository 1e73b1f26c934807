/// What came of one attempt to send a delivery, as the sender tells it.
public enum DeliveryOutcome: Sendable, Equatable {
    /// A 2xx, with its status: the delivery is done.
    case delivered(status: Int)
    /// Failed, to be tried again at `retryAt` (ms since the epoch): a status when a response came (nil for a
    /// timeout or a refused connection), and what went wrong.
    case failed(status: Int?, error: String, retryAt: Int64)
    /// Failed and not to be tried again (retries spent, a 410): the status when a response came, and why.
    case gaveUp(status: Int?, error: String)
}
