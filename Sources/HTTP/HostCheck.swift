/// The defence against DNS rebinding for a server without credentials: a web page whose name an attacker
/// points at 127.0.0.1 reaches the server from the seeker's own browser, but its requests still carry the
/// attacker's name in `Host`. Serving only the names the server is known by refuses them (RFC 9110 §7.4,
/// 421 Misdirected Request).
public enum HostCheck {
    /// Whether the `Host` field names one of `allowed` (lowercase names, IPv6 addresses in brackets), with
    /// any port. A request without `Host` (only HTTP/1.0 may omit it) cannot come from a browser, and passes.
    static func allows(_ host: String?, _ allowed: Set<String>) -> Bool {
        allows(host, names(allowed))
    }

    /// The allowed names as the bytes `allows` compares: made once per server.
    static func names(_ allowed: Set<String>) -> [[UInt8]] {
        allowed.map { Array($0.lowercased().utf8) }
    }

    /// `allows`, against names made by `names`: every request of a server without a token asks, so it reads
    /// the field's bytes in place, with no string made.
    static func allows(_ host: String?, _ allowed: [[UInt8]]) -> Bool {
        guard var host else { return true }
        return host.withUTF8 { bytes in
            guard let range = nameRange(bytes) else { return false }
            for name in allowed where name.count == range.count {
                var index = 0
                while index < name.count {
                    let byte = bytes[range.lowerBound + index]
                    guard name[index] == (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) else { break }
                    index += 1
                }
                if index == name.count { return true }
            }
            return false
        }
    }

    /// The host of a `Host` value (RFC 9110 §7.2: `uri-host [ ":" port ]`), lowercase and without the
    /// trailing dot of an absolute name; nil when the port is not digits or the brackets do not close.
    static func name(of value: String) -> String? {
        var value = value
        return value.withUTF8 { bytes in
            nameRange(bytes).map { String(decoding: bytes[$0], as: UTF8.self).lowercased() }
        }
    }

    /// Where the host lies in a `Host` value's bytes: without the port and without the trailing dot of an
    /// absolute name; nil when the port is not digits, the brackets do not close, or no name is left.
    static func nameRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        var portStart: Int?
        if bytes.first == UInt8(ascii: "[") {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            end = close + 1
            if end < bytes.count { portStart = end }
        } else if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            end = colon
            portStart = colon
        }
        if let portStart {
            guard bytes[portStart] == UInt8(ascii: ":"),
                bytes[(portStart + 1)...].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
        }
        if end > 0, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        return end > 0 ? 0..<end : nil
    }

    /// The names every server without credentials answers for: the loopback names a local client uses.
    public static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]"]

    static func misdirected(_ host: String?) -> Problem {
        Problem(
            status: 421,
            detail: "This server does not answer for the host \(host.map { "'\($0)'" } ?? "given"): "
                + "without a token it serves only loopback names and the names it is configured to allow.",
            type: "/problems/misdirected-request")
    }
}
