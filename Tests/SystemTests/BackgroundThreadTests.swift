import Glibc
import Synchronization
import System
import Testing

/// A thread started in the background runs at `backgroundNice`, and only it: the nice value is the thread's own,
/// so neither the thread that started it nor a thread started plainly is lowered with it.
@Suite struct BackgroundThreadTests {
    /// The nice value `spawn` gives the body it runs.
    static func niceOfThread(background: Bool) throws -> Int32? {
        let seen = Mutex<Int32?>(nil)
        let body: @Sendable () -> Void = { seen.withLock { $0 = SystemThread.currentNice } }
        let thread =
            try background
            ? SystemThread.spawnInBackground(named: "test", body) : SystemThread.spawn(named: "test", body)
        pthread_join(thread, nil)
        return seen.withLock { $0 }
    }

    @Test func aBackgroundThreadRunsAtTheBackgroundNiceValueAndNoOtherDoes() throws {
        let own = try #require(SystemThread.currentNice)
        #expect(SystemThread.backgroundNice == 10)
        let background = try #require(try Self.niceOfThread(background: true))
        // Exactly 10 unless the tests already run above it (then an unprivileged thread cannot come back down).
        #expect(background == SystemThread.backgroundNice || own > SystemThread.backgroundNice)
        #expect(background >= SystemThread.backgroundNice)
        #expect(try Self.niceOfThread(background: false) == own)
        #expect(SystemThread.currentNice == own)
    }
}

/// Each thread the service starts carries a name of its own, so that `top -H` and `ps -L` tell them apart.
@Suite struct ThreadNameTests {
    static func nameOfThread(_ name: String, detached: Bool = false) throws -> String {
        let seen = Mutex<String?>(nil)
        let done = Atomic<Bool>(false)
        let body: @Sendable () -> Void = {
            seen.withLock { $0 = SystemThread.currentName }
            done.store(true, ordering: .releasing)
        }
        if detached {
            try SystemThread.spawnDetached(named: name, body)
            while !done.load(ordering: .acquiring) { sched_yield() }
        } else {
            pthread_join(try SystemThread.spawn(named: name, body), nil)
        }
        return try #require(seen.withLock { $0 })
    }

    @Test(
        "a thread is named np- and its part, cut to the kernel's 15 bytes",
        arguments: [
            ("writer", "np-writer"), ("sender-12", "np-sender-12"), ("loop-1", "np-loop-1"),
            ("a-very-long-part-name", "np-a-very-long-"),
        ])
    func named(_ part: String, _ expected: String) throws {
        #expect(try Self.nameOfThread(part) == expected)
        #expect(try Self.nameOfThread(part, detached: true) == expected)
        #expect(SystemThread.currentName != expected)
    }
}
