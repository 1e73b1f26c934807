import Testing

@testable import HTTP

/// The `Host` value's name, as the DNS rebinding check compares it (RFC 9110 §7.2).
@Suite struct HostCheckTests {
    static let rows: [(value: String, name: String?)] = [
        ("localhost", "localhost"),
        ("LocalHost:8080", "localhost"),
        ("localhost.", "localhost"),
        ("127.0.0.1:1", "127.0.0.1"),
        ("[::1]", "[::1]"),
        ("[::1]:65535", "[::1]"),
        ("[::1]x", nil),
        ("[::1", nil),
        ("localhost:", "localhost"),
        ("localhost:80x", nil),
        (":80", nil),
        ("", nil),
        (".", nil),
    ]

    @Test(arguments: rows)
    func name(row: (value: String, name: String?)) {
        #expect(HostCheck.name(of: row.value) == row.name, "\(row.value)")
    }

    @Test func aRequestWithoutHostPasses() {
        // Only HTTP/1.0 may omit it, and no browser does.
        #expect(HostCheck.allows(nil, HostCheck.loopbackNames))
        #expect(!HostCheck.allows("evil.example", HostCheck.loopbackNames))
    }
}
