import Dispatch
import SQLite
import Testing

@testable import Store

@Suite("Reminder marks: an item phase is queued at most once per channel, baselines in bulk, the purge")
struct MarkTests {
    /// A mark inserted after another, and whether it is new.
    struct UniquenessCase: CustomTestStringConvertible, Sendable {
        let name: String
        let second: (channel: Int, key: String, phase: MarkPhase)
        let isNew: Bool
        var testDescription: String { name }
    }

    /// The first mark is always channel 1, key "1:follow_up:-:100", phase due.
    static let uniquenessCases = [
        UniquenessCase(name: "the same mark again: not new", second: (1, "1:follow_up:-:100", .due), isNew: false),
        UniquenessCase(name: "the other phase: new", second: (1, "1:follow_up:-:100", .overdue), isNew: true),
        UniquenessCase(name: "another channel: new", second: (2, "1:follow_up:-:100", .due), isNew: true),
        UniquenessCase(
            name: "a new due_from (a follow-up recorded): new", second: (1, "1:follow_up:-:101", .due), isNew: true),
    ]

    @Test("a mark is new unless the channel has the same item and phase", arguments: uniquenessCases)
    func uniqueness(_ row: UniquenessCase) throws {
        let database = try Fixture.database()
        try Fixture.channel(database, "one")
        try Fixture.channel(database, "two")
        let first = ItemPhase(itemKey: "1:follow_up:-:100", phase: .due)
        #expect(try database.insertMark(channelId: 1, first, deliveryId: nil, now: 1))
        let second = ItemPhase(itemKey: row.second.key, phase: row.second.phase)
        #expect(
            try database.insertMark(channelId: Int64(row.second.channel), second, deliveryId: nil, now: 2) == row.isNew)
        #expect(try database.hasMark(channelId: Int64(row.second.channel), second))
        // The mark that was there keeps its time.
        #expect(try database.marks(channelId: 1).first { $0.item == first }?.createdAt == 1)
    }

    @Test("a mark for a channel or delivery that does not exist is refused")
    func references() throws {
        let database = try Fixture.database()
        let item = ItemPhase(itemKey: "k", phase: .due)
        let noChannel = #expect(throws: SQLiteError.self) {
            try database.insertMark(channelId: 9, item, deliveryId: nil, now: 1)
        }
        #expect(noChannel?.isForeignKeyViolation == true)
        try Fixture.channel(database)
        let noDelivery = #expect(throws: SQLiteError.self) {
            try database.insertMark(channelId: 1, item, deliveryId: 9, now: 1)
        }
        #expect(noDelivery?.isForeignKeyViolation == true)
    }

    @Test("enqueueOnce queues the first time and marks with the delivery; the second time writes nothing")
    func enqueueOnce() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let item = ItemPhase(itemKey: "1:thank_you:4:100", phase: .due)
        let first = try #require(
            try database.enqueueOnce(channelId: channel.id, item, Fixture.message(1), nextAttemptAt: 5, now: 3))
        #expect(first.itemKey == item.itemKey && first.status == .pending && first.nextAttemptAt == 5)
        #expect(
            try database.marks(channelId: channel.id)
                == [ReminderMark(channelId: channel.id, item: item, deliveryId: first.id, createdAt: 3)])
        let second = try database.enqueueOnce(
            channelId: channel.id, item, Fixture.message(2), nextAttemptAt: 6, now: 4)
        #expect(second == nil)
        #expect(try database.deliveries(matching: DeliveryFilter(), after: nil, limit: 10).items == [first])
        let overdue = ItemPhase(itemKey: item.itemKey, phase: .overdue)
        #expect(
            try database.enqueueOnce(
                channelId: channel.id, overdue, Fixture.message(3, type: .itemOverdue), nextAttemptAt: 6, now: 4)
                != nil)
    }

    @Test("an item already marked by a baseline is never queued")
    func baselineBlocksQueueing() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let items = [
            ItemPhase(itemKey: "1:follow_up:-:1", phase: .due), ItemPhase(itemKey: "1:follow_up:-:1", phase: .overdue),
            ItemPhase(itemKey: "2:thank_you:5:2", phase: .due),
        ]
        #expect(try database.insertBaselineMarks(channelId: channel.id, items, now: 1) == 3)
        #expect(
            try database.insertBaselineMarks(
                channelId: channel.id, items + [ItemPhase(itemKey: "3", phase: .due)], now: 2) == 1)
        for (number, item) in items.enumerated() {
            #expect(
                try database.enqueueOnce(
                    channelId: channel.id, item, Fixture.message(number), nextAttemptAt: 1, now: 3) == nil)
        }
        #expect(try database.marks(channelId: channel.id).allSatisfy { $0.deliveryId == nil })
        #expect(try database.marks(channelId: channel.id).count == 4)
    }

    @Test("two wake-ups racing to queue the same item phase, in one group commit, queue it once")
    func racingWakeUpsQueueOnce() throws {
        try GroupCommitTests.withStore { store, _ throws in
            let channel = try store.perform { try $0.insertChannel(Fixture.channelFields(), now: 1) }.value
            let item = ItemPhase(itemKey: "1:follow_up:-:100", phase: .due)
            let done = DispatchGroup()
            let gate = GroupCommitTests.holdWriter(store, done)
            let results = Collector<DeliveryRecord?>()
            DispatchQueue.concurrentPerform(iterations: 8) { wakeUp in
                done.enter()
                store.submit({ transaction in
                    // Each wake-up saw no mark when it looked, and makes a message of its own.
                    try transaction.enqueueOnce(
                        channelId: channel.id, item, Fixture.message(wakeUp), nextAttemptAt: 2, now: 2)
                }) { result in
                    if case .success(let committed) = result { results.append(committed.value) }
                    done.leave()
                }
            }
            gate.signal()
            done.wait()
            #expect(results.all.count == 8)
            #expect(results.all.compactMap { $0 }.count == 1)
            let stored = try store.read { try $0.deliveries(matching: DeliveryFilter(), after: nil, limit: 20) }
            #expect(stored.items.count == 1)
            #expect(
                try store.read { try $0.marks(channelId: channel.id) }.map(\.deliveryId) == [stored.items.first?.id])
        }
    }

    /// A mark made at an offset from the cutoff, listed or not, and whether the purge takes it.
    struct PurgeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let offset: Int64
        let listed: Bool
        let purged: Bool
        var testDescription: String { name }
    }

    static let purgeCases = [
        PurgeCase(name: "older than 30 days, item gone: purged", offset: -1, listed: false, purged: true),
        PurgeCase(name: "exactly 30 days old, item gone: kept", offset: 0, listed: false, purged: false),
        PurgeCase(name: "younger, item gone: kept", offset: 1, listed: false, purged: false),
        PurgeCase(name: "older than 30 days, item still listed: kept", offset: -1, listed: true, purged: false),
    ]

    @Test("the purge takes marks older than the retention whose item is no longer listed", arguments: purgeCases)
    func purge(_ row: PurgeCase) throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let cutoff = ReminderRetention.cutoff(now: Fixture.now)
        let item = ItemPhase(itemKey: "1:follow_up:\"quoted\":1", phase: .due)
        _ = try database.insertMark(channelId: channel.id, item, deliveryId: nil, now: cutoff + row.offset)
        let other = ItemPhase(itemKey: "2:follow_up:-:1", phase: .due)
        _ = try database.insertMark(channelId: channel.id, other, deliveryId: nil, now: Fixture.now)
        let listed = row.listed ? [item.itemKey, other.itemKey] : [other.itemKey]
        #expect(try database.purgeMarks(olderThan: cutoff, keeping: listed) == (row.purged ? 1 : 0))
        #expect(try database.hasMark(channelId: channel.id, item) == !row.purged)
        #expect(try database.hasMark(channelId: channel.id, other))
    }
}
