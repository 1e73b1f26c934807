/// An absolute `http` URL taken apart for sending a request over plain TCP (RFC 9110 §4.2.1, RFC 3986 §3): where to
/// connect, what the `Host` field says, and the request target.
///
/// Only what a channel's URL can be is taken: visible ASCII, a host (a name, an IPv4 address, or an IPv6 address in
/// brackets) and a port from 1 to 65535 if any. A URL with credentials (`user@host`) is refused: a channel's
/// credential is its token, and the URLs the API stores have none; sending them as a `Basic` authorization nobody
/// asked for would be a guess. A fragment is dropped, as it is never sent (RFC 9110 §4.2.4).
struct ReceiverURL: Sendable, Equatable {
    /// Where pooled connections go back to: the host as compared without regard to case, and the port.
    struct Origin: Sendable, Hashable {
        var host: String
        var port: Int
    }

    /// The host to resolve or connect to: a name or an address, without brackets.
    var host: String
    var port: Int
    /// The host and port as the URL writes them, for the `Host` field (RFC 9110 §7.2).
    var authority: String
    /// The path and query as given, `/` when the URL has none (RFC 9112 §3.2.1).
    var target: String

    var origin: Origin { Origin(host: host.lowercased(), port: port) }
    /// Whether `host` is an IPv6 address: a literal, never a name to look up.
    var isIPv6Literal: Bool { host.contains(":") }

    static let defaultPort = 80

    /// The parts of `text`, or nil when it is not an absolute `http` URL this client sends to.
    static func parse(_ text: String) -> ReceiverURL? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        let scheme = Array("http://".utf8)
        guard bytes.count > scheme.count,
            zip(bytes, scheme).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 })
        else { return nil }
        var rest = bytes[scheme.count...]
        if let fragment = rest.firstIndex(of: UInt8(ascii: "#")) { rest = rest[..<fragment] }
        let authority = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") }
        guard !authority.contains(UInt8(ascii: "@")), let (host, port) = hostAndPort(authority) else { return nil }
        var target = String(decoding: rest[authority.endIndex...], as: UTF8.self)
        if !target.hasPrefix("/") { target = "/" + target }
        return ReceiverURL(
            host: host, port: port, authority: String(decoding: authority, as: UTF8.self), target: target)
    }

    /// The host (brackets taken off an IPv6 address) and the port of an authority, or nil.
    private static func hostAndPort(_ authority: ArraySlice<UInt8>) -> (String, Int)? {
        var host = authority
        var port: ArraySlice<UInt8>?
        let bracketed = authority.first == UInt8(ascii: "[")
        if bracketed {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return nil }
                port = after.dropFirst()
            }
            // At least two colons: `[1]` or `[a.b]` is no IPv6 address.
            guard host.filter({ $0 == UInt8(ascii: ":") }).count >= 2 else { return nil }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon]
            port = authority[(colon + 1)...]
        }
        let allowed = bracketed ? ipv6Characters : nameCharacters
        guard !host.isEmpty, host.allSatisfy({ allowed.contains($0) }) else { return nil }
        guard let port else { return (String(decoding: host, as: UTF8.self), defaultPort) }
        guard (1...5).contains(port.count), port.first != UInt8(ascii: "0"),
            port.allSatisfy({ (0x30...0x39).contains($0) }),
            let number = Int(String(decoding: port, as: UTF8.self)), (1...65_535).contains(number)
        else { return nil }
        return (String(decoding: host, as: UTF8.self), number)
    }

    private static let ipv6Characters = Set("0123456789abcdefABCDEF:.".utf8)
    /// A reg-name's characters as the API takes them (RFC 3986 §3.2.2), and an IPv4 address's.
    private static let nameCharacters = Set(
        "-._~%abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
}
