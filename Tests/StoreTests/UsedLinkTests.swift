import Dispatch
import Testing

@testable import Store

@Suite("Used links: a one-tap link works once; old nonces are purged")
struct UsedLinkTests {
    @Test("the first use of a nonce is true, every later one false; another nonce is its own")
    func useOnce() throws {
        let database = try Fixture.database()
        #expect(try database.isLinkUsed(nonce: "n1") == false)
        #expect(try database.useLink(nonce: "n1", now: 1))
        #expect(try database.useLink(nonce: "n1", now: 2) == false)
        #expect(try database.isLinkUsed(nonce: "n1"))
        #expect(try database.useLink(nonce: "n2", now: 2))
    }

    @Test("two taps racing in one group commit: one of them uses the link")
    func racingTaps() throws {
        try GroupCommitTests.withStore { store, _ throws in
            let done = DispatchGroup()
            let gate = GroupCommitTests.holdWriter(store, done)
            let results = Collector<Bool>()
            DispatchQueue.concurrentPerform(iterations: 6) { tap in
                done.enter()
                store.submit({ try $0.useLink(nonce: "same", now: Int64(tap)) }) { result in
                    if case .success(let committed) = result { results.append(committed.value) }
                    done.leave()
                }
            }
            gate.signal()
            done.wait()
            #expect(results.all.sorted { !$0 && $1 } == [false, false, false, false, false, true])
        }
    }

    @Test(
        "the purge deletes nonces used more than 30 days ago",
        arguments: [(-1 as Int64, true), (0, false), (1, false)])
    func purge(_ offset: Int64, purged: Bool) throws {
        let database = try Fixture.database()
        let cutoff = ReminderRetention.cutoff(now: Fixture.now)
        _ = try database.useLink(nonce: "old", now: cutoff + offset)
        _ = try database.useLink(nonce: "new", now: Fixture.now)
        #expect(try database.purgeUsedLinks(olderThan: cutoff) == (purged ? 1 : 0))
        #expect(try database.isLinkUsed(nonce: "old") == !purged)
        #expect(try database.isLinkUsed(nonce: "new"))
    }
}
