import Foundation
import Glibc

/// The sockets this process holds open, found in /proc/self/fd: a client that leaks a connection leaves one there.
enum OpenSockets {
    /// How many of this process's descriptors are TCP sockets connected to 127.0.0.1 on one of `ports`. The client's
    /// side of a connection is told from the receiver's side by its peer: the receiver's port.
    static func connected(to ports: Set<Int>) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return names.compactMap { Int32($0) }.filter { descriptor in
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) == 0 }
            }
            return named && address.sin_family == sa_family_t(AF_INET)
                && ports.contains(Int(UInt16(bigEndian: address.sin_port)))
        }.count
    }
}
