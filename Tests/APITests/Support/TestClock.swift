import API
import Synchronization
import Time

/// The service's clock in a test, set by the test.
final class TestClock: Sendable {
    private let value: Mutex<Instant>

    /// A clock at an RFC 3339 time (at 1970 when the text does not parse).
    init(_ text: String) { value = Mutex(Instant(rfc3339: text) ?? Instant(millis: 0)) }

    /// The time, as the service reads it.
    func now() -> Instant { value.withLock { $0 } }

    /// Moves the clock to an RFC 3339 time; a text that does not parse leaves it where it is.
    func set(_ text: String) {
        guard let instant = Instant(rfc3339: text) else { return }
        value.withLock { $0 = instant }
    }
}
