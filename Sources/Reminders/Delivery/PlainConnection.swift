import Glibc
import System

/// One TCP connection to a receiver, owned by one request at a time and closed when it ends.
///
/// The socket is non-blocking and every call that could wait waits in `poll` for at most what is left until the
/// deadline it is given (monotonic milliseconds): the calling thread blocks, no other thread is involved.
final class PlainConnection: Sendable {
    /// Why a call on the connection did not do what was asked.
    enum Failure: Error, Sendable, Equatable {
        /// The deadline passed first.
        case timedOut
        /// The peer closed the connection (a read returned end of file).
        case closed
        /// A call failed with this `errno`: `ECONNREFUSED`, `ECONNRESET`, `EPIPE`, …
        case system(Int32)
        /// The host name does not resolve.
        case unresolved
    }

    private let descriptor: Descriptor

    private init(_ descriptor: consuming Descriptor) {
        self.descriptor = descriptor
    }

    /// Resolves `host` and connects to its addresses in turn until one answers, all within `deadline`. The failure
    /// told is the last address's. Resolving a name is not bounded by the deadline (the resolver has timeouts of its
    /// own), only checked against it after.
    static func open(host: String, port: Int, numeric: Bool, deadline: Int64) -> Result<PlainConnection, Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (numeric ? AI_NUMERICHOST : 0)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            return .failure(.unresolved)
        }
        defer { freeaddrinfo(first) }
        var failure = Failure.unresolved
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let address = next {
            next = address.pointee.ai_next
            guard Clock.monotonicMilliseconds() < deadline else { return .failure(.timedOut) }
            switch connect(address.pointee, deadline: deadline) {
            case .success(let connection): return .success(connection)
            case .failure(.timedOut): return .failure(.timedOut)
            case .failure(let other): failure = other
            }
        }
        return .failure(failure)
    }

    /// A non-blocking connect to one address, waited for until `deadline`.
    private static func connect(_ address: addrinfo, deadline: Int64) -> Result<PlainConnection, Failure> {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let raw = socket(address.ai_family, type, 0)
        guard raw >= 0 else { return .failure(.system(errno)) }
        // Owned from here, so that every way out closes it.
        let connection = PlainConnection(Descriptor(raw))
        var one: Int32 = 1
        // The request goes in one write, but a second one on a kept connection must not wait for an ACK.
        _ = setsockopt(raw, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(raw, address.ai_addr, address.ai_addrlen) == 0 { return .success(connection) }
        guard errno == EINPROGRESS || errno == EINTR else { return .failure(.system(errno)) }
        if let failure = connection.wait(for: Int16(POLLOUT), deadline: deadline) { return .failure(failure) }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(raw, SOL_SOCKET, SO_ERROR, &error, &length) == 0 else { return .failure(.system(errno)) }
        return error == 0 ? .success(connection) : .failure(.system(error))
    }

    /// Writes all of `bytes`, or fails.
    func write(_ bytes: [UInt8], deadline: Int64) -> Failure? {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(descriptor.rawValue, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count == 0 {
                return .closed
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                if let failure = wait(for: Int16(POLLOUT), deadline: deadline) { return failure }
            } else if errno != EINTR {
                return .system(errno)
            }
        }
        return nil
    }

    /// Reads what has arrived into `buffer` (at least one byte), waiting until `deadline` for something to.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: Int64) -> Result<Int, Failure> {
        while true {
            let count = recv(descriptor.rawValue, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .success(count) }
            if count == 0 { return .failure(.closed) }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                if let failure = wait(for: Int16(POLLIN), deadline: deadline) { return .failure(failure) }
            } else if errno != EINTR {
                return .failure(.system(errno))
            }
        }
    }

    /// Whether an idle connection can carry a request: nothing to read on it. Something readable on a connection
    /// that owes nothing is its end, a reset, or bytes no request asked for; any of them makes it unusable.
    var isIdleAndOpen: Bool {
        var entry = pollfd(fd: descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 0
    }

    /// Waits until the socket is ready for `events`, or fails with the deadline passed.
    func wait(for events: Int16, deadline: Int64) -> Failure? {
        var entry = pollfd(fd: descriptor.rawValue, events: events, revents: 0)
        while true {
            let left = deadline - Clock.monotonicMilliseconds()
            guard left > 0 else { return .timedOut }
            entry.revents = 0
            let ready = poll(&entry, 1, Int32(min(left, Int64(Int32.max))))
            // Readiness, an error or a hang-up: the call that follows reports which.
            if ready > 0 { return nil }
            if ready < 0 && errno != EINTR { return .system(errno) }
        }
    }
}
