import Crypto
import Testing
import Time

@testable import Reminders

@Suite("One-tap link tokens: signed, expiring, and refused when touched")
struct LinkTokenTests {
    static let key = Array("a key of thirty-two bytes, exact".utf8)
    static let now = Instant(millis: 1_790_000_000_000)

    @Test("a token made and signed verifies as itself until its expiry, and is expired one second after")
    func roundTrip() {
        let token = LinkToken.make(itemKey: "7:follow_up:3:1789990000000", action: .done, now: Self.now)
        #expect(token.expiresAt == Self.now.secondsSince1970 + 14 * 86_400)
        let text = token.signed(with: Self.key)
        #expect(!text.contains("="))
        #expect(!text.contains("+") && !text.contains("/"))
        #expect(LinkToken.verify(text, key: Self.key, now: Self.now) == .valid(token))
        #expect(LinkToken.verify(text, key: Self.key, now: Instant(secondsSince1970: token.expiresAt)) == .valid(token))
        #expect(
            LinkToken.verify(text, key: Self.key, now: Instant(secondsSince1970: token.expiresAt + 1))
                == .expired(token))
    }

    @Test("two links for the same item and action have different nonces")
    func nonces() {
        let first = LinkToken.make(itemKey: "1:touch_base:-:0", action: .snooze, now: Self.now)
        let second = LinkToken.make(itemKey: "1:touch_base:-:0", action: .snooze, now: Self.now)
        #expect(first.nonce != second.nonce)
        #expect(Base64.decodeURL(first.nonce)?.count == 16)
    }

    static func forgeries() -> [(String, String)] {
        let token = LinkToken(
            itemKey: "7:follow_up:3:1789990000000", action: .done, expiresAt: 1_800_000_000, nonce: "n")
        let text = token.signed(with: key)
        let parts = text.split(separator: ".").map(String.init)
        let other = LinkToken(
            itemKey: "7:follow_up:3:1789990000000", action: .snooze, expiresAt: 1_800_000_000, nonce: "n"
        ).signed(with: key)
        let otherPayload = String(other.split(separator: ".")[0])
        var flipped = Array(parts[1].utf8)
        flipped[0] = flipped[0] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        return [
            ("another key", token.signed(with: Array("another key".utf8))),
            ("another payload under this signature", otherPayload + "." + parts[1]),
            ("a signature with one character changed", parts[0] + "." + String(decoding: flipped, as: UTF8.self)),
            ("no signature", parts[0]),
            ("an empty signature", parts[0] + "."),
            ("three parts", text + ".x"),
            ("not base64url", "!!!." + parts[1]),
            ("empty", ""),
            ("too long", String(repeating: "A", count: 2_000) + "." + parts[1]),
        ]
    }

    @Test("a token touched anywhere, or signed with another key, is forged", arguments: forgeries())
    func forged(_ name: String, _ text: String) {
        #expect(LinkToken.verify(text, key: Self.key, now: Self.now) == .forged, "\(name)")
    }

    static func signedPayloads() -> [(String, String)] {
        [
            ("version 2", #"{"v":2,"k":"1:follow_up:-:0","a":"done","e":1800000000,"n":"x"}"#),
            ("an unknown action", #"{"v":1,"k":"1:follow_up:-:0","a":"delete","e":1800000000,"n":"x"}"#),
            ("a key that is not an item key", #"{"v":1,"k":"drop table","a":"done","e":1800000000,"n":"x"}"#),
            ("no expiry", #"{"v":1,"k":"1:follow_up:-:0","a":"done","n":"x"}"#),
            ("an empty nonce", #"{"v":1,"k":"1:follow_up:-:0","a":"done","e":1800000000,"n":""}"#),
            ("not JSON", "v=1"),
        ]
    }

    @Test("a payload signed with the key but not one the service writes is refused", arguments: signedPayloads())
    func malformedPayload(_ name: String, _ payload: String) {
        let bytes = Array(payload.utf8)
        let text = Base64.encodeURL(bytes) + "." + Base64.encodeURL(HMAC.sha256(key: Self.key, message: bytes))
        #expect(LinkToken.verify(text, key: Self.key, now: Self.now) == .forged, "\(name)")
    }
}
