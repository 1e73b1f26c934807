import Glibc
import System

/// Raw loopback sockets for what the project's server cannot be made to do: a port where nothing listens, and a
/// receiver that answers its status at once and then sends its body a byte at a time.
enum LoopbackSocket {
    /// A TCP socket bound to 127.0.0.1 on an ephemeral port, and the port.
    static func bound() -> (descriptor: Int32, port: Int)? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            close(descriptor)
            return nil
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port bound but not listening: a connection to it is refused. Close the descriptor when done.
    static func refusingPort() -> (descriptor: Int32, port: Int)? {
        bound()
    }

    /// Serves one connection on a thread of its own: reads the request head, answers `200` with a body of a
    /// million bytes announced (or, with `announced` false, a body that ends when the connection does), and sends
    /// `chunk` bytes every `intervalMillis` until the client goes away or `total` bytes went. Returns the port and
    /// the thread to join once the client closed.
    static func trickle(intervalMillis: Int, chunk: Int = 1, announced: Bool = true, total: Int = 1_000_000) throws
        -> (port: Int, thread: pthread_t)?
    {
        guard let (descriptor, port) = bound(), listen(descriptor, 4) == 0 else { return nil }
        let thread = try SystemThread.spawn(named: "test") {
            defer { close(descriptor) }
            let connection = accept(descriptor, nil, nil)
            guard connection >= 0 else { return }
            defer { close(connection) }
            var head: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while !head.ends(with: Array("\r\n\r\n".utf8)) {
                let count = recv(connection, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                head += buffer[0..<count]
                // A body the client sends after its head is read with it and ignored.
                if let range = head.firstRange(of: Array("\r\n\r\n".utf8)) { head = Array(head[..<range.upperBound]) }
            }
            let framing = announced ? "Content-Length: 1000000" : "Connection: close"
            let response = Array("HTTP/1.1 200 OK\r\n\(framing)\r\n\r\n".utf8)
            guard send(connection, response, response.count, Int32(MSG_NOSIGNAL)) == response.count else { return }
            let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: chunk)
            var sent = 0
            while sent < total, send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL)) > 0 {
                sent += bytes.count
                if intervalMillis > 0 { usleep(useconds_t(intervalMillis * 1000)) }
            }
        }
        return (port, thread)
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
