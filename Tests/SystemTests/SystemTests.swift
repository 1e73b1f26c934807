import Glibc
import Synchronization
import System
import Testing

/// The system's pieces the service shares: descriptors with one owner, threads and their own values, errors
/// that keep their errno, and the clocks.
@Suite struct SystemTests {
    static func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) >= 0 }

    @Test func aDescriptorClosesWhenItsOwnerEnds() throws {
        var number: Int32 = -1
        do {
            let descriptor = try Descriptor(returnedBy: "open", open("/dev/null", O_RDONLY))
            number = descriptor.rawValue
            #expect(Self.isOpen(number))
        }
        #expect(!Self.isOpen(number))
    }

    @Test func closeClosesNowAndReleaseHandsTheNumberOver() throws {
        let closed = try Descriptor(returnedBy: "open", open("/dev/null", O_RDONLY))
        let closedNumber = closed.rawValue
        closed.close()
        #expect(!Self.isOpen(closedNumber))
        let kept = try Descriptor(returnedBy: "open", open("/dev/null", O_RDONLY))
        let number = kept.release()
        #expect(Self.isOpen(number))
        Glibc.close(number)
    }

    @Test func aFailedCallThrowsItsErrno() {
        #expect(throws: SystemError("open", ENOENT)) {
            _ = try Descriptor(returnedBy: "open", open("/nonexistent/notapest", O_RDONLY))
        }
        #expect(SystemError("recv", ECONNRESET).description == "recv failed: Connection reset by peer (errno 104)")
    }

    @Test func threadsRunTheirBodies() throws {
        let ran = Atomic<Int>(0)
        let thread = try SystemThread.spawn(named: "test") { ran.add(1, ordering: .relaxed) }
        pthread_join(thread, nil)
        let runs = ran.load(ordering: .relaxed)
        #expect(runs == 1)
        let detached = Atomic<Bool>(false)
        try SystemThread.spawnDetached(named: "test") { detached.store(true, ordering: .releasing) }
        var waited = 0
        while !detached.load(ordering: .acquiring) && waited < 5_000 {
            usleep(1_000)
            waited += 1
        }
        let finished = detached.load(ordering: .acquiring)
        #expect(finished)
    }

    /// Counts how often its thread's end reached it.
    final class Ends: ThreadEnding, Sendable {
        let count = Atomic<Int>(0)
        func threadEnded() { count.add(1, ordering: .relaxed) }
    }

    @Test func aThreadsValueIsMadeOnceAndToldOfTheThreadsEnd() throws {
        let perThread = try ThreadSpecific<Ends>()
        let made = Atomic<Int>(0)
        let values = Mutex<[Ends]>([])
        let thread = try SystemThread.spawn(named: "test") {
            for _ in 0..<3 {
                let value = try? perThread.value {
                    made.add(1, ordering: .relaxed)
                    return Ends()
                }
                if let value { values.withLock { $0.append(value) } }
            }
        }
        pthread_join(thread, nil)
        let seen = values.withLock { $0 }
        #expect(made.load(ordering: .relaxed) == 1)
        #expect(seen.count == 3 && seen.allSatisfy { $0 === seen[0] })
        #expect(seen.first?.count.load(ordering: .relaxed) == 1, "the thread's end did not reach its value")
        let other = Mutex<Ends?>(nil)
        pthread_join(
            try SystemThread.spawn(named: "test") { other.withLock { $0 = try? perThread.value { Ends() } } }, nil)
        let second = other.withLock { $0 }
        #expect(second != nil && second !== seen.first)
    }

    @Test func theMonotonicClockNeverGoesBack() {
        var last = Clock.monotonicMicroseconds()
        for _ in 0..<1_000 {
            let now = Clock.monotonicMicroseconds()
            #expect(now >= last)
            last = now
        }
        #expect(abs(Clock.wallMilliseconds() / 1000 - Int64(Clock.wallSeconds())) <= 1)
    }
}
