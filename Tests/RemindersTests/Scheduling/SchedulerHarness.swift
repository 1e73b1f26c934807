import Foundation
import Store
import TestSupport
import Testing
import Time

@testable import Reminders

/// A scheduler over a real Store in a scratch directory, a fake agenda and a clock the test moves.
struct SchedulerHarness {
    let store: Store
    let agenda = FakeAgenda()
    let clock: TestClock
    let senderWakes = CallCounter()
    let scheduler: Scheduler

    /// Starts a scheduler at `now`; `setUp` runs first, on the Store and the agenda (channels, items).
    init(
        directory: ScratchDirectory, now: Instant, publicURL: String? = "https://notapest.example",
        coalesceMillis: Int64 = 100, queueChunk: Int = Scheduler.Configuration.defaultQueueChunk,
        setUp: (Store, FakeAgenda) throws -> Void = { _, _ in }
    ) throws {
        store = try Store(path: directory.path("reminders.sqlite"), readers: 4)
        clock = TestClock(now)
        try setUp(store, agenda)
        scheduler = Self.scheduler(
            store: store, agenda: agenda, clock: clock, senderWakes: senderWakes, publicURL: publicURL,
            coalesceMillis: coalesceMillis, queueChunk: queueChunk)
        try scheduler.start()
    }

    /// Another scheduler over the same Store, agenda and clock: a restart.
    func restarted() throws -> Scheduler {
        let scheduler = Self.scheduler(
            store: store, agenda: agenda, clock: clock, senderWakes: senderWakes, publicURL: "https://notapest.example",
            coalesceMillis: 100)
        try scheduler.start()
        return scheduler
    }

    private static func scheduler(
        store: Store, agenda: FakeAgenda, clock: TestClock, senderWakes: CallCounter, publicURL: String?,
        coalesceMillis: Int64, queueChunk: Int = Scheduler.Configuration.defaultQueueChunk
    ) -> Scheduler {
        Scheduler(
            store: store, source: agenda,
            configuration: Scheduler.Configuration(
                publicURL: publicURL, coalesceMillis: coalesceMillis, retryMillis: 60_000, queueChunk: queueChunk),
            now: { clock.now }, wakeSender: { senderWakes.call() }, log: { _ in })
    }

    /// Stops the scheduler and closes the Store.
    func close() {
        scheduler.stop()
        store.close()
    }

    /// What the first wake-up did (after start).
    func firstWake(of scheduler: Scheduler? = nil) throws -> WakeReport {
        try #require((scheduler ?? self.scheduler).waitForWake(after: 0, timeoutMillis: 10_000)).report
    }

    /// Moves the clock to `instant` (when given), wakes the scheduler and tells what that wake-up did.
    func step(to instant: Instant? = nil, _ scheduler: Scheduler? = nil) throws -> WakeReport {
        let scheduler = scheduler ?? self.scheduler
        if let instant { clock.set(instant) }
        let before = scheduler.inbox.withLock { $0.wakes }
        scheduler.nudge()
        return try #require(scheduler.waitForWake(after: before, timeoutMillis: 10_000)).report
    }

    /// Hands the scheduler `changes`, as writes do, and tells how many wake-ups came until the first after them
    /// (one, unless the clock brought another meanwhile) and what the last of those did.
    func wake(after changes: StoreChange...) throws -> (woken: Int, report: WakeReport) {
        let before = scheduler.inbox.withLock { $0.wakes }
        for change in changes { scheduler.changed(change) }
        let (wakes, report) = try #require(scheduler.waitForWake(after: before, timeoutMillis: 10_000))
        return (wakes - before, report)
    }

    /// Every delivery, oldest first.
    func deliveries() throws -> [DeliveryRecord] {
        try store.read { try $0.deliveries(matching: DeliveryFilter(), after: nil, limit: 1000).items }.reversed()
    }

    /// Makes a channel at `now`, with baseline marks for what `agenda` lists as due then, as the API does.
    @discardableResult
    static func channel(
        _ store: Store, _ fields: ChannelFields, now: Instant, baseline: [ReminderItem] = []
    ) throws -> ChannelRecord {
        try store.perform { transaction in
            let channel = try transaction.insertChannel(fields, now: now.millis)
            try transaction.insertBaselineMarks(
                channelId: channel.id, baseline.flatMap { $0.phasesReached(at: now) }, now: now.millis)
            return channel
        }.value
    }
}
