import Foundation
import Outgoing
import Synchronization
import System

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `HTTPClient` of the HTTPS helper process (`HTTPSHelper`), which the service hands its requests to
/// `https://` receivers (`ReceiverClient` sends plain `http://` through `PlainHTTPClient`): Foundation's
/// `URLSession` (over libcurl on Linux), set up for sending notifications to receivers the service does not
/// control.
///
/// - No state between requests: an ephemeral configuration, no cookies, no cache, no stored credentials.
/// - Redirects are not followed (a receiver could point the signed message anywhere): a 3xx is the outcome.
/// - The whole exchange is bounded by the timeout, the response body by `bodyLimit`: the body is read only to be
///   discarded, and once the status is in, the status is the outcome, whatever the body does.
/// - Only `http` and `https`: libcurl speaks other schemes too, and none of them is a receiver.
///
/// `send` blocks its thread until the outcome: call it from the sender's workers, never from an event loop.
public final class URLSessionClient: HTTPClient, @unchecked Sendable {
    private let ledger: URLSessionLedger
    /// The session's delegate queue, serial: where every cancellation runs (see `URLSessionLedger.cancel`).
    private let delegateQueue: OperationQueue
    /// Made by the first request (in the helper, which the first request starts, that is at once).
    private let made = Mutex<URLSession?>(nil)

    /// A client whose requests read at most `bodyLimit` bytes of a response body.
    public init(bodyLimit: Int = HTTPClientDefaults.bodyLimit) {
        ledger = URLSessionLedger(bodyLimit: bodyLimit)
        delegateQueue = OperationQueue()
        delegateQueue.maxConcurrentOperationCount = 1
    }

    deinit {
        // The session holds its delegate until it is invalidated. Its tasks are let run to their end (each within
        // its timeout), not cancelled: see `URLSessionLedger.cancel`.
        made.withLock { $0?.finishTasksAndInvalidate() }
    }

    /// Whether the first request has made the session.
    var sessionMade: Bool { made.withLock { $0 != nil } }

    /// The session, made on first use.
    private var session: URLSession {
        made.withLock { made in
            if let made { return made }
            let session = URLSession(
                configuration: Self.configuration(), delegate: ledger, delegateQueue: delegateQueue)
            made = session
            return session
        }
    }

    private static func configuration() -> URLSessionConfiguration {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpShouldSetCookies = false
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // The sender bounds the requests in flight; the session's own bound (six per host) would hold back
        // channels that share a receiver's host.
        configuration.httpMaximumConnectionsPerHost = 64
        return configuration
    }

    public func send(_ request: OutgoingRequest, timeout: Duration) -> HTTPAttempt {
        let started = Clock.monotonicMilliseconds()
        let timeoutMillis = max(1, timeout.wholeMilliseconds)
        guard let url = URL(string: request.url), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else { return HTTPAttempt(.failure(.unsupportedURL), durationMillis: 0) }
        // The session's own timeout is between bytes, in whole seconds (FoundationNetworking truncates it): the
        // deadline below bounds the whole exchange to the millisecond.
        var urlRequest = URLRequest(
            url: url, cachePolicy: .reloadIgnoringLocalCacheData,
            timeoutInterval: Double((timeoutMillis + 999) / 1000))
        urlRequest.httpMethod = request.method
        urlRequest.httpShouldHandleCookies = false
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        urlRequest.httpBody = Data(request.body)

        let task = session.dataTask(with: urlRequest)
        let exchange = URLSessionExchange(timeoutMillis: Int(timeoutMillis))
        ledger.register(exchange, for: task.taskIdentifier)
        task.resume()
        let ended = exchange.state.wait(
            until: { $0.finished || $0.bodyTruncated }, deadline: started + timeoutMillis
        ) { $0 }
        if !ended.finished && !ended.bodyTruncated {
            ledger.remove(task.taskIdentifier)
            let ledger = ledger
            delegateQueue.addOperation { ledger.cancel(task) }
        }
        let duration = Int(Clock.monotonicMilliseconds() - started)
        return Self.attempt(from: ended, timeoutMillis: Int(timeoutMillis), durationMillis: duration)
    }

    /// What an exchange came to. Once a status arrived it stands, whatever happened to the body afterwards.
    static func attempt(from exchange: URLSessionExchange.State, timeoutMillis: Int, durationMillis: Int)
        -> HTTPAttempt
    {
        let result: HTTPAttempt.Result
        var truncated = exchange.bodyTruncated
        if let status = exchange.status {
            result = .response(status: status)
            if !exchange.finished || exchange.failure != nil { truncated = true }
        } else if !exchange.finished {
            result = .failure(.timedOut(millis: timeoutMillis))
        } else {
            result = .failure(exchange.failure ?? .transport("the exchange ended with no response"))
        }
        return HTTPAttempt(
            result, retryAfter: exchange.retryAfter, location: exchange.location, durationMillis: durationMillis,
            bodyBytes: exchange.bodyBytes, bodyTruncated: truncated)
    }

    /// How much of the transport's own message a TLS failure carries.
    static let transportDetailLimit = 200

    /// The failure a transport error stands for.
    static func failure(_ error: any Error, timeoutMillis: Int) -> HTTPAttempt.Failure {
        guard let urlError = error as? URLError else { return .transport("\(error)") }
        let code = urlError.code
        // FoundationNetworking gives libcurl's TLS failures (an untrusted certificate, a failed handshake) no code of
        // their own: they come as `.unknown`, with libcurl's message, which names SSL or TLS.
        if code == .unknown, let detail = urlError.userInfo[NSLocalizedDescriptionKey] as? String,
            detail.contains("SSL") || detail.contains("TLS")
        {
            return .transport("TLS failed: \(detail.prefix(transportDetailLimit))")
        }
        switch code {
        case .timedOut: return .timedOut(millis: timeoutMillis)
        case .cannotConnectToHost: return .connectionRefused
        case .cannotFindHost, .dnsLookupFailed: return .transport("the receiver's host name does not resolve")
        case .networkConnectionLost: return .transport("the connection was lost before a response")
        case .badServerResponse: return .transport("the response was not HTTP")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .transport("TLS failed (URL error \(code.rawValue)): an untrusted certificate or a failed handshake")
        case .unsupportedURL: return .unsupportedURL
        default: return .transport("the request failed (URL error \(code.rawValue))")
        }
    }
}
