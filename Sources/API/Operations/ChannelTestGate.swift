import Synchronization
import System

/// Runs channel tests off the event loops, a few at a time.
///
/// A test waits for the channel's receiver, up to the request timeout (15 s): on an event loop it would stall
/// every connection of that loop, and on the writer every write. Each runs on a thread of its own, and at most
/// `limit` at once, so that a client asking for many cannot make the service start a thread per request; one
/// more is refused (503) until one ends.
final class ChannelTestGate: Sendable {
    /// How many tests may wait for their receivers at once.
    let limit: Int
    private let running = Atomic<Int>(0)

    init(limit: Int = 4) {
        self.limit = limit
    }

    /// A test's place among those running.
    final class Pass: Sendable {
        private let gate: ChannelTestGate
        private let held = Atomic<Bool>(true)

        init(_ gate: ChannelTestGate) { self.gate = gate }

        /// Gives the place up, once; call it just before answering, so that a client that sends its next test as
        /// soon as it has the answer finds room.
        func leave() {
            if held.exchange(false, ordering: .acquiringAndReleasing) {
                gate.running.subtract(1, ordering: .releasing)
            }
        }
    }

    /// Runs `work` on a new thread unless `limit` tests are running: false then, or when no thread could be
    /// started, and `work` does not run. The place is given up when `work` calls `leave()`, or else once it
    /// returns.
    func run(_ work: @escaping @Sendable (Pass) -> Void) -> Bool {
        var current = running.load(ordering: .relaxed)
        while true {
            guard current < limit else { return false }
            let (exchanged, found) = running.compareExchange(
                expected: current, desired: current + 1, ordering: .acquiringAndReleasing)
            if exchanged { break }
            current = found
        }
        let pass = Pass(self)
        let started =
            (try? SystemThread.spawnDetached(named: "channel-test") {
                work(pass)
                pass.leave()
            }) != nil
        if !started { pass.leave() }
        return started
    }
}
