import Guidance
import Reminders
import Store
import Synchronization
import System
import Time

/// What every handler of the API needs: the store, the clock, and the guidance settings.
public final class APIContext: Sendable {
    public let store: Store
    /// The time. Injected so tests can fix it; the service uses the system clock.
    public let now: @Sendable () -> Instant
    /// The settings as last committed, with the engine that applies them (made on first use: making one
    /// looks the zone up, which loads the zone database) and how many times they were replaced; read by
    /// every check, written only after a settings commit.
    private let current: Mutex<(snapshot: SettingsSnapshot, engine: GuidanceEngine?, generation: UInt64)>
    /// Timelines between the writes that change them, within a byte budget.
    let timelines: TimelineCache
    /// The bearer token every route but the health checks needs; nil when the service is open.
    let token: String?
    public let metrics = Metrics()
    /// Where import bodies are read, one at a time, off the event loops.
    let imports = ImportGate()
    /// Where channel tests wait for their receivers, a few at a time, off the event loops.
    let channelTests = ChannelTestGate()
    /// The key one-tap links are signed with, made on first start and kept in the database.
    public let linkKey: [UInt8]
    /// The absolute URL the service is reached at (`--public-url`), without a trailing slash; one-tap links are
    /// built on it. Nil when not configured: messages then carry no links.
    public let publicURL: String?
    /// The reminders, told of every commit; nil until attached (and in a service without them).
    private let reminderControl: Mutex<(any ReminderControl)?>

    struct SettingsSnapshot: Sendable {
        var guidance: GuidanceSettings
        var feedToken: String
        /// Not a guidance setting: what the reminders hold messages for.
        var quietHours = QuietHours()
    }

    /// Loads (and on first start, stores) the settings and the link key. The timeline cache holds at most
    /// `cacheBytes` (0 keeps nothing); its budget and use are gauges of `metrics`, its evictions a counter, and
    /// the outbox's depth and age gauges too.
    public init(
        store: Store, now: @escaping @Sendable () -> Instant, token: String? = nil, cacheBytes: Int = 64 << 20,
        publicURL: String? = nil, reminders: (any ReminderControl)? = nil
    ) throws {
        self.store = store
        self.now = now
        self.token = token
        self.publicURL = publicURL
        reminderControl = Mutex(reminders)
        let (snapshot, linkKey) = try store.perform { transaction in
            let snapshot = try SettingsCodec.loadOrCreate(&transaction)
            return (snapshot, try transaction.ensureLinkKey())
        }.value
        self.linkKey = linkKey
        current = Mutex((snapshot, nil, 0))
        let timelines = TimelineCache(budget: cacheBytes)
        self.timelines = timelines
        metrics.gauge(
            "notapest_timeline_cache_budget_bytes", help: "Most bytes the timeline cache may hold (--cache-mib)."
        ) { Double(timelines.budget) }
        metrics.gauge(
            "notapest_timeline_cache_bytes", help: "Bytes the timeline cache holds now, as it estimates them."
        ) { Double(timelines.usage.bytes) }
        metrics.counter(
            "notapest_timeline_cache_evictions_total",
            help: "Applications whose cached timeline was let go to stay within the budget, since start."
        ) { Double(timelines.usage.evictions) }
        metrics.registerOutbox(store: store, now: now)
    }

    /// The reminders told of every commit, if attached.
    public var reminders: (any ReminderControl)? { reminderControl.withLock { $0 } }

    /// Attaches the reminders, which are made after the context (they read the agenda through it), so that every
    /// commit from now on is told to them; one attached earlier is replaced.
    public func attach(reminders: any ReminderControl) {
        reminderControl.withLock { $0 = reminders }
    }

    /// Lets go of the reminders attached, which hold this context as their agenda: once both are stopped, the
    /// two are freed.
    public func detachReminders() {
        reminderControl.withLock { $0 = nil }
    }

    var settings: SettingsSnapshot { current.withLock { $0.snapshot } }

    var engine: GuidanceEngine { versionedEngine.engine }

    /// The engine with the number of the settings it applies, which changes with every replacement.
    var versionedEngine: (engine: GuidanceEngine, generation: UInt64) {
        current.withLock { current in
            let engine = current.engine ?? GuidanceEngine(settings: current.snapshot.guidance)
            current.engine = engine
            return (engine, current.generation)
        }
    }

    func replaceSettings(_ snapshot: SettingsSnapshot) {
        current.withLock { $0 = (snapshot, nil, $0.generation &+ 1) }
    }

    /// Runs `body` on the calling thread's reader, in one snapshot.
    func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        let started = Clock.monotonicMicroseconds()
        defer { metrics.recordDatabase(read: true, micros: Clock.monotonicMicroseconds() - started) }
        return try store.read(body)
    }

    /// One application's timeline with the statuses of the applications it names, from the cache
    /// or from the calling thread's reader; nil when there is no such application.
    func timeline(_ id: Int64) throws -> TimelineCache.Entry? {
        if let entry = timelines.entry(id) { return entry }
        let token = timelines.token(id)
        return try read { reading -> TimelineCache.Entry? in
            guard let timeline = try reading.applicationWithTimeline(id: id) else { return nil }
            let others = Facts.otherApplicationIds(timeline)
            let statuses = others.isEmpty ? [:] : try reading.statuses(ofApplications: others)
            let entry = try TimelineCache.Entry(timeline: timeline, statuses: statuses, token: token)
            timelines.store(entry)
            return entry
        }
    }
}
