import Testing

@testable import Reminders

@Suite("ReceiverURL: where an http URL connects, what its Host says, and its request target")
struct ReceiverURLTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let url: String
        /// host, port, authority, target; nil when the URL is not sent to.
        let parts: (String, Int, String, String)?
        var testDescription: String { url }
    }

    @Test(
        "each URL's parts, or none",
        arguments: [
            Row(url: "http://127.0.0.1:8080/hook", parts: ("127.0.0.1", 8080, "127.0.0.1:8080", "/hook")),
            Row(url: "http://example.com", parts: ("example.com", 80, "example.com", "/")),
            Row(url: "http://example.com:80/", parts: ("example.com", 80, "example.com:80", "/")),
            Row(url: "HTTP://Example.COM/A?b=1", parts: ("Example.COM", 80, "Example.COM", "/A?b=1")),
            Row(url: "http://h?x=1", parts: ("h", 80, "h", "/?x=1")),
            Row(url: "http://h/p#fragment", parts: ("h", 80, "h", "/p")),
            Row(url: "http://h/a%20b/", parts: ("h", 80, "h", "/a%20b/")),
            Row(url: "http://ntfy_box.local/t", parts: ("ntfy_box.local", 80, "ntfy_box.local", "/t")),
            Row(url: "http://[::1]:9/x", parts: ("::1", 9, "[::1]:9", "/x")),
            Row(url: "http://[::1]", parts: ("::1", 80, "[::1]", "/")),
            Row(url: "http://[fe80::1:2]/", parts: ("fe80::1:2", 80, "[fe80::1:2]", "/")),
            // Ports from 1 to 65535, without leading zeros, and a colon only with one.
            Row(url: "http://h:1/", parts: ("h", 1, "h:1", "/")),
            Row(url: "http://h:65535/", parts: ("h", 65_535, "h:65535", "/")),
            Row(url: "http://h:0/", parts: nil),
            Row(url: "http://h:65536/", parts: nil),
            Row(url: "http://h:080/", parts: nil),
            Row(url: "http://h:/", parts: nil),
            Row(url: "http://h:x/", parts: nil),
            Row(url: "http://h:123456/", parts: nil),
            // Credentials are refused, not sent.
            Row(url: "http://user:secret@h/", parts: nil),
            Row(url: "http://@h/", parts: nil),
            // Other schemes, no host, and anything but visible ASCII.
            Row(url: "https://h/", parts: nil),
            Row(url: "ftp://h/", parts: nil),
            Row(url: "http:/h", parts: nil),
            Row(url: "http://", parts: nil),
            Row(url: "http:///x", parts: nil),
            Row(url: "http://:80/", parts: nil),
            Row(url: "http://h/a b", parts: nil),
            Row(url: "http://h/caf\u{E9}", parts: nil),
            Row(url: "http://h/\r\nX: 1", parts: nil),
            Row(url: "http://h!/", parts: nil),
            // IPv6 in brackets only, closed, with a port after a colon if anything.
            Row(url: "http://[1]/", parts: nil),
            Row(url: "http://[::1/", parts: nil),
            Row(url: "http://[::1]x/", parts: nil),
            Row(url: "http://[::g]/", parts: nil),
            Row(url: "http://[::1%25eth0]/", parts: nil),
            Row(url: "http://::1/", parts: nil),
        ])
    func parts(_ row: Row) {
        let parsed = ReceiverURL.parse(row.url)
        guard let (host, port, authority, target) = row.parts else {
            #expect(parsed == nil)
            return
        }
        #expect(parsed == ReceiverURL(host: host, port: port, authority: authority, target: target))
    }

    @Test("connections are pooled by host without regard to case, and by port")
    func origin() throws {
        let first = try #require(ReceiverURL.parse("http://Example.COM/a"))
        #expect(first.origin == ReceiverURL.parse("http://example.com:80/b")?.origin)
        #expect(first.origin != ReceiverURL.parse("http://example.com:81/b")?.origin)
    }
}
