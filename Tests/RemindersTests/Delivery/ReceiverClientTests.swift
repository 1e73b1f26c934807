import Outgoing
import Testing
@testable import Reminders

@Suite("ReceiverClient: http through the plain client, https through the helper, nothing else", .serialized)
struct ReceiverClientTests {
    static func request(_ url: String) -> OutgoingRequest {
        OutgoingRequest(url: url, headers: [.init("Content-Type", "application/json")], body: Array("{}".utf8))
    }

    @Test("an http URL, in any case, goes through the plain client and starts no helper")
    func plain() throws {
        let receiver = try RawReceiver { _ in .write(RawReceiver.response(204)) }
        let client = ReceiverClient()
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).status == 204)
        let upper = "HTTP" + receiver.url("/hook").dropFirst("http".count)
        #expect(client.send(Self.request(upper), timeout: .seconds(5)).status == 204)
        #expect(client.plain.pool.count() == 1)
        #expect(receiver.accepted == 1)
        #expect(client.secure.helperProcess == nil)
    }

    @Test("an https URL goes through the helper")
    func secure() throws {
        // A plain receiver behind an https URL: the helper's handshake fails, which only URLSession says so.
        let receiver = try Receiver()
        let client = ReceiverClient()
        let attempt = client.send(
            Self.request("https" + receiver.url("/hook").dropFirst("http".count)), timeout: .seconds(5))
        guard case .failure(.transport(let detail)) = attempt.result else {
            Issue.record("not a transport failure: \(attempt)")
            return
        }
        #expect(detail.hasPrefix("TLS failed"), "\(detail)")
        #expect(client.secure.helperProcess != nil)
        #expect(client.plain.pool.count() == 0)
    }

    @Test(
        "any other URL is not sent, and starts no helper",
        arguments: ["ftp://127.0.0.1/x", "file:///etc/passwd", "httpx://127.0.0.1/", "127.0.0.1:80/", "", "https:/x"])
    func other(_ url: String) {
        let client = ReceiverClient()
        #expect(client.send(Self.request(url), timeout: .seconds(1)).result == .failure(.unsupportedURL))
        #expect(client.secure.helperProcess == nil)
    }

    @Test(
        "the scheme of a URL",
        arguments: [
            ("http://h/", "http"), ("HTTPS://h/", "https"), ("Http://h", "http"), ("h/x", nil), ("http:/h", nil),
            ("mailto:a@b", nil), ("://h", ""),
        ] as [(String, String?)])
    func scheme(_ url: String, _ scheme: String?) {
        #expect(ReceiverClient.scheme(of: url) == scheme)
    }
}
