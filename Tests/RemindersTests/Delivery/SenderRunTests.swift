import Store
import Synchronization
import System
import Testing
import Time

@testable import Reminders

/// A worker sends a channel's due deliveries as a run, one after another, and the run ends early whenever going
/// on would send what the outbox no longer asks for.
@Suite("Sender: runs of one channel's deliveries, in order, ended by a channel write, quiet hours or a stop")
struct SenderRunTests {
    @Test("runs shorter than the backlog send everything, in the order it fell due")
    func inOrder() throws {
        let receiver = try Receiver()
        let harness = try SenderHarness(configuration: .init(timeout: .seconds(5), runLength: 4))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let now = Clock.wallMilliseconds()
        let queued = try (0..<10).map { try harness.enqueue(channel, due: now - 100 + Int64($0)) }
        try harness.start()
        #expect(harness.waitForEvents(10, of: .delivered).count == 10)
        #expect(receiver.arrivals.map { $0.headers["webhook-id"] } == queued.map(\.messageId))
    }

    @Test("a channel written during a run: the rest goes to the channel as it is stored now")
    func channelWritten() throws {
        let first = try Receiver { _, _ in .delayed(millis: 100, .status(200)) }
        let second = try Receiver()
        let harness = try SenderHarness()
        let channel = try harness.channel(.webhook, url: first.url("/hook"))
        for _ in 0..<6 { try harness.enqueue(channel) }
        try harness.start()
        first.waitForArrivals(1)
        var changed = channel.fields
        changed.url = second.url("/moved")
        let fields = changed
        _ = try harness.store.perform {
            try $0.updateChannel(id: channel.id, fields, expectedVersion: nil, now: Clock.wallMilliseconds())
        }
        harness.sender.channelsChanged()
        #expect(harness.waitForEvents(6, of: .delivered).count == 6)
        // The request in flight when the channel was written may finish where it went; nothing after it does.
        #expect(first.arrivals.count <= 2 && first.arrivals.count + second.arrivals.count == 6)
        #expect(second.arrivals.allSatisfy { $0.path == "/moved" })
    }

    @Test("quiet hours that begin during a run hold the rest of it")
    func quietHoursBegin() throws {
        let quietFrom = Mutex<Instant?>(nil)
        let receiver = try Receiver { _, _ in
            quietFrom.withLock { $0 = Instant(millis: Clock.wallMilliseconds()) }
            return .status(200)
        }
        let harness = try SenderHarness(holdUntil: { now in
            quietFrom.withLock { $0 }.flatMap { now >= $0 ? now.adding(milliseconds: 3_600_000) : nil }
        })
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let queued = try (0..<3).map { _ in try harness.enqueue(channel) }
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.delivered])
        harness.sender.stop()
        #expect(receiver.arrivals.count == 1)
        #expect(try queued.dropFirst().allSatisfy { try harness.delivery($0.id)?.status == .pending })
    }

    @Test("a stop during a run ends it after the request in flight; the rest stays in the outbox")
    func stopped() throws {
        let receiver = try Receiver { _, _ in .hang }
        let harness = try SenderHarness(configuration: .init(timeout: .milliseconds(500)))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let queued = try (0..<3).map { _ in try harness.enqueue(channel) }
        try harness.start()
        receiver.waitForArrivals(1)
        harness.sender.stop()
        #expect(try harness.delivery(queued[0].id)?.status == .failed)
        #expect(try queued.dropFirst().allSatisfy { try harness.delivery($0.id)?.status == .pending })
        #expect(receiver.arrivals.count == 1 && harness.sender.inFlightCount == 0)
    }

    @Test("a run's request waits while maxOutcomesCommitting of its outcomes are still committing, then goes")
    func outcomesCommittingBounded() throws {
        let receiver = try Receiver()
        let harness = try SenderHarness(
            configuration: .init(timeout: .seconds(5), maxOutcomesCommitting: 3))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let now = Clock.wallMilliseconds()
        for index in 0..<12 { try harness.enqueue(channel, due: now - 100 + Int64(index)) }
        // The writer is held by a job of its own, so no outcome can commit.
        let gate = ConditionLock(false)
        harness.store.submit({ _ in gate.wait(until: { $0 }, deadline: nil) { _ in } }) { _ in }
        try harness.start()
        // The request in flight and the three before it, committing: what a crash could make it send twice.
        #expect(receiver.waitForArrivals(4).count == 4)
        #expect(receiver.waitForArrivals(5, seconds: 0.3).count == 4)
        #expect(harness.sender.inFlightCount == 12)
        gate.withLockThenWake { $0 = true }
        #expect(harness.waitForEvents(12, of: .delivered).count == 12)
        #expect(receiver.arrivals.count == 12)
    }

    @Test("the tenth give-up in a row ends the run: the channel is disabled and its next message stays unsent")
    func tenthGiveUpEndsTheRun() throws {
        let receiver = try Receiver { _, _ in .status(500) }
        let harness = try SenderHarness()
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let now = Clock.wallMilliseconds()
        let last = try harness.enqueue(channel, due: now - 10)
        let next = try harness.enqueue(channel, due: now - 5)
        try harness.store.perform { transaction in
            for _ in 0..<9 { _ = try transaction.incrementGaveUpInRow(channelId: channel.id) }
            for _ in 1..<RetryPolicy.maximumAttempts {
                _ = try transaction.recordDeliveryAttempt(
                    id: last.id, .failed(status: 500, error: "earlier", retryAt: now - 10), now: now - 10)
            }
        }
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.gaveUp])
        harness.sender.stop()
        #expect(receiver.arrivals.count == 1)
        #expect(try harness.channelRecord(channel.id)?.fields.enabled == false)
        #expect(try harness.delivery(next.id)?.status == .pending)
    }

    @Test("a run asks once which of its items are still listed, and again for those left after an agenda write")
    func listedAskedPerRun() throws {
        let keys = (0..<5).map { "7:send_thank_you:\($0):1794070800000" }
        let listed = Mutex(Set(keys))
        let asked = Mutex<[[String]]>([])
        let sender = Mutex<Sender?>(nil)
        let receiver = try Receiver { _, index in
            // While the second message is in flight, the fourth item is done.
            if index == 1 {
                listed.withLock { _ = $0.remove(keys[3]) }
                sender.withLock { $0 }?.agendaChanged()
            }
            return .status(200)
        }
        let harness = try SenderHarness(stillListed: { question, _ in
            asked.withLock { $0.append(question) }
            return listed.withLock { $0 }.intersection(question)
        })
        sender.withLock { $0 = harness.sender }
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let now = Clock.wallMilliseconds()
        let queued = try keys.indices.map {
            try harness.enqueue(channel, itemKey: keys[$0], due: now - 100 + Int64($0))
        }
        let digest = try harness.enqueue(
            channel, .digest, data: MessageFixtures.digest(items: [MessageFixtures.item()]), due: now - 90)
        try harness.start()
        #expect(harness.waitForEvents(6).map(\.outcome).filter { $0 == .withdrawn }.count == 1)
        #expect(asked.withLock { $0 } == [keys, Array(keys[2...])])
        #expect(
            receiver.arrivals.map { $0.headers["webhook-id"] } == [0, 1, 2, 4].map { queued[$0].messageId } + [
                digest.messageId
            ])
        #expect(try harness.delivery(queued[3].id)?.lastError == Sender.withdrawnReason)
    }

    @Test("a run reads the settings when it starts and again after an agenda write, not for every message")
    func settingsReadPerRun() throws {
        // Each read of the settings is a version; the run checks the quiet hours of the version it holds before
        // every message (the dispatcher, once per look at the outbox, with a version of its own).
        let reads = Mutex(0)
        let used = Mutex<[Int: Int]>([:])
        let sender = Mutex<Sender?>(nil)
        let receiver = try Receiver { _, index in
            if index == 1 { sender.withLock { $0 }?.agendaChanged() }
            return .status(200)
        }
        let harness = try SenderHarness(settings: {
            let version = reads.withLock { reads -> Int in
                reads += 1
                return reads
            }
            return Sender.Settings(timeZone: "Europe/Paris") { _ in
                used.withLock { $0[version, default: 0] += 1 }
                return nil
            }
        })
        sender.withLock { $0 = harness.sender }
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let now = Clock.wallMilliseconds()
        for index in 0..<5 { try harness.enqueue(channel, due: now - 100 + Int64(index)) }
        try harness.start()
        #expect(harness.waitForEvents(5, of: .delivered).count == 5)
        harness.sender.stop()
        #expect(used.withLock { $0 }.values.filter { $0 > 1 }.sorted() == [2, 3])
    }
}
