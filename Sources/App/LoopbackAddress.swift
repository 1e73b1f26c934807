import Glibc

/// What a listen address resolves to, for the rule that a server reachable from other machines needs a token.
enum LoopbackAddress {
    /// Whether `host` resolves, and every address it resolves to is a loopback one. A name that does not
    /// resolve is not loopback (binding it fails anyway).
    static func all(_ host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return false }
        defer { freeaddrinfo(result) }
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            guard let address = current.pointee.ai_addr, isLoopback(address) else { return false }
            entry = current.pointee.ai_next
        }
        return true
    }

    /// 127.0.0.0/8 (RFC 1122 §3.2.1.3), ::1 (RFC 4291 §2.5.3), and 127.0.0.0/8 mapped into IPv6.
    static func isLoopback(_ address: UnsafeMutablePointer<sockaddr>) -> Bool {
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt32(bigEndian: $0.pointee.sin_addr.s_addr) >> 24 == 127
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                let bytes = withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
                let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
                return bytes == [UInt8](repeating: 0, count: 15) + [1] || (mapped && bytes[12] == 127)
            }
        default:
            return false
        }
    }

    /// The `Host` name of a numeric listen address (`192.168.1.5`, `[fe80::1]`), lowercase; nil for a name.
    static func numericHostName(_ host: String) -> String? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return host }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return "[" + host.lowercased() + "]" }
        return nil
    }
}
