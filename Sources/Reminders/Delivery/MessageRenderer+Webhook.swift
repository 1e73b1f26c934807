import Crypto
import Foundation
import JSON
import Outgoing
import Store
import Time

/// Standard Webhooks 1.0: a JSON POST with `webhook-id`, `webhook-timestamp` and `webhook-signature`.
extension MessageRenderer {
    /// The signed request: body `{"type","timestamp","data"}`, signed with the channel's secret and, while a
    /// replaced secret is still honoured (`previousSecretUntil` after `now`), with that one too, so that a
    /// receiver that still holds the old secret keeps verifying during the change.
    func webhook(
        _ channel: ChannelRecord, _ delivery: DeliveryRecord, data: JSON, url: URLComponents, at now: Instant
    ) throws(RenderError) -> OutgoingRequest {
        guard let secret = channel.fields.secret, let key = WebhookSecret.key(of: secret) else {
            throw .invalidSecret
        }
        var keys = [key]
        if let previous = channel.fields.previousSecret, let until = channel.fields.previousSecretUntil,
            until > now.millis, let previousKey = WebhookSecret.key(of: previous)
        {
            keys.append(previousKey)
        }
        let seconds = now.secondsSince1970
        let body: JSON = .object(
            JSONObject([
                ("type", .string(delivery.type.rawValue)),
                ("timestamp", .string(Instant(secondsSince1970: seconds).rfc3339)), ("data", data),
            ]))
        var bytes: [UInt8] = []
        body.write(into: &bytes)
        let signature = Self.signature(id: delivery.messageId, timestamp: seconds, body: bytes, keys: keys)
        return OutgoingRequest(
            url: try Self.text(of: url),
            headers: Self.commonHeaders() + [
                .init("webhook-id", delivery.messageId), .init("webhook-timestamp", String(seconds)),
                .init("webhook-signature", signature),
            ],
            body: bytes)
    }

    /// The `webhook-signature` value: `v1,` and the base64 of HMAC-SHA256 over `{id}.{timestamp}.{body}`, once
    /// per key, separated by spaces (Standard Webhooks 1.0, "Signature scheme").
    static func signature(id: String, timestamp: Int64, body: [UInt8], keys: [[UInt8]]) -> String {
        let signed = Array("\(id).\(timestamp).".utf8) + body
        return keys.map { "v1," + Base64.encode(HMAC.sha256(key: $0, message: signed)) }.joined(separator: " ")
    }
}
