/// The URL a channel sends to, as a request gives it: absolute `http` or `https` (RFC 9110 §4.2), with a host
/// and perhaps a port, in visible ASCII (a URI, RFC 3986 §2: other characters are percent-encoded), without a
/// fragment (nothing is sent of it) or credentials (a channel's credential is its token, never shown; a URL is),
/// at most `maxLength` characters. openapi.yaml states the same as a pattern. What the path means is the kind's:
/// an ntfy URL names its topic.
enum ChannelURL {
    /// The longest URL taken: what browsers and servers commonly accept, far beyond any push service's.
    static let maxLength = 2_048

    /// Why `text` is not a URL a channel may send to (a malformed request, 400), or nil when it is one.
    static func malformation(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count <= maxLength else { return "must be at most \(maxLength) characters" }
        guard bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return "must be a URL in visible ASCII, without spaces (percent-encode anything else)"
        }
        guard let rest = afterScheme(bytes) else { return "must be an http:// or https:// URL" }
        guard !rest.contains(UInt8(ascii: "#")) else { return "must not have a fragment (#…)" }
        let authority = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") }
        guard !authority.contains(UInt8(ascii: "@")) else {
            return "must not hold credentials (user@): give them as the channel's token"
        }
        guard isHostAndPort(authority) else { return "must name a host, with a port from 1 to 65535 if any" }
        return nil
    }

    /// Why an ntfy channel cannot send to `text`, a URL `malformation` accepts (422), or nil: ntfy publishes to a
    /// topic, the last segment of the path (`https://ntfy.example/topic`), with nothing after it.
    static func ntfyProblem(_ text: String) -> String? {
        guard let rest = afterScheme(Array(text.utf8)) else { return nil }
        guard !rest.contains(UInt8(ascii: "?")) else { return "an ntfy URL must not have a query" }
        let path = rest.drop { $0 != UInt8(ascii: "/") }
        let topic = path.split(separator: UInt8(ascii: "/")).last ?? []
        guard !topic.isEmpty, path.last != UInt8(ascii: "/") else {
            return "an ntfy URL names the server and the topic, such as https://ntfy.example/reminders"
        }
        return nil
    }

    /// The bytes after `http://` or `https://` (the scheme in any case, RFC 3986 §3.1), or nil.
    private static func afterScheme(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        let lowered = bytes.prefix(8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if lowered.starts(with: Array("https://".utf8)) { return bytes.dropFirst(8) }
        if lowered.starts(with: Array("http://".utf8)) { return bytes.dropFirst(7) }
        return nil
    }

    /// A host (a name, an IPv4 address or an IPv6 one in brackets) and an optional `:port`.
    private static func isHostAndPort(_ authority: ArraySlice<UInt8>) -> Bool {
        var host = authority
        var port: ArraySlice<UInt8>?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return false }
            host = authority[authority.startIndex...close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return false }
                port = after.dropFirst()
            }
            guard host.count > 2 else { return false }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon]
            port = authority[(colon + 1)...]
        }
        let nameCharacters = host.first == UInt8(ascii: "[") ? "0123456789abcdefABCDEF:.[]" : "-._~%" + alphanumerics
        guard !host.isEmpty, host.allSatisfy({ nameCharacters.utf8.contains($0) }) else { return false }
        guard let port else { return true }
        guard (1...5).contains(port.count), port.first != UInt8(ascii: "0"),
            port.allSatisfy({ (0x30...0x39).contains($0) }),
            let number = Int(String(decoding: port, as: UTF8.self))
        else { return false }
        return (1...65_535).contains(number)
    }

    private static let alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
}
