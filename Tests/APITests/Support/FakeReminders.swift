import Reminders
import Store
import Synchronization

/// Stands in for the reminders' threads in tests of the routes: records what the API tells it, and answers a
/// channel test with `outcome`, after waiting for `release` when one is given (a receiver that hangs).
final class FakeReminders: ReminderControl {
    private let state = Mutex(State())
    private let outcome: TestOutcome
    private let release: Gate?

    struct State {
        var changes: [StoreChange] = []
        var outboxChanges = 0
        var tested: [ChannelRecord] = []
    }

    init(
        outcome: TestOutcome = TestOutcome(delivered: true, status: 204, error: nil, durationMillis: 12),
        release: Gate? = nil
    ) {
        self.outcome = outcome
        self.release = release
    }

    var changes: [StoreChange] { state.withLock { $0.changes } }
    var outboxChanges: Int { state.withLock { $0.outboxChanges } }
    var tested: [ChannelRecord] { state.withLock { $0.tested } }

    func changed(_ change: StoreChange) { state.withLock { $0.changes.append(change) } }

    func outboxChanged() { state.withLock { $0.outboxChanges += 1 } }

    func sendTest(to channel: ChannelRecord) -> TestOutcome {
        state.withLock { $0.tested.append(channel) }
        release?.wait()
        return outcome
    }

    /// Forgets what it was told so far.
    func reset() { state.withLock { $0 = State() } }
}
