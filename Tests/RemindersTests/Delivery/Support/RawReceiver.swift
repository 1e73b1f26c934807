import Glibc
import System

/// A receiver on raw loopback sockets, for what the project's server will not do: answer with the bytes a test
/// writes, keep a connection open or drop it when the test says, and count the connections it accepted. Each
/// connection is served on a thread of its own; requests are read as `Content-Length` frames them.
final class RawReceiver: Sendable {
    /// One request as it arrived.
    struct Request: Sendable {
        /// The head as sent, its empty line included.
        var head: String
        var method: String
        var target: String
        /// Names lowercased, in order.
        var fields: [Field]
        var body: [UInt8]
        /// The connection it came on (0 for the first accepted) and its place on it (0 for the first).
        var connection: Int
        var indexOnConnection: Int

        struct Field: Sendable, Equatable {
            var name: String
            var value: String
        }

        func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    }

    /// What the receiver does with one request.
    enum Answer: Sendable {
        /// Writes the bytes, then waits for the connection's next request.
        case write([UInt8])
        /// Writes the bytes, then closes the connection.
        case writeAndClose([UInt8])
        /// Closes the connection without answering.
        case close
        /// Hands the connection to `script`, which writes what it will; closed when it returns.
        case script(@Sendable (Peer) -> Void)
    }

    /// A connection, for a script to write to.
    struct Peer: Sendable {
        let descriptor: Int32

        /// Whether all of `bytes` were written (false once the client went away).
        @discardableResult
        func write(_ bytes: [UInt8]) -> Bool {
            send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
        }

        @discardableResult
        func write(_ text: String) -> Bool { write(Array(text.utf8)) }

        /// Reads and drops what the client sends until it closes the connection (at most ten seconds).
        func waitForClose() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while recv(descriptor, &buffer, buffer.count, 0) > 0 {}
        }

        /// Makes the coming close a reset (RST) instead of an orderly end (FIN).
        func resetOnClose() {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
    }

    struct Log: Sendable {
        var accepted = 0
        var closed = 0
        var requests: [Request] = []
        var open: Set<Int32> = []
    }

    let port: Int
    let log = ConditionLock(Log())
    private let listener: Int32
    private let acceptor: pthread_t

    /// A receiver that answers each request as `plan` says.
    init(_ plan: @escaping @Sendable (Request) -> Answer) throws {
        guard let (descriptor, port) = LoopbackSocket.bound(), listen(descriptor, 64) == 0 else {
            throw SystemError.last("listen")
        }
        listener = descriptor
        self.port = port
        let log = log
        acceptor = try SystemThread.spawn(named: "test") {
            while true {
                let connection = accept(descriptor, nil, nil)
                guard connection >= 0 else {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    return
                }
                // A client that never closes cannot hold a thread past ten seconds.
                var wait = timeval(tv_sec: 10, tv_usec: 0)
                setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
                let index = log.withLockThenWake { log -> Int in
                    log.open.insert(connection)
                    log.accepted += 1
                    return log.accepted - 1
                }
                do {
                    try SystemThread.spawnDetached(named: "test") {
                        Self.serve(connection, index: index, plan: plan, log: log)
                    }
                } catch {
                    Self.close(connection, log: log)
                }
            }
        }
    }

    deinit {
        // Wakes the accepting thread (Linux ends a blocked accept on a shut-down listener) and every connection's.
        shutdown(listener, Int32(SHUT_RDWR))
        pthread_join(acceptor, nil)
        Glibc.close(listener)
        log.withLock { log in
            for connection in log.open { shutdown(connection, Int32(SHUT_RDWR)) }
        }
    }

    /// The URL of `path` on this receiver.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    var accepted: Int { log.withLock { $0.accepted } }
    var requests: [Request] { log.withLock { $0.requests } }

    /// Waits (at most `seconds`) until `count` requests arrived, and returns those that did.
    @discardableResult
    func waitForRequests(_ count: Int, seconds: Double = 10) -> [Request] {
        let deadline = Clock.monotonicMilliseconds() + Int64(seconds * 1000)
        return log.wait(until: { $0.requests.count >= count }, deadline: deadline) { $0.requests }
    }

    /// Waits (at most `seconds`) until `count` connections were closed on this side, and returns how many were.
    @discardableResult
    func waitForClosed(_ count: Int, seconds: Double = 10) -> Int {
        let deadline = Clock.monotonicMilliseconds() + Int64(seconds * 1000)
        return log.wait(until: { $0.closed >= count }, deadline: deadline) { $0.closed }
    }

    private static func serve(
        _ connection: Int32, index: Int, plan: @Sendable (Request) -> Answer, log: ConditionLock<Log>
    ) {
        defer { close(connection, log: log) }
        var buffered: [UInt8] = []
        var position = 0
        while var request = read(connection, buffered: &buffered) {
            request.connection = index
            request.indexOnConnection = position
            position += 1
            let arrived = request
            log.withLockThenWake { $0.requests.append(arrived) }
            let peer = Peer(descriptor: connection)
            switch plan(arrived) {
            case .write(let bytes):
                guard peer.write(bytes) else { return }
            case .writeAndClose(let bytes):
                peer.write(bytes)
                return
            case .close:
                return
            case .script(let script):
                script(peer)
                return
            }
        }
    }

    private static func close(_ connection: Int32, log: ConditionLock<Log>) {
        log.withLockThenWake { log in
            log.open.remove(connection)
            log.closed += 1
            Glibc.close(connection)
        }
    }

    /// The next request on the connection, or nil when the client closed it (or went quiet for ten seconds).
    private static func read(_ connection: Int32, buffered: inout [UInt8]) -> Request? {
        let end = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while buffered.firstRange(of: end) == nil {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffered += chunk[..<count]
        }
        guard let headEnd = buffered.firstRange(of: end)?.upperBound else { return nil }
        let head = String(decoding: buffered[..<headEnd], as: UTF8.self)
        let lines = head.split(separator: "\r\n").map(String.init)
        let requestLine = lines.first?.split(separator: " ").map(String.init) ?? []
        let fields = lines.dropFirst().compactMap { line -> Request.Field? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return Request.Field(
                name: line[..<colon].lowercased(),
                value: String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }))
        }
        let length = fields.first { $0.name == "content-length" }.flatMap { Int($0.value) } ?? 0
        while buffered.count < headEnd + length {
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffered += chunk[..<count]
        }
        let body = Array(buffered[headEnd..<(headEnd + length)])
        buffered.removeFirst(headEnd + length)
        return Request(
            head: head, method: requestLine.first ?? "", target: requestLine.count > 1 ? requestLine[1] : "",
            fields: fields, body: body, connection: 0, indexOnConnection: 0)
    }

    /// A response with a `Content-Length` body: `HTTP/1.1 status` and the fields given.
    static func response(_ status: Int, _ fields: [String] = [], body: String = "", version: String = "1.1")
        -> [UInt8]
    {
        let head = (["HTTP/\(version) \(status) Status", "Content-Length: \(body.utf8.count)"] + fields)
            .joined(separator: "\r\n")
        return Array((head + "\r\n\r\n" + body).utf8)
    }
}
