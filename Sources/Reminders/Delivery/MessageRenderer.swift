import Foundation
import JSON
import Outgoing
import Store
import Time

/// Makes the HTTP request that carries a delivery to its channel, as each kind of channel expects it: a signed
/// Standard Webhooks POST, an ntfy JSON publish, a Gotify message, an Apprise API notification. Pure: the same
/// channel, delivery, instant and zone make the same request, but for nothing (the webhook's timestamp and
/// signature are of the attempt's instant, its id the delivery's).
public struct MessageRenderer: Sendable {
    /// The service's public base URL (`--public-url`): the page a notification opens when tapped. The one-tap
    /// links are in the stored data already.
    public var publicURL: String?

    /// Identifies the sender to receivers and their logs.
    static let userAgent = "NotAPest"

    public init(publicURL: String? = nil) {
        self.publicURL = publicURL
    }

    /// The request for `delivery` to `channel` at `now` (the attempt's instant), its dates written in the zone
    /// named `timeZone` (IANA; UTC when unknown). Throws when the stored data or the channel cannot make one; no
    /// later attempt would do better.
    public func request(
        for channel: ChannelRecord, delivery: DeliveryRecord, at now: Instant, timeZone: String
    ) throws(RenderError) -> OutgoingRequest {
        let data: JSON
        do {
            data = try JSONParser.parse(delivery.body)
        } catch {
            throw .invalidData("the data is not JSON (\(error))")
        }
        let url = try Self.checkedURL(channel.fields.url)
        switch channel.fields.kind {
        case .webhook:
            return try webhook(channel, delivery, data: data, url: url, at: now)
        case .ntfy:
            let content = try MessageContent(
                type: delivery.type, data: data, dates: MessageDate(timeZone: timeZone, now: now))
            return try ntfy(channel, content, url: url)
        case .gotify:
            let content = try MessageContent(
                type: delivery.type, data: data, dates: MessageDate(timeZone: timeZone, now: now))
            return try gotify(channel, content, url: url)
        case .apprise:
            let content = try MessageContent(
                type: delivery.type, data: data, dates: MessageDate(timeZone: timeZone, now: now))
            return try apprise(content, url: url)
        }
    }

    /// The headers every request carries before its kind's own.
    static func commonHeaders() -> [OutgoingRequest.Header] {
        [.init("Content-Type", "application/json"), .init("User-Agent", userAgent)]
    }

    /// `text` read as an absolute `http` or `https` URL with a host.
    static func checkedURL(_ text: String) throws(RenderError) -> URLComponents {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else { throw .invalidURL("not an absolute http or https URL") }
        guard let host = components.host, !host.isEmpty else { throw .invalidURL("it names no host") }
        return components
    }

    /// The text of `components`, which came from a URL that read back.
    static func text(of components: URLComponents) throws(RenderError) -> String {
        guard let text = components.string else { throw .invalidURL("it cannot be written back") }
        return text
    }
}
