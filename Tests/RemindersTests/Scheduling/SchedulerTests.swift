import Guidance
import JSON
import Store
import TestSupport
import Testing
import Time

@testable import Reminders

@Suite("The scheduler: queues each item phase once, when due, in the outbox, and wakes the sender")
struct SchedulerTests {
    typealias P = PlanFixture
    typealias H = SchedulerHarness
    /// 2026-06-01T12:00:00Z.
    static let start = Instant(millis: 1_780_315_200_000)

    static func at(_ offset: Int64) -> Instant {
        start.adding(milliseconds: offset)
    }

    @Test("an item falling due is queued once, and once more when overdue; the sender is woken each time")
    func dueThenOverdue() throws {
        try ScratchDirectory.with { directory in
            let item = P.item(4, dueFrom: Self.at(P.hour).millis, dueBy: Self.at(2 * P.hour).millis)
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([item])
                try H.channel(store, P.fields(), now: Self.start)
            }
            defer { harness.close() }
            let first = try harness.firstWake()
            #expect(first.queued == 0 && first.everything && first.purged)
            #expect(first.nextWake == Self.at(P.hour))

            let early = try harness.step(to: Self.at(P.hour - 1))
            #expect(early.queued == 0 && early.nextWake == Self.at(P.hour))
            let due = try harness.step(to: Self.at(P.hour))
            #expect(due.queued == 1)
            #expect(due.nextWake == Self.at(2 * P.hour + 1))
            #expect(try harness.step().queued == 0)
            #expect(try harness.step(to: Self.at(2 * P.hour)).queued == 0)
            let overdue = try harness.step(to: Self.at(2 * P.hour + 1))
            // Nothing ahead but the daily work.
            #expect(overdue.queued == 1 && overdue.nextWake == Self.at(P.day))
            #expect(try harness.step(to: Self.at(3 * P.hour)).queued == 0)

            let deliveries = try harness.deliveries()
            #expect(deliveries.map(\.type) == [.itemDue, .itemOverdue])
            #expect(deliveries.allSatisfy { $0.itemKey == item.key && $0.status == .pending && $0.channelId == 1 })
            #expect(deliveries.map(\.nextAttemptAt) == [Self.at(P.hour).millis, Self.at(2 * P.hour + 1).millis])
            #expect(deliveries.allSatisfy { $0.messageId.hasPrefix("msg_") && $0.messageId.count == 28 })
            // What the message says is the agenda at the instant it was queued.
            let bodies = try deliveries.map { try JSONParser.parse($0.body) }
            #expect(bodies.map { $0["overdue"]?.boolValue } == [false, true])
            #expect(bodies.allSatisfy { $0["key"]?.stringValue == item.key })
            #expect(
                bodies.allSatisfy {
                    $0["links"]?["done"]?.stringValue?.hasPrefix("https://notapest.example/a/") == true
                })
            #expect(harness.senderWakes.calls == 2)
            let marks = try harness.store.read { try $0.marks(channelId: 1) }
            #expect(Set(marks.map(\.item.phase)) == [.due, .overdue])
            #expect(marks.allSatisfy { $0.deliveryId != nil })
        }
    }

    @Test("the scheduler wakes itself once its clock reaches the next instant, not when the wall clock does")
    func wakesOnItsClock() throws {
        try ScratchDirectory.with { directory in
            let item = P.item(4, dueFrom: Self.at(P.hour))
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([item])
                try H.channel(store, P.fields(), now: Self.start)
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            // One millisecond before the instant, by a clock that stands still: the wall clock passes the
            // deadline many times over, and nothing wakes.
            let early = try harness.step(to: Self.at(P.hour - 1))
            #expect(early.nextWake == Self.at(P.hour))
            let wakes = harness.scheduler.inbox.withLock { $0.wakes }
            #expect(harness.scheduler.waitForWake(after: wakes, timeoutMillis: 300) == nil)
            // The clock reaches it: the scheduler wakes without being nudged.
            harness.clock.set(Self.at(P.hour))
            let due = try #require(harness.scheduler.waitForWake(after: wakes, timeoutMillis: 10_000))
            #expect(due.wakes == wakes + 1 && due.report.queued == 1)
            #expect(try harness.deliveries().map(\.itemKey) == [item.key])
        }
    }

    @Test("a restarted scheduler queues nothing twice, and what fell due while it was down goes out")
    func restart() throws {
        try ScratchDirectory.with { directory in
            let sent = P.item(4, dueFrom: Self.at(P.hour))
            let later = P.item(5, dueFrom: Self.at(3 * P.hour))
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([sent, later])
                try H.channel(store, P.fields(), now: Self.start)
            }
            _ = try harness.firstWake()
            #expect(try harness.step(to: Self.at(P.hour)).queued == 1)
            harness.scheduler.stop()

            harness.clock.set(Self.at(4 * P.hour))
            let again = try harness.restarted()
            defer {
                again.stop()
                harness.store.close()
            }
            #expect(try harness.firstWake(of: again).queued == 1)
            #expect(try harness.step(again).queued == 0)
            #expect(try harness.deliveries().map(\.itemKey) == [sent.key, later.key])
        }
    }

    @Test("writes are coalesced into one recomputation of the applications they name; a new item already due goes")
    func dirtyApplications() throws {
        try ScratchDirectory.with { directory in
            // Long enough that the three changes below fall within it however slowly this thread runs.
            let harness = try H(directory: directory, now: Self.start, coalesceMillis: 500) { store, agenda in
                agenda.set([P.item(1, dueFrom: Self.at(P.day))])
                try H.channel(store, P.fields(), now: Self.start)
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            #expect(harness.agenda.takeAsked() == [nil])
            let appeared = P.item(7, dueFrom: Self.at(-P.minute))
            harness.agenda.set([P.item(1, dueFrom: Self.at(P.day)), appeared])
            let (woken, report) = try harness.wake(
                after: .eventAdded(id: 1, applicationId: 7), .applications([8, 7]), .none)
            #expect(woken == 1)
            #expect(!report.everything && report.recomputed == 2 && report.queued == 1)
            #expect(harness.agenda.takeAsked() == [[7, 8]])
            #expect(try harness.deliveries().map(\.itemKey) == [appeared.key])

            // A settings or channel write: everything again.
            let everything = try harness.wake(after: .everything)
            #expect(everything.report.everything && everything.report.queued == 0)
            #expect(harness.agenda.takeAsked() == [nil])
        }
    }

    @Test("with no channel enabled, writes recompute nothing; enabling one recomputes every application")
    func idleWithoutChannels() throws {
        try ScratchDirectory.with { directory in
            let item = P.item(4, dueFrom: Self.at(P.hour))
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([item])
                try H.channel(store, P.fields("off", enabled: false), now: Self.start)
            }
            defer { harness.close() }
            #expect(try harness.firstWake().recomputed == 0)
            let written = try harness.wake(after: .applications([4]))
            #expect(written.report.recomputed == 0 && written.report.queued == 0)
            #expect(harness.agenda.takeAsked().isEmpty)
            // Due with no channel to send it: nothing goes, and nothing is marked.
            #expect(try harness.step(to: Self.at(P.hour)).queued == 0)

            try H.channel(harness.store, P.fields("on"), now: Self.at(P.hour + 1))
            let woken = try harness.wake(after: .everything)
            #expect(woken.report.everything && woken.report.recomputed == 1)
            #expect(harness.agenda.takeAsked() == [nil])
        }
    }

    @Test("writes that keep coming are recomputed at most once per twenty times the last wake-up's duration")
    func spacedUnderLoad() throws {
        try ScratchDirectory.with { directory in
            let harness = try H(directory: directory, now: Self.start, coalesceMillis: 10) { store, agenda in
                agenda.set([P.item(1, dueFrom: Self.at(P.day))])
                try H.channel(store, P.fields(), now: Self.start)
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            harness.agenda.setDelay(milliseconds: 20)
            for round in 0..<3 {
                _ = try harness.wake(after: .applications([1]))
                let spans = harness.scheduler.inbox.withLock { $0.spans }
                try #require(spans.count == 2)
                let took = spans[0].endedAt - spans[0].startedAt
                let gap = spans[1].startedAt - spans[0].endedAt
                // The first wake-up read nothing slowly; those after it took 20 ms or more.
                if round > 0 { #expect(took >= 20) }
                #expect(gap >= min(took * Scheduler.busySpacing, Scheduler.maxSpacingMillis))
                if round > 0 { #expect(gap >= 400) }
            }
        }
    }

    @Test("a channel starts from the agenda as it is: what was due when it was made is not sent")
    func baseline() throws {
        try ScratchDirectory.with { directory in
            let due = P.item(4, dueFrom: Self.at(-P.hour), dueBy: Self.at(P.hour))
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([due])
                try H.channel(store, P.fields(), now: Self.start, baseline: [due])
            }
            defer { harness.close() }
            #expect(try harness.firstWake().queued == 0)
            // Its overdue phase was not reached then: that one goes.
            #expect(try harness.step(to: Self.at(P.hour + 1)).queued == 1)
            #expect(try harness.deliveries().map(\.type) == [.itemOverdue])
        }
    }

    @Test("a disabled channel gets nothing; the enabled one beside it does")
    func disabled() throws {
        try ScratchDirectory.with { directory in
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([P.item(4, dueFrom: Self.at(P.hour))])
                try H.channel(store, P.fields("off", enabled: false), now: Self.start)
                try H.channel(store, P.fields("on"), now: Self.start)
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            #expect(try harness.step(to: Self.at(P.hour)).queued == 1)
            #expect(try harness.deliveries().map(\.channelId) == [2])
        }
    }

    @Test("a channel disabled since the last reload gets nothing: the write reads the channels it queues on")
    func disabledUnderThePlan() throws {
        try ScratchDirectory.with { directory in
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([P.item(4, dueFrom: Self.at(P.hour))])
                try H.channel(store, P.fields(), now: Self.start)
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            try harness.store.perform { transaction in
                try transaction.setChannelEnabled(id: 1, false, reason: "410 Gone", now: Self.start.millis)
            }
            #expect(try harness.step(to: Self.at(P.hour)).queued == 0)
            #expect(try harness.deliveries().isEmpty)
        }
    }
}
