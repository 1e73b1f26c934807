import Guidance
import Store
import Testing
import Time

@testable import Reminders

@Suite("The schedule plan: what a wake-up queues on each channel, and when the next one is")
struct SchedulePlanTests {
    typealias P = PlanFixture
    /// 2026-06-01T12:00:00Z.
    static let now: Int64 = 1_780_315_200_000

    struct EachCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        var action: AgendaAction = .sendThankYou
        /// Relative to now, in ms.
        let dueFrom: Int64
        let dueBy: Int64?
        var marked: [MarkPhase] = []
        var enabled = true
        var actions = P.allActions
        /// The phase queued and what it marks, or nil.
        let queued: (MarkPhase, [MarkPhase])?
        /// Relative to now, in ms.
        let wakeAt: Int64?
    }

    @Test(
        "an each channel: once when due_from comes, once more when due_by has passed, each phase once",
        arguments: [
            EachCase(
                testDescription: "due_from a millisecond ahead: nothing yet, wake then", dueFrom: 1, dueBy: P.day,
                queued: nil, wakeAt: 1),
            EachCase(
                testDescription: "due_from now: the due message; wake once due_by has passed", dueFrom: 0,
                dueBy: P.day, queued: (.due, [.due]), wakeAt: P.day + 1),
            EachCase(
                testDescription: "due, marked, due_by now: not overdue yet", dueFrom: -P.day, dueBy: 0,
                marked: [.due], queued: nil, wakeAt: 1),
            EachCase(
                testDescription: "due, marked, due_by a millisecond ago: the overdue message", dueFrom: -P.day,
                dueBy: -1, marked: [.due], queued: (.overdue, [.overdue]), wakeAt: nil),
            EachCase(
                testDescription: "overdue and never sent: the overdue message alone, marking both", dueFrom: -P.day,
                dueBy: -1, queued: (.overdue, [.overdue, .due]), wakeAt: nil),
            EachCase(
                testDescription: "both marked: nothing, ever", dueFrom: -P.day, dueBy: -1, marked: [.due, .overdue],
                queued: nil, wakeAt: nil),
            EachCase(
                testDescription: "due marked, no due_by (a follow-up): nothing, ever", action: .followUp,
                dueFrom: -P.day, dueBy: nil, marked: [.due], queued: nil, wakeAt: nil),
            EachCase(
                testDescription: "a follow-up due now: the due message, no wake for it", action: .followUp,
                dueFrom: 0, dueBy: nil, queued: (.due, [.due]), wakeAt: nil),
            EachCase(
                testDescription: "an action the channel does not carry: nothing, no wake", dueFrom: 0, dueBy: P.day,
                actions: ["follow_up"], queued: nil, wakeAt: nil),
            EachCase(
                testDescription: "a disabled channel: nothing, no wake", dueFrom: 0, dueBy: P.day, enabled: false,
                queued: nil, wakeAt: nil),
        ])
    func each(_ row: EachCase) throws {
        let item = P.item(4, row.action, dueFrom: Self.now + row.dueFrom, dueBy: row.dueBy.map { Self.now + $0 })
        let channel = P.channel(1, enabled: row.enabled, actions: row.actions)
        let marks = Set(row.marked.map { ItemPhase(itemKey: item.key, phase: $0) })
        let times = try #require(LocalTimes(zoneNamed: "UTC"))
        let plan = SchedulePlan(
            channels: [channel], items: [item], marks: [1: marks], times: times, now: Instant(millis: Self.now))
        #expect(plan.digests.isEmpty)
        if let (phase, marked) = row.queued {
            #expect(plan.itemMessages.count == 1)
            let message = try #require(plan.itemMessages.first)
            #expect(message.channelId == 1 && message.item == item && message.phase == phase)
            #expect(message.type == (phase == .due ? .itemDue : .itemOverdue))
            #expect(message.marks == marked.map { ItemPhase(itemKey: item.key, phase: $0) })
            #expect(message.nextAttemptAt == Instant(millis: Self.now))
        } else {
            #expect(plan.itemMessages.isEmpty)
        }
        #expect(plan.wakeAt == row.wakeAt.map { Instant(millis: Self.now + $0) })
    }

    @Test("each channel queues for itself: one that has marked the phase gets nothing, the other gets it")
    func channelsApart() throws {
        let item = P.item(4, dueFrom: Self.now - P.hour)
        let plan = SchedulePlan(
            channels: [P.channel(1), P.channel(2), P.channel(3, mode: .digest)], items: [item],
            marks: [1: [ItemPhase(itemKey: item.key, phase: .due)]], times: try #require(LocalTimes(zoneNamed: "UTC")),
            now: Instant(millis: Self.now))
        #expect(plan.itemMessages.map(\.channelId) == [2])
    }

    @Test("inside quiet hours a message is due when they end; outside, now", arguments: [false, true])
    func quietHours(_ quiet: Bool) throws {
        // 12:00 UTC is 14:00 in Berlin in June.
        let window =
            quiet ? QuietWindow(start: SchedulingFixture.time(13, 0), end: SchedulingFixture.time(15, 30)) : nil
        let times = try #require(LocalTimes(zoneNamed: "Europe/Berlin", quietWindow: window))
        let plan = SchedulePlan(
            channels: [P.channel(1)], items: [P.item(4, dueFrom: Self.now)], marks: [:], times: times,
            now: Instant(millis: Self.now))
        #expect(
            plan.itemMessages.map(\.nextAttemptAt)
                == [Instant(millis: quiet ? Self.now + 90 * P.minute : Self.now)])
    }

    @Test("the wake-up is the earliest instant ahead over every item, phase and enabled channel")
    func earliestWake() throws {
        let items = [
            P.item(1, .followUp, dueFrom: Self.now + 5 * P.hour),
            P.item(2, dueFrom: Self.now - P.hour, dueBy: Self.now + 3 * P.hour),
            // Only the disabled channel and the one without debriefs would carry this one.
            P.item(3, .debriefRecruiter, dueFrom: Self.now + P.minute),
            P.item(4, .touchBase, dueFrom: Self.now + 2 * P.hour),
            P.item(5, dueFrom: Self.now - 2 * P.day, dueBy: Self.now - P.day),
        ]
        let channels = [
            P.channel(1, actions: ["follow_up", "send_thank_you"]),
            P.channel(2, enabled: false),
            P.channel(3, actions: ["touch_base"]),
        ]
        let plan = SchedulePlan(
            channels: channels, items: items, marks: [:], times: try #require(LocalTimes(zoneNamed: "UTC")),
            now: Instant(millis: Self.now))
        #expect(plan.wakeAt == Instant(millis: Self.now + 2 * P.hour))
        #expect(
            plan.itemMessages.map { "\($0.channelId) \($0.item.application.id) \($0.phase)" } == [
                "1 5 overdue", "1 2 due",
            ])
        let none = SchedulePlan(
            channels: [P.channel(2, enabled: false)], items: items, marks: [:],
            times: try #require(LocalTimes(zoneNamed: "UTC")), now: Instant(millis: Self.now))
        #expect(none.wakeAt == nil && none.itemMessages.isEmpty)
    }
}
