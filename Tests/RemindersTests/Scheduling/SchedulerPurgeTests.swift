import Store
import TestSupport
import Testing
import Time

@testable import Reminders

@Suite("The scheduler's daily purge: what is older than 30 days goes, the marks of items still listed stay")
struct SchedulerPurgeTests {
    typealias P = PlanFixture
    typealias H = SchedulerHarness
    /// 2026-06-01T12:00:00Z.
    static let start = Instant(millis: 1_780_315_200_000)

    @Test("deliveries, used links and marks older than 30 days are purged at start-up and then daily")
    func purge() throws {
        try ScratchDirectory.with { directory in
            let old = Self.start.adding(milliseconds: -ReminderRetention.milliseconds - 1).millis
            let kept = Self.start.adding(milliseconds: -ReminderRetention.milliseconds).millis
            let listed = P.item(2, dueFrom: Instant(millis: old))
            let snoozedKey = "1:follow_up:-:\(old)"
            let goneKey = "3:follow_up:-:\(old)"
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([listed])
                try store.perform { transaction in
                    let channel = try transaction.insertChannel(P.fields(), now: old)
                    _ = try transaction.enqueueDelivery(
                        channelId: channel.id, DeliveryMessage(messageId: "msg_old", type: .digest, body: "{}"),
                        nextAttemptAt: old, now: old)
                    _ = try transaction.enqueueDelivery(
                        channelId: channel.id, DeliveryMessage(messageId: "msg_kept", type: .digest, body: "{}"),
                        nextAttemptAt: kept, now: kept)
                    for key in [listed.key, snoozedKey, goneKey] {
                        _ = try transaction.insertMark(
                            channelId: channel.id, ItemPhase(itemKey: key, phase: .due), now: old)
                    }
                    _ = try transaction.useLink(nonce: "old", now: old)
                    _ = try transaction.useLink(nonce: "kept", now: kept)
                    let application = try transaction.insertApplication(
                        ApplicationFields(route: "posted_opening"), now: old)
                    // The agenda leaves the snoozed item out; its mark must stay all the same.
                    _ = try transaction.insertSnooze(
                        SnoozeFields(applicationId: application.id, action: "follow_up", until: Self.start.millis + 1),
                        now: old)
                }
            }
            defer { harness.close() }
            let first = try harness.firstWake()
            #expect(first.purged && first.queued == 0)
            #expect(try harness.deliveries().map(\.messageId) == ["msg_kept"])
            let marks = try harness.store.read { try $0.marks(channelId: 1) }
            #expect(Set(marks.map(\.item.itemKey)) == [listed.key, snoozedKey])
            #expect(try harness.store.read { try $0.isLinkUsed(nonce: "old") } == false)
            #expect(try harness.store.read { try $0.isLinkUsed(nonce: "kept") })
            #expect(!(try harness.step(to: Self.start.adding(milliseconds: P.day - 1)).purged))
            #expect(try harness.step(to: Self.start.adding(milliseconds: P.day)).purged)
        }
    }
}
