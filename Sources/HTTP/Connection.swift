import CLinux
import Glibc
import System

/// A socket and its state machine, owned by one event loop and touched only on its thread.
final class Connection {
    let id: UInt64
    /// The socket, closed when the connection is let go.
    private let socket: Descriptor
    var fd: Int32 { socket.rawValue }
    var core: ConnectionCore
    /// The request whose handler is running, for the log line and the response's framing.
    var current: ConnectionCore.RequestSummary?
    /// Monotonic microseconds when `current` was dispatched, for the access log.
    var dispatchedAt: Int64 = 0
    /// The route pattern `current` matched, for metrics.
    var routePattern: String?
    /// Whether EPOLLOUT is part of the registered interest.
    var watchingWrites = false
    /// After the last response, the write side is shut and input is discarded until the peer
    /// closes or this deadline passes, so that an unread request body does not turn into a reset
    /// that destroys the response before the client reads it (lingering close).
    var lingerDeadline: Int64?
    /// Bytes the lingering close may still discard; past it the socket closes, reset or not: a client that
    /// goes on sending after its answer (an unauthorised upload) is not read for long.
    var lingerBudget = Connection.lingerBytes
    static let lingerBytes = 1024 * 1024
    /// Whether the socket may hold unread bytes. Edge-triggered epoll reports new bytes once, so this
    /// is set by each EPOLLIN and cleared by a short read: reading again after a short read would
    /// almost always be a wasted system call that answers EAGAIN.
    var readable = true
    /// The peer has half-closed (EPOLLRDHUP): its FIN may have arrived with the last bytes, in the
    /// same event, so a short read no longer means drained; reading goes on until recv says 0.
    var hungUp = false

    init(id: UInt64, socket: consuming Descriptor, core: ConnectionCore) {
        self.id = id
        self.socket = socket
        self.core = core
    }

    enum ReadOutcome {
        case data
        case wouldBlock
        case endOfStream
        case error(SystemError)
    }

    /// Reads until the socket is drained (edge-triggered epoll) or reading should pause.
    func readAvailable(into scratch: UnsafeMutableRawBufferPointer, now: Int64) -> ReadOutcome {
        var outcome = ReadOutcome.wouldBlock
        while readable && core.wantsRead {
            let n = recv(fd, scratch.baseAddress, scratch.count, 0)
            if n > 0 {
                core.received(UnsafeRawBufferPointer(rebasing: scratch[0..<n]), now: now)
                outcome = .data
                if n < scratch.count && !hungUp {
                    readable = false
                    break
                }
            } else if n == 0 {
                core.receivedEndOfStream()
                return .endOfStream
            } else {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    readable = false
                    return outcome
                }
                return .error(SystemError("recv", code))
            }
        }
        return outcome
    }

    /// Sends what it can; the error when the socket failed.
    func flush(now: Int64) -> SystemError? {
        var failure: SystemError?
        while core.pendingOutputCount > 0 && failure == nil {
            var progressed = false
            core.withPendingOutput(now: now) { raw in
                let n = send(fd, raw.baseAddress, raw.count, clinux_msg_nosignal)
                if n > 0 {
                    progressed = true
                    return n
                }
                let code = errno
                if n < 0 && code != EAGAIN && code != EWOULDBLOCK && code != EINTR {
                    failure = SystemError("send", code)
                }
                return 0
            }
            if !progressed { break }
        }
        return failure
    }

    /// Discards input while lingering; true when the peer has closed, the socket failed, or the budget
    /// of discarded bytes is spent.
    func discardInput(into scratch: UnsafeMutableRawBufferPointer) -> Bool {
        while lingerBudget > 0 {
            let n = recv(fd, scratch.baseAddress, scratch.count, 0)
            if n > 0 {
                lingerBudget -= n
                continue
            }
            if n == 0 { return true }
            return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
        }
        return true
    }
}
