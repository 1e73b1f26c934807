import Glibc
import Outgoing
import Store
import Synchronization
import System
import Time

/// The outbox's sender: one thread that takes the deliveries due from the Store and hands them to a small pool of
/// workers, a channel's run at a time; a worker sends the run's messages one after another, handing the outcome of
/// each to the Store's group commit as the next goes out.
///
/// At most `maxInFlight` requests are in flight at once, and one per channel: a receiver that hangs holds up its
/// own channel's messages and one worker, never another channel. A run (at most `runLength` deliveries of one
/// channel, due when taken up) spares the dispatcher a read and two thread hand-offs per message, and its worker
/// a wait for each commit; it ends early when the service stops, quiet hours begin, an outcome disables the
/// channel, or a channel is written (`channelsChanged`), so a run never sends with a channel's old URL or token
/// for more than the request in flight. The channel is free for another run once every outcome of this one has
/// committed. Between runs the dispatcher sleeps until the next delivery is due (`nextDeliveryDue`), until quiet
/// hours end, or until `wake()`: it never polls. Each outcome is recorded in one write with the channel's
/// bookkeeping: a delivery resets the count of give-ups in a row, a give-up adds one, and the tenth in a row, or
/// a `410`, disables the channel.
///
/// A delivery whose 2xx arrived but whose record did not commit (a crash, a store closed under it) is still
/// waiting in the outbox and goes out once more, with the same message id: receivers drop it by its `webhook-id`.
/// A crash can catch a channel with `maxOutcomesCommitting` + 1 such: the request in flight and the outcomes
/// before it, committing.
public final class Sender: Sendable {
    /// How the sender sends.
    public struct Configuration: Sendable {
        /// The whole exchange of one request: connection, request, response head and the part of the body read.
        public var timeout: Duration
        /// Requests in flight at once, over all channels; also the number of workers.
        public var maxInFlight: Int
        /// Eight: on two cores, 1,000 messages due at once on ten channels all went within 0.6 s (within
        /// 0.8 s with four), the cost per message being the client's and the outbox's CPU, not waiting.
        public static let defaultMaxInFlight = 8
        /// The most deliveries of one channel a worker takes at once.
        public var runLength: Int
        public static let defaultRunLength = 32
        /// The most outcomes of one run still committing when its next request goes out: what a crash can make
        /// the channel send twice, besides the request in flight. Eight: 10,000 messages due at once went out
        /// in 0.73 to 0.83 s (p99) against 0.95 to 1.15 s when a request waited for all but one outcome before
        /// it, the writer committing outcomes in groups twice the size (about 1,300 commits instead of 2,750).
        public var maxOutcomesCommitting: Int
        public static let defaultMaxOutcomesCommitting = 8
        /// `--public-url`: the page a notification opens when tapped.
        public var publicURL: String?
        public var retryPolicy: RetryPolicy

        public init(
            timeout: Duration = HTTPClientDefaults.timeout, maxInFlight: Int = defaultMaxInFlight,
            runLength: Int = defaultRunLength, maxOutcomesCommitting: Int = defaultMaxOutcomesCommitting,
            publicURL: String? = nil, retryPolicy: RetryPolicy = RetryPolicy()
        ) {
            self.timeout = timeout
            self.maxInFlight = max(1, maxInFlight)
            self.runLength = max(1, runLength)
            self.maxOutcomesCommitting = max(0, maxOutcomesCommitting)
            self.publicURL = publicURL
            self.retryPolicy = retryPolicy
        }
    }

    /// Give-ups in a row after which the service disables a channel.
    public static let disableAfterGaveUpInRow = 10
    /// The `last_error` of a delivery withdrawn because its item is no longer listed.
    public static let withdrawnReason = "the item was done, snoozed or changed before its message went out"

    /// The settings a message depends on, as read once for a run: the seeker's zone, for the dates messages show,
    /// and the end of the quiet hours an instant falls in (nil outside them).
    public struct Settings: Sendable {
        public var timeZone: String
        public var holdUntil: @Sendable (Instant) -> Instant?

        public init(timeZone: String, holdUntil: @escaping @Sendable (Instant) -> Instant? = { _ in nil }) {
            self.timeZone = timeZone
            self.holdUntil = holdUntil
        }
    }

    /// A run: deliveries of one channel taken up together, in the order they are due, with the channel as it was
    /// when taken and the count of channel writes then.
    struct Job: Sendable {
        var deliveries: [DeliveryRecord]
        var channel: ChannelRecord
        var channelWrites: UInt64
    }

    struct State: Sendable {
        var stopping = false
        /// Something changed since the dispatcher last looked: a `wake()`, or a worker finished.
        var woken = false
        /// Taken up, waiting for a worker.
        var jobs: [Job] = []
        /// Every delivery taken up and not yet recorded, with its channel.
        var inFlight: [Int64: Int64] = [:]
        /// The channels with a run taken up and not yet ended.
        var busy: Set<Int64> = []
        /// How many times a channel was written since start (`channelsChanged`): a run taken before the last ends.
        var channelWrites: UInt64 = 0
        /// How many writes since start could have changed the agenda or the settings (`agendaChanged`): a run
        /// reads both again once this moved.
        var agendaWrites: UInt64 = 0
    }

    let store: Store
    let client: any HTTPClient
    let configuration: Configuration
    let renderer: MessageRenderer
    let clock: @Sendable () -> Instant
    let settings: @Sendable () -> Settings
    let stillListed: @Sendable ([String], Instant) -> Set<String>
    let observer: @Sendable (ChannelKind, SendOutcome) -> Void
    let log: @Sendable (String) -> Void
    let state = ConditionLock(State())
    private let threads = Mutex<[pthread_t]>([])

    /// A sender over `store`, sending through `client`.
    ///
    /// - Parameters:
    ///   - clock: the wall clock, as instants; every time the sender records or compares comes from it.
    ///   - settings: the settings as now set; nothing is sent before the end of the quiet hours. Read by the
    ///     dispatcher before it takes up, and by a worker at the start of a run and after each `agendaChanged`.
    ///   - stillListed: which of the items with these keys are still listed, and not snoozed, at this instant;
    ///     asked on a worker thread for the item messages of a run, again for those left once the agenda may have
    ///     changed or a second went by. A message whose item is not is withdrawn, not sent.
    ///   - observer: told what became of each delivery taken up, and of each test message, for the metrics.
    ///   - log: told of a store error the sender went on after.
    public init(
        store: Store, client: any HTTPClient, configuration: Configuration = Configuration(),
        clock: @escaping @Sendable () -> Instant = { Instant(millis: Clock.wallMilliseconds()) },
        settings: @escaping @Sendable () -> Settings = { Settings(timeZone: "UTC") },
        stillListed: @escaping @Sendable ([String], Instant) -> Set<String> = { keys, _ in Set(keys) },
        observer: @escaping @Sendable (ChannelKind, SendOutcome) -> Void = { _, _ in },
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.store = store
        self.client = client
        self.configuration = configuration
        renderer = MessageRenderer(publicURL: configuration.publicURL)
        self.clock = clock
        self.settings = settings
        self.stillListed = stillListed
        self.observer = observer
        self.log = log
    }

    /// Starts the dispatcher and the workers; once: a sender running is not started again, and a sender stopped
    /// does not start.
    public func start() throws(SystemError) {
        guard threads.withLock({ $0.isEmpty }), !state.withLock({ $0.stopping }) else { return }
        var started: [pthread_t] = []
        do {
            for worker in 1...configuration.maxInFlight {
                started.append(try SystemThread.spawnInBackground(named: "sender-\(worker)") { [self] in workLoop() })
            }
            started.append(try SystemThread.spawnInBackground(named: "dispatcher") { [self] in dispatchLoop() })
        } catch {
            threads.withLock { $0 += started }
            stop()
            throw error
        }
        threads.withLock { $0 += started }
    }

    /// Makes the dispatcher look at the outbox again now: something was queued, retried, or a channel enabled.
    /// Cheap, from any thread.
    public func wake() {
        state.withLockThenWake { $0.woken = true }
    }

    /// A channel was written (its URL, token or secret may have changed, or it was disabled or deleted): runs
    /// taken up before end after the request in flight, and the dispatcher takes up again with what is stored.
    public func channelsChanged() {
        state.withLockThenWake { state in
            state.channelWrites &+= 1
            state.woken = true
        }
    }

    /// Stops taking deliveries, lets the requests in flight end (each within the timeout) and record their
    /// outcome, and joins the threads. Deliveries taken up but not started stay in the outbox as they were.
    public func stop() {
        state.withLockThenWake { $0.stopping = true }
        let joining = threads.withLock { threads in
            defer { threads = [] }
            return threads
        }
        for thread in joining {
            pthread_join(thread, nil)
        }
    }

    /// Something was written that may change the agenda or the settings: runs read the settings again, and ask
    /// again whether their items are still listed, before their next message.
    public func agendaChanged() {
        state.withLock { $0.agendaWrites &+= 1 }
    }

    /// The deliveries taken up and not yet recorded.
    public var inFlightCount: Int { state.withLock { $0.inFlight.count } }
}
