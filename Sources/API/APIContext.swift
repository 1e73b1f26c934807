import Glibc
import Guidance
import HTTP
import SQLite
import Store
import Synchronization
import System

/// What every handler of the API needs: the store, the clock, and the guidance settings.
public final class APIContext: Sendable {
    public let store: Store
    /// Milliseconds since the epoch. Injected so tests can fix the time; the service uses the system clock.
    public let now: @Sendable () -> Int64
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

    struct SettingsSnapshot: Sendable {
        var guidance: GuidanceSettings
        var feedToken: String
    }

    /// Loads (and on first start, stores) the settings. The timeline cache holds at most `cacheBytes` (0 keeps
    /// nothing); its budget and use are gauges of `metrics`, its evictions a counter.
    public init(
        store: Store, now: @escaping @Sendable () -> Int64, token: String? = nil, cacheBytes: Int = 64 << 20
    ) throws {
        self.store = store
        self.now = now
        self.token = token
        let snapshot = try store.writer.perform { db in try SettingsCodec.loadOrCreate(db) }
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

    /// Runs `body` on the calling thread's reader connection.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        let started = Clock.monotonicMicroseconds()
        defer { metrics.recordDatabase(read: true, micros: Clock.monotonicMicroseconds() - started) }
        return try store.readers.withReader(body)
    }

    /// One application's timeline with the statuses of the applications it names, from the cache
    /// or from the calling thread's reader; nil when there is no such application.
    func timeline(_ id: Int64) throws -> TimelineCache.Entry? {
        if let entry = timelines.entry(id) { return entry }
        let token = timelines.token(id)
        return try read { db -> TimelineCache.Entry? in
            guard let timeline = try db.applicationWithTimeline(id: id) else { return nil }
            let others = Facts.otherApplicationIds(timeline)
            let statuses = others.isEmpty ? [:] : try db.statuses(ofApplications: others)
            let entry = try TimelineCache.Entry(timeline: timeline, statuses: statuses, token: token)
            timelines.store(entry)
            return entry
        }
    }

    /// What a write job hands back: its response, or how to build it, and what its commit may have changed.
    struct Written: Sendable {
        private enum Source: Sendable {
            case ready(Response)
            /// Composed on the event loop after the commit, for a transaction that needs nothing of it:
            /// the writer thread is the service's scarcest, so there it only stores.
            case later(@Sendable () -> Response)
        }

        private let source: Source
        var change: TimelineCache.Change

        init(_ response: Response, changes change: TimelineCache.Change) {
            self.source = .ready(response)
            self.change = change
        }

        init(building build: @escaping @Sendable () -> Response, changes change: TimelineCache.Change) {
            self.source = .later(build)
            self.change = change
        }

        /// The response, composed now if it was left for later.
        var response: Response {
            switch source {
            case .ready(let response): response
            case .later(let build): build()
            }
        }

        /// This with its response composed now, for a transaction that keeps it (an idempotency key).
        func composed() -> Written { Written(response, changes: change) }

        /// Answers on the request's event loop, after `before` runs there. Called on the writer thread, which only
        /// hands both over: a response already composed (one an idempotency key keeps) still waits for `before`
        /// on the loop, so the cache is extended there and never by the writer.
        func deliver(to responder: Responder, before: (@Sendable () -> Void)?) {
            switch (source, before) {
            case (.ready(let response), nil):
                responder.respond(response)
            case (.ready(let response), let before?):
                responder.respond(building: {
                    before()
                    return response
                })
            case (.later(let build), let before):
                responder.respond(building: {
                    before?()
                    return build()
                })
            }
        }
    }

    /// A handler that validates on the event loop, then runs its database work in the writer's next
    /// group commit and answers once that commit is durable. The cache forgets what the write
    /// touched both inside the transaction (for later jobs of the same batch) and after the commit
    /// (for readers that loaded meanwhile), before the client hears back; a timeline a write only
    /// extended is extended on the event loop, also before the client hears back.
    func write(_ prepare: @escaping @Sendable (Request) throws -> @Sendable (Database) throws -> Written) -> Handler {
        .deferred { [store, timelines, metrics] request, responder in
            let job: @Sendable (Database) throws -> Written
            do {
                job = try prepare(request)
            } catch {
                responder.fail(error)
                return
            }
            store.writer.submit({ db in
                let started = Clock.monotonicMicroseconds()
                defer { metrics.recordDatabase(read: false, micros: Clock.monotonicMicroseconds() - started) }
                let written = try job(db)
                timelines.invalidate(written.change)
                return written
            }) { result in
                switch result {
                case .success(let written):
                    written.deliver(to: responder, before: timelines.committed(written.change))
                case .failure(let error):
                    responder.fail(APIError.fromWrite(error))
                }
            }
        }
    }
}
