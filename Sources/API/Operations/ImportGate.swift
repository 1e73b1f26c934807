import Glibc
import Synchronization
import System

/// Runs imports off the event loops, one at a time.
///
/// Reading and checking a body of up to 64 MiB takes long enough to stall every connection of the event loop
/// that would do it, and the writer thread, which every write waits for, must not spend that time either: each
/// import runs on a thread of its own, from reading its body to its answer. Only one runs at a time: two would
/// take twice the memory for what a database accepts only once (an import needs an empty one).
final class ImportGate: Sendable {
    private let busy = Atomic<Bool>(false)

    /// An import's hold on the gate.
    final class Pass: Sendable {
        private let gate: ImportGate
        private let held = Atomic<Bool>(true)

        init(_ gate: ImportGate) { self.gate = gate }

        /// Opens the gate, once; call it just before answering, so that a client that sends its next import as
        /// soon as it has the answer finds the gate open.
        func leave() {
            if held.exchange(false, ordering: .acquiringAndReleasing) {
                gate.busy.store(false, ordering: .releasing)
            }
        }
    }

    /// Runs `work` on a new thread unless an import is running: false then, or when no thread could be started,
    /// and `work` does not run. The gate opens when `work` calls `leave()` on its pass, or else once it returns;
    /// `afterwards` runs then, on the same thread.
    func run(_ work: @escaping @Sendable (Pass) -> Void, afterwards: @escaping @Sendable () -> Void = {}) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return false
        }
        let pass = Pass(self)
        let started =
            (try? SystemThread.spawnDetached(named: "import") {
                work(pass)
                pass.leave()
                afterwards()
            }) != nil
        if !started { pass.leave() }
        return started
    }
}
