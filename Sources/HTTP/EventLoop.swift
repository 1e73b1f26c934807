import CLinux
import Glibc
import Synchronization
import System

/// One thread with an epoll set over the shared listener and the connections it accepted. All
/// connection state is touched on this thread only; other threads reach it through `post`, which
/// queues the work and wakes the loop through an eventfd.
final class EventLoop: @unchecked Sendable {
    // Safety of @unchecked Sendable: every stored `var` is read and written on the loop's own
    // thread only; the one cross-thread entry point, `inbox`, is behind a Mutex.

    let index: Int
    private let shared: ServerShared
    private let epoll: Descriptor
    private let wakeEvent: Descriptor
    /// The epoll set's number (tests break it on purpose).
    var epfd: Int32 { epoll.rawValue }
    private var wakeFD: Int32 { wakeEvent.rawValue }
    private var listenerFD: Int32
    private var connections: [UInt64: Connection] = [:]
    private var nextID: UInt64 = 2
    private let inbox = Mutex(Inbox())
    /// An empty array with room, traded for the inbox's at each drain; loop thread only.
    private var spareCompletions: [Posted] = []
    private var date = HTTPDate()
    private var log: AccessLog
    private var stopDeadline: Int64?
    private var lastSweep: Int64 = 0
    /// Set while accepting is paused for want of descriptors: when to try again, unless a close comes first.
    private var acceptPausedUntil: Int64?
    private let sweepInterval: Int64
    private let scratch: UnsafeMutableRawBufferPointer

    private static let listenerToken: UInt64 = 0
    private static let wakeToken: UInt64 = 1

    /// A deferred handler's result for the connection `id`. A struct, not a tuple: arrays of tuples are freed
    /// through the runtime's generic code.
    struct Posted: Sendable {
        let id: UInt64
        let completion: Responder.Completion
    }

    struct Inbox {
        var completions: [Posted] = []
        /// Connections another loop accepted and handed to this one.
        var adopted: [Int32] = []
        var stop = false

        var isEmpty: Bool { completions.isEmpty && adopted.isEmpty }
    }

    init(index: Int, shared: ServerShared, listenerFD: Int32) throws(SystemError) {
        self.index = index
        self.shared = shared
        self.listenerFD = listenerFD
        self.log = AccessLog(format: shared.configuration.accessLog, fd: shared.configuration.accessLogDescriptor)
        let timeouts = shared.configuration.timeouts
        let shortest = min(timeouts.headMilliseconds, timeouts.idleMilliseconds, timeouts.bodyMilliseconds)
        // Deadlines are checked by sweeping every connection a few times per shortest timeout:
        // cheap even at 10,000 connections, and no timer structure to keep in sync.
        self.sweepInterval = Int64(max(5, min(1000, shortest / 8)))
        self.scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        epoll = try Descriptor(returnedBy: "epoll_create1", epoll_create1(Int32(EPOLL_CLOEXEC)))
        wakeEvent = try Descriptor(returnedBy: "eventfd", eventfd(0, clinux_efd_nonblock_cloexec))
        guard
            clinux_epoll_ctl(epoll.rawValue, Int32(EPOLL_CTL_ADD), wakeEvent.rawValue, clinux_epollin, Self.wakeToken)
                == 0
        else { throw .last("epoll_ctl") }
        // EPOLLEXCLUSIVE: a new connection wakes one loop, not all of them (thundering herd).
        guard
            clinux_epoll_ctl(
                epoll.rawValue, Int32(EPOLL_CTL_ADD), listenerFD, clinux_epollin | clinux_epollexclusive,
                Self.listenerToken) == 0
        else { throw .last("epoll_ctl") }
    }

    deinit {
        scratch.deallocate()
    }

    // MARK: Cross-thread entry points

    /// Hands a deferred handler's result to the loop.
    func post(id: UInt64, completion: Responder.Completion) {
        // One wake-up per batch: while the inbox holds anything, a wake-up is already on its way
        // and the loop will drain everything, so a writer answering a batch of requests costs the
        // loop one eventfd write, not one per request.
        let wasEmpty = inbox.withLock { inbox in
            defer { inbox.completions.append(Posted(id: id, completion: completion)) }
            return inbox.isEmpty
        }
        if wasEmpty { wake() }
    }

    /// Takes over a connection another loop accepted.
    func adopt(_ fd: Int32) {
        let wasEmpty = inbox.withLock { inbox in
            defer { inbox.adopted.append(fd) }
            return inbox.isEmpty
        }
        if wasEmpty { wake() }
    }

    /// Stops accepting and finishes in-flight requests, then the loop returns from `run`.
    func requestStop() {
        inbox.withLock { $0.stop = true }
        wake()
    }

    private func wake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    // MARK: The loop

    func run() {
        let capacity: Int32 = 256
        let events = UnsafeMutableRawPointer.allocate(
            byteCount: clinux_epoll_event_size() * Int(capacity), alignment: 8
        ).bindMemory(to: epoll_event.self, capacity: Int(capacity))
        defer { events.deallocate() }
        lastSweep = Clock.monotonicMilliseconds()
        date.refresh(now: Clock.wallSeconds())
        while true {
            // While accepting is paused, wake for its end too.
            let timeout =
                acceptPausedUntil.map { max(0, min(sweepInterval, $0 - Clock.monotonicMilliseconds())) }
                ?? sweepInterval
            let count = clinux_epoll_wait(epfd, events, capacity, Int32(timeout))
            let waitError = errno
            let now = Clock.monotonicMilliseconds()
            date.refresh(now: Clock.wallSeconds())
            if count < 0 && waitError != EINTR {
                // EBADF, EFAULT, EINVAL: the loop's own state is broken and its connections cannot be served.
                shared.fail("event loop \(index): \(SystemError("epoll_wait", waitError))")
                break
            }
            for i in 0..<max(0, Int(count)) {
                let token = clinux_event_data(events, Int32(i))
                let flags = clinux_event_flags(events, Int32(i))
                switch token {
                case Self.listenerToken: acceptConnections(now: now)
                case Self.wakeToken: drainInbox(now: now)
                default:
                    guard let connection = connections[token] else { continue }
                    if flags & (clinux_epollerr) != 0 {
                        closeConnection(connection)
                    } else {
                        if flags & (clinux_epollin | clinux_epollrdhup | clinux_epollhup) != 0 {
                            connection.readable = true
                        }
                        if flags & (clinux_epollrdhup | clinux_epollhup) != 0 { connection.hungUp = true }
                        service(connection, now: now)
                    }
                }
            }
            if let until = acceptPausedUntil, now >= until { resumeAccepting() }
            if now - lastSweep >= sweepInterval {
                lastSweep = now
                sweep(now: now)
            }
            log.flush()
            if let deadline = stopDeadline, connections.isEmpty || now >= deadline { break }
        }
        for connection in Array(connections.values) { closeConnection(connection) }
        log.flush()
    }

    /// Accepts what the listener holds and deals the connections out to the loops in turn: whichever
    /// loop wakes first would otherwise take a whole burst of connections and serve them alone.
    private func acceptConnections(now: Int64) {
        guard stopDeadline == nil, acceptPausedUntil == nil else { return }
        for _ in 0..<128 {
            let fd = accept4(listenerFD, nil, nil, clinux_sock_nonblock_cloexec)
            if fd < 0 {
                let code = errno
                // Out of descriptors (or kernel memory) with connections still queued: the listener stays
                // readable, and a level-triggered loop would spin on it. Stop watching it for a while.
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM {
                    pauseAccepting(now: now, errno: code)
                }
                return
            }
            shared.acceptResumed()
            guard shared.reserveConnection() else {
                // Over the limit: a best-effort 503 and close, never an unbounded queue.
                _ = shared.overloadResponse.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, clinux_msg_nosignal) }
                close(fd)
                continue
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if let other = shared.nextLoop(), other !== self {
                other.adopt(fd)
            } else {
                register(fd, now: now)
            }
        }
    }

    /// How long accepting stays paused when no connection of this loop closes meanwhile.
    static let acceptPauseMilliseconds: Int64 = 100

    private func pauseAccepting(now: Int64, errno code: Int32) {
        guard acceptPausedUntil == nil else { return }
        _ = clinux_epoll_ctl(epfd, Int32(EPOLL_CTL_DEL), listenerFD, 0, 0)
        acceptPausedUntil = now + Self.acceptPauseMilliseconds
        shared.acceptPaused(errno: code, now: now)
    }

    /// Watches the listener again after a pause: a descriptor was freed, or the pause is over.
    private func resumeAccepting() {
        guard acceptPausedUntil != nil else { return }
        acceptPausedUntil = nil
        guard stopDeadline == nil else { return }
        _ = clinux_epoll_ctl(
            epfd, Int32(EPOLL_CTL_ADD), listenerFD, clinux_epollin | clinux_epollexclusive, Self.listenerToken)
    }

    private func register(_ fd: Int32, now: Int64) {
        let id = nextID
        nextID += 1
        let config = shared.configuration
        var core = ConnectionCore(
            limits: config.limits, timeouts: config.timeouts, maxPendingOutput: config.maxPendingOutputBytes,
            serverName: config.serverName, now: now)
        core.date = date.bytes
        let connection = Connection(id: id, socket: Descriptor(fd), core: core)
        // Edge-triggered interest in both directions, registered once: no epoll_ctl per request.
        let interest = clinux_epollin | clinux_epollout | clinux_epollrdhup | UInt32(EPOLLET.rawValue)
        guard clinux_epoll_ctl(epfd, Int32(EPOLL_CTL_ADD), fd, interest, id) == 0 else {
            shared.releaseConnection()
            return
        }
        connections[id] = connection
    }

    private func drainInbox(now: Int64) {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, 8)
        // The inbox's array and a spare one trade places, so neither is copied or reallocated per wake-up.
        var completions: [Posted] = []
        swap(&completions, &spareCompletions)
        let (adopted, stop) = inbox.withLock { box in
            swap(&box.completions, &completions)
            defer { box.adopted.removeAll(keepingCapacity: true) }
            return (box.adopted, box.stop)
        }
        defer {
            completions.removeAll(keepingCapacity: true)
            spareCompletions = completions
        }
        for fd in adopted {
            if stopDeadline == nil {
                register(fd, now: now)
            } else {
                close(fd)
                shared.releaseConnection()
            }
        }
        for completion in completions {
            guard let connection = connections[completion.id], let summary = connection.current else { continue }
            let response = shared.response(to: completion.completion, method: summary.method, path: summary.path)
            finish(connection, summary: summary, response: response, now: now)
            service(connection, now: now)
        }
        if stop && stopDeadline == nil { beginStop(now: now) }
    }

    private func beginStop(now: Int64) {
        stopDeadline = now + Int64(shared.configuration.shutdownGraceMilliseconds)
        _ = clinux_epoll_ctl(epfd, Int32(EPOLL_CTL_DEL), listenerFD, 0, 0)
        for connection in Array(connections.values) where connection.core.drain() {
            closeConnection(connection)
        }
    }

    // MARK: Connections

    /// Reads, parses, dispatches and writes until the connection has nothing more to do now.
    private func service(_ connection: Connection, now: Int64) {
        if let deadline = connection.lingerDeadline {
            if connection.discardInput(into: scratch) || now >= deadline { closeConnection(connection) }
            return
        }
        while true {
            connection.core.date = date.bytes
            let read = connection.readAvailable(into: scratch, now: now)
            if case .error(let failure) = read {
                shared.socketFailed(failure)
                closeConnection(connection)
                return
            }
            let dispatched = processRequests(connection, now: now)
            if let failure = connection.flush(now: now) {
                shared.socketFailed(failure)
                closeConnection(connection)
                return
            }
            if connection.core.isFinished {
                finishConnection(connection, now: now)
                return
            }
            if stopDeadline != nil, connection.core.isIdle {
                closeConnection(connection)
                return
            }
            let readMore: Bool
            if case .data = read { readMore = true } else { readMore = false }
            guard (readMore || dispatched) && connection.core.wantsRead else { return }
        }
    }

    /// Runs every complete request in the buffer; returns whether any was dispatched.
    private func processRequests(_ connection: Connection, now: Int64) -> Bool {
        var dispatched = false
        let shared = self.shared
        while true {
            switch connection.core.advance(now: now, admitter: shared) {
            case .needMore:
                return dispatched
            case .answered(let summary, let response, let route):
                dispatched = true
                connection.dispatchedAt = Clock.monotonicMicroseconds()
                connection.routePattern = route
                record(connection, summary: summary, response: response)
            case .dispatch(let request, let summary):
                dispatched = true
                connection.current = summary
                connection.dispatchedAt = Clock.monotonicMicroseconds()
                connection.routePattern = request.routePattern
                switch shared.run(request) {
                case .respond(let response):
                    finish(connection, summary: summary, response: response, now: now)
                case .deferred(let handler):
                    let id = connection.id
                    handler(request, Responder { [self] completion in post(id: id, completion: completion) })
                    return dispatched
                }
            }
        }
    }

    private func finish(
        _ connection: Connection, summary: ConnectionCore.RequestSummary, response: Response,
        now: Int64
    ) {
        connection.current = nil
        connection.core.respond(response, to: summary, now: now)
        record(connection, summary: summary, response: response)
    }

    /// The access log line and the metrics of an answered request.
    private func record(_ connection: Connection, summary: ConnectionCore.RequestSummary, response: Response) {
        let micros = Clock.monotonicMicroseconds() - connection.dispatchedAt
        log.record(
            time: date.iso, method: summary.method, path: summary.path, status: response.status,
            bytes: response.body.count, micros: max(0, micros))
        shared.observe(method: summary.method, route: connection.routePattern, status: response.status, micros: micros)
    }

    /// Everything is sent and the connection is done: shut the write side and linger briefly so
    /// the peer reads the last response before the socket goes away (RFC 9112 §9.6).
    private func finishConnection(_ connection: Connection, now: Int64) {
        if connection.core.peerClosed {
            closeConnection(connection)
            return
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.lingerDeadline = now + 2000
        if connection.discardInput(into: scratch) { closeConnection(connection) }
    }

    /// Lets the connection go; its socket closes with it.
    private func closeConnection(_ connection: Connection) {
        guard connections.removeValue(forKey: connection.id) != nil else { return }
        shared.releaseConnection()
        resumeAccepting()
    }

    private func sweep(now: Int64) {
        for connection in Array(connections.values) {
            if let deadline = connection.lingerDeadline {
                if now >= deadline { closeConnection(connection) }
                continue
            }
            connection.core.date = date.bytes
            switch connection.core.expire(now: now) {
            case .none:
                continue
            case .close:
                closeConnection(connection)
            case .respondAndClose:
                log.record(time: date.iso, method: "-", path: "-", status: 408, bytes: 0, micros: 0)
                if connection.flush(now: now) != nil || connection.core.isFinished {
                    finishConnection(connection, now: now)
                }
            }
        }
    }
}
