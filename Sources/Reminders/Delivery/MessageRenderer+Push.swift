import Foundation
import JSON
import Outgoing
import Store

/// The push services: ntfy, Gotify, and an Apprise API server.
extension MessageRenderer {
    /// ntfy's JSON publishing (https://docs.ntfy.sh/publish/#publish-as-json): a POST to the server's root, the
    /// topic in the body, taken from the last segment of the channel's URL path; a server behind a path prefix
    /// (`https://example.org/ntfy/topic`) is posted to that prefix. The token travels as a bearer token.
    func ntfy(_ channel: ChannelRecord, _ content: MessageContent, url: URLComponents) throws(RenderError)
        -> OutgoingRequest
    {
        var segments = url.path.split(separator: "/").map(String.init)
        guard let topic = segments.popLast() else { throw .invalidURL("an ntfy URL names its topic in its path") }
        var root = url
        root.path = "/" + segments.map { $0 + "/" }.joined()
        root.query = nil
        root.fragment = nil
        var members: [(String, JSON)] = [
            ("topic", .string(topic)), ("title", .string(content.title)), ("message", .string(content.message)),
            ("priority", content.overdue ? 4 : 3), ("tags", .array(content.tags.map(JSON.string))),
        ]
        if let publicURL { members.append(("click", .string(publicURL))) }
        // ntfy shows at most three buttons; each POSTs to its link and clears the notification.
        let actions = content.links.prefix(3).map { link -> JSON in
            .object(
                JSONObject([
                    ("action", "http"), ("label", .string(link.label)), ("url", .string(link.url)),
                    ("method", "POST"), ("clear", true),
                ]))
        }
        if !actions.isEmpty { members.append(("actions", .array(actions))) }
        var headers = Self.commonHeaders()
        if let token = channel.fields.token, !token.isEmpty {
            headers.append(.init("Authorization", "Bearer \(token)"))
        }
        return OutgoingRequest(url: try Self.text(of: root), headers: headers, body: Self.bytes(members))
    }

    /// Gotify's message API (https://gotify.net/api-docs, `POST /message`): the application token as
    /// `X-Gotify-Key`, and the page to open when tapped in `extras` (https://gotify.net/docs/msgextras).
    /// Gotify's clients show priorities of 4 and above with a sound, and 8 and above insistently.
    func gotify(_ channel: ChannelRecord, _ content: MessageContent, url: URLComponents) throws(RenderError)
        -> OutgoingRequest
    {
        guard let token = channel.fields.token, !token.isEmpty else { throw .missingToken }
        var target = url
        target.path = (url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path) + "/message"
        target.query = nil
        target.fragment = nil
        var members: [(String, JSON)] = [
            ("title", .string(content.title)), ("message", .string(content.message)),
            ("priority", content.overdue ? 8 : 5),
        ]
        if let publicURL {
            members.append(("extras", ["client::notification": ["click": ["url": .string(publicURL)]]]))
        }
        return OutgoingRequest(
            url: try Self.text(of: target), headers: Self.commonHeaders() + [.init("X-Gotify-Key", token)],
            body: Self.bytes(members))
    }

    /// The Apprise API's notify URL (`…/notify/{key}`), as given: title, body, and a `warning` for an overdue
    /// item.
    func apprise(_ content: MessageContent, url: URLComponents) throws(RenderError) -> OutgoingRequest {
        let members: [(String, JSON)] = [
            ("title", .string(content.title)), ("body", .string(content.message)),
            ("type", .string(content.overdue ? "warning" : "info")),
        ]
        return OutgoingRequest(url: try Self.text(of: url), headers: Self.commonHeaders(), body: Self.bytes(members))
    }

    static func bytes(_ members: [(String, JSON)]) -> [UInt8] {
        var bytes: [UInt8] = []
        JSON.object(JSONObject(members)).write(into: &bytes)
        return bytes
    }
}
