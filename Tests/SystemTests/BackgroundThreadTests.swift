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
        let thread = try background ? SystemThread.spawnInBackground(body) : SystemThread.spawn(body)
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
