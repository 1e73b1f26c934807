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
}
