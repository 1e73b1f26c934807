import CLinux
import Glibc
import System

/// A listening TCP socket, non-blocking, shared by every event loop.
struct Listener: ~Copyable {
    let socket: Descriptor
    let port: Int

    /// Binds `host:port` (numeric address or a name; port 0 picks a free one) and listens.
    static func bind(host: String, port: Int, backlog: Int32 = 4096) throws -> Listener {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = clinux_sock_stream
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let first = result else {
            throw SocketError.badAddress(host)
        }
        defer { freeaddrinfo(result) }
        let socket = try Descriptor(
            returnedBy: "socket",
            Glibc.socket(first.pointee.ai_family, clinux_sock_stream | clinux_sock_nonblock_cloexec, 0))
        let fd = socket.rawValue
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard Glibc.bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw SystemError.last("bind")
        }
        guard listen(fd, backlog) == 0 else { throw SystemError.last("listen") }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let boundPort = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> Int in
                guard getsockname(fd, address, &length) == 0 else { return port }
                if address.pointee.sa_family == sa_family_t(AF_INET6) {
                    return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        Int(UInt16(bigEndian: $0.pointee.sin6_port))
                    }
                }
                return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin_port))
                }
            }
        }
        return Listener(socket: socket, port: boundPort)
    }
}
