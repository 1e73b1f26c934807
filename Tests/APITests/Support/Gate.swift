import Dispatch

/// A gate threads wait at until the test opens it, with a bound so that a test that forgets fails rather than
/// hangs; and a count of the threads arrived, waited for with a bound too.
final class Gate: Sendable {
    private let opened = DispatchSemaphore(value: 0)
    private let arrivals = DispatchSemaphore(value: 0)
    /// The most any thread waits for the gate.
    static let bound: DispatchTimeInterval = .seconds(10)

    /// Waits until the gate opens (or the bound passes).
    func wait() {
        arrivals.signal()
        if opened.wait(timeout: .now() + Self.bound) == .success { opened.signal() }
    }

    /// Whether `count` threads arrived within the bound.
    func arrived(_ count: Int) -> Bool {
        (0..<count).allSatisfy { _ in arrivals.wait(timeout: .now() + Self.bound) == .success }
    }

    /// Lets every waiting thread, and every later one, through.
    func open() { opened.signal() }
}
