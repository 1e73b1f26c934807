import Foundation
import Outgoing
import Testing
@testable import Reminders
@testable import notapest_https

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session's own behaviours; what every client does alike is in `HTTPClientContractTests`. Serialized: every
/// session of the process shares one queue.
@Suite("URLSessionClient: a session made on first use, TLS failures told", .serialized)
struct URLSessionClientTests {
    static func request(_ url: String, body: String = #"{"a":1}"#) -> OutgoingRequest {
        OutgoingRequest(
            url: url, headers: [.init("Content-Type", "application/json"), .init("X-Test", "yes")],
            body: Array(body.utf8))
    }

    @Test("the session is made by the first request, not before")
    func madeOnFirstUse() throws {
        let receiver = try Receiver()
        let client = URLSessionClient()
        #expect(!client.sessionMade)
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).result == .response(status: 200))
        #expect(client.sessionMade)
    }

    @Test("a TLS handshake that fails is a TLS failure, with what the transport said")
    func tlsHandshake() throws {
        // A plain HTTP receiver behind an https URL: the client's handshake meets no TLS server.
        let receiver = try Receiver()
        let url = "https" + receiver.url("/hook").dropFirst("http".count)
        let attempt = URLSessionClient().send(Self.request(url), timeout: .seconds(5))
        guard case .failure(.transport(let detail)) = attempt.result else {
            Issue.record("not a transport failure: \(attempt)")
            return
        }
        #expect(detail.hasPrefix("TLS failed"), "\(detail)")
        #expect(receiver.arrivals.isEmpty)
    }

    /// FoundationNetworking reports libcurl's TLS failures (an untrusted certificate, a failed handshake) as
    /// `URLError.unknown`, with libcurl's own message as the description.
    @Test(
        "what a transport error is said to be",
        arguments: [
            (
                URLError.Code.unknown, "SSL certificate problem: unable to get local issuer certificate",
                "TLS failed: SSL certificate problem: unable to get local issuer certificate"
            ),
            (
                .unknown, "error:0A00010B:SSL routines::wrong version number",
                "TLS failed: error:0A00010B:SSL routines::wrong version number"
            ),
            (.unknown, "TLS connect error", "TLS failed: TLS connect error"),
            (.unknown, "Recv failure: Connection reset by peer", "the request failed (URL error -1)"),
            (.unknown, "", "the request failed (URL error -1)"),
            (
                .serverCertificateUntrusted, "",
                "TLS failed (URL error -1202): an untrusted certificate or a failed handshake"
            ),
            (.networkConnectionLost, "SSL_read: unexpected eof", "the connection was lost before a response"),
        ])
    func transportFailure(_ code: URLError.Code, _ description: String, _ said: String) {
        let error = URLError(code, userInfo: description.isEmpty ? [:] : [NSLocalizedDescriptionKey: description])
        #expect(URLSessionClient.failure(error, timeoutMillis: 1_000) == .transport(said))
    }
}
