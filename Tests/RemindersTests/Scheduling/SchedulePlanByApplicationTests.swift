import Guidance
import Store
import Testing
import Time

@testable import Reminders

/// The plan over the items as the scheduler holds them, by application, read where they lie: the same plan as over
/// the same items in one list.
@Suite("The schedule plan over items held by application")
struct SchedulePlanByApplicationTests {
    typealias P = PlanFixture
    /// 2026-06-01T12:00:00Z, 14:00 in Berlin.
    static let now: Int64 = 1_780_315_200_000

    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let channels: [ChannelRecord]
        /// Marked on channel 1.
        var marked: [(item: Int, phase: MarkPhase)] = []
        var quiet = false
        /// How many messages and digests the plan holds.
        let messages: Int
        let digests: Int
    }

    /// Three applications with several items each: due, overdue, ahead, of several actions.
    static let items: [ReminderItem] = [
        P.item(1, .followUp, dueFrom: now + 5 * P.hour),
        P.item(1, dueFrom: now - P.hour, dueBy: now + 3 * P.hour),
        P.item(1, .recordDirections, contact: nil, dueFrom: now - P.hour, dueBy: now + P.day),
        P.item(2, .debriefRecruiter, dueFrom: now + P.minute, dueBy: now + P.day),
        P.item(2, .touchBase, dueFrom: now + 2 * P.hour),
        P.item(3, dueFrom: now - 2 * P.day, dueBy: now - P.day),
        P.item(3, .followUp, dueFrom: now - 3 * P.day),
    ]

    @Test(
        "the same messages, digests and wake-up",
        arguments: [
            Case(
                testDescription: "one each channel, nothing marked", channels: [P.channel(1)], messages: 4, digests: 0),
            Case(
                testDescription: "some phases marked", channels: [P.channel(1)],
                marked: [(1, .due), (5, .due), (5, .overdue), (6, .due)], messages: 1, digests: 0),
            Case(
                testDescription: "channels carrying some actions, one disabled",
                channels: [
                    P.channel(1, actions: ["follow_up", "send_thank_you"]), P.channel(2, enabled: false),
                    P.channel(3, actions: ["touch_base", "record_directions"]),
                ],
                messages: 4, digests: 0),
            Case(
                testDescription: "each and digest channels, in quiet hours",
                channels: [P.channel(1), P.channel(2, mode: .digest, digestAt: "08:00")], quiet: true, messages: 4,
                digests: 1),
            Case(testDescription: "no channel", channels: [], messages: 0, digests: 0),
        ])
    func sameAsOneList(_ row: Case) throws {
        let window =
            row.quiet ? QuietWindow(start: SchedulingFixture.time(13, 0), end: SchedulingFixture.time(15, 30)) : nil
        let times = try #require(LocalTimes(zoneNamed: "Europe/Berlin", quietWindow: window))
        let marks = Set(row.marked.map { ItemPhase(itemKey: Self.items[$0.item].key, phase: $0.phase) })
        let index = MarkIndex([1: marks])
        let now = Instant(millis: Self.now)
        let one = SchedulePlan(channels: row.channels, items: Self.items, marks: index, times: times, now: now)
        let held = Dictionary(grouping: Self.items, by: \.application.id)
        let byApplication = SchedulePlan(
            channels: row.channels, itemsByApplication: held, marks: index, times: times, now: now)
        #expect(byApplication.itemMessages == one.itemMessages)
        #expect(byApplication.digests == one.digests)
        #expect(byApplication.wakeAt == one.wakeAt)
        #expect(one.itemMessages.count == row.messages && one.digests.count == row.digests)
        #expect(one.digests.allSatisfy { !$0.items.isEmpty })
    }
}
