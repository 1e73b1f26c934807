import Glibc
import Synchronization
import System

/// The HTTP/1.1 server: a listener and one epoll event loop per thread.
public final class HTTPServer: Sendable {
    private let shared: ServerShared
    /// The listening socket until `wait` closes it: `wait` may be called more than once (and `shutdown` calls
    /// it), but a descriptor closed twice may by then be another file's.
    private let listener: Mutex<Descriptor?>
    /// The listening socket's number, for the loops' epoll sets.
    let listenerFD: Int32
    /// The bound port (the ephemeral one when configured with 0).
    public let port: Int
    let loops: [EventLoop]
    private let threads = Mutex<[pthread_t]>([])

    /// Connections open right now.
    public var openConnections: Int { shared.connectionCount }

    /// Binds the listener; nothing is served until `start`.
    public init(configuration: ServerConfiguration, router: Router, observer: (any ServerObserver)? = nil) throws {
        // A peer that resets its connection must not kill the process: sends use MSG_NOSIGNAL, and
        // SIGPIPE is ignored for any write that does not (stderr on a closed pipe).
        signal(SIGPIPE, SIG_IGN)
        var configuration = configuration
        configuration.maxConnections = Self.connectionsWithinDescriptorLimit(configuration.maxConnections)
        let shared = ServerShared(configuration: configuration, router: router, observer: observer)
        let listener = try Listener.bind(host: configuration.host, port: configuration.port)
        let count =
            configuration.eventLoops > 0 ? configuration.eventLoops : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var loops: [EventLoop] = []
        for index in 0..<count {
            // A throw closes the listener, whose owner this initializer still is.
            loops.append(try EventLoop(index: index, shared: shared, listenerFD: listener.socket.rawValue))
        }
        self.shared = shared
        self.port = listener.port
        self.listenerFD = listener.socket.rawValue
        self.listener = Mutex(listener.socket)
        self.loops = loops
        shared.loops.withLock { $0 = loops }
    }

    /// How many event loops serve requests.
    public var loopCount: Int { loops.count }

    /// Why the server stopped on its own (an event loop failed), or nil.
    public var failure: String? { shared.failure.withLock { $0 } }

    /// Starts the event loop threads. When one cannot be started, those that were are stopped and joined
    /// before the error is thrown.
    public func start() throws {
        try start(spawn: { try SystemThread.spawn(named: $0, $1) })
    }

    /// `start`, with the way threads are made given (tests make it fail).
    func start(spawn: (String, @escaping @Sendable () -> Void) throws -> pthread_t) throws {
        var started: [pthread_t] = []
        do {
            for (index, loop) in loops.enumerated() {
                started.append(try spawn("loop-\(index + 1)") { loop.run() })
            }
        } catch {
            for loop in loops { loop.requestStop() }
            for thread in started { pthread_join(thread, nil) }
            throw error
        }
        threads.withLock { $0 = started }
    }

    /// Stops accepting, lets in-flight requests finish (up to the configured grace), closes
    /// every connection, and returns once all loops have ended.
    public func shutdown() {
        for loop in loops { loop.requestStop() }
        wait()
    }

    /// Blocks until every loop has ended.
    public func wait() {
        let running = threads.withLock { list -> [pthread_t] in
            defer { list.removeAll() }
            return list
        }
        for thread in running { pthread_join(thread, nil) }
        shared.loops.withLock { $0.removeAll() }
        listener.withLock { $0 = nil }
    }

    /// Descriptors kept for everything but connections: the listener, epoll sets and eventfds, the database
    /// and its journal, the log.
    static let reservedDescriptors = 64

    /// Lifts the soft limit on open files to the hard one (10,000 connections need as many descriptors, and
    /// the common default soft limit is 1,024), and lowers `wanted` to what that limit leaves for connections,
    /// saying so: past it, accepts would fail for want of descriptors instead of answering 503.
    static func connectionsWithinDescriptorLimit(_ wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return wanted }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(RLIMIT_NOFILE_VALUE, &limit)
            _ = getrlimit(RLIMIT_NOFILE_VALUE, &limit)
        }
        let available = Int(clamping: limit.rlim_cur) - reservedDescriptors
        guard wanted > available else { return wanted }
        let capped = max(1, available)
        ServerLog.write(
            "warning: max connections lowered from \(wanted) to \(capped): the process may open only "
                + "\(limit.rlim_cur) descriptors (raise it with ulimit -n or the container's nofile limit)")
        return capped
    }
}

private let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
