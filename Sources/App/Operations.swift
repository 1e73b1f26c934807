import Glibc
import SQLite

/// The subcommands an operator runs beside the service: a health probe and an online backup.
enum Operations {
    /// GET /healthz on the configured port, over loopback when the service listens on every
    /// address; for a container's HEALTHCHECK, since the runtime image has no HTTP client.
    static func healthcheck(_ options: ServeOptions) -> Int32 {
        let host = options.host == "0.0.0.0" || options.host == "::" ? "127.0.0.1" : options.host
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(options.port), &hints, &result) == 0, let address = result else { return 1 }
        defer { freeaddrinfo(result) }
        let fd = socket(address.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return 1 }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else { return 1 }
        let request = "GET /healthz HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n"
        guard request.withCString({ send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }) > 0 else { return 1 }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return 1 }
        return String(decoding: buffer[0..<n], as: UTF8.self).hasPrefix("HTTP/1.1 200 ") ? 0 : 1
    }

    /// Copies the database through SQLite's online backup API, which takes a consistent snapshot
    /// even while the service writes, then checks the copy.
    static func backup(from source: String, to target: String) -> Int32 {
        do {
            guard access(source, F_OK) == 0 else {
                NotAPest.printError("notapest: no database at \(source)\n")
                return 1
            }
            guard access(target, F_OK) != 0 else {
                NotAPest.printError("notapest: \(target) exists; choose a new file\n")
                return 1
            }
            let database = try Database(path: source, options: .reader)
            defer { database.close() }
            try database.backup(to: target)
            let copy = try Database(path: target)
            defer { copy.close() }
            let check = try copy.integrityCheck()
            guard check == ["ok"] else {
                NotAPest.printError("notapest: the copy fails its integrity check: \(check.prefix(3))\n")
                return 1
            }
            print("notapest: backed up \(source) to \(target) (integrity check ok)")
            return 0
        } catch {
            NotAPest.printError("notapest: backup failed: \(error)\n")
            return 1
        }
    }
}
