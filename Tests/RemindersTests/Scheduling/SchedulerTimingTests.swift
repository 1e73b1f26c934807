import Guidance
import JSON
import Store
import TestSupport
import Testing
import Time

@testable import Reminders

@Suite("The scheduler's instants: digests in the seeker's zone, quiet hours, the earliest wake-up, changes with time")
struct SchedulerTimingTests {
    typealias P = PlanFixture
    typealias F = SchedulingFixture
    typealias H = SchedulerHarness

    @Test("a digest goes at 08:00 local time (New York, the day its clocks go forward), once a day, none when empty")
    func digest() throws {
        try ScratchDirectory.with { directory in
            // 08:00 EDT on 2026-03-08 is 12:00Z; the day before, 08:00 EST was 13:00Z.
            let start = F.utc(2026, 3, 8, 11)
            let yesterday = P.item(1, .followUp, dueFrom: F.utc(2026, 3, 7, 15))
            let tomorrow = P.item(2, .followUp, dueFrom: F.utc(2026, 3, 9, 15))
            let harness = try H(directory: directory, now: start) { store, agenda in
                agenda.set(ReminderSettings(timeZone: "America/New_York"))
                agenda.set([tomorrow, yesterday])
                try H.channel(store, P.fields(mode: .digest), now: F.utc(2026, 3, 1))
            }
            defer { harness.close() }
            #expect(try harness.firstWake().nextWake == F.utc(2026, 3, 8, 12))
            let early = try harness.step(to: F.utc(2026, 3, 8, 11, 59, 59))
            #expect(early.digestsRecorded == 0 && early.nextWake == F.utc(2026, 3, 8, 12))
            let sent = try harness.step(to: F.utc(2026, 3, 8, 12))
            #expect(sent.queued == 1 && sent.digestsRecorded == 1)
            // The daily work (a day after the start) comes before tomorrow's digest at 12:00Z.
            #expect(sent.nextWake == F.utc(2026, 3, 9, 11))
            #expect(try harness.step(to: F.utc(2026, 3, 9, 11)).nextWake == F.utc(2026, 3, 9, 12))
            #expect(try harness.step(to: F.utc(2026, 3, 8, 20)).queued == 0)
            let restarted = try harness.restarted()
            #expect(try harness.firstWake(of: restarted).queued == 0)
            restarted.stop()
            let next = try harness.step(to: F.utc(2026, 3, 9, 12))
            #expect(next.queued == 1)

            harness.agenda.set([])
            harness.scheduler.changed(.applications([1, 2]))
            let empty = try harness.step(to: F.utc(2026, 3, 10, 12))
            #expect(empty.queued == 0 && empty.digestsRecorded == 1)
            #expect(try harness.store.read { try $0.channel(id: 1) }?.lastDigestDate == "2026-03-10")

            let deliveries = try harness.deliveries()
            #expect(deliveries.map(\.type) == [.digest, .digest])
            #expect(deliveries.allSatisfy { $0.itemKey == nil })
            let bodies = try deliveries.map { try JSONParser.parse($0.body) }
            #expect(bodies.map { $0["date"]?.stringValue } == ["2026-03-08", "2026-03-09"])
            #expect(
                bodies.map { $0["items"]?.arrayValue?.compactMap { $0["key"]?.stringValue } }
                    == [[yesterday.key], [yesterday.key, tomorrow.key]])
        }
    }

    @Test("a message queued during quiet hours (Berlin, 22:00 to 07:00) waits for their end; one after goes now")
    func quietHours() throws {
        try ScratchDirectory.with { directory in
            // 21:30Z is 23:30 CEST; quiet hours end at 07:00 CEST, 05:00Z.
            let night = P.item(1, dueFrom: F.utc(2026, 6, 1, 21, 30))
            let morning = P.item(2, dueFrom: F.utc(2026, 6, 2, 6))
            let harness = try H(directory: directory, now: F.utc(2026, 6, 1, 21)) { store, agenda in
                agenda.set(
                    ReminderSettings(
                        timeZone: "Europe/Berlin", quietHours: QuietHours(start: "22:00", end: "07:00")))
                agenda.set([night, morning])
                try H.channel(store, P.fields(), now: F.utc(2026, 6, 1))
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            #expect(try harness.step(to: F.utc(2026, 6, 1, 21, 30)).queued == 1)
            #expect(try harness.step(to: F.utc(2026, 6, 2, 6)).queued == 1)
            #expect(
                try harness.deliveries().map(\.nextAttemptAt)
                    == [F.utc(2026, 6, 2, 5).millis, F.utc(2026, 6, 2, 6).millis])
        }
    }

    @Test("the wake-up is the earliest instant ahead: an item of an action carried, an event, a snooze's end")
    func earliestWake() throws {
        try ScratchDirectory.with { directory in
            let start = F.utc(2026, 6, 1, 12)
            let harness = try H(directory: directory, now: start) { store, agenda in
                agenda.set([
                    P.item(1, .followUp, dueFrom: F.utc(2026, 6, 1, 15)),
                    P.item(2, .touchBase, dueFrom: F.utc(2026, 6, 1, 13)),
                    P.item(3, .followUp, dueFrom: F.utc(2026, 6, 1, 14)),
                ])
                try H.channel(store, P.fields(actions: ["follow_up"]), now: start)
                try store.perform { transaction in
                    try transaction.insertApplication(ApplicationFields(route: "posted_opening"), now: start.millis)
                }
            }
            defer { harness.close() }
            #expect(try harness.firstWake().nextWake == F.utc(2026, 6, 1, 14))

            // An interview recorded for 13:30: its application's items change then.
            harness.agenda.setEvents([3: F.utc(2026, 6, 1, 13, 30)])
            harness.scheduler.changed(.applications([3]))
            #expect(try harness.step().nextWake == F.utc(2026, 6, 1, 13, 30))

            // A snooze of application 1 ending at 12:45.
            let snooze = try harness.store.perform { transaction in
                try transaction.insertSnooze(
                    SnoozeFields(applicationId: 1, action: "follow_up", until: F.utc(2026, 6, 1, 12, 45).millis),
                    now: start.millis)
            }
            harness.scheduler.changed(snooze.change)
            #expect(try harness.step().nextWake == F.utc(2026, 6, 1, 12, 45))
        }
    }

    @Test("an application whose items change with time alone is recomputed then: an interview's time, a snooze's end")
    func changesWithTime() throws {
        try ScratchDirectory.with { directory in
            let start = F.utc(2026, 6, 1, 12)
            let interview = F.utc(2026, 6, 1, 14)
            let harness = try H(directory: directory, now: start) { store, agenda in
                agenda.setEvents([2: interview])
                try H.channel(store, P.fields(), now: start)
                try store.perform { transaction in
                    let application = try transaction.insertApplication(
                        ApplicationFields(route: "posted_opening"), now: start.millis)
                    _ = try transaction.insertSnooze(
                        SnoozeFields(
                            applicationId: application.id, action: "follow_up",
                            until: F.utc(2026, 6, 1, 13).millis),
                        now: start.millis)
                }
            }
            defer { harness.close() }
            #expect(try harness.firstWake().nextWake == F.utc(2026, 6, 1, 13))

            // The agenda lists the snoozed follow-up again once the snooze ends; nothing else said so.
            let followUp = P.item(1, .followUp, contact: nil, dueFrom: F.utc(2026, 6, 1, 9))
            harness.agenda.set([followUp])
            let unsnoozed = try harness.step(to: F.utc(2026, 6, 1, 13))
            #expect(unsnoozed.recomputed == 1 && unsnoozed.queued == 1)
            #expect(unsnoozed.nextWake == interview)

            // The agenda as of the interview lists its thank-you, due from then.
            let thanks = P.item(2, dueFrom: interview, dueBy: interview.adding(days: 1))
            harness.agenda.set([followUp, thanks])
            let after = try harness.step(to: interview)
            #expect(after.recomputed == 1 && after.queued == 1)
            #expect(try harness.deliveries().map(\.itemKey) == [followUp.key, thanks.key])
        }
    }

    @Test("still listed: the sender's question, asked of the agenda at the instant given")
    func stillListed() throws {
        try ScratchDirectory.with { directory in
            let start = F.utc(2026, 6, 1, 12)
            let item = P.item(4, dueFrom: start)
            let other = P.item(6, dueFrom: start)
            let harness = try H(directory: directory, now: start) { _, agenda in agenda.set([item, other]) }
            defer { harness.close() }
            _ = harness.agenda.takeAsked()
            #expect(harness.scheduler.stillListed(itemKeys: [item.key], now: start) == [item.key])
            #expect(harness.agenda.takeAsked() == [[4]])
            // One question for several applications; keys naming no item, or nothing at all, are not listed.
            let keys = [item.key, other.key, "4:send_thank_you:9:1", "not a key"]
            #expect(harness.scheduler.stillListed(itemKeys: keys, now: start) == [item.key, other.key])
            #expect(harness.agenda.takeAsked() == [[4, 6]])
            #expect(harness.scheduler.stillListed(itemKeys: ["not a key"], now: start).isEmpty)
            #expect(harness.agenda.takeAsked().isEmpty)
            harness.agenda.set([other])
            #expect(harness.scheduler.stillListed(itemKeys: keys, now: start) == [other.key])
        }
    }
}
