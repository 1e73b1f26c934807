import Store
import TestSupport
import Testing
import Time

@testable import Reminders

/// Items falling due one after another do not each cost a wake-up at once: a wake-up for an instant of the plan
/// comes at the earliest twenty times the last one's duration after it ended, and at most 250 ms late.
@Suite("The scheduler: wake-ups for the plan's instants are spaced by the last one's cost")
struct SchedulerTimedSpacingTests {
    typealias P = PlanFixture
    typealias H = SchedulerHarness
    static let start = Instant(millis: 1_780_315_200_000)

    @Test func aTimedWakeUpWaitsTwentyTimesTheLastOnesDuration() throws {
        try ScratchDirectory.with { directory in
            let first = Self.start.adding(milliseconds: 100)
            let second = Self.start.adding(milliseconds: 101)
            let harness = try H(directory: directory, now: Self.start) { store, agenda in
                agenda.set([P.item(1, dueFrom: first), P.item(2, dueFrom: second)])
                try H.channel(store, P.fields(), now: Self.start)
            }
            defer { harness.close() }
            _ = try harness.firstWake()
            let woken = harness.scheduler.inbox.withLock { $0.wakes }
            // Every read of the agenda from now on takes 20 ms: the wake-up that queues the first item does.
            harness.agenda.setDelay(milliseconds: 20)
            harness.clock.set(first)
            let atFirst = try #require(harness.scheduler.waitForWake(after: woken, timeoutMillis: 10_000))
            #expect(atFirst.report.queued == 1 && atFirst.report.nextWake == second)
            // The second instant has come as soon as the first wake-up ends; its wake-up still waits.
            harness.clock.set(second)
            let atSecond = try #require(harness.scheduler.waitForWake(after: atFirst.wakes, timeoutMillis: 10_000))
            #expect(atSecond.report.queued == 1)
            let spans = harness.scheduler.inbox.withLock { $0.spans }
            try #require(spans.count == 2)
            let took = spans[0].endedAt - spans[0].startedAt
            let gap = spans[1].startedAt - spans[0].endedAt
            #expect(took >= 20)
            #expect(gap >= min(took * Scheduler.busySpacing, Scheduler.maxTimedSpacingMillis))
            #expect(gap < Scheduler.maxTimedSpacingMillis + 1_000)
        }
    }
}
