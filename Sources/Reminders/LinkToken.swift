import Crypto
import JSON
import Time

/// A one-tap action link's token: what the link does, to which item, until when, signed by the service.
///
/// The token is `base64url(payload) + "." + base64url(HMAC-SHA256(key, payload))`, the payload the compact JSON
/// `{"v":1,"k":item key,"a":action,"e":expiry in Unix seconds,"n":nonce}`. The signature is the authority: a
/// link needs no bearer token, and opens nothing but its one action on its one item. The nonce makes each link
/// usable once (the Store keeps the nonces used); see docs/REMINDERS.md.
public struct LinkToken: Sendable, Equatable {
    /// What tapping the link does.
    public enum Action: String, Sendable, CaseIterable {
        /// Records the outbound event the item asks for.
        case done
        /// Hides the item for two days.
        case snooze
        /// Records a response from the item's contact (follow-ups only).
        case replied
    }

    /// How long a link works: 14 days from when its message was queued.
    public static let lifetimeSeconds: Int64 = 14 * 86_400

    /// The item's key (`ItemKey`).
    public var itemKey: String
    public var action: Action
    /// Unix seconds after which the link is expired.
    public var expiresAt: Int64
    /// Random, base64url; what the Store records once the link is used.
    public var nonce: String

    public init(itemKey: String, action: Action, expiresAt: Int64, nonce: String) {
        self.itemKey = itemKey
        self.action = action
        self.expiresAt = expiresAt
        self.nonce = nonce
    }

    /// A link for `action` on `itemKey` made at `now`: it expires `lifetimeSeconds` later, with a fresh nonce.
    public static func make(itemKey: String, action: Action, now: Instant) -> LinkToken {
        LinkToken(
            itemKey: itemKey, action: action, expiresAt: now.secondsSince1970 + lifetimeSeconds,
            nonce: Base64.encodeURL(RandomBytes.make(16)))
    }

    /// The token's text, signed with `key`.
    public func signed(with key: [UInt8]) -> String {
        let payload: JSON = .object(
            JSONObject([
                ("v", 1), ("k", .string(itemKey)), ("a", .string(action.rawValue)),
                ("e", .number(JSONNumber(expiresAt))), ("n", .string(nonce)),
            ]))
        let bytes = Array(payload.serialized().utf8)
        return Base64.encodeURL(bytes) + "." + Base64.encodeURL(HMAC.sha256(key: key, message: bytes))
    }

    /// What reading a token's text found.
    public enum Verification: Sendable, Equatable {
        /// Signed with the key and not expired.
        case valid(LinkToken)
        /// Signed with the key, but past its expiry.
        case expired(LinkToken)
        /// Not a token, or not signed with the key.
        case forged
    }

    /// Reads `text` and checks its signature against `key` (in constant time) and its expiry against `now`.
    /// The signature is checked before the payload is read: nothing of a forged token is parsed.
    public static func verify(_ text: String, key: [UInt8], now: Instant) -> Verification {
        guard text.utf8.count <= 1_024 else { return .forged }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64.decodeURL(String(parts[0])),
            let signature = Base64.decodeURL(String(parts[1])),
            HMAC.constantTimeEqual(signature, HMAC.sha256(key: key, message: payload)),
            let json = try? JSONParser.parse(payload), json["v"]?.intValue == 1,
            let itemKey = json["k"]?.stringValue, ItemKey.parse(itemKey) != nil,
            let action = json["a"]?.stringValue.flatMap(Action.init(rawValue:)),
            let expiresAt = json["e"]?.int64Value, let nonce = json["n"]?.stringValue, !nonce.isEmpty
        else { return .forged }
        let token = LinkToken(itemKey: itemKey, action: action, expiresAt: expiresAt, nonce: nonce)
        return now.secondsSince1970 > expiresAt ? .expired(token) : .valid(token)
    }
}
