import Glibc
import Outgoing
import System

/// The `HTTPClient` for plain `http://` receivers (most self-hosted ones sit on the LAN without TLS): HTTP/1.1 over a
/// TCP socket of its own, on the calling thread, with connections kept open between requests to the same receiver.
///
/// It answers as `URLSessionClient` does: redirects are not followed (a 3xx is the outcome); one deadline bounds the
/// whole exchange (connection, request, response head and the body read); the body is read only to be counted and
/// dropped, up to `bodyLimit`; and once the status is in, it stands, whatever the body does.
///
/// A connection goes back to an idle pool when its response was read whole within `bodyLimit`, its end was known
/// from the head, and the receiver did not say `Connection: close`. One taken from the pool is first checked to have
/// nothing to read (a receiver that closed it shows as readable). A receiver may still close it as the request is
/// written; when a kept connection breaks before any byte of a response arrived, the request is sent once more on a
/// new connection, within the same deadline, as other clients do (RFC 9112 §9.3.1): the receiver may then see it
/// twice, and drops the second by its `webhook-id`. A new connection's failure is the outcome.
///
/// `send` blocks its thread in `poll`, never longer than the deadline, and starts no thread: call it from the sender's
/// workers, never from an event loop. Safe to call from several threads at once.
public final class PlainHTTPClient: HTTPClient, Sendable {
    /// How much of a response body is read before the rest is dropped with the connection.
    let bodyLimit: Int
    /// The longest response head taken, interim responses included.
    let headLimit: Int
    let pool: IdleConnectionPool<PlainConnection>

    /// A client whose requests read at most `bodyLimit` bytes of a response body.
    public convenience init(bodyLimit: Int = HTTPClientDefaults.bodyLimit) {
        self.init(bodyLimit: bodyLimit, headLimit: ResponseHeadParser.defaultLimit, poolLimits: .init())
    }

    init(bodyLimit: Int, headLimit: Int, poolLimits: IdleConnectionPool<PlainConnection>.Limits) {
        self.bodyLimit = bodyLimit
        self.headLimit = headLimit
        pool = IdleConnectionPool(limits: poolLimits)
    }

    public func send(_ request: OutgoingRequest, timeout: Duration) -> HTTPAttempt {
        let started = Clock.monotonicMilliseconds()
        let timeoutMillis = Int(max(1, timeout.wholeMilliseconds))
        guard let url = ReceiverURL.parse(request.url) else {
            return HTTPAttempt(.failure(.unsupportedURL), durationMillis: 0)
        }
        let bytes: [UInt8]
        switch Self.requestBytes(request, url: url) {
        case .success(let made): bytes = made
        case .failure(let refused): return HTTPAttempt(.failure(refused), durationMillis: 0)
        }
        let deadline = started + Int64(timeoutMillis)
        let exchanged = exchange(bytes, method: request.method, url: url, deadline: deadline)
        let duration = Int(Clock.monotonicMilliseconds() - started)
        guard let status = exchanged.status else {
            let failure = Self.failure(exchanged.failure ?? .closed(afterBytes: 0), timeoutMillis: timeoutMillis)
            return HTTPAttempt(.failure(failure), durationMillis: duration)
        }
        return HTTPAttempt(
            .response(status: status), retryAfter: exchanged.retryAfter, location: exchanged.location,
            durationMillis: duration, bodyBytes: exchanged.bodyBytes, bodyTruncated: exchanged.bodyTruncated)
    }

    /// The exchange on a kept connection, sent again on a new one if the kept one broke before a response; or on a
    /// new one. The connection goes back to the pool when it can carry another request, and is closed otherwise.
    private func exchange(_ bytes: [UInt8], method: String, url: ReceiverURL, deadline: Int64) -> PlainExchange {
        if let kept = keptConnection(to: url.origin) {
            let exchanged = exchange(bytes, method: method, on: kept, deadline: deadline)
            if !exchanged.lostBeforeResponse || Clock.monotonicMilliseconds() >= deadline {
                return finish(exchanged, kept, url.origin)
            }
        }
        let opened = PlainConnection.open(
            host: url.host, port: url.port, numeric: url.isIPv6Literal, deadline: deadline)
        switch opened {
        case .failure(let failure):
            return PlainExchange(failure: .connect(failure))
        case .success(let connection):
            return finish(exchange(bytes, method: method, on: connection, deadline: deadline), connection, url.origin)
        }
    }

    private func finish(_ exchanged: PlainExchange, _ connection: PlainConnection, _ origin: ReceiverURL.Origin)
        -> PlainExchange
    {
        if exchanged.reusable { pool.put(connection, origin: origin, now: Clock.monotonicMilliseconds()) }
        return exchanged
    }

    /// A pooled connection to `origin` that is still open, the others taken being closed.
    private func keptConnection(to origin: ReceiverURL.Origin) -> PlainConnection? {
        while let connection = pool.take(origin, now: Clock.monotonicMilliseconds()) {
            if connection.isIdleAndOpen { return connection }
        }
        return nil
    }

    /// What an exchange's failure is said to be, as `URLSessionClient` says it where both can fail alike.
    static func failure(_ failure: PlainExchange.Failure, timeoutMillis: Int) -> HTTPAttempt.Failure {
        switch failure {
        case .connect(.timedOut), .io(.timedOut): return .timedOut(millis: timeoutMillis)
        case .connect(.unresolved): return .transport("the receiver's host name does not resolve")
        case .connect(.system(ECONNREFUSED)): return .connectionRefused
        case .connect(.system(let code)) where code == ENETUNREACH || code == EHOSTUNREACH:
            return .transport("the receiver's host cannot be reached")
        case .connect(.system(let code)): return .transport("could not connect: \(Self.describe(code))")
        case .connect(.closed): return .transport("could not connect")
        case .closed(let afterBytes) where afterBytes == 0:
            return .transport("the connection was closed before a response")
        case .closed: return .transport("the connection was closed before the whole response head")
        case .io(.system(let code)) where code == ECONNRESET || code == EPIPE:
            return .transport("the connection was lost before a response")
        case .io(.system(let code)): return .transport("the exchange failed: \(Self.describe(code))")
        case .io(.closed), .io(.unresolved): return .transport("the connection was closed before a response")
        case .head(let problem): return .transport(problem.description)
        case .framing: return .transport("the response was not HTTP: its Content-Length is not a length")
        }
    }

    private static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
