import Glibc
import Guidance
import HTTP
import SQLite
import Store
import Synchronization

/// What every handler of the API needs: the store, the clock, and the guidance settings.
public final class APIContext: Sendable {
    public let store: Store
    /// Milliseconds since the epoch. Injected so tests can fix the time; the service uses the system clock.
    public let now: @Sendable () -> Int64
    /// The settings as last committed, with the engine that applies them (made on first use: making one
    /// looks the zone up, which loads the zone database) and how many times they were replaced; read by
    /// every check, written only after a settings commit.
    private let current: Mutex<(snapshot: SettingsSnapshot, engine: GuidanceEngine?, generation: UInt64)>
    /// Every application's facts as of a writer commit count: the agenda reads all of them, and
    /// loading them costs more than judging them, so they are loaded again only after a commit.
    private let agendaFacts = Mutex<(commits: Int, facts: [ApplicationFacts])?>(nil)
    /// Timelines between the writes that change them.
    let timelines = TimelineCache()
    /// The bearer token every route but the health checks needs; nil when the service is open.
    let token: String?
    public let metrics = Metrics()
    /// Where import bodies are read, one at a time, off the event loops.
    let imports = ImportGate()

    struct SettingsSnapshot: Sendable {
        var guidance: GuidanceSettings
        var feedToken: String
    }

    /// Loads (and on first start, stores) the settings.
    public init(store: Store, now: @escaping @Sendable () -> Int64, token: String? = nil) throws {
        self.store = store
        self.now = now
        self.token = token
        let snapshot = try store.writer.perform { db in try SettingsCodec.loadOrCreate(db) }
        current = Mutex((snapshot, nil, 0))
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

    /// All applications' facts, from the cache while no commit happened since it was filled. The
    /// commit count is read before the reader's snapshot begins, so a cache entry is never older
    /// than its count says; a commit racing with the load only causes one more load later.
    func allFacts(_ request: Request, load: (Database) throws -> [ApplicationFacts]) throws -> [ApplicationFacts] {
        let commits = store.writer.statistics.commits
        if let cached = agendaFacts.withLock({ $0 }), cached.commits == commits { return cached.facts }
        let facts = try read(request, load)
        agendaFacts.withLock { $0 = (commits, facts) }
        return facts
    }

    /// Runs `body` on the reader connection of the request's event loop.
    func read<T>(_ request: Request, _ body: (Database) throws -> T) throws -> T {
        let started = Self.microseconds()
        defer { metrics.recordDatabase(read: true, micros: Self.microseconds() - started) }
        return try store.readers.withReader(loop: request.loopIndex, body)
    }

    static func microseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
    }

    /// One application's timeline with the statuses of the applications it names, from the cache
    /// or from the request's reader; nil when there is no such application.
    func timeline(_ id: Int64, _ request: Request) throws -> TimelineCache.Entry? {
        if let entry = timelines.entry(id) { return entry }
        let token = timelines.token(id)
        return try read(request) { db -> TimelineCache.Entry? in
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

        /// Answers on the event loop, after `before` (which runs there too when the response is composed there).
        func deliver(to responder: Responder, before: @escaping @Sendable () -> Void) {
            switch source {
            case .ready(let response):
                before()
                responder.respond(response)
            case .later(let build):
                responder.respond(building: {
                    before()
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
                let started = Self.microseconds()
                defer { metrics.recordDatabase(read: false, micros: Self.microseconds() - started) }
                let written = try job(db)
                timelines.invalidate(written.change)
                return written
            }) { result in
                switch result {
                case .success(let written):
                    let extended = timelines.committed(written.change)
                    written.deliver(to: responder) { extended?() }
                case .failure(let error):
                    responder.fail(APIError.fromWrite(error))
                }
            }
        }
    }
}
