import Glibc
import Store
import System
import Time

/// The thread that turns the agenda into reminders: it holds every application's items (a year ahead) and what
/// each channel has handled, sleeps until the next instant something falls due (or turns overdue, or a digest
/// is due), or until a write changes something, and then queues what is due in the outbox, in one write
/// transaction, and wakes the sender. It never polls: between wake-ups it sleeps on a condition with a deadline.
///
/// Writes reach it through `changed(_:)`, which only records the applications written and signals; a burst of
/// writes is recomputed once, `coalesceMillis` after the first. Once a day it recomputes every application
/// (items come within the year's horizon) and purges what is older than `ReminderRetention`.
public final class Scheduler: Sendable {
    /// How the scheduler runs.
    public struct Configuration: Sendable {
        /// The base of one-tap links (`--public-url`); nil: messages carry no links.
        public var publicURL: String?
        /// How long after the first of a burst of writes the written applications are recomputed.
        public var coalesceMillis: Int64
        /// How far ahead the items held reach: the agenda's horizon, in days.
        public var horizonDays: Int
        /// How long after a failed read or write it tries again.
        public var retryMillis: Int64
        /// The most messages one transaction queues: a wake-up with more writes them in several, and the sender
        /// starts on the first while the next are written (10,000 messages due at once took the writer 0.4 s in
        /// one transaction, and the first message waited for all of it). A hundred: the outcomes of the messages
        /// sent meanwhile commit in the writer's next batch, and a batch holding 500 kept them waiting 15 ms.
        public var queueChunk: Int
        public static let defaultQueueChunk = 100

        public init(
            publicURL: String? = nil, coalesceMillis: Int64 = 150, horizonDays: Int = 365, retryMillis: Int64 = 5_000,
            queueChunk: Int = defaultQueueChunk
        ) {
            self.publicURL = publicURL
            self.coalesceMillis = coalesceMillis
            self.horizonDays = horizonDays
            self.retryMillis = retryMillis
            self.queueChunk = max(1, queueChunk)
        }
    }

    private let store: Store
    private let source: any AgendaSource
    private let configuration: Configuration
    private let clock: @Sendable () -> Instant
    private let wakeSender: @Sendable () -> Void
    private let log: @Sendable (String) -> Void
    let inbox = ConditionLock(SchedulerInbox(), clock: .wall)

    /// A scheduler over `store`, reading the agenda from `source` at the instants `now` gives; `wakeSender` is
    /// called after each transaction of a wake-up that queued a delivery, `log` with a line about what failed. Call `start()`.
    public init(
        store: Store, source: any AgendaSource, configuration: Configuration = Configuration(),
        now: @escaping @Sendable () -> Instant, wakeSender: @escaping @Sendable () -> Void,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.store = store
        self.source = source
        self.configuration = configuration
        clock = now
        self.wakeSender = wakeSender
        self.log = log
    }

    /// Reads (or makes, the first time) the key links are signed with, then starts the thread, whose first
    /// wake-up loads everything and queues what is due. Throws a `StoreError` when the key cannot be read or
    /// written, a `SystemError` when the thread cannot start. Call once.
    public func start() throws {
        let key = try store.perform { transaction in try transaction.ensureLinkKey() }.value
        let state = SchedulerState(
            store: store, source: source, configuration: configuration, clock: clock,
            data: MessageData(publicURL: configuration.publicURL, linkKey: key), queuedSome: wakeSender, log: log)
        let thread = try SystemThread.spawnInBackground(named: "scheduler") { [inbox, clock, configuration] in
            Self.run(state, inbox: inbox, clock: clock, coalesceMillis: configuration.coalesceMillis)
        }
        inbox.withLock { $0.thread = thread }
    }

    /// Stops the thread after the wake-up under way, and waits for it. Call it from another thread, once.
    public func stop() {
        let thread = inbox.withLockThenWake { inbox -> pthread_t? in
            inbox.stopping = true
            defer { inbox.thread = nil }
            return inbox.thread
        }
        if let thread { pthread_join(thread, nil) }
    }

    /// A write committed `change`: records the applications it names (all of them, the settings and the
    /// channels for `.settings` and `.everything`) and signals. Cheap: call it after every commit, from any thread.
    public func changed(_ change: StoreChange) {
        switch change {
        case .none: return
        case .settings, .everything:
            record { $0.everything = true }
        case .eventAdded, .applications:
            let ids = change.applicationIds
            record { $0.dirty.formUnion(ids) }
        }
    }

    /// A channel changed outside the API's writes (the sender disabled it): reloads the channels alone.
    public func channelsChanged() {
        record { $0.channels = true }
    }

    /// Which of the items with `itemKeys` are still listed at `now` (not done, snoozed or moved), recomputing their
    /// applications in one pass: what the sender asks before sending item messages. A key that names no item is
    /// not listed. When the agenda cannot be read, the answer is all of them: a reminder sent once too often costs
    /// less than one lost.
    public func stillListed(itemKeys: [String], now: Instant) -> Set<String> {
        var applications: Set<Int64> = []
        var asked: Set<String> = []
        for key in itemKeys {
            guard let parts = ItemKey.parse(key) else { continue }
            applications.insert(parts.applicationId)
            asked.insert(key)
        }
        guard !applications.isEmpty else { return [] }
        do {
            var listed: Set<String> = []
            for item in try source.reminderItems(of: applications, asOf: now, horizonDays: configuration.horizonDays)
            where asked.contains(item.key) {
                listed.insert(item.key)
            }
            return listed
        } catch {
            log("reminders: the agenda of applications \(applications.sorted()) could not be read: \(error)")
            return asked
        }
    }

    /// Wakes the thread now, with no change: for tests that move their clock, and for a clock that was stepped.
    func nudge() {
        inbox.withLockThenWake { $0.nudged = true }
    }

    /// Waits until more than `count` wake-ups are done, at most `timeoutMillis`, and tells what the last one did;
    /// nil on time-out.
    func waitForWake(after count: Int, timeoutMillis: Int64) -> (wakes: Int, report: WakeReport)? {
        let deadline = Clock.wallMilliseconds() + timeoutMillis
        return inbox.wait { inbox -> (value: (wakes: Int, report: WakeReport)??, deadline: Int64?) in
            if inbox.wakes > count, let report = inbox.lastReport { return ((inbox.wakes, report), nil) }
            if Clock.wallMilliseconds() >= deadline { return (.some(nil), nil) }
            return (nil, deadline)
        }
    }

    /// Records a change; only the first of a burst wakes the thread, to set its deadline from `pendingSince`: the
    /// others leave that deadline as it was, and a signal per write would cost the writer a system call each.
    private func record(_ body: (inout SchedulerInbox) -> Void) {
        inbox.withLockWakingIf { inbox in
            body(&inbox)
            guard inbox.pendingSince == nil else { return false }
            inbox.pendingSince = Clock.wallMilliseconds()
            return true
        }
    }
}
