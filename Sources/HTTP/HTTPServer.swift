import Glibc
import Synchronization

/// The HTTP/1.1 server: a listener and one epoll event loop per thread.
public final class HTTPServer: Sendable {
    private let shared: ServerShared
    private let listener: Listener
    private let loops: [EventLoop]
    private let threads = Mutex<[pthread_t]>([])

    /// The bound port (the ephemeral one when configured with 0).
    public var port: Int { listener.port }
    /// Connections open right now.
    public var openConnections: Int { shared.connectionCount }

    /// Binds the listener; nothing is served until `start`.
    public init(configuration: ServerConfiguration, router: Router, observer: (any ServerObserver)? = nil) throws {
        // A peer that resets its connection must not kill the process: sends use MSG_NOSIGNAL, and
        // SIGPIPE is ignored for any write that does not (stderr on a closed pipe).
        signal(SIGPIPE, SIG_IGN)
        Self.raiseOpenFileLimit()
        let shared = ServerShared(configuration: configuration, router: router, observer: observer)
        let listener = try Listener.bind(host: configuration.host, port: configuration.port)
        let count =
            configuration.eventLoops > 0 ? configuration.eventLoops : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var loops: [EventLoop] = []
        do {
            for index in 0..<count {
                loops.append(try EventLoop(index: index, shared: shared, listenerFD: listener.fd))
            }
        } catch {
            close(listener.fd)
            throw error
        }
        self.shared = shared
        self.listener = listener
        self.loops = loops
        shared.loops.withLock { $0 = loops }
    }

    /// How many event loops serve requests; `Request.loopIndex` is below this.
    public var loopCount: Int { loops.count }

    /// Starts the event loop threads.
    public func start() throws {
        var started: [pthread_t] = []
        for loop in loops {
            started.append(try Thread.spawn { loop.run() })
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
        close(listener.fd)
    }

    /// Lifts the soft limit on open files to the hard one: 10,000 connections need as many
    /// descriptors, and the common default soft limit is 1,024.
    private static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(RLIMIT_NOFILE_VALUE, &limit)
    }
}

private let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
