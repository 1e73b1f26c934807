import Outgoing
import Store
import Synchronization
import System
import Time

/// The reminders of a running service: the scheduler, which queues what falls due, and the sender, which
/// delivers the outbox; what the API calls (`ReminderControl`) goes to the one that acts on it. docs/REMINDERS.md
/// says what each does.
public final class ReminderService: ReminderControl {
    /// What the service was started with.
    public struct Configuration: Sendable {
        /// The base of one-tap links (`--public-url`); messages carry no links without it.
        public var publicURL: String?
        /// The first retry's wait, which scales the whole schedule (`NOTAPEST_DELIVERY_RETRY_BASE_MS`).
        public var retryBaseMillis: Int64
        /// How long one delivery's request may take.
        public var timeout: Duration

        public init(
            publicURL: String? = nil, retryBaseMillis: Int64 = RetryPolicy.defaultBaseMillis,
            timeout: Duration = HTTPClientDefaults.timeout
        ) {
            self.publicURL = publicURL
            self.retryBaseMillis = retryBaseMillis
            self.timeout = timeout
        }
    }

    let scheduler: Scheduler
    let sender: Sender

    /// Makes both threads' parts; `start` starts them. `observer` is told what became of each delivery taken up
    /// (for the metrics), `log` of the errors the threads went on after.
    public init(
        store: Store, source: any AgendaSource, configuration: Configuration = Configuration(),
        client: any HTTPClient = ReceiverClient(), now: @escaping @Sendable () -> Instant,
        observer: @escaping @Sendable (ChannelKind, SendOutcome) -> Void = { _, _ in },
        log: @escaping @Sendable (String) -> Void
    ) {
        // Each needs the other: the scheduler wakes the sender after it queues, and the sender asks the scheduler
        // whether an item is still listed. The sender is reached through this link, set once both exist.
        let link = SenderLink()
        let scheduler = Scheduler(
            store: store, source: source, configuration: Scheduler.Configuration(publicURL: configuration.publicURL),
            now: now, wakeSender: { link.wake() }, log: log)
        let sender = Sender(
            store: store, client: client,
            configuration: Sender.Configuration(
                timeout: configuration.timeout, publicURL: configuration.publicURL,
                retryPolicy: RetryPolicy(baseMillis: configuration.retryBaseMillis)),
            clock: now,
            settings: {
                let settings = source.reminderSettings()
                let times = LocalTimes(settings)
                return Sender.Settings(timeZone: settings.timeZone, holdUntil: { times.holdUntil($0) })
            },
            stillListed: { keys, now in scheduler.stillListed(itemKeys: keys, now: now) },
            observer: observer, log: log)
        link.sender.withLock { $0 = sender }
        self.scheduler = scheduler
        self.sender = sender
    }

    /// Starts the sender, then the scheduler (which makes the links' key on its first start).
    public func start() throws {
        try sender.start()
        do {
            try scheduler.start()
        } catch {
            sender.stop()
            throw error
        }
    }

    /// Stops the scheduler, then the sender (waiting for the requests in flight, at most their timeout). Call it
    /// before the store is closed.
    public func stop() {
        scheduler.stop()
        sender.stop()
    }

    public func changed(_ change: StoreChange) {
        scheduler.changed(change)
        // Channel writes come as `.everything` (an import too): the sender's runs must not go on with a channel as
        // it was.
        if change == .everything { sender.channelsChanged() }
        if change != .none { sender.agendaChanged() }
    }

    public func outboxChanged() {
        sender.wake()
    }

    public func sendTest(to channel: ChannelRecord) -> TestOutcome {
        sender.sendTest(to: channel)
    }

    /// The sender, once made, for the scheduler's wake-ups.
    private final class SenderLink: Sendable {
        let sender = Mutex<Sender?>(nil)

        func wake() {
            sender.withLock { $0 }?.wake()
        }
    }
}
