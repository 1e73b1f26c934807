import API
import Synchronization

/// The service's clock in a test: milliseconds since the epoch, set by the test.
final class TestClock: Sendable {
    private let value: Mutex<Int64>

    init(_ millis: Int64) { value = Mutex(millis) }

    /// The time, as the service reads it.
    func now() -> Int64 { value.withLock { $0 } }

    /// Moves the clock to an RFC 3339 time; a text that does not parse leaves it where it is.
    func set(_ text: String) {
        guard let millis = Timestamp.parse(text) else { return }
        value.withLock { $0 = millis }
    }
}
