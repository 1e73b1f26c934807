import API
import Glibc
import HTTP
import Reminders
import Store
import System
import Time

/// Opens the database and starts the server with every route, and the reminders.
public enum Service {
    /// What `start` started, stopped in the order that loses nothing.
    public struct Running: Sendable {
        public let server: HTTPServer
        public let store: Store
        public let reminders: ReminderService
        public let context: APIContext

        /// Stops accepting and finishes the requests in flight, then stops the reminders (the sender waits for
        /// the deliveries in flight, at most their timeout), then closes the database.
        public func stop() {
            server.shutdown()
            reminders.stop()
            context.detachReminders()
            store.close()
        }
    }

    /// The time from the system's wall clock.
    @Sendable public static func systemNow() -> Instant {
        Instant(millis: Clock.wallMilliseconds())
    }

    /// Readers for threads other than the event loops, which each have one: a handler called off the loops (as
    /// in-process tests call them) reads on its own thread, and holds that reader until the thread ends; so do
    /// the reminders' scheduler, their sender's dispatcher and its four workers (which ask whether an item is
    /// still listed).
    static let otherReaders = 4 + 6

    /// `onFailure` is told if the server stops on its own because part of it failed.
    public static func start(
        _ options: ServeOptions, now: @escaping @Sendable () -> Instant = systemNow,
        onFailure: (@Sendable (String) -> Void)? = nil
    ) throws -> Running {
        let token = try options.resolvedToken()
        Memory.returnLargeBlocksOnFree()
        var configuration = options.serverConfiguration
        configuration.onFailure = onFailure
        // Without credentials, a name an attacker rebinds to this address must not reach the data.
        if token == nil { configuration.allowedHosts = options.hostsServedWithoutToken }
        if configuration.eventLoops == 0 {
            configuration.eventLoops = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        }
        let store = try Store(path: options.databasePath, readers: configuration.eventLoops + otherReaders)
        do {
            let context = try APIContext(
                store: store, now: now, token: token, cacheBytes: options.cacheMiB << 20, publicURL: options.publicURL)
            let server = try HTTPServer(
                configuration: configuration, router: APIRoutes.make(context), observer: context.metrics)
            context.metrics.gauge("notapest_open_connections", help: "Connections open now.") { [weak server] in
                Double(server?.openConnections ?? 0)
            }
            context.metrics.counter("notapest_db_commits_total", help: "Write transactions committed since start.") {
                Double(store.statistics.commits)
            }
            context.metrics.counter("notapest_db_write_jobs_total", help: "Writes run in those transactions.") {
                Double(store.statistics.jobs)
            }
            context.metrics.counter(
                "notapest_db_batch_restarts_total",
                help: "Group commits started again without a job whose error rolled the whole transaction back."
            ) { Double(store.statistics.restarts) }
            context.metrics.gauge(
                "notapest_build_info{version=\"\(NotAPest.version)\"}", help: "The running version; always 1."
            ) { 1 }
            let quiet = options.logFormat == .off
            let reminders = ReminderService(
                store: store, source: context,
                configuration: ReminderService.Configuration(
                    publicURL: options.publicURL, retryBaseMillis: Int64(options.deliveryRetryBaseMilliseconds)),
                now: now,
                observer: { [weak context] kind, outcome in
                    context?.metrics.recordDelivery(kind: kind, outcome: outcome)
                },
                log: { line in if !quiet { NotAPest.printError("notapest: reminders: \(line)\n") } })
            // Attached before anything can write, so that no commit goes untold.
            context.attach(reminders: reminders)
            do {
                try reminders.start()
                do {
                    try server.start()
                } catch {
                    reminders.stop()
                    throw error
                }
            } catch {
                // The reminders hold the context as their agenda: let go of them, or neither is ever freed.
                context.detachReminders()
                throw error
            }
            return Running(server: server, store: store, reminders: reminders, context: context)
        } catch {
            store.close()
            throw error
        }
    }
}
