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
        let thread = try SystemThread.spawn {
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
}
