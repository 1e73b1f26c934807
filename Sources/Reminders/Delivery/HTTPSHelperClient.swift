import Glibc
import Outgoing
import Synchronization
import System

/// The `HTTPClient` of the service for `https://` receivers: hands each request to the HTTPS helper process
/// (`notapest-https`, beside the service's own executable; docs/REMINDERS.md "HTTPS"), which sends it through
/// URLSession, and waits for what came of it. The helper is started by the first request and let go once no
/// request has been in flight for `idleMillis`, so a service with no `https://` channel never maps libcurl and
/// the TLS libraries, and one with such channels holds them only while reminders go out.
///
/// A helper that dies fails the requests it held (the outbox retries them); the next request starts another.
/// `send` blocks its thread: call it from the sender's workers, never from an event loop.
public final class HTTPSHelperClient: HTTPClient, Sendable {
    /// How long the helper may sit idle before it is let go.
    public static let defaultIdleMillis: Int64 = 60_000
    /// How long beyond a request's own timeout the service waits for the helper's answer: the helper bounds the
    /// exchange itself, and this only covers the hand-offs.
    static let graceMillis: Int64 = 2_000

    /// The helper beside the running executable (`/proc/self/exe`), or nil when that cannot be read.
    public static var besideExecutable: String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let executable = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        return executable[..<slash] + "/notapest-https"
    }

    /// What to tell the operator at start when no helper can be run from `path`, or nil when one can: the
    /// server runs without it, but nothing reaches an `https://` receiver.
    public static func missingWarning(path: String?) -> String? {
        guard let path else {
            return
                "the HTTPS helper cannot be found (/proc/self/exe is unreadable): reminders to https:// receivers will fail"
        }
        guard access(path, X_OK) != 0 else { return nil }
        return
            "no HTTPS helper at \(path): reminders to https:// receivers will fail until notapest-https is installed beside notapest"
    }

    private let link: HelperLink

    /// A client that starts the helper at `path`, telling it to read at most `bodyLimit` bytes of a response body.
    public init(path: String?, bodyLimit: Int, idleMillis: Int64 = defaultIdleMillis) {
        link = HelperLink(path: path, bodyLimit: bodyLimit, idleMillis: idleMillis)
    }

    deinit {
        link.retire()
    }

    /// The helper's process id while one runs.
    var helperProcess: pid_t? { link.state.withLock { $0.helper?.pid } }

    public func send(_ request: OutgoingRequest, timeout: Duration) -> HTTPAttempt {
        let started = Clock.monotonicMilliseconds()
        let timeoutMillis = max(1, timeout.wholeMilliseconds)
        var frame = HelperWire.frame(HelperWire.Request(id: 0, timeoutMillis: Int(timeoutMillis), request: request))
        guard frame.count - 4 <= HelperWire.frameLimit else {
            return HTTPAttempt(
                .failure(
                    .transport("the request is larger than the HTTPS helper takes (\(HelperWire.frameLimit) bytes)")),
                durationMillis: 0)
        }
        func failed(_ failure: HTTPAttempt.Failure) -> HTTPAttempt {
            HTTPAttempt(.failure(failure), durationMillis: Int(Clock.monotonicMilliseconds() - started))
        }
        let helper: HelperLink.Helper
        let id: UInt64
        do throws(SystemError) {
            (helper, id) = try link.register()
        } catch {
            return failed(.transport("the HTTPS helper did not start: \(error)"))
        }
        HelperWire.number(&frame, id: id)
        guard link.write(frame, to: helper) else {
            link.forget(id)
            return failed(.transport("the HTTPS helper ended before the request reached it"))
        }
        let (answer, ended) = link.state.wait(
            until: { $0.answers[id] != nil || $0.helper?.generation != helper.generation },
            deadline: started + timeoutMillis + Self.graceMillis
        ) { state in
            state.waiting.remove(id)
            state.lastUse = Clock.monotonicMilliseconds()
            return (state.answers.removeValue(forKey: id), state.helper?.generation != helper.generation)
        }
        if let answer { return answer }
        return failed(
            ended ? .transport("the HTTPS helper ended before answering") : .timedOut(millis: Int(timeoutMillis)))
    }
}

/// The running helper, if any, the requests waiting on it, and the thread that reads its answers. Holds no
/// reference to the client, so that the client's end can let the helper go.
final class HelperLink: Sendable {
    /// One start of the helper: its process, the service's end of its socket, and a number no other start had.
    struct Helper: Sendable {
        let pid: pid_t
        let socket: Int32
        let generation: Int
    }

    struct State: Sendable {
        var helper: Helper?
        var generations = 0
        /// The starts whose socket is still open: a socket is shut down only while it is, never after its number
        /// may have gone to another file.
        var openSockets: Set<Int> = []
        var nextID: UInt64 = 1
        /// The requests whose senders wait, and the answers that came for them.
        var waiting: Set<UInt64> = []
        var answers: [UInt64: HTTPAttempt] = [:]
        /// When a request last started or ended (monotonic milliseconds).
        var lastUse: Int64 = 0
    }

    let path: String?
    let bodyLimit: Int
    let idleMillis: Int64
    let state = ConditionLock(State())
    /// Held to write a frame, to shut a socket down, and to close it: a frame is never cut by another, and
    /// nothing is written to, or shut down on, a socket number that was closed and given to something else.
    private let writing = Mutex(())

    init(path: String?, bodyLimit: Int, idleMillis: Int64) {
        self.path = path
        self.bodyLimit = bodyLimit
        self.idleMillis = idleMillis
    }

    /// The running helper, started if none runs, and a number for a request to it, whose sender now waits.
    func register() throws(SystemError) -> (Helper, UInt64) {
        try state.withLock { state -> Result<(Helper, UInt64), SystemError> in
            let helper: Helper
            if let running = state.helper {
                helper = running
            } else {
                do throws(SystemError) { helper = try start(&state) } catch { return .failure(error) }
            }
            defer { state.nextID += 1 }
            state.waiting.insert(state.nextID)
            state.lastUse = Clock.monotonicMilliseconds()
            return .success((helper, state.nextID))
        }.get()
    }

    /// A request that will not be answered: its sender stops waiting.
    func forget(_ id: UInt64) {
        state.withLock { _ = $0.waiting.remove(id) }
    }

    /// Writes a frame to `helper`, unless it is no longer the running one. False when it is not, or is gone.
    func write(_ frame: [UInt8], to helper: Helper) -> Bool {
        writing.withLock { _ in
            guard state.withLock({ $0.helper?.generation == helper.generation }) else { return false }
            return HelperWire.write(frame, to: helper.socket)
        }
    }

    /// Lets the running helper go: it sees the end of its input and exits; the reading thread reaps it.
    func retire() {
        let helper = state.withLockThenWake { state in
            defer { state.helper = nil }
            return state.helper
        }
        if let helper { endInput(of: helper) }
    }

    /// Shuts the service's side of `helper`'s socket for writing, so that the helper reads to its end, unless the
    /// socket was closed meanwhile.
    private func endInput(of helper: Helper) {
        writing.withLock { _ in
            guard state.withLock({ $0.openSockets.contains(helper.generation) }) else { return }
            shutdown(helper.socket, Int32(SHUT_WR))
        }
    }

    /// Starts the helper with one end of a socket pair as its standard input, and a thread that reads its answers.
    private func start(_ state: inout State) throws(SystemError) -> Helper {
        guard let path else { throw SystemError("readlink /proc/self/exe", ENOENT) }
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw .last("socketpair")
        }
        defer { close(ends[1]) }
        let pid: pid_t
        do throws(SystemError) {
            pid = try Self.spawn(path, arguments: ["--body-limit", String(bodyLimit)], input: ends[1])
        } catch {
            close(ends[0])
            throw error
        }
        state.generations += 1
        let helper = Helper(pid: pid, socket: ends[0], generation: state.generations)
        state.helper = helper
        state.openSockets.insert(helper.generation)
        do throws(SystemError) {
            try SystemThread.spawnDetached(named: "np-https-reader") { [self] in read(helper) }
        } catch {
            state.helper = nil
            state.openSockets.remove(helper.generation)
            shutdown(helper.socket, Int32(SHUT_RDWR))
            close(helper.socket)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            throw error
        }
        return helper
    }

    /// Reads the helper's answers until its socket ends, lets it go once idle, then closes the socket and reaps
    /// the process. Every waiting sender of this helper is woken at its end.
    private func read(_ helper: Helper) {
        var reader = FrameReader(socket: helper.socket)
        var poller = pollfd(fd: helper.socket, events: Int16(POLLIN), revents: 0)
        reading: while true {
            do throws(HelperWireError) {
                while let payload = try reader.buffered() {
                    let (id, attempt) = try HelperWire.attempt(from: payload)
                    state.withLockWakingIf { state in
                        guard state.waiting.contains(id) else { return false }
                        state.answers[id] = attempt
                        return true
                    }
                }
                // Waits for the next answer, or for the moment the helper has been idle long enough.
                let ready = poll(&poller, 1, Int32(clamping: millisUntilIdle()))
                if ready == 0 { retireIfIdle(helper) }
                if ready <= 0 { continue }
                guard try reader.fill() else { break reading }
            } catch {
                StandardError.write("notapest: the HTTPS helper's answer was unreadable (\(error)); it is let go")
                shutdown(helper.socket, Int32(SHUT_RDWR))
                break reading
            }
        }
        state.withLockThenWake { state in
            if state.helper?.generation == helper.generation { state.helper = nil }
        }
        writing.withLock { _ in
            state.withLock { _ = $0.openSockets.remove(helper.generation) }
            close(helper.socket)
        }
        var status: Int32 = 0
        while waitpid(helper.pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// How long until the helper has been idle for `idleMillis`, if nothing starts meanwhile; with a request in
    /// flight, a whole `idleMillis`, after which it is asked again.
    private func millisUntilIdle() -> Int64 {
        state.withLock { state in
            guard state.waiting.isEmpty else { return idleMillis }
            return max(1, state.lastUse + idleMillis - Clock.monotonicMilliseconds())
        }
    }

    /// Lets `helper` go if it is still the running one and nothing was in flight for `idleMillis`.
    private func retireIfIdle(_ helper: Helper) {
        let idle = state.withLock { state in
            guard state.helper?.generation == helper.generation, state.waiting.isEmpty,
                Clock.monotonicMilliseconds() - state.lastUse >= idleMillis
            else { return false }
            state.helper = nil
            return true
        }
        if idle { endInput(of: helper) }
    }

    /// Starts `path` with `arguments`, `input` as its standard input, the signals the service blocks or ignores
    /// back to their defaults, and the service's environment.
    static func spawn(_ path: String, arguments: [String], input: Int32) throws(SystemError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw SystemError("posix_spawn \(path)", result) }
        return pid
    }
}
