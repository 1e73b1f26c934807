/// The defence against DNS rebinding for a server without credentials: a web page whose name an attacker
/// points at 127.0.0.1 reaches the server from the seeker's own browser, but its requests still carry the
/// attacker's name in `Host`. Serving only the names the server is known by refuses them (RFC 9110 §7.4,
/// 421 Misdirected Request).
public enum HostCheck {
    /// Whether the `Host` field names one of `allowed` (lowercase names, IPv6 addresses in brackets), with
    /// any port. A request without `Host` (only HTTP/1.0 may omit it) cannot come from a browser, and passes.
    static func allows(_ host: String?, _ allowed: Set<String>) -> Bool {
        guard let host else { return true }
        guard let name = name(of: host) else { return false }
        return allowed.contains(name)
    }

    /// The host of a `Host` value (RFC 9110 §7.2: `uri-host [ ":" port ]`), lowercase and without the
    /// trailing dot of an absolute name; nil when the port is not digits or the brackets do not close.
    static func name(of value: String) -> String? {
        var host = Substring(value)
        var port: Substring = ""
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            port = host[host.index(after: close)...]
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            port = host[colon...]
            host = host[..<colon]
        }
        if !port.isEmpty {
            guard port.first == ":", port.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty else { return nil }
        return String(host).lowercased()
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
