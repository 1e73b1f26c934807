import Guidance
import Store
import Testing
import Time

@testable import Reminders

/// Berlin sets its clocks back on 2026-10-25: 08:00 that day is 07:00Z.
@Suite("The schedule plan's digests: once a local day at digest_at, listing what is due by the day's end")
struct SchedulePlanDigestTests {
    typealias P = PlanFixture
    typealias F = SchedulingFixture
    static let digestTime = F.utc(2026, 10, 25, 7)
    static let nextDigestTime = F.utc(2026, 10, 26, 7)

    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let now: Instant
        var lastDigestDate: String?
        var createdAt = F.utc(2026, 1, 1)
        var enabled = true
        let queued: Bool
        let wakeAt: Instant?
    }

    @Test(
        "the digest is owed from digest_at, once a local date, not before the channel was made",
        arguments: [
            Case(
                testDescription: "a millisecond before 08:00: nothing, wake at 08:00",
                now: digestTime.adding(milliseconds: -1), queued: false, wakeAt: digestTime),
            Case(
                testDescription: "at 08:00: the digest, wake tomorrow at 08:00", now: digestTime, queued: true,
                wakeAt: nextDigestTime),
            Case(
                testDescription: "late in the day, never sent: the digest", now: F.utc(2026, 10, 25, 22, 59),
                queued: true, wakeAt: nextDigestTime),
            Case(
                testDescription: "yesterday's recorded: today's", now: digestTime, lastDigestDate: "2026-10-24",
                queued: true, wakeAt: nextDigestTime),
            Case(
                testDescription: "today's recorded: nothing until tomorrow", now: digestTime,
                lastDigestDate: "2026-10-25", queued: false, wakeAt: nextDigestTime),
            Case(
                testDescription: "made at 08:00: today's", now: digestTime.adding(milliseconds: 5),
                createdAt: digestTime, queued: true, wakeAt: nextDigestTime),
            Case(
                testDescription: "made just after 08:00: tomorrow's is the first",
                now: digestTime.adding(milliseconds: 5), createdAt: digestTime.adding(milliseconds: 1), queued: false,
                wakeAt: nextDigestTime),
            Case(
                testDescription: "disabled: nothing, no wake", now: digestTime, enabled: false, queued: false,
                wakeAt: nil),
        ])
    func owed(_ row: Case) throws {
        let channel = P.channel(
            1, mode: .digest, enabled: row.enabled, lastDigestDate: row.lastDigestDate, createdAt: row.createdAt.millis)
        let item = P.item(4, dueFrom: F.utc(2026, 10, 24, 12).millis)
        let plan = SchedulePlan(
            channels: [channel], items: [item], marks: [:], times: try #require(LocalTimes(zoneNamed: "Europe/Berlin")),
            now: row.now)
        #expect(plan.itemMessages.isEmpty)
        if row.queued {
            #expect(plan.digests.map(\.channelId) == [1])
            #expect(plan.digests.first?.date == F.date(2026, 10, 25))
            #expect(plan.digests.first?.items == [item])
            #expect(plan.digests.first?.nextAttemptAt == row.now)
        } else {
            #expect(plan.digests.isEmpty)
        }
        #expect(plan.wakeAt == row.wakeAt)
    }

    @Test("a digest lists the items of its actions due by the end of the local day, in agenda order")
    func items() throws {
        let stillDue = P.item(1, .followUp, dueFrom: F.utc(2026, 10, 24, 10).millis)
        let overdue = P.item(2, dueFrom: F.utc(2026, 10, 23).millis, dueBy: F.utc(2026, 10, 24).millis)
        let lastMinute = P.item(3, .followUp, dueFrom: F.utc(2026, 10, 25, 22, 59).millis)
        let tomorrow = P.item(4, .followUp, dueFrom: F.utc(2026, 10, 25, 23).millis)
        let notCarried = P.item(5, .touchBase, dueFrom: F.utc(2026, 10, 24).millis)
        let channel = P.channel(1, mode: .digest, actions: ["follow_up", "send_thank_you"])
        let times = try #require(LocalTimes(zoneNamed: "Europe/Berlin"))
        let plan = SchedulePlan(
            channels: [channel, P.channel(2, mode: .digest, actions: ["debrief_recruiter"])],
            items: [tomorrow, lastMinute, notCarried, stillDue, overdue], marks: [:], times: times,
            now: Self.digestTime)
        #expect(plan.digests.map(\.channelId) == [1, 2])
        #expect(plan.digests.first?.items == [overdue, stillDue, lastMinute])
        // Nothing to list: the date is recorded with no message.
        #expect(plan.digests.last?.items == [])
    }

    @Test("a digest due inside quiet hours waits for their end")
    func quiet() throws {
        let times = try #require(
            LocalTimes(
                zoneNamed: "Europe/Berlin", quietWindow: QuietWindow(start: F.time(22, 0), end: F.time(8, 30))))
        let plan = SchedulePlan(
            channels: [P.channel(1, mode: .digest)], items: [], marks: [:], times: times, now: Self.digestTime)
        #expect(plan.digests.first?.nextAttemptAt == F.utc(2026, 10, 25, 7, 30))
    }
}
