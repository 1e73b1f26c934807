import Store
import TestSupport
import Testing

/// What each of the reminders' writes reports it changed: channels, deliveries, marks and used links change no
/// timeline; a snooze changes the agenda of its application; the reminders' settings are settings.
@Suite struct ReminderChangeTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let write: @Sendable (inout WriteTransaction) throws -> Void
        let change: StoreChange
        var testDescription: String { name }
    }

    static let fields = ChannelFields(name: "hook", kind: .webhook, url: "https://h.example/", actions: ["follow_up"])
    static let message = DeliveryMessage(messageId: "msg_new", type: .itemDue, body: "{}")
    static let item = ItemPhase(itemKey: "2:follow_up:-:1", phase: .due)

    /// Applications 1…4 (from `StoreChangeTests.seed`), channel 1 with delivery 1 (failed) for `item`, snooze 1
    /// on application 3.
    static func seed(_ transaction: inout WriteTransaction) throws {
        try StoreChangeTests.seed(&transaction)
        let channel = try transaction.insertChannel(fields, now: 1)
        let delivery = try transaction.enqueueOnce(
            channelId: channel.id, item, DeliveryMessage(messageId: "msg_seed", type: .itemDue, body: "{}"),
            nextAttemptAt: 1, now: 1)
        _ = try transaction.recordDeliveryAttempt(
            id: delivery?.id ?? 0, .failed(status: 500, error: "500", retryAt: 2), now: 1)
        _ = try transaction.insertSnooze(SnoozeFields(applicationId: 3, action: "follow_up", until: 50), now: 1)
    }

    @Test(arguments: [
        Row(name: "a new channel: none", write: { _ = try $0.insertChannel(fields, now: 9) }, change: .none),
        Row(
            name: "a channel's update: none",
            write: { _ = try $0.updateChannel(id: 1, fields, expectedVersion: 1, now: 9) }, change: .none),
        Row(
            name: "a channel disabled: none",
            write: { _ = try $0.setChannelEnabled(id: 1, false, reason: "410 Gone", now: 9) }, change: .none),
        Row(
            name: "give-ups counted and reset: none",
            write: { transaction in
                _ = try transaction.incrementGaveUpInRow(channelId: 1)
                try transaction.resetGaveUpInRow(channelId: 1)
            }, change: .none),
        Row(
            name: "a secret rotated: none",
            write: { _ = try $0.rotateChannelSecret(id: 1, to: "whsec_eA==", previousUntil: 9, now: 9) },
            change: .none),
        Row(
            name: "a digest date: none", write: { try $0.setLastDigestDate(channelId: 1, "2026-11-02") }, change: .none),
        Row(
            name: "a delivery queued: none",
            write: { _ = try $0.enqueueDelivery(channelId: 1, message, nextAttemptAt: 9, now: 9) }, change: .none),
        Row(
            name: "an item phase queued once: none",
            write: {
                _ = try $0.enqueueOnce(
                    channelId: 1, ItemPhase(itemKey: "x", phase: .due), message, nextAttemptAt: 9, now: 9)
            },
            change: .none),
        Row(
            name: "an attempt recorded: none",
            write: { _ = try $0.recordDeliveryAttempt(id: 1, .delivered(status: 200), now: 9) }, change: .none),
        Row(
            name: "a delivery withdrawn: none", write: { _ = try $0.withdrawDelivery(id: 1, reason: "done") },
            change: .none),
        Row(name: "a delivery retried: none", write: { _ = try $0.retryDelivery(id: 1, now: 9) }, change: .none),
        Row(name: "deliveries purged: none", write: { try $0.purgeDeliveries(olderThan: 9) }, change: .none),
        Row(
            name: "baseline marks: none",
            write: { try $0.insertBaselineMarks(channelId: 1, [ItemPhase(itemKey: "y", phase: .overdue)], now: 9) },
            change: .none),
        Row(name: "marks purged: none", write: { try $0.purgeMarks(olderThan: 9, keeping: []) }, change: .none),
        Row(name: "a link used: none", write: { _ = try $0.useLink(nonce: "n", now: 9) }, change: .none),
        Row(name: "used links purged: none", write: { try $0.purgeUsedLinks(olderThan: 9) }, change: .none),
        Row(
            name: "a channel deleted with its deliveries and marks: none",
            write: { _ = try $0.deleteChannel(id: 1, expectedVersion: nil) }, change: .none),
        Row(
            name: "a snooze: its application's agenda",
            write: { _ = try $0.insertSnooze(SnoozeFields(applicationId: 2, action: "follow_up", until: 9), now: 9) },
            change: .applications([2])),
        Row(
            name: "a snooze deleted: its application's agenda",
            write: { _ = try $0.deleteSnooze(id: 1) }, change: .applications([3])),
        Row(
            name: "the delete of a snooze that is not there: none", write: { _ = try $0.deleteSnooze(id: 9) },
            change: .none),
        Row(name: "expired snoozes purged: none", write: { try $0.purgeExpiredSnoozes(at: 60) }, change: .none),
        Row(
            name: "quiet hours: settings",
            write: { try $0.writeQuietHours(QuietHours(start: "22:00", end: "07:00")) }, change: .settings),
    ])
    func eachWriteReportsWhatItChanged(_ row: Row) throws {
        try GroupCommitTests.withStore { store, _ throws in
            try store.perform { try Self.seed(&$0) }
            let write = row.write
            let committed = try store.perform { try write(&$0) }
            #expect(committed.change == row.change)
        }
    }

    @Test("a snooze for an application that does not exist is refused as a missing reference")
    func snoozeMissingApplication() throws {
        try GroupCommitTests.withStore { store, _ throws in
            #expect(throws: StoreError.missingReference) {
                try store.perform {
                    _ = try $0.insertSnooze(SnoozeFields(applicationId: 99, action: "follow_up", until: 9), now: 9)
                }
            }
            #expect(throws: StoreError.duplicate) {
                try store.perform { transaction in
                    let channel = try transaction.insertChannel(Self.fields, now: 1)
                    _ = try transaction.enqueueDelivery(channelId: channel.id, Self.message, nextAttemptAt: 1, now: 1)
                    _ = try transaction.enqueueDelivery(channelId: channel.id, Self.message, nextAttemptAt: 1, now: 1)
                }
            }
        }
    }
}
