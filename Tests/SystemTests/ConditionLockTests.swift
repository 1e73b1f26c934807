import Glibc
import System
import Testing

@Suite("A condition lock: a wait ends at its deadline on its clock, or when the state it waits for comes")
struct ConditionLockTests {
    @Test(
        "a wait for a state that never comes ends at the deadline, not before",
        arguments: [
            ConditionLock<Int>.DeadlineClock.monotonic, .wall,
        ])
    func deadline(_ clock: ConditionLock<Int>.DeadlineClock) {
        let lock = ConditionLock(0, clock: clock)
        let now = clock == .monotonic ? Clock.monotonicMilliseconds() : Clock.wallMilliseconds()
        let started = Clock.monotonicMilliseconds()
        let seen = lock.wait(until: { $0 == 1 }, deadline: now + 50) { $0 }
        let waited = Clock.monotonicMilliseconds() - started
        #expect(seen == 0)
        #expect(waited >= 49, "woke after \(waited) ms")
        #expect(waited < 5_000, "woke after \(waited) ms")
    }

    @Test("a change made from another thread ends the wait, long before its deadline")
    func wake() throws {
        let lock = ConditionLock(0)
        let thread = try SystemThread.spawn(named: "test") {
            usleep(20_000)
            lock.withLockThenWake { $0 = 1 }
        }
        let started = Clock.monotonicMilliseconds()
        let value = lock.wait { state -> (value: Int?, deadline: Int64?) in
            (state == 1 ? state : nil, Clock.monotonicMilliseconds() + 60_000)
        }
        #expect(value == 1)
        #expect(Clock.monotonicMilliseconds() - started < 30_000)
        pthread_join(thread, nil)
    }

    struct Counted: Sendable {
        var value = 0
        var done = false
        var looks = 0
    }

    @Test("a change that says waiters need not look costs them no wake-up; one that says they must wakes them")
    func wakingIf() throws {
        let lock = ConditionLock(Counted())
        let thread = try SystemThread.spawn(named: "test") {
            // Waits until the first look is done, then changes the state twice: quietly, then waking.
            let started = Clock.monotonicMilliseconds()
            while lock.withLock({ $0.looks }) == 0 && Clock.monotonicMilliseconds() - started < 30_000 {
                usleep(1_000)
            }
            lock.withLockWakingIf { state in
                state.value = 1
                return false
            }
            // Time for a waiter wrongly woken to look a second time.
            usleep(20_000)
            lock.withLockWakingIf { state in
                state.done = true
                return true
            }
        }
        let seen = lock.wait { state -> (value: Counted?, deadline: Int64?) in
            state.looks += 1
            return (state.done ? state : nil, nil)
        }
        pthread_join(thread, nil)
        #expect(seen.done && seen.value == 1)
        #expect(seen.looks == 2)
    }
}
