import Glibc
import Synchronization
import System
import Testing

/// The system's pieces the service shares: descriptors with one owner, threads and their own values, errors
/// that keep their errno, and the clocks.
@Suite struct SystemTests {
    /// A connected pair of sockets whose "write end" a test hands to a `Descriptor`. Whether that end is closed
    /// is read from the other end (end of file, or "nothing yet"), never from its number: tests run in
    /// parallel, and another may be given the number the moment it is free. Both ends are made close-on-exec,
    /// so no child another test starts keeps one open.
    struct SocketPair {
        let readEnd: Int32
        let writeEnd: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            let type = SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue
            guard socketpair(AF_UNIX, Int32(type), 0, &ends) == 0 else { throw SystemError("socketpair", errno) }
            (readEnd, writeEnd) = (ends[0], ends[1])
        }

        /// What a read finds: `nil` when the write end is still open and nothing was written, 0 at end of
        /// file (every write end closed), or the count of bytes that were waiting.
        func read() -> Int? {
            var buffer = [UInt8](repeating: 0, count: 16)
            let count = Glibc.read(readEnd, &buffer, buffer.count)
            return count < 0 && errno == EAGAIN ? nil : count
        }
    }

    @Test func aDescriptorClosesWhenItsOwnerEnds() throws {
        let pair = try SocketPair()
        defer { Glibc.close(pair.readEnd) }
        do {
            let descriptor = try Descriptor(returnedBy: "socketpair", pair.writeEnd)
            #expect(pair.read() == nil, "the write end is open while its owner lives")
            _ = descriptor.rawValue
        }
        #expect(pair.read() == 0, "the write end closed when its owner ended")
    }

    @Test func closeClosesNowAndReleaseHandsTheNumberOver() throws {
        let closing = try SocketPair()
        defer { Glibc.close(closing.readEnd) }
        let closed = try Descriptor(returnedBy: "socketpair", closing.writeEnd)
        closed.close()
        #expect(closing.read() == 0, "close() closed the write end at once")

        let handing = try SocketPair()
        defer { Glibc.close(handing.readEnd) }
        let kept = try Descriptor(returnedBy: "socketpair", handing.writeEnd)
        let number = kept.release()
        #expect(number == handing.writeEnd)
        #expect(handing.read() == nil, "release() left the write end open")
        #expect(write(number, "x", 1) == 1)
        #expect(handing.read() == 1)
        Glibc.close(number)
        #expect(handing.read() == 0)
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
