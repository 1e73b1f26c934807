import Store
import TestSupport
import Testing
import Time

@testable import Reminders

/// Many messages due at once are queued in transactions of at most `queueChunk`, the sender woken after each, so
/// it starts on the first while the next are written.
@Suite("The scheduler: a large wake-up queues in chunks, waking the sender after each")
struct SchedulerChunkTests {
    typealias P = PlanFixture
    typealias H = SchedulerHarness
    static let start = Instant(millis: 1_780_315_200_000)

    struct Row: Sendable, CustomTestStringConvertible {
        let items: Int
        let channels: Int
        let chunk: Int
        /// Transactions that queue, so sender wake-ups.
        let wakes: Int
        var testDescription: String { "\(items) items on \(channels) channels, \(chunk) a transaction" }
    }

    @Test(arguments: [
        Row(items: 5, channels: 2, chunk: 4, wakes: 3),
        Row(items: 4, channels: 2, chunk: 4, wakes: 2),
        Row(items: 4, channels: 1, chunk: 4, wakes: 1),
        Row(items: 3, channels: 1, chunk: 4, wakes: 1),
        Row(items: 3, channels: 3, chunk: 500, wakes: 1),
    ])
    func chunks(_ row: Row) throws {
        try ScratchDirectory.with { directory in
            let due = Self.start.adding(milliseconds: P.hour)
            let items = (1...row.items).map { P.item(Int64($0), dueFrom: due) }
            let harness = try H(directory: directory, now: Self.start, queueChunk: row.chunk) { store, agenda in
                agenda.set(items)
                for number in 0..<row.channels { try H.channel(store, P.fields("hook\(number)"), now: Self.start) }
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            let woken = harness.senderWakes.calls
            let report = try harness.step(to: due)
            #expect(report.queued == row.items * row.channels)
            #expect(harness.senderWakes.calls - woken == row.wakes)
            let deliveries = try harness.deliveries()
            #expect(deliveries.count == row.items * row.channels)
            #expect(Set(deliveries.map { "\($0.channelId) \($0.itemKey ?? "")" }).count == deliveries.count)
            // Every item phase marked with its delivery: a restart queues none of them again.
            let marks = try (1...row.channels).flatMap { channel in
                try harness.store.read { try $0.marks(channelId: Int64(channel)) }
            }
            #expect(marks.count == deliveries.count && marks.allSatisfy { $0.deliveryId != nil })
        }
    }
}
