import Outgoing

/// The `HTTPClient` the service sends through: a request to an `http://` receiver goes through `PlainHTTPClient`, on
/// the calling thread with kept connections; one to an `https://` receiver through `HTTPSHelperClient`, to the
/// HTTPS helper process, started by the first such request. Any other URL is not sent.
///
/// Plain HTTP does not go through URLSession: most self-hosted receivers (ntfy, Gotify, Home Assistant, n8n,
/// Apprise) sit on the LAN without TLS, and the session hands each request between four threads (its delegate
/// queue, libcurl's, the completion, the waiting worker), which cost more of the server's CPU than the exchange.
public final class ReceiverClient: HTTPClient, Sendable {
    let plain: PlainHTTPClient
    let secure: HTTPSHelperClient

    /// A client whose requests read at most `bodyLimit` bytes of a response body, over either scheme; `https://`
    /// goes through the helper at `helperPath` (by default, `notapest-https` beside the running executable).
    public convenience init(
        bodyLimit: Int = HTTPClientDefaults.bodyLimit, helperPath: String? = HTTPSHelperClient.besideExecutable
    ) {
        self.init(
            plain: PlainHTTPClient(bodyLimit: bodyLimit),
            secure: HTTPSHelperClient(path: helperPath, bodyLimit: bodyLimit))
    }

    init(plain: PlainHTTPClient, secure: HTTPSHelperClient) {
        self.plain = plain
        self.secure = secure
    }

    public func send(_ request: OutgoingRequest, timeout: Duration) -> HTTPAttempt {
        switch Self.scheme(of: request.url) {
        case "http": return plain.send(request, timeout: timeout)
        case "https": return secure.send(request, timeout: timeout)
        default: return HTTPAttempt(.failure(.unsupportedURL), durationMillis: 0)
        }
    }

    /// The URL's scheme, lowercased (RFC 3986 §3.1: schemes compare without regard to case), or nil.
    static func scheme(of url: String) -> String? {
        guard let colon = url.utf8.firstIndex(of: UInt8(ascii: ":")), url.utf8[colon...].starts(with: "://".utf8)
        else { return nil }
        return String(url[..<colon]).lowercased()
    }
}
